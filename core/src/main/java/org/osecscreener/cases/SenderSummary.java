package org.osecscreener.cases;

import java.util.List;
import java.util.Objects;

/**
 * The per-sender view across cases: which cases a sender appears in and what they sent there.
 *
 * @param senderId  the sender
 * @param country   the sender's country, or {@code null} when the sender is not in the transactions
 * @param caseIds   the cases the sender paid into, in case order
 * @param alerts    alerts on the sender's transfers across those cases
 * @param transfers the sender's transfers in those cases' transaction tables
 * @param totals    the sum of those transfers per currency, for example {@code 245.00 AUD}, sorted by currency
 */
public record SenderSummary(String senderId, String country, List<String> caseIds, int alerts, int transfers,
                            List<String> totals) {
    /** @throws NullPointerException if a list or the id is {@code null} */
    public SenderSummary {
        Objects.requireNonNull(senderId, "senderId");
        caseIds = List.copyOf(caseIds);
        totals = List.copyOf(totals);
    }
}
