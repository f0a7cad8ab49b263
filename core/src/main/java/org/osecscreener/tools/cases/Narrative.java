package org.osecscreener.tools.cases;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.osecscreener.cluster.Link;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.AssessmentKind;
import org.osecscreener.score.ClusterAssessment;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;

/**
 * The neutral, factual narrative of a case, for an STR/SAR drafter. OSEC cases: who paid whom, how
 * often, how much, how the payees are linked, which rules fired with their reasons, and what the
 * payee cluster's own assessment and look-back found. Sextortion cases: the customer's burst of
 * payments, told from the customer's side, as a possible victim. Counts, dates, amounts and
 * countries only: no speculation, no demographics, no identifiers.
 */
final class Narrative {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private Narrative() {
    }

    static String of(Case c, List<StrKeyTerms> keyTerms) {
        StringBuilder sb = new StringBuilder(1024);
        for (StrKeyTerms k : keyTerms) {
            if (k.narrativeKeyTerm() != null) {
                sb.append(k.narrativeKeyTerm()).append(". ");
            }
        }
        if (c.isVictimCase()) {
            victim(sb, c);
            return sb.toString();
        }
        List<Transaction> txs = c.transactions();
        Set<String> senderCountries = new TreeSet<>();
        Set<String> payeeCountries = new TreeSet<>();
        Set<String> paid = new HashSet<>();
        Set<String> paying = new HashSet<>();
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (Transaction t : txs) {
            senderCountries.add(t.sender().country());
            payeeCountries.add(t.beneficiary().country());
            paid.add(t.beneficiary().id());
            paying.add(t.sender().id());
            totals.merge(t.amount().currency().getCurrencyCode(), t.amount().toBigDecimal(), BigDecimal::add);
        }
        String from = c.windowStart().atZoneSameInstant(ZoneOffset.UTC).format(DAY);
        String to = c.lastAlert().atZoneSameInstant(ZoneOffset.UTC).format(DAY);
        sb.append("Between ").append(from).append(" and ").append(to).append(" (UTC), ");
        if (txs.isEmpty()) {
            sb.append("no transactions of the payee cluster were in the input; the alerts below stand alone. ");
        } else {
            sb.append(count(paying.size(), "sender")).append(" in ").append(String.join(", ", senderCountries))
                    .append(" made ").append(count(txs.size(), "transfer")).append(" totalling ");
            List<String> sums = new ArrayList<>();
            totals.forEach((ccy, sum) -> sums.add(sum.toPlainString() + " " + ccy));
            sb.append(String.join(" and ", sums)).append(" to ").append(count(paid.size(), "payee"))
                    .append(" in ").append(String.join(", ", payeeCountries));
            int members = c.payeeIds().size();
            if (members > 1) {
                sb.append(", members of one payee cluster of ").append(members).append(" payees");
                String linkedBy = linkedBy(c.links());
                if (!linkedBy.isEmpty()) {
                    sb.append(" linked by ").append(linkedBy);
                }
            }
            sb.append(". ");
        }
        List<Assessment> flagged = c.alerts().stream().filter(a -> a.kind() == AssessmentKind.TRANSACTION).toList();
        if (!flagged.isEmpty()) {
            long alerts = flagged.stream().filter(a -> a.level() == Level.ALERT).count();
            long reviews = flagged.stream().filter(a -> a.level() == Level.REVIEW).count();
            Set<String> flaggedSenders = new TreeSet<>();
            double highest = 0;
            long followed = 0;
            for (Assessment a : flagged) {
                flaggedSenders.add(a.senderId());
                highest = Math.max(highest, a.score());
                if (a.clusterAlertId() != null) {
                    followed++;
                }
            }
            sb.append("Screening flagged ").append(count(flagged.size(), "transfer")).append(" from ")
                    .append(count(flaggedSenders.size(), "sender")).append(" (").append(alerts).append(" at ALERT level, ")
                    .append(reviews).append(" at REVIEW level; highest score ")
                    .append(String.format(Locale.ROOT, "%.2f", highest)).append(") under rule bundle ")
                    .append(String.join(", ", c.bundles())).append(". ");
            if (followed > 0) {
                sb.append(followed == flagged.size() ? "All of them" : "Of them, " + followed)
                        .append(followed == 1 && followed != flagged.size() ? " was" : " were")
                        .append(" made to the payee cluster while it was at ALERT. ");
            }
        }
        cluster(sb, c);
        if (!c.rules().isEmpty()) {
            sb.append("Indicators recorded: ");
            List<String> parts = new ArrayList<>();
            for (RuleSummary r : c.rules()) {
                parts.add(r.rule() + (r.mitigating() ? " (mitigating)" : "") + " on " + count(r.alerts(), "flagged transfer")
                        + (r.latestReason().isEmpty() ? "" : " (latest: " + r.latestReason() + ")"));
            }
            sb.append(String.join("; ", parts)).append(". ");
        }
        sb.append("The transaction table lists every transfer to the cluster's payees in this period.");
        return sb.toString();
    }

    /** The payee cluster's own assessment and the look-back, when the case holds them. */
    private static void cluster(StringBuilder sb, Case c) {
        ClusterAssessment top = c.topClusterAssessment().orElse(null);
        if (top != null) {
            sb.append("The payee cluster was also assessed as a whole: ");
            ClusterAssessment alert = c.clusterAlert().orElse(null);
            if (alert != null) {
                sb.append("it reached ALERT on ").append(day(alert.timestamp())).append(" (UTC)");
            } else {
                sb.append("it reached ").append(top.level().name()).append(" on ").append(day(top.timestamp())).append(" (UTC)");
            }
            sb.append(", highest cluster score ").append(String.format(Locale.ROOT, "%.2f", top.score()));
            List<String> patterns = new ArrayList<>();
            List<String> context = new ArrayList<>();
            for (Hit h : top.hits()) {
                if (CaseHtml.isPatternFacet(h.ruleId())) {
                    patterns.add(facetName(h.ruleId()) + (h.reason().isEmpty() ? "" : " (" + h.reason() + ")"));
                } else {
                    context.add(facetName(h.ruleId()) + (h.mitigating() ? " (mitigating)" : ""));
                }
            }
            if (!patterns.isEmpty()) {
                sb.append("; pattern facets: ").append(String.join("; ", patterns));
            }
            if (!context.isEmpty()) {
                sb.append("; context facets: ").append(String.join(", ", context));
            }
            sb.append(". ");
            if (top.relatedSenders() > 0 || top.victimSenders() > 0) {
                List<String> spared = new ArrayList<>();
                if (top.relatedSenders() > 0) {
                    spared.add(count(top.relatedSenders(), "sender") + " with a family link to the payees");
                }
                if (top.victimSenders() > 0) {
                    spared.add(count(top.victimSenders(), "sender") + " showing the pattern of a possible sextortion victim");
                }
                sb.append(capitalise(String.join(" and ", spared))).append(top.relatedSenders() + top.victimSenders() == 1
                        ? " was" : " were").append(" not alerted through the cluster. ");
            }
        }
        if (!c.lookBack().isEmpty()) {
            Set<String> senders = new TreeSet<>();
            Set<String> transfers = new TreeSet<>();
            for (LookBackSender l : c.lookBack()) {
                senders.add(l.senderId());
                transfers.add(l.latestTransfer());
                transfers.addAll(l.evidence());
            }
            sb.append(senders.size() == 1 ? "1 sender was" : senders.size() + " senders were")
                    .append(" alerted by look-back when the cluster reached ALERT, for ")
                    .append(count(transfers.size(), "earlier transfer")).append(" to it. ");
        }
    }

    /** The victim side: the customer's payments, as a possible victim of sextortion. */
    private static void victim(StringBuilder sb, Case c) {
        List<Transaction> txs = c.transactions();
        String from = c.windowStart().atZoneSameInstant(ZoneOffset.UTC).format(DAY);
        String to = c.lastAlert().atZoneSameInstant(ZoneOffset.UTC).format(DAY);
        sb.append("Between ").append(from).append(" and ").append(to).append(" (UTC), ");
        Party customer = c.parties().get(c.customerId());
        if (txs.isEmpty()) {
            sb.append("no payments of the customer to the recipients were in the input; the alerts below stand alone. ");
        } else {
            Set<String> recipients = new TreeSet<>();
            Set<String> countries = new TreeSet<>();
            Map<String, BigDecimal> totals = new TreeMap<>();
            Map<String, BigDecimal[]> range = new TreeMap<>();
            for (Transaction t : txs) {
                recipients.add(t.beneficiary().id());
                countries.add(t.beneficiary().country());
                String ccy = t.amount().currency().getCurrencyCode();
                BigDecimal v = t.amount().toBigDecimal();
                totals.merge(ccy, v, BigDecimal::add);
                range.merge(ccy, new BigDecimal[] {v, v}, (a, b) -> new BigDecimal[] {a[0].min(b[0]), a[1].max(b[1])});
            }
            sb.append("the customer").append(customer == null ? "" : ", in " + customer.country()).append(", made ")
                    .append(count(txs.size(), "payment")).append(" totalling ");
            List<String> sums = new ArrayList<>();
            totals.forEach((ccy, sum) -> sums.add(sum.toPlainString() + " " + ccy));
            sb.append(String.join(" and ", sums)).append(" to ").append(count(recipients.size(), "recipient")).append(" in ")
                    .append(String.join(", ", countries));
            String linkedBy = linkedBy(c.links());
            if (recipients.size() > 1 && !linkedBy.isEmpty()) {
                sb.append(", linked to one another by ").append(linkedBy);
            }
            long hours = java.time.Duration.between(txs.get(0).timestamp().toInstant(),
                    txs.get(txs.size() - 1).timestamp().toInstant()).toHours();
            if (txs.size() > 1) {
                sb.append(hours < 1 ? ", within one hour" : ", within " + count(hours + 1, "hour"));
            }
            List<String> ranges = new ArrayList<>();
            range.forEach((ccy, r) -> ranges.add(r[0].toPlainString() + (r[0].compareTo(r[1]) == 0 ? "" : " to "
                    + r[1].toPlainString()) + " " + ccy));
            sb.append(" (single payments of ").append(String.join(" and ", ranges)).append("). ");
        }
        long alerts = c.alerts().stream().filter(a -> a.level() == Level.ALERT).count();
        long reviews = c.alerts().stream().filter(a -> a.level() == Level.REVIEW).count();
        sb.append("Screening raised ").append(count(c.alerts().size(), "possible sextortion-victim alert"))
                .append(" on the customer (").append(alerts).append(" at ALERT level, ").append(reviews)
                .append(" at REVIEW level) under rule bundle ").append(String.join(", ", c.bundles()))
                .append(": a burst of payments to a recipient abroad whom the customer had not paid before, the payment"
                        + " pattern of financially motivated sextortion. The activity is reported because the customer may be"
                        + " the victim. The transaction table lists the customer's payments to the recipients in this period.");
    }

    /** {@code cluster_late_hours} → {@code late hours}. */
    static String facetName(String rule) {
        return (rule.startsWith("cluster_") ? rule.substring("cluster_".length()) : rule).replace('_', ' ');
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String day(java.time.OffsetDateTime t) {
        return t.atZoneSameInstant(ZoneOffset.UTC).format(DAY);
    }

    private static String linkedBy(List<Link> links) {
        Map<String, Integer> byType = new TreeMap<>();
        for (Link l : links) {
            byType.merge(l.type().tag().replace('_', ' '), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        byType.forEach((type, n) -> parts.add("a shared " + type + " (" + count(n, "link") + ")"));
        return String.join(", ", parts);
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The countries of the given parties, sorted, for summaries. */
    static Set<String> countries(Map<String, Party> parties, List<String> ids) {
        Set<String> out = new TreeSet<>();
        for (String id : ids) {
            Party p = parties.get(id);
            if (p != null) {
                out.add(p.country());
            }
        }
        return out;
    }
}
