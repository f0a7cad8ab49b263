package org.osecscreener.detect;

/**
 * A valid transaction that the current rule bundle cannot screen, for example because its
 * currency has no FX rate in the bundle. Callers route it to the dead-letter output with
 * {@link #getMessage()} as the reason; no state was changed.
 */
public final class UnscreenableTransactionException extends RuntimeException {
    private final String field;

    /** @param field the offending field, @param message what was wrong and what is accepted */
    public UnscreenableTransactionException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field, for example {@code currency}. */
    public String field() {
        return field;
    }
}
