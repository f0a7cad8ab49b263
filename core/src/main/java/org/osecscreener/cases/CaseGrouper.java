package org.osecscreener.cases;

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
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.ClusterResolver;
import org.osecscreener.cluster.Explanation;
import org.osecscreener.cluster.Link;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;

/**
 * Groups alerts into cases: one open case per payee cluster per period.
 *
 * <p>Why re-resolve: an alert names the beneficiary's cluster at screening time, and clusters
 * merge as more payees are seen, so two alerts on one ring can carry two cluster ids. The
 * transactions are fed, in input order, through a fresh {@link ClusterResolver} with the same
 * configuration, and each alert is keyed by its beneficiary's cluster at the end of the input;
 * an alert whose beneficiary is not in the transactions keeps the cluster id it names.
 *
 * <p>Periods: alerts are taken in time order (instant, then transaction id). The first alert on
 * a cluster opens a case whose period runs from that alert's time for {@code period}; every
 * later alert on the cluster inside the period is appended to it (a storm of alerts on one ring
 * is one case); the first alert at or after the period's end opens the next case. NONE and
 * duplicate assessments are ignored.
 */
final class CaseGrouper {
    private CaseGrouper() {
    }

    static List<Case> group(Collection<Assessment> alerts, List<Transaction> transactions, Duration period,
                            ClusterConfig config) {
        ClusterResolver resolver = ClusterResolver.create(config);
        Map<String, Party> parties = new HashMap<>();
        Map<String, Transaction> byId = new HashMap<>();
        Map<String, List<Transaction>> toPayee = new HashMap<>();
        for (Transaction tx : transactions) {
            resolver.resolve(tx.beneficiary());
            parties.put(tx.sender().id(), tx.sender());
            parties.put(tx.beneficiary().id(), tx.beneficiary());
            byId.putIfAbsent(tx.id(), tx);
            toPayee.computeIfAbsent(tx.beneficiary().id(), k -> new ArrayList<>()).add(tx);
        }
        List<Assessment> sorted = new ArrayList<>();
        for (Assessment a : alerts) {
            if (a.level() != Level.NONE && !a.duplicate() && a.timestamp() != null) {
                sorted.add(a);
            }
        }
        sorted.sort(Comparator.comparing((Assessment a) -> a.timestamp().toInstant())
                .thenComparing(Assessment::transactionId));
        Map<String, Open> open = new HashMap<>();
        List<Open> all = new ArrayList<>();
        for (Assessment a : sorted) {
            String key = clusterKey(resolver, a);
            Open o = open.get(key);
            if (o == null || !a.timestamp().toInstant().isBefore(o.periodEnd.toInstant())) {
                o = new Open(key, a.timestamp(), a.timestamp().plus(period));
                open.put(key, o);
                all.add(o);
            }
            o.alerts.add(a);
        }
        List<Case> cases = new ArrayList<>(all.size());
        for (Open o : all) {
            cases.add(build(o, resolver, parties, byId, toPayee));
        }
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

    private static Case build(Open o, ClusterResolver resolver, Map<String, Party> parties,
                              Map<String, Transaction> byId, Map<String, List<Transaction>> toPayee) {
        List<Assessment> alerts = o.alerts;
        Explanation explanation = null;
        for (Assessment a : alerts) {
            explanation = resolver.explain(a.beneficiaryId());
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
        Instant windowStart = o.opened.toInstant();
        OffsetDateTime windowStartTime = o.opened;
        OffsetDateTime last = o.opened;
        Level level = Level.NONE;
        double maxScore = 0;
        TreeSet<String> bundles = new TreeSet<>();
        TreeSet<String> senders = new TreeSet<>();
        Map<String, RuleAcc> rules = new LinkedHashMap<>();
        for (Assessment a : alerts) {
            payees.add(a.beneficiaryId());
            senders.add(a.senderId());
            bundles.add(a.bundle());
            if (a.level().compareTo(level) > 0) {
                level = a.level();
            }
            maxScore = Math.max(maxScore, a.score());
            if (a.timestamp().toInstant().isAfter(last.toInstant())) {
                last = a.timestamp();
            }
            for (Hit h : a.hits()) {
                rules.computeIfAbsent(h.ruleId(), RuleAcc::new).add(h);
                for (String id : h.evidence()) {
                    Transaction ev = byId.get(id);
                    if (ev != null && ev.timestamp().toInstant().isBefore(windowStart)) {
                        windowStart = ev.timestamp().toInstant();
                        windowStartTime = ev.timestamp();
                    }
                }
            }
        }
        Instant windowEnd = last.toInstant();
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
        txs.sort(Comparator.comparing((Transaction t) -> t.timestamp().toInstant()).thenComparing(Transaction::id));
        Map<String, Party> known = new HashMap<>();
        for (String id : payees) {
            Party p = parties.get(id);
            if (p != null) {
                known.put(id, p);
            }
        }
        for (String id : senders) {
            Party p = parties.get(id);
            if (p != null) {
                known.put(id, p);
            }
        }
        List<RuleSummary> summaries = new ArrayList<>();
        for (RuleAcc r : rules.values()) {
            summaries.add(new RuleSummary(r.rule, r.alerts, r.maxSubScore, r.mitigating, r.latestReason));
        }
        String clusterId = o.key.startsWith("UNRESOLVED:") ? "unresolved" : o.key;
        return new Case(caseId(o.key, o.opened.toInstant()), clusterId, o.opened, o.periodEnd, last, windowStartTime,
                level, maxScore, new ArrayList<>(bundles), alerts, summaries, new ArrayList<>(payees), links,
                new ArrayList<>(senders), known, txs);
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

    private static final class Open {
        final String key;
        final OffsetDateTime opened;
        final OffsetDateTime periodEnd;
        final List<Assessment> alerts = new ArrayList<>();

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
