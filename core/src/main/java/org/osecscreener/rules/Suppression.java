package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of {@code suppressions}: a party or cluster an analyst investigated and cleared,
 * whose alerts are suppressed until {@code expires}.
 *
 * @param kind    what {@code id} names
 * @param id      the party or cluster id ({@link Names#PARTY_ID_RULE})
 * @param expires first day on which the suppression no longer applies; {@code null} for none
 *                (discouraged: suppressions should be re-reviewed)
 * @param reason  why, for the audit trail; required, at most 500 characters
 */
public record Suppression(@JsonProperty("kind") SuppressionKind kind, @JsonProperty("id") String id,
                          @JsonProperty("expires") LocalDate expires, @JsonProperty("reason") String reason) {
    /** Longest accepted reason. */
    public static final int MAX_REASON = 500;

    /** @throws IllegalArgumentException if kind is missing, the id is not accepted, or the reason is blank or too long */
    public Suppression {
        Objects.requireNonNull(kind, "suppression kind is required (SENDER, BENEFICIARY or CLUSTER)");
        if (!Names.isPartyId(id)) {
            throw new IllegalArgumentException("suppression id '" + id + "' is not accepted; " + Names.PARTY_ID_RULE);
        }
        Check.text("suppression reason", reason, MAX_REASON);
    }

    /**
     * Whether the suppression applies on a day.
     *
     * @param day the day, in the time zone the caller screens in
     * @return {@code true} if there is no expiry or {@code day} is before it
     */
    public boolean isActiveOn(LocalDate day) {
        return expires == null || day.isBefore(expires);
    }
}
