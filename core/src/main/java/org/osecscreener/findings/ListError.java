package org.osecscreener.findings;

/**
 * One problem in a findings list or tip list, with where it is.
 *
 * @param file    the file name
 * @param line    the 1-based line, or 0 for the whole file
 * @param field   the field or column, or {@code null}
 * @param message what is wrong and what is accepted; never a raw identifier
 */
public record ListError(String file, long line, String field, String message) {
    /** {@code file:line: field: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + (field == null ? "" : field + ": ") + message;
    }
}
