package org.osecscreener.screen;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.osecscreener.model.Transaction;

/**
 * The two timestamp checks both shells make before screening, with the reasons they give
 * ({@code docs/time-and-order.md}):
 *
 * <ul>
 *   <li><b>Too far ahead</b> of the wall clock: a timestamp more than {@code maxAhead} after the
 *       current time cannot be a payment that was made; screening it would move the event-time
 *       clock (de-duplication, retention sweeps, watermarks) into the future and age every other
 *       record out. Checked against the wall clock, not the data, so a stream that pauses for days
 *       and resumes is never refused.</li>
 *   <li><b>Too old</b>: a timestamp whose UTC day is more than the retention
 *       ({@linkplain org.osecscreener.rules.RuleBundle#longestWindowDays() longest rule window} plus
 *       one day) before the latest event day seen. Its rule windows have closed and its id can no
 *       longer be de-duplicated, so it could be a replay of a transfer already screened.</li>
 * </ul>
 * Rejected transactions go to the dead letter with field {@code timestamp} and change nothing.
 * Stateless and thread-safe.
 */
public final class TimeChecks {
    private TimeChecks() {
    }

    /**
     * Whether {@code tx} is more than {@code maxAhead} after {@code nowMillis}.
     *
     * @param tx        the transaction
     * @param nowMillis the wall-clock time, epoch milliseconds
     * @param maxAhead  the tolerance (clock skew between systems), or {@code null} for no bound
     * @return the reason to reject it, or {@code null} to screen it
     */
    public static String tooFarAhead(Transaction tx, long nowMillis, Duration maxAhead) {
        if (maxAhead == null || tx.epochMillis() - nowMillis <= maxAhead.toMillis()) {
            return null;
        }
        return "timestamp " + tx.timestamp() + " is after the current time " + Instant.ofEpochMilli(nowMillis)
                + " by more than the allowed " + maxAhead + " (--max-future); a payment cannot be dated in the future."
                + " Check the source system's clock and offset";
    }

    /**
     * Whether {@code tx} is older than the retention before the latest event day.
     *
     * @param tx            the transaction
     * @param latestDay     the latest UTC epoch day screened so far, or {@link Integer#MIN_VALUE} if none
     * @param retentionDays the retention in days (longest rule window plus one)
     * @return the reason to reject it, or {@code null} to screen it
     */
    public static String tooOld(Transaction tx, int latestDay, int retentionDays) {
        long day = Math.floorDiv(tx.timestamp().toEpochSecond(), 86_400L);
        if (latestDay == Integer.MIN_VALUE || day >= (long) latestDay - retentionDays) {
            return null;
        }
        return "timestamp " + tx.timestamp() + " is " + (latestDay - day) + " days before the latest event day screened ("
                + LocalDate.ofEpochDay(latestDay) + "), more than the retention of " + retentionDays
                + " days: its rule windows have closed and its id can no longer be de-duplicated."
                + " Screen such a backlog in its own run, in event-time order";
    }
}
