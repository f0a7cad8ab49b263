package org.osecscreener.rules;

import java.util.Currency;
import java.util.regex.Pattern;
import org.osecscreener.model.Countries;

/**
 * The accepted forms of the names and codes in a rule bundle, shared by the records, the
 * loader's semantic checks and (as patterns) the JSON Schema.
 *
 * <p>Why so strict: a rule file is data. Ids that look like paths ({@code ../x}, {@code a/b},
 * {@code C:\x}) or URLs ({@code https://...}) are refused, so nothing downstream is ever
 * tempted to resolve them.
 */
final class Names {
    static final Pattern BUNDLE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final String BUNDLE_ID_RULE = "accepted: 1-64 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit, without '..'";
    static final Pattern LIST_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    static final String LIST_NAME_RULE = "accepted: 1-64 characters of a-z, 0-9, '_', starting with a letter";
    static final Pattern PARTY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@#+:-]{0,127}");
    static final String PARTY_ID_RULE = "accepted: 1-128 characters of letters, digits, '.', '_', '@', '#', '+', ':', '-', starting with a letter or digit, without '..' (no paths or URLs)";

    private Names() {
    }

    static boolean isBundleId(String s) {
        return s != null && BUNDLE_ID.matcher(s).matches() && !s.contains("..");
    }

    static boolean isListName(String s) {
        return s != null && LIST_NAME.matcher(s).matches();
    }

    static boolean isPartyId(String s) {
        return s != null && PARTY_ID.matcher(s).matches() && !s.contains("..");
    }

    /** Whether {@code code} is an upper-case ISO 4217 code the JDK knows. */
    static boolean isCurrency(String code) {
        if (code == null || code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static Currency currency(String field, String code) {
        if (!isCurrency(code)) {
            throw new IllegalArgumentException(field + ": '" + code + "' is not an ISO 4217 currency code");
        }
        return Currency.getInstance(code);
    }

    static String country(String field, String code) {
        if (!Countries.isValid(code)) {
            throw new IllegalArgumentException(field + ": '" + code
                    + "' is not an ISO 3166-1 alpha-2 country code (two upper-case letters)");
        }
        return code;
    }
}
