package org.osecscreener.cases;

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
import org.osecscreener.score.Level;

/**
 * The neutral, factual narrative of a case, for an STR/SAR drafter: who paid whom, how often, how
 * much, how the payees are linked, and which rules fired with their reasons. Counts, dates,
 * amounts and countries only: no speculation, no demographics, no identifiers.
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
        long alerts = c.alerts().stream().filter(a -> a.level() == Level.ALERT).count();
        long reviews = c.alerts().stream().filter(a -> a.level() == Level.REVIEW).count();
        Set<String> flaggedSenders = new TreeSet<>();
        for (Assessment a : c.alerts()) {
            flaggedSenders.add(a.senderId());
        }
        sb.append("Screening flagged ").append(count(c.alerts().size(), "transfer")).append(" from ")
                .append(count(flaggedSenders.size(), "sender")).append(" (").append(alerts).append(" at ALERT level, ")
                .append(reviews).append(" at REVIEW level; highest score ")
                .append(String.format(Locale.ROOT, "%.2f", c.maxScore())).append(") under rule bundle ")
                .append(String.join(", ", c.bundles())).append(". ");
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
