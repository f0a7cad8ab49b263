package org.osecscreener.io;

/**
 * An input record that was not accepted, with why and where.
 *
 * <p>Rejections go to a dead-letter output: nothing read is ever dropped silently.
 *
 * @param lineNumber the 1-based line number in the input (or the record's position in a stream)
 * @param raw        the raw record, cut to at most {@link #MAX_RAW_CHARS} characters
 * @param field      the dotted path of the offending field (for example {@code sender.country}),
 *                   or {@code null} when the record as a whole is bad (malformed JSON, too long)
 * @param reason     what was wrong and what is accepted, in words
 */
public record Rejection(long lineNumber, String raw, String field, String reason) {
    /** The most characters of a raw record that a rejection keeps. */
    public static final int MAX_RAW_CHARS = 512;

    public Rejection {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        raw = cut(raw);
    }

    static String cut(String raw) {
        if (raw == null) {
            return "";
        }
        if (raw.length() <= MAX_RAW_CHARS) {
            return raw;
        }
        int end = MAX_RAW_CHARS;
        if (Character.isHighSurrogate(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(0, end) + "…";
    }

    /** One line for a console: {@code line 7: sender.country: 'XX' is not ...}. */
    public String describe() {
        return "line " + lineNumber + ": " + (field == null ? "" : field + ": ") + reason;
    }
}
