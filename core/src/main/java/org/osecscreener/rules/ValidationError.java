package org.osecscreener.rules;

import java.util.Objects;

/**
 * One problem found in a rule file: where it is and what is accepted.
 *
 * <p>{@link #toString()} renders it the way a compiler would, for example
 * {@code rules.yaml:14:7 [cover_keywords] detectors.cover_keywords.lists[0]: keyword list
 * 'cover_wrods' is not defined; defined lists: cover_words}.
 *
 * @param file    the file name as given to the loader
 * @param line    1-based line, or 0 if the problem concerns the whole file
 * @param column  1-based column, or 0 if unknown
 * @param ruleId  the detector type the problem is in (the key under {@code detectors}), or {@code null}
 * @param field   the dotted path of the field, arrays as {@code [i]} (e.g.
 *                {@code detectors.small_amount.bands[1].min}), or {@code null} for the whole file
 * @param message what was wrong and what is accepted
 */
public record ValidationError(String file, int line, int column, String ruleId, String field, String message) {
    /** @throws NullPointerException if file or message is {@code null} */
    public ValidationError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(' ');
        if (ruleId != null) {
            sb.append('[').append(ruleId).append("] ");
        }
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
