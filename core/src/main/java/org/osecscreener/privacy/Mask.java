package org.osecscreener.privacy;

/**
 * Masks identifiers for display: explanations, reports and logs show these forms only.
 *
 * <p>A masked value keeps just enough of the original for an analyst to tell two values
 * apart and to match one against a case file, and never the whole value:
 * <ul>
 *   <li>phone numbers in E.164 keep the {@code +}, the country code and the first operator
 *       digits (six characters in all) and the last four digits:
 *       {@code +639171234567} becomes {@code +63917•••4567};</li>
 *   <li>e-mail addresses keep the first two characters of the local part and the domain's
 *       last four characters: {@code maria.santos@example.com} becomes {@code ma•••.com};</li>
 *   <li>any other value ({@link #text}) keeps up to three leading and three trailing characters,
 *       fewer for short values, and values of four characters or fewer are fully hidden.</li>
 * </ul>
 * The mask character is {@value #DOTS} (three bullets). All methods are pure, thread-safe,
 * and accept {@code null} (returned as {@code ""}).
 */
public final class Mask {
    /** What replaces the hidden middle of a value. */
    public static final String DOTS = "•••";

    private Mask() {
    }

    /**
     * Masks a phone number, ideally in E.164.
     *
     * @param phone the phone number, may be {@code null}
     * @return for example {@code +63917•••4567}; a value that is not E.164 is masked as {@link #text}
     */
    public static String phone(String phone) {
        if (phone == null) {
            return "";
        }
        if (phone.length() >= 11 && phone.charAt(0) == '+') {
            return phone.substring(0, 6) + DOTS + phone.substring(phone.length() - 4);
        }
        return text(phone);
    }

    /**
     * Masks an e-mail address.
     *
     * @param email the address, may be {@code null}
     * @return for example {@code ma•••.com}
     */
    public static String email(String email) {
        if (email == null) {
            return "";
        }
        int at = email.indexOf('@');
        if (at < 0) {
            return text(email);
        }
        String head = email.substring(0, Math.min(2, at));
        String domain = email.substring(at + 1);
        String tail = domain.length() <= 4 ? "" : domain.substring(domain.length() - 4);
        return head + DOTS + tail;
    }

    /**
     * Masks an account number: the first two characters (an IBAN's country code) and the last four.
     *
     * @param account the account, may be {@code null}
     * @return for example {@code PH•••7890}
     */
    public static String account(String account) {
        if (account == null) {
            return "";
        }
        if (account.length() < 10) {
            return text(account);
        }
        return account.substring(0, 2) + DOTS + account.substring(account.length() - 4);
    }

    /**
     * Masks any other value: up to three leading and three trailing characters are kept, and at
     * most a third of the value is shown in all.
     *
     * @param value the value, may be {@code null}
     * @return the masked value, {@value #DOTS} for values of four characters or fewer
     */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        int n = value.codePointCount(0, value.length());
        if (n <= 4) {
            return DOTS;
        }
        int keep = Math.min(3, n / 6 + 1);
        int headEnd = value.offsetByCodePoints(0, keep);
        int tailStart = value.offsetByCodePoints(value.length(), -keep);
        return value.substring(0, headEnd) + DOTS + value.substring(tailStart);
    }
}
