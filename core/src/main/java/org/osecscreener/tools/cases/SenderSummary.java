package org.osecscreener.tools.cases;

import java.util.List;
import java.util.Objects;

/**
 * The per-sender view across cases: which cases a sender appears in and what they sent there.
 *
 * @param senderId      the sender
 * @param country       the sender's country, or {@code null} when the sender is not in the transactions
 * @param caseIds       the OSEC cases the sender paid into, in case order
 * @param alerts        OSEC alerts (transaction and look-back) on the sender across those cases
 * @param transfers     the sender's distinct transfers in the transaction tables of all their cases
 * @param totals        the sum of those transfers per currency, for example {@code 245.00 AUD}, sorted by currency
 * @param victimCaseIds the sextortion cases in which the sender is the customer who may be the victim, in case order
 */
public record SenderSummary(String senderId, String country, List<String> caseIds, int alerts, int transfers,
                            List<String> totals, List<String> victimCaseIds) {
    /** @throws NullPointerException if a list or the id is {@code null} */
    public SenderSummary {
        Objects.requireNonNull(senderId, "senderId");
        caseIds = List.copyOf(caseIds);
        totals = List.copyOf(totals);
        victimCaseIds = List.copyOf(victimCaseIds);
    }

    /** A sender who is the customer of no sextortion case. */
    public SenderSummary(String senderId, String country, List<String> caseIds, int alerts, int transfers,
                         List<String> totals) {
        this(senderId, country, caseIds, alerts, transfers, totals, List.of());
    }
}
