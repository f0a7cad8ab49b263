package org.osecscreener.tools.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.ClusterResolver;
import org.osecscreener.cluster.Explanation;
import org.osecscreener.cluster.Link;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.AssessmentKind;
import org.osecscreener.score.ClusterAssessment;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;

/**
 * Groups alerts into cases: one open OSEC case per payee cluster per period, and one open
 * sextortion case per customer per period.
 *
 * <p>Why re-resolve: an alert names the beneficiary's cluster at screening time, and clusters
 * merge as more payees are seen, so two alerts on one ring can carry two cluster ids. The
 * transactions are fed, in input order, through a fresh {@link ClusterResolver} with the same
 * configuration, and each alert is keyed by its beneficiary's cluster at the end of the input;
 * an alert whose beneficiary is not in the transactions keeps the cluster id it names. A payee
 * cluster's own assessment is keyed by the beneficiary of the transfer that raised it.
 *
 * <p>Periods: items are taken in time order (instant, then transaction id, then sender alerts
 * before cluster assessments). A look-back alert counts at the time it was raised (the cluster
 * assessment that named it), not at its transaction's time, which is the sender's earlier
 * transfer. The first item on a subject opens a case whose period runs from that item's time for
 * {@code period}; every later item on the subject inside the period is appended to it (a storm of
 * alerts on one ring is one case); the first item at or after the period's end opens the next
 * case. Transaction and look-back alerts and cluster assessments have the payee cluster as their
 * subject; sextortion-victim alerts have their customer (the sender), and never join an OSEC case.
 * NONE and duplicate assessments are ignored.
 */
final class CaseGrouper {
    private static final String VICTIM_KEY = "VICTIM:";

    private CaseGrouper() {
    }

    static List<Case> group(Collection<Assessment> alerts, Collection<ClusterAssessment> clusters,
                            List<Transaction> transactions, Duration period, ClusterConfig config) {
        ClusterResolver resolver = ClusterResolver.create(config);
        Map<String, Party> parties = new HashMap<>();
        Map<String, Transaction> byId = new HashMap<>();
        Map<String, List<Transaction>> toPayee = new HashMap<>();
        Map<String, List<Transaction>> fromSender = new HashMap<>();
        for (Transaction tx : transactions) {
            resolver.resolve(tx.beneficiary());
            parties.put(tx.sender().id(), tx.sender());
            parties.put(tx.beneficiary().id(), tx.beneficiary());
            byId.putIfAbsent(tx.id(), tx);
            toPayee.computeIfAbsent(tx.beneficiary().id(), k -> new ArrayList<>()).add(tx);
            fromSender.computeIfAbsent(tx.sender().id(), k -> new ArrayList<>()).add(tx);
        }
        Map<String, List<ClusterAssessment>> byClusterAlert = new HashMap<>();
        List<Item> items = new ArrayList<>();
        for (ClusterAssessment c : clusters) {
            if (c.level() != Level.NONE && c.timestamp() != null) {
                byClusterAlert.computeIfAbsent(c.alertId(), k -> new ArrayList<>()).add(c);
                items.add(new Item(clusterKey(resolver, byId, c), c.timestamp(), c.transactionId(), 1, null, c));
            }
        }
        for (List<ClusterAssessment> l : byClusterAlert.values()) {
            l.sort(Comparator.comparing((ClusterAssessment c) -> c.timestamp().toInstant()).thenComparing(ClusterAssessment::transactionId));
        }
        for (Assessment a : alerts) {
            if (a.level() == Level.NONE || a.duplicate() || a.timestamp() == null) {
                continue;
            }
            if (a.kind() == AssessmentKind.SEXTORTION_VICTIM) {
                items.add(new Item(VICTIM_KEY + a.senderId(), a.timestamp(), a.transactionId(), 0, a, null));
            } else {
                OffsetDateTime at = a.kind() == AssessmentKind.LOOK_BACK ? raisedAt(a, byClusterAlert) : a.timestamp();
                items.add(new Item(clusterKey(resolver, a), at, a.transactionId(), 0, a, null));
            }
        }
        items.sort(Comparator.comparing((Item i) -> i.time.toInstant()).thenComparing(i -> i.transactionId)
                .thenComparingInt(i -> i.order));
        Map<String, Open> open = new HashMap<>();
        List<Open> all = new ArrayList<>();
        for (Item i : items) {
            Open o = open.get(i.key);
            if (o == null || !i.time.toInstant().isBefore(o.periodEnd.toInstant())) {
                o = new Open(i.key, i.time, i.time.plus(period));
                open.put(i.key, o);
                all.add(o);
            }
            o.items.add(i);
        }
        // victim cases first: the OSEC cases name the ones their senders are the customer of
        List<Case> victims = new ArrayList<>();
        Map<String, List<Case>> victimCasesOf = new HashMap<>();
        for (Open o : all) {
            if (o.key.startsWith(VICTIM_KEY)) {
                Case c = victimCase(o, resolver, parties, byId, fromSender);
                victims.add(c);
                victimCasesOf.computeIfAbsent(c.customerId(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Case> cases = new ArrayList<>(all.size());
        for (Open o : all) {
            if (!o.key.startsWith(VICTIM_KEY)) {
                cases.add(osecCase(o, resolver, parties, byId, toPayee, victimCasesOf));
            }
        }
        cases.addAll(victims);
        cases.sort(Comparator.comparing((Case c) -> c.opened().toInstant()).thenComparing(Case::caseId));
        return cases;
    }

    private static String clusterKey(ClusterResolver resolver, Assessment a) {
        String c = resolver.clusterOf(a.beneficiaryId());
        if (c != null) {
            return c;
        }
        return a.clusterId() != null ? a.clusterId() : "UNRESOLVED:" + a.beneficiaryId();
    }

    private static String clusterKey(ClusterResolver resolver, Map<String, Transaction> byId, ClusterAssessment c) {
        Transaction t = byId.get(c.transactionId());
        String key = t == null ? null : resolver.clusterOf(t.beneficiary().id());
        return key != null ? key : c.clusterId();
    }

    /** When a look-back alert was raised: at the cluster assessment that named its sender. */
    private static OffsetDateTime raisedAt(Assessment a, Map<String, List<ClusterAssessment>> byClusterAlert) {
        List<ClusterAssessment> named = a.clusterAlertId() == null ? null : byClusterAlert.get(a.clusterAlertId());
        if (named == null) {
            return a.timestamp();
        }
        for (ClusterAssessment c : named) {
            if (c.lookBack().contains(a.senderId())) {
                return c.timestamp();
            }
        }
        for (ClusterAssessment c : named) {
            if (c.level() == Level.ALERT) {
                return c.timestamp();
            }
        }
        return a.timestamp();
    }

    private static Case osecCase(Open o, ClusterResolver resolver, Map<String, Party> parties,
                                 Map<String, Transaction> byId, Map<String, List<Transaction>> toPayee,
                                 Map<String, List<Case>> victimCasesOf) {
        List<Assessment> alerts = new ArrayList<>();
        List<ClusterAssessment> clusterAssessments = new ArrayList<>();
        List<String> beneficiaries = new ArrayList<>();
        Map<String, LookBackSender> lookBack = new LinkedHashMap<>();
        for (Item i : o.items) {
            if (i.alert != null) {
                alerts.add(i.alert);
                beneficiaries.add(i.alert.beneficiaryId());
                if (i.alert.kind() == AssessmentKind.LOOK_BACK) {
                    // a replay may repeat a line: one entry per sender and cluster alert, the latest kept
                    lookBack.put(i.alert.senderId() + "|" + i.alert.clusterAlertId(), lookBackSender(i.alert, i.time));
                }
            } else {
                clusterAssessments.add(i.cluster);
                Transaction t = byId.get(i.cluster.transactionId());
                if (t != null) {
                    beneficiaries.add(t.beneficiary().id());
                }
            }
        }
        Explanation explanation = null;
        for (String b : beneficiaries) {
            explanation = resolver.explain(b);
            if (explanation != null) {
                break;
            }
        }
        TreeSet<String> payees = new TreeSet<>();
        List<Link> links = List.of();
        if (explanation != null) {
            payees.addAll(explanation.members());
            links = explanation.links();
        }
        Window w = new Window(o.opened);
        Level level = Level.NONE;
        double maxScore = 0;
        TreeSet<String> bundles = new TreeSet<>();
        TreeSet<String> senders = new TreeSet<>();
        Map<String, RuleAcc> rules = new LinkedHashMap<>();
        for (Item i : o.items) {
            w.last(i.time);
            if (i.alert != null) {
                Assessment a = i.alert;
                payees.add(a.beneficiaryId());
                senders.add(a.senderId());
                bundles.add(a.bundle());
                level = max(level, a.level());
                maxScore = Math.max(maxScore, a.score());
                for (Hit h : a.hits()) {
                    rules.computeIfAbsent(h.ruleId(), RuleAcc::new).add(h);
                    w.evidence(h.evidence(), byId);
                }
                w.evidence(List.of(a.transactionId()), byId);
            } else {
                ClusterAssessment c = i.cluster;
                bundles.add(c.bundle());
                level = max(level, c.level());
                maxScore = Math.max(maxScore, c.score());
                for (Hit h : c.hits()) {
                    w.evidence(h.evidence(), byId);
                }
            }
        }
        Instant windowStart = w.start.toInstant();
        Instant windowEnd = w.last.toInstant();
        List<Transaction> txs = new ArrayList<>();
        for (String payee : payees) {
            for (Transaction tx : toPayee.getOrDefault(payee, List.of())) {
                Instant t = tx.timestamp().toInstant();
                if (!t.isBefore(windowStart) && !t.isAfter(windowEnd)) {
                    txs.add(tx);
                    senders.add(tx.sender().id());
                }
            }
        }
        sortByTime(txs);
        Map<String, String> possibleVictims = new TreeMap<>();
        for (String s : senders) {
            for (Case v : victimCasesOf.getOrDefault(s, List.of())) {
                // the victim case's window overlaps this case's window or period
                if (!v.windowStart().toInstant().isAfter(o.periodEnd.toInstant())
                        && !v.lastAlert().toInstant().isBefore(windowStart)) {
                    possibleVictims.putIfAbsent(s, v.caseId());
                }
            }
        }
        String clusterId = o.key.startsWith("UNRESOLVED:") ? "unresolved" : o.key;
        return new Case(caseId(o.key, o.opened.toInstant()), Typology.OSEC, clusterId, null, o.opened, o.periodEnd,
                w.last, w.start, level, maxScore, new ArrayList<>(bundles), alerts, summaries(rules),
                new ArrayList<>(payees), links, new ArrayList<>(senders), known(parties, payees, senders), txs,
                clusterAssessments, new ArrayList<>(lookBack.values()), possibleVictims);
    }

    private static LookBackSender lookBackSender(Assessment a, OffsetDateTime raisedAt) {
        TreeSet<String> evidence = new TreeSet<>();
        String reason = "";
        List<String> cited = new ArrayList<>();
        for (Hit h : a.hits()) {
            for (String id : h.evidence()) {
                if (evidence.add(id)) {
                    cited.add(id);
                }
            }
            if (h.ruleId().equals("cluster_alert")) {
                reason = h.reason();
            }
        }
        return new LookBackSender(a.senderId(), a.alertId(), a.clusterAlertId(), raisedAt, a.transactionId(), a.level(),
                a.score(), cited, reason);
    }

    private static Case victimCase(Open o, ClusterResolver resolver, Map<String, Party> parties,
                                   Map<String, Transaction> byId, Map<String, List<Transaction>> fromSender) {
        String customer = o.key.substring(VICTIM_KEY.length());
        List<Assessment> alerts = new ArrayList<>();
        TreeSet<String> recipients = new TreeSet<>();
        Window w = new Window(o.opened);
        Level level = Level.NONE;
        double maxScore = 0;
        TreeSet<String> bundles = new TreeSet<>();
        Map<String, RuleAcc> rules = new LinkedHashMap<>();
        for (Item i : o.items) {
            Assessment a = i.alert;
            alerts.add(a);
            recipients.add(a.beneficiaryId());
            w.last(i.time);
            bundles.add(a.bundle());
            level = max(level, a.level());
            maxScore = Math.max(maxScore, a.score());
            for (Hit h : a.hits()) {
                rules.computeIfAbsent(h.ruleId(), RuleAcc::new).add(h);
                w.evidence(h.evidence(), byId);
                for (String id : h.evidence()) {
                    Transaction t = byId.get(id);
                    if (t != null && t.sender().id().equals(customer)) {
                        recipients.add(t.beneficiary().id());
                    }
                }
            }
            w.evidence(List.of(a.transactionId()), byId);
        }
        Instant windowStart = w.start.toInstant();
        Instant windowEnd = w.last.toInstant();
        List<Transaction> txs = new ArrayList<>();
        for (Transaction tx : fromSender.getOrDefault(customer, List.of())) {
            Instant t = tx.timestamp().toInstant();
            if (recipients.contains(tx.beneficiary().id()) && !t.isBefore(windowStart) && !t.isAfter(windowEnd)) {
                txs.add(tx);
            }
        }
        sortByTime(txs);
        Assessment first = alerts.get(0);
        String clusterId = resolver.clusterOf(first.beneficiaryId());
        if (clusterId == null) {
            clusterId = first.clusterId() != null ? first.clusterId() : "unresolved";
        }
        // the links between the recipients themselves (several names behind one phone, for example)
        LinkedHashSet<Link> links = new LinkedHashSet<>();
        for (String r : recipients) {
            Explanation e = resolver.explain(r);
            if (e != null) {
                for (Link l : e.links()) {
                    if (recipients.contains(l.from()) && recipients.contains(l.to())) {
                        links.add(l);
                    }
                }
            }
        }
        TreeSet<String> senders = new TreeSet<>(List.of(customer));
        return new Case(caseId(o.key, o.opened.toInstant()), Typology.SEXTORTION, clusterId, customer, o.opened,
                o.periodEnd, w.last, w.start, level, maxScore, new ArrayList<>(bundles), alerts, summaries(rules),
                new ArrayList<>(recipients), new ArrayList<>(links), new ArrayList<>(senders),
                known(parties, recipients, senders), txs, List.of(), List.of(), Map.of());
    }

    private static Level max(Level a, Level b) {
        return b.compareTo(a) > 0 ? b : a;
    }

    private static void sortByTime(List<Transaction> txs) {
        txs.sort(Comparator.comparing((Transaction t) -> t.timestamp().toInstant()).thenComparing(Transaction::id));
    }

    private static Map<String, Party> known(Map<String, Party> parties, Collection<String> payees, Collection<String> senders) {
        Map<String, Party> known = new HashMap<>();
        for (Collection<String> ids : List.of(payees, senders)) {
            for (String id : ids) {
                Party p = parties.get(id);
                if (p != null) {
                    known.put(id, p);
                }
            }
        }
        return known;
    }

    private static List<RuleSummary> summaries(Map<String, RuleAcc> rules) {
        List<RuleSummary> summaries = new ArrayList<>();
        for (RuleAcc r : rules.values()) {
            summaries.add(new RuleSummary(r.rule, r.alerts, r.maxSubScore, r.mitigating, r.latestReason));
        }
        return summaries;
    }

    static String caseId(String key, Instant opened) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((key + "|" + opened).getBytes(StandardCharsets.UTF_8));
            return "CASE-" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** One alert or cluster assessment, with its subject and the time it counts at. */
    private record Item(String key, OffsetDateTime time, String transactionId, int order, Assessment alert,
                        ClusterAssessment cluster) {
    }

    /** The case window: from the earliest evidence to the latest item. */
    private static final class Window {
        OffsetDateTime start;
        OffsetDateTime last;

        Window(OffsetDateTime opened) {
            start = opened;
            last = opened;
        }

        void last(OffsetDateTime t) {
            if (t.toInstant().isAfter(last.toInstant())) {
                last = t;
            }
        }

        void evidence(List<String> ids, Map<String, Transaction> byId) {
            for (String id : ids) {
                Transaction ev = byId.get(id);
                if (ev != null && ev.timestamp().toInstant().isBefore(start.toInstant())) {
                    start = ev.timestamp();
                }
            }
        }
    }

    private static final class Open {
        final String key;
        final OffsetDateTime opened;
        final OffsetDateTime periodEnd;
        final List<Item> items = new ArrayList<>();

        Open(String key, OffsetDateTime opened, OffsetDateTime periodEnd) {
            this.key = key;
            this.opened = opened;
            this.periodEnd = periodEnd;
        }
    }

    private static final class RuleAcc {
        final String rule;
        int alerts;
        double maxSubScore;
        boolean mitigating;
        String latestReason = "";

        RuleAcc(String rule) {
            this.rule = rule;
        }

        void add(Hit h) {
            alerts++;
            maxSubScore = Math.max(maxSubScore, h.subScore());
            mitigating |= h.mitigating();
            latestReason = h.reason();
        }
    }
}
