package org.osecscreener.tools.cases;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.osecscreener.cluster.Link;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.AssessmentKind;
import org.osecscreener.score.ClusterAssessment;
import org.osecscreener.score.Level;

/**
 * One case, with the evidence an analyst needs (see {@code docs/cases.md}). Immutable; values are
 * raw, and exports mask them. A case has one of two typologies:
 *
 * <ul>
 *   <li>{@link Typology#OSEC}: the alerts on one payee cluster in one case period: transaction and
 *       look-back assessments of its senders, and the cluster's own assessments.</li>
 *   <li>{@link Typology#SEXTORTION}: the {@code sextortion_victim} alerts on one customer in one
 *       case period. The customer ({@link #customerId()}) may be the victim; the payees are the
 *       recipients of the customer's payments. These alerts never go into OSEC cases.</li>
 * </ul>
 *
 * @param caseId       {@code CASE-} + 16 hex digits of SHA-256 over the case's subject (the cluster
 *                     key, or {@code VICTIM:} and the customer) and the opening instant
 * @param typology     what the case is about, and so which STR/SAR key terms it carries
 * @param clusterId    the payee cluster (as re-resolved over the transactions; else as the alerts name it);
 *                     for a sextortion case, the cluster of the first alert's recipient
 * @param customerId   for a sextortion case, the customer who may be the victim; {@code null} for OSEC
 * @param opened       the first alert's time: the case period starts here
 * @param periodEnd    {@code opened} + the period: later alerts on the subject open a new case
 * @param lastAlert    the latest alert's time
 * @param windowStart  the earliest transaction in the case's evidence (alerted transfers and hit evidence)
 * @param level        the highest level of the case's alerts and cluster assessments
 * @param maxScore     the highest score of the case's alerts and cluster assessments
 * @param bundles      the {@code id@version} of every rule bundle that produced an alert, sorted
 * @param alerts       the sender assessments, in time order (a look-back alert at the time it was raised)
 * @param rules        each rule that fired on {@code alerts}, in order of first appearance
 * @param payeeIds     the cluster's members (for a sextortion case: the recipients), sorted
 * @param links        why the members were linked (identifier values masked by the resolver); for a
 *                     sextortion case, the links between the recipients
 * @param senderIds    every sender that paid a member in [{@code windowStart}, {@code lastAlert}], sorted;
 *                     for a sextortion case, the customer alone
 * @param parties      the latest known details of senders and payees, by id (some may be missing)
 * @param transactions every transfer to a member in [{@code windowStart}, {@code lastAlert}], in time
 *                     order; for a sextortion case, the customer's payments to the recipients in it
 * @param clusterAssessments the payee cluster's own assessments in the case period, in time order
 *                     (empty for sextortion cases, and when the alerts hold none)
 * @param lookBack     the senders alerted by look-back in the case period, in the order raised
 * @param possibleVictims senders of this OSEC case who are the customer of a sextortion case of the
 *                     report overlapping it, with that case's id (empty for sextortion cases)
 */
public record Case(String caseId, Typology typology, String clusterId, String customerId, OffsetDateTime opened,
                   OffsetDateTime periodEnd, OffsetDateTime lastAlert, OffsetDateTime windowStart, Level level,
                   double maxScore, List<String> bundles, List<Assessment> alerts, List<RuleSummary> rules,
                   List<String> payeeIds, List<Link> links, List<String> senderIds, Map<String, Party> parties,
                   List<Transaction> transactions, List<ClusterAssessment> clusterAssessments,
                   List<LookBackSender> lookBack, Map<String, String> possibleVictims) {
    /**
     * @throws NullPointerException     if a component other than {@code customerId} is {@code null}
     * @throws IllegalArgumentException if a sextortion case has no customer, or an OSEC case has one
     */
    public Case {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(typology, "typology");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(lastAlert, "lastAlert");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(level, "level");
        if ((typology == Typology.SEXTORTION) != (customerId != null)) {
            throw new IllegalArgumentException("a sextortion case names its customer, an OSEC case none (" + caseId + ")");
        }
        bundles = List.copyOf(bundles);
        alerts = List.copyOf(alerts);
        rules = List.copyOf(rules);
        payeeIds = List.copyOf(payeeIds);
        links = List.copyOf(links);
        senderIds = List.copyOf(senderIds);
        parties = Map.copyOf(parties);
        transactions = List.copyOf(transactions);
        clusterAssessments = List.copyOf(clusterAssessments);
        lookBack = List.copyOf(lookBack);
        possibleVictims = Map.copyOf(possibleVictims);
    }

    /** Whether the customer of this case may be the victim of sextortion ({@link Typology#SEXTORTION}). */
    public boolean isVictimCase() {
        return typology == Typology.SEXTORTION;
    }

    /**
     * The ids of the transactions the alerts are about, look-back alerts excepted (their transaction
     * is the sender's earlier transfer: see {@link #lookBackTransactionIds()}).
     */
    public Set<String> alertedTransactionIds() {
        Set<String> ids = new HashSet<>();
        for (Assessment a : alerts) {
            if (a.kind() != AssessmentKind.LOOK_BACK) {
                ids.add(a.transactionId());
            }
        }
        return ids;
    }

    /** The transfers that look-back alerts cite: the look-back senders' earlier transfers to the cluster. */
    public Set<String> lookBackTransactionIds() {
        Set<String> ids = new HashSet<>();
        for (LookBackSender l : lookBack) {
            ids.add(l.latestTransfer());
            ids.addAll(l.evidence());
        }
        return ids;
    }

    /** The senders alerted by look-back in this case. */
    public Set<String> lookBackSenderIds() {
        Set<String> ids = new HashSet<>();
        for (LookBackSender l : lookBack) {
            ids.add(l.senderId());
        }
        return ids;
    }

    /** The cluster assessment that first put the cluster at ALERT in this case, if any. */
    public Optional<ClusterAssessment> clusterAlert() {
        return clusterAssessments.stream().filter(c -> c.level() == Level.ALERT).findFirst();
    }

    /**
     * The cluster's highest assessment in this case: the highest level, then the highest score,
     * then the latest; empty when the case holds no cluster assessment.
     */
    public Optional<ClusterAssessment> topClusterAssessment() {
        return clusterAssessments.stream().max(Comparator.comparing(ClusterAssessment::level)
                .thenComparingDouble(ClusterAssessment::score)
                .thenComparing(c -> c.timestamp().toInstant()));
    }
}
