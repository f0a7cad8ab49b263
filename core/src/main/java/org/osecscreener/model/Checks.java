package org.osecscreener.model;

/** Argument checks shared by the model's compact constructors. */
final class Checks {
    private Checks() {
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
        return maxLength(field, value, max);
    }

    static String maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + " is " + value.length()
                    + " characters long; at most " + max + " are accepted");
        }
        return value;
    }
}
