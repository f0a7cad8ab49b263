package org.osecscreener.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One transfer from a sender to a beneficiary: the unit that is screened.
 *
 * <p>Immutable and thread-safe. The JSON-lines form is documented in
 * {@code docs/transaction-format.md} and read and written by {@code org.osecscreener.io}.
 *
 * <p>The timestamp keeps the offset it was written with, so that rules can reason about the
 * sender's local hour. An offset of {@code Z} (or {@code +00:00}) is taken as UTC: the
 * codec never guesses a zone from the country.
 *
 * @param id          the transaction id, unique per source system, required
 * @param timestamp   when the transfer was initiated, with its offset, required
 * @param amount      the amount sent, in the sending currency, more than zero, required
 * @param channel     how it was sent, or {@code null} when not given
 * @param purpose     free-text purpose or payment reference, or {@code null}
 * @param sender      who paid, required
 * @param beneficiary who was paid, required
 * @param label       ground truth for backtesting only, or {@code null}; never read by screening
 */
public record Transaction(String id, OffsetDateTime timestamp, Money amount, Channel channel, String purpose,
                          Party sender, Party beneficiary, Label label) {

    /**
     * @throws IllegalArgumentException if the id is blank, the amount is zero, or the purpose is too long
     * @throws NullPointerException     if a required component is {@code null}
     */
    public Transaction {
        Checks.required("id", id, Limits.ID);
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(beneficiary, "beneficiary");
        if (amount.minorUnits() <= 0) {
            throw new IllegalArgumentException("amount must be more than zero, was " + amount);
        }
        Checks.maxLength("purpose", purpose, Limits.PURPOSE);
    }

    /** Event time in milliseconds since the epoch. */
    public long epochMillis() {
        return timestamp.toInstant().toEpochMilli();
    }

    /** This transaction without its label, as screening sees it. */
    public Transaction withoutLabel() {
        return label == null ? this : new Transaction(id, timestamp, amount, channel, purpose, sender, beneficiary, null);
    }
}
