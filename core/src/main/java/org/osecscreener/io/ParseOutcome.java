package org.osecscreener.io;

import org.osecscreener.model.Transaction;

/**
 * What one input line became: a {@link Parsed} transaction, a {@link Rejected} record, or a
 * {@link Skipped} blank line. Exactly one per line read, so that
 * {@code valid + rejected + skipped = lines read}.
 */
public sealed interface ParseOutcome {
    /** The 1-based line number. */
    long lineNumber();

    /** A valid transaction. */
    record Parsed(long lineNumber, Transaction transaction) implements ParseOutcome {
    }

    /** A record that failed validation. */
    record Rejected(Rejection rejection) implements ParseOutcome {
        @Override
        public long lineNumber() {
            return rejection.lineNumber();
        }
    }

    /** A blank (empty or whitespace-only) line: skipped and counted, not an error. */
    record Skipped(long lineNumber) implements ParseOutcome {
    }
}
