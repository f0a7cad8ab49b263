package org.osecscreener.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Argument checks shared by the compact constructors of the rule records.
 *
 * <p>The loader reports the same conditions with file, line and field before any record is
 * built; these checks guard bundles that are built in code, so that an invalid record can
 * never exist. Messages name the field, the value and what is accepted.
 */
final class Check {
    /** Longest accepted window, in days (one leap year). */
    static final int MAX_WINDOW_DAYS = 366;
    /** Largest accepted count parameter. */
    static final int MAX_COUNT = 100_000;

    private Check() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static double weight(String field, double value) {
        if (!(value > 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(field + " was " + value + "; accepted: (0, 1]");
        }
        return value;
    }

    static double share(String field, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(field + " was " + value + "; accepted: [0, 1]");
        }
        return value;
    }

    static double positive(String field, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " was " + value + "; accepted: a finite number > 0");
        }
        return value;
    }

    static int window(String field, int value) {
        return range(field, value, 1, MAX_WINDOW_DAYS);
    }

    static int count(String field, int value) {
        return range(field, value, 1, MAX_COUNT);
    }

    static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " was " + value + "; accepted: [" + min + ", " + max + "]");
        }
        return value;
    }

    static int atLeast(String field, int value, String otherField, int other) {
        if (value < other) {
            throw new IllegalArgumentException(field + " was " + value + "; it must be at least " + otherField
                    + " (" + other + ")");
        }
        return value;
    }

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " is " + value.length() + " characters long; at most "
                    + max + " are accepted");
        }
        return value;
    }

    static <T> List<T> list(String field, List<T> value) {
        if (value == null) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(value.size());
        for (T t : value) {
            copy.add(Objects.requireNonNull(t, () -> field + " must not contain null"));
        }
        return Collections.unmodifiableList(copy);
    }

    /** An unmodifiable copy that keeps the order of the source (so files round-trip readably). */
    static <K, V> Map<K, V> map(String field, Map<K, V> value) {
        if (value == null) {
            return Map.of();
        }
        Map<K, V> copy = new LinkedHashMap<>();
        value.forEach((k, v) -> copy.put(Objects.requireNonNull(k, () -> field + " must not have a null key"),
                Objects.requireNonNull(v, () -> field + "." + k + " must not be null")));
        return Collections.unmodifiableMap(copy);
    }
}
