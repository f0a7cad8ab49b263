package org.osecscreener.findings;

import java.util.List;

/** A findings list, tip list or watchlist setting was refused; {@link #errors()} says every where and why. */
public final class WatchlistException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ListError> errors;

    /** @param errors at least one error */
    public WatchlistException(List<ListError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** Every error found (at most {@link FindingsFile#MAX_ERRORS}). */
    public List<ListError> errors() {
        return errors;
    }

    private static String summary(List<ListError> errors) {
        if (errors.isEmpty()) {
            return "invalid list";
        }
        return errors.size() == 1 ? errors.get(0).toString()
                : errors.get(0) + " (and " + (errors.size() - 1) + " more)";
    }
}
