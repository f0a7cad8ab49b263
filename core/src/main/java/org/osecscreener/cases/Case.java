package org.osecscreener.cases;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osecscreener.cluster.Link;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;

/**
 * One case: the alerts on one payee cluster in one case period, with the evidence an analyst
 * needs (see {@code docs/cases.md}). Immutable; values are raw, and exports mask them.
 *
 * @param caseId       {@code CASE-} + 16 hex digits of SHA-256 over the cluster key and the opening instant
 * @param clusterId    the payee cluster (as re-resolved over the transactions; else as the alerts name it)
 * @param opened       the first alert's time: the case period starts here
 * @param periodEnd    {@code opened} + the period: later alerts on the cluster open a new case
 * @param lastAlert    the latest alert's time
 * @param windowStart  the earliest transaction in the case's evidence (alerted transfers and hit evidence)
 * @param level        the highest alert level
 * @param maxScore     the highest score
 * @param bundles      the {@code id@version} of every rule bundle that produced an alert, sorted
 * @param alerts       the alerts, in time order
 * @param rules        each rule that fired, in order of first appearance
 * @param payeeIds     the cluster's members, sorted
 * @param links        why the members were linked (identifier values masked by the resolver)
 * @param senderIds    every sender that paid a member in [{@code windowStart}, {@code lastAlert}], sorted
 * @param parties      the latest known details of senders and payees, by id (some may be missing)
 * @param transactions every transfer to a member in [{@code windowStart}, {@code lastAlert}], in time order
 */
public record Case(String caseId, String clusterId, OffsetDateTime opened, OffsetDateTime periodEnd,
                   OffsetDateTime lastAlert, OffsetDateTime windowStart, Level level, double maxScore,
                   List<String> bundles, List<Assessment> alerts, List<RuleSummary> rules, List<String> payeeIds,
                   List<Link> links, List<String> senderIds, Map<String, Party> parties,
                   List<Transaction> transactions) {
    /** @throws NullPointerException if a component is {@code null} */
    public Case {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(lastAlert, "lastAlert");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(level, "level");
        bundles = List.copyOf(bundles);
        alerts = List.copyOf(alerts);
        rules = List.copyOf(rules);
        payeeIds = List.copyOf(payeeIds);
        links = List.copyOf(links);
        senderIds = List.copyOf(senderIds);
        parties = Map.copyOf(parties);
        transactions = List.copyOf(transactions);
    }

    /** The set of transaction ids that were alerted in this case. */
    public java.util.Set<String> alertedTransactionIds() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Assessment a : alerts) {
            ids.add(a.transactionId());
        }
        return ids;
    }
}
