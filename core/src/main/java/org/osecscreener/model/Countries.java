package org.osecscreener.model;

import java.util.Locale;

/**
 * ISO 3166-1 alpha-2 country codes, checked in constant time.
 *
 * <p>The accepted set is the JDK's list of ISO countries plus {@code XK} (Kosovo, a
 * user-assigned code that payment systems use). Codes are upper case, exactly two letters.
 */
public final class Countries {
    private static final boolean[] VALID = new boolean[26 * 26];

    static {
        for (String c : Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)) {
            VALID[index(c.charAt(0), c.charAt(1))] = true;
        }
        VALID[index('X', 'K')] = true;
    }

    private Countries() {
    }

    /**
     * Whether {@code code} is an upper-case ISO 3166-1 alpha-2 code.
     *
     * @param code the candidate, may be {@code null}
     * @return {@code true} if the code is known
     */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 2) {
            return false;
        }
        char a = code.charAt(0);
        char b = code.charAt(1);
        return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z' && VALID[index(a, b)];
    }

    private static int index(char a, char b) {
        return (a - 'A') * 26 + (b - 'A');
    }
}
