package org.osecscreener.tools.cases;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.osecscreener.cluster.Link;
import org.osecscreener.io.TransactionCodec;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.AssessmentKind;
import org.osecscreener.score.ClusterAssessment;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;

/**
 * Renders a case as one self-contained HTML page: inline CSS, inline SVG, no scripts, no fonts,
 * no images, no links out, so that it opens offline and can be archived with the case file. The
 * markup is well-formed XML (void elements closed, every text escaped) so that tests can parse it.
 * OSEC cases and sextortion (possible victim) cases have different pages: a victim's page says
 * first, in a banner, that the customer may be the victim and how to handle the case.
 */
final class CaseHtml {
    /** Most nodes drawn per column of the network picture and rows of the timeline. */
    static final int MAX_NODES = 40;
    /** The banner of every sextortion case: what the analyst must know before anything else. */
    static final String VICTIM_BANNER = "The customer may be the victim of financially motivated sextortion, not an offender."
            + " Handle this case as a possible victim: do not off-board, block or restrict the customer as an offender;"
            + " do not tip off the recipients or anyone who may be behind them (the perpetrators); consider safeguarding:"
            + " the customer may be a young person under threat, so follow the institution's safeguarding and"
            + " vulnerable-customer procedure and, where it applies, refer to law enforcement.";
    /** The cluster facets that can lift a cluster to a level (docs/rules.md, clusterRisk); the others are context. */
    private static final Set<String> PATTERN_FACETS = Set.of("cluster_repeat_senders", "cluster_late_hours",
            "cluster_cover_stories", "cluster_payee_names", "cluster_alerted_senders");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final String[] LINK_COLOURS = {"#b45309", "#7c3aed", "#0f766e", "#be185d", "#1d4ed8", "#4d7c0f", "#a16207", "#334155"};
    private static final String RED = "#c62828";
    private static final String AMBER = "#e08a00";
    private static final String VIOLET = "#6d28d9";

    private CaseHtml() {
    }

    /** Whether a cluster facet is a pattern facet (one that can lift the cluster to a level). */
    static boolean isPatternFacet(String rule) {
        return PATTERN_FACETS.contains(rule);
    }

    static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0;background:#f4f5f7;color:#1f2933;font-size:14px}",
            "main{max-width:1180px;margin:0 auto;padding:20px 28px 40px}",
            "header.top{background:#1f2a44;color:#fff;padding:16px 28px}",
            "header.top.victim{background:#4c1d95}",
            "header.top h1{margin:0;font-size:22px;font-weight:600}",
            "header.top p{margin:4px 0 0;color:#c9d2e3}",
            "header.top.victim p{color:#e4dcf5}",
            ".banner{background:#fff4e5;border:1px solid #f0b35a;color:#7a4b00;padding:8px 12px;border-radius:6px;margin:14px 0}",
            ".victim-banner{background:#f3ecfd;border:2px solid #6d28d9;color:#2e1065;padding:12px 16px;border-radius:8px;margin:14px 0;font-size:15px;line-height:1.5}",
            "section{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:14px 18px;margin:14px 0}",
            "h2{font-size:16px;margin:0 0 10px;color:#1f2a44}",
            "h3{font-size:14px;margin:14px 0 6px;color:#1f2a44}",
            "table{border-collapse:collapse;width:100%;font-size:13px}",
            "th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e7eaee;vertical-align:top}",
            "th{background:#f0f2f5;font-weight:600}",
            "tr.alerted td{background:#fdecec}",
            "tr.lookback td{background:#fff3dc}",
            "tr.victim td{background:#f3ecfd}",
            "td.nw,.lvl,.typ{white-space:nowrap}",
            ".kv{display:grid;grid-template-columns:repeat(4,1fr);gap:10px}",
            ".kv div{background:#f7f8fa;border-radius:6px;padding:8px 10px}",
            ".kv b{display:block;font-size:18px;color:#1f2a44}",
            ".lvl,.typ{display:inline-block;padding:2px 8px;border-radius:10px;font-weight:600;font-size:12px}",
            ".ALERT{background:#c62828;color:#fff}.REVIEW{background:#f9a825;color:#222}.NONE{background:#ccc}",
            ".typ.osec{background:#1f2a44;color:#fff}.typ.sextortion{background:#6d28d9;color:#fff}",
            ".narrative{line-height:1.55;background:#f7f8fa;border-left:4px solid #1f2a44;padding:10px 14px}",
            ".muted{color:#6b7785;font-size:12px}",
            "code{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:12px}",
            "svg text{font-family:system-ui,'DejaVu Sans',sans-serif}");

    static String render(CaseReport report, Case c) {
        return c.isVictimCase() ? renderVictim(report, c) : renderOsec(report, c);
    }

    private static String renderOsec(CaseReport report, Case c) {
        Shown shown = Shown.of(report.rawIdentifiers());
        StringBuilder h = new StringBuilder(32 * 1024);
        head(h, "Case " + c.caseId());
        h.append("<header class=\"top\"><h1>Case ").append(esc(c.caseId())).append(" <span class=\"lvl ")
                .append(c.level().name()).append("\">").append(c.level().name()).append("</span> <span class=\"typ osec\">OSEC</span></h1><p>Payee cluster ")
                .append(esc(c.clusterId())).append(" · opened ").append(esc(ts(c.opened()))).append(" · period ends ")
                .append(esc(ts(c.periodEnd()))).append(" · last alert ").append(esc(ts(c.lastAlert()))).append("</p></header>\n<main>\n");
        confidential(h, shown);
        // summary figures
        ClusterAssessment top = c.topClusterAssessment().orElse(null);
        h.append("<section><h2>Summary</h2><div class=\"kv\">");
        kv(h, "alerts", Integer.toString(c.alerts().size()));
        kv(h, "highest score", String.format(Locale.ROOT, "%.2f", c.maxScore()));
        kv(h, "senders", Integer.toString(c.senderIds().size()));
        kv(h, "payees in cluster", Integer.toString(c.payeeIds().size()));
        kv(h, "transfers", Integer.toString(c.transactions().size()));
        kv(h, "links between payees", Integer.toString(c.links().size()));
        kv(h, "window", day(c.windowStart().toInstant()) + " to " + day(c.lastAlert().toInstant()));
        kv(h, "rule bundle", String.join(", ", c.bundles()));
        kv(h, "cluster assessment", top == null ? "none" : top.level().name() + String.format(Locale.ROOT, " (%.2f)", top.score()));
        kv(h, "look-back senders", Integer.toString(c.lookBackSenderIds().size()));
        kv(h, "queue items", Long.toString(c.alerts().stream().map(Assessment::alertId).filter(a -> a != null).distinct().count()));
        kv(h, "possible victims among senders", Integer.toString(c.possibleVictims().size()));
        h.append("</div></section>\n");
        strAid(h, report, c);
        clusterRisk(h, c, shown);
        // network
        h.append("<section id=\"network\"><h2>Network: senders → payees, and links between payees</h2>\n");
        network(h, c, shown);
        h.append("</section>\n");
        // cluster members
        h.append("<section id=\"cluster\"><h2>Payee cluster ").append(esc(c.clusterId())).append(": members and why they were linked</h2>");
        partyTable(h, c.payeeIds(), c.parties(), shown, null);
        if (c.links().isEmpty()) {
            h.append("<p class=\"muted\">No links: the cluster has one payee, or its links were not in the input.</p>");
        } else {
            h.append("<table><thead><tr><th>Payee</th><th>shares</th><th>value (masked)</th><th>with payee</th></tr></thead><tbody>");
            for (Link l : c.links()) {
                h.append("<tr><td>").append(esc(shown.partyId(l.from()))).append("</td><td>").append(esc(l.type().tag()))
                        .append("</td><td><code>").append(esc(l.maskedValue())).append("</code></td><td>")
                        .append(esc(shown.partyId(l.to()))).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("</section>\n");
        // senders and timeline
        Set<String> lookBack = c.lookBackSenderIds();
        h.append("<section id=\"senders\"><h2>Senders and their transfers over time</h2>\n");
        List<Marker> markers = new ArrayList<>();
        Level reached = Level.NONE;
        for (ClusterAssessment a : c.clusterAssessments()) {
            if (a.level().compareTo(reached) > 0) {
                reached = a.level();
                markers.add(new Marker(a.timestamp().toInstant(), "cluster " + a.level().name(),
                        a.level() == Level.ALERT ? RED : AMBER));
            }
        }
        timeline(h, c.senderIds(), id -> shown.partyId(id) + (lookBack.contains(id) ? " (look-back)" : ""),
                t -> t.sender().id(), c, c.alertedTransactionIds(), RED, c.lookBackTransactionIds(), markers,
                "Each dot is a transfer to the cluster (UTC). Red: alerted; orange: cited by a look-back alert"
                        + (markers.isEmpty() ? "." : "; dashed line: when the payee cluster reached a level."));
        Map<String, String> roles = new LinkedHashMap<>();
        Set<String> transactionAlerted = new TreeSet<>();
        for (Assessment a : c.alerts()) {
            if (a.kind() == AssessmentKind.TRANSACTION) {
                transactionAlerted.add(a.senderId());
            }
        }
        Map<String, List<String>> lookBackAlerts = new HashMap<>();
        for (LookBackSender l : c.lookBack()) {
            lookBackAlerts.computeIfAbsent(l.senderId(), k -> new ArrayList<>()).add(l.clusterAlertId() == null ? "?" : l.clusterAlertId());
        }
        for (String id : c.senderIds()) {
            List<String> r = new ArrayList<>();
            if (transactionAlerted.contains(id)) {
                r.add("alerted");
            }
            if (lookBackAlerts.containsKey(id)) {
                r.add("look-back (cluster alert " + String.join(", ", new LinkedHashSet<>(lookBackAlerts.get(id))) + ")");
            }
            if (c.possibleVictims().containsKey(id)) {
                r.add("possible sextortion victim: " + c.possibleVictims().get(id));
            }
            roles.put(id, r.isEmpty() ? "not alerted" : String.join("; ", r));
        }
        partyTable(h, c.senderIds(), c.parties(), shown, roles);
        h.append("</section>\n");
        // hits
        h.append("<section id=\"hits\"><h2>Hits, with reasons</h2><table><thead><tr><th>Rule</th><th>Alerts</th>"
                + "<th>Max sub-score</th><th>Latest reason</th></tr></thead><tbody>");
        for (RuleSummary r : c.rules()) {
            h.append("<tr><td><code>").append(esc(r.rule())).append("</code>").append(r.mitigating() ? " (mitigating)" : "")
                    .append("</td><td>").append(r.alerts()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.2f", r.maxSubScore())).append("</td><td>")
                    .append(esc(r.latestReason())).append("</td></tr>");
        }
        h.append("</tbody></table>\n<h2 style=\"margin-top:14px\">Alerts</h2>");
        alertTable(h, c, shown, false);
        h.append("</section>\n");
        transactionTable(h, c, shown, "<p class=\"muted\">Rows in red were alerted; orange rows are earlier transfers that a"
                + " look-back alert cites. All transfers to the cluster's payees between the earliest evidence and the last alert.</p>");
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static String renderVictim(CaseReport report, Case c) {
        Shown shown = Shown.of(report.rawIdentifiers());
        StringBuilder h = new StringBuilder(16 * 1024);
        head(h, "Case " + c.caseId() + " (possible sextortion victim)");
        h.append("<header class=\"top victim\"><h1>Case ").append(esc(c.caseId())).append(" <span class=\"lvl ")
                .append(c.level().name()).append("\">").append(c.level().name())
                .append("</span> <span class=\"typ sextortion\">Possible sextortion victim</span></h1><p>Customer ")
                .append(esc(shown.partyId(c.customerId()))).append(" · recipient's payee cluster ").append(esc(c.clusterId()))
                .append(" · opened ").append(esc(ts(c.opened()))).append(" · period ends ").append(esc(ts(c.periodEnd())))
                .append(" · last alert ").append(esc(ts(c.lastAlert()))).append("</p></header>\n<main>\n");
        h.append("<section class=\"victim-banner\" id=\"victim\"><b>Possible victim.</b> ").append(esc(VICTIM_BANNER)).append("</section>\n");
        confidential(h, shown);
        Map<String, BigDecimal> totals = new TreeMap<>();
        Set<String> countries = new TreeSet<>();
        for (Transaction t : c.transactions()) {
            totals.merge(t.amount().currency().getCurrencyCode(), t.amount().toBigDecimal(), BigDecimal::add);
            countries.add(t.beneficiary().country());
        }
        List<String> sums = new ArrayList<>();
        totals.forEach((ccy, v) -> sums.add(v.toPlainString() + " " + ccy));
        Party customer = c.parties().get(c.customerId());
        h.append("<section><h2>Summary</h2><div class=\"kv\">");
        kv(h, "customer", shown.partyId(c.customerId()) + (customer == null ? "" : " (" + customer.country() + ")"));
        kv(h, "payments in the burst", Integer.toString(c.transactions().size()));
        kv(h, "total", sums.isEmpty() ? "–" : String.join(", ", sums));
        kv(h, "recipients", c.payeeIds().size() + (countries.isEmpty() ? "" : " in " + String.join(", ", countries)));
        kv(h, "alerts", Integer.toString(c.alerts().size()));
        kv(h, "highest score", String.format(Locale.ROOT, "%.2f", c.maxScore()));
        kv(h, "window", day(c.windowStart().toInstant()) + " to " + day(c.lastAlert().toInstant()));
        kv(h, "rule bundle", String.join(", ", c.bundles()));
        h.append("</div></section>\n");
        strAid(h, report, c);
        h.append("<section id=\"recipients\"><h2>Recipients of the customer's payments</h2>");
        partyTable(h, c.payeeIds(), c.parties(), shown, null);
        if (!c.links().isEmpty()) {
            h.append("<table><thead><tr><th>Recipient</th><th>shares</th><th>value (masked)</th><th>with recipient</th></tr></thead><tbody>");
            for (Link l : c.links()) {
                h.append("<tr><td>").append(esc(shown.partyId(l.from()))).append("</td><td>").append(esc(l.type().tag()))
                        .append("</td><td><code>").append(esc(l.maskedValue())).append("</code></td><td>")
                        .append(esc(shown.partyId(l.to()))).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("<p class=\"muted\">The recipient's payee cluster is ").append(esc(c.clusterId()))
                .append(". If it also has an OSEC case, that case is about the recipients, never about this customer.</p></section>\n");
        h.append("<section id=\"burst\"><h2>The burst of payments</h2>\n");
        timeline(h, c.payeeIds(), id -> "to " + shown.partyId(id), t -> t.beneficiary().id(), c, c.alertedTransactionIds(),
                VIOLET, Set.of(), List.of(), "Each dot is a payment of the customer to a recipient (UTC). Violet: the"
                        + " payments the alerts were raised on.");
        alertTable(h, c, shown, true);
        h.append("</section>\n");
        transactionTable(h, c, shown, "<p class=\"muted\">Violet rows are the payments the alerts were raised on. The"
                + " customer's payments to the recipients between the first payment in the evidence and the last alert.</p>");
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static void confidential(StringBuilder h, Shown shown) {
        h.append("<p class=\"banner\">Confidential. For trained analysts only; never shown to the customer (tipping-off). ")
                .append(shown.raw ? "<b>Raw identifiers are shown</b> (--raw-identifiers)." : "Identifiers are masked.")
                .append(" Synthetic data in this project's samples.</p>\n");
    }

    private static void strAid(StringBuilder h, CaseReport report, Case c) {
        List<StrKeyTerms> terms = report.keyTerms(c.typology());
        h.append("<section id=\"str\"><h2>STR/SAR drafting aid").append(c.isVictimCase() ? ": sextortion (possible victim)" : ": OSEC")
                .append("</h2><p class=\"narrative\">").append(esc(report.narrative(c))).append("</p>\n");
        h.append("<table><thead><tr><th>Authority</th><th>Report field</th><th>Key term</th><th>Guidance</th></tr></thead><tbody>");
        for (StrKeyTerms k : terms) {
            for (StrKeyTerms.Placement p : k.placements()) {
                h.append("<tr><td>").append(esc(k.authority())).append(" (").append(esc(k.jurisdiction())).append(")</td><td>")
                        .append(esc(p.field())).append("</td><td><code>").append(esc(p.value())).append("</code></td><td>")
                        .append(esc(k.reference())).append("</td></tr>");
            }
        }
        if (terms.isEmpty()) {
            h.append("<tr><td colspan=\"4\" class=\"muted\">No key terms of typology ").append(c.typology().wireName())
                    .append(" in ").append(esc(report.keyTermsSource())).append(".</td></tr>");
        }
        h.append("</tbody></table><p class=\"muted\">Key terms (typology ").append(c.typology().wireName()).append(") from ")
                .append(esc(report.keyTermsSource()))
                .append(". The narrative states facts from the screening hits only. The analyst"
                + " decides whether to file, and completes the report with the institution's own knowledge of the customers.</p></section>\n");
    }

    /** The payee cluster's own assessment: facets, the cluster alert, look-back senders and who was spared. */
    private static void clusterRisk(StringBuilder h, Case c, Shown shown) {
        h.append("<section id=\"cluster-risk\"><h2>Payee cluster assessment</h2>");
        ClusterAssessment top = c.topClusterAssessment().orElse(null);
        if (top == null) {
            h.append("<p class=\"muted\">No assessment of the payee cluster itself in this period: the cluster did not reach"
                    + " REVIEW or ALERT as a whole, or the alert file holds no cluster lines.</p>");
        } else {
            ClusterAssessment alert = c.clusterAlert().orElse(null);
            h.append("<div class=\"kv\">");
            kv(h, "level", top.level().name());
            kv(h, "cluster score", String.format(Locale.ROOT, "%.2f", top.score()));
            kv(h, "cluster alert", alert == null ? "none (not at ALERT)" : alert.alertId());
            kv(h, "reached ALERT", alert == null ? "–" : ts(alert.timestamp()));
            kv(h, "senders counted", Integer.toString(top.senders().size()));
            kv(h, "payees paid", Integer.toString(top.beneficiaries()));
            kv(h, "related senders, not alerted through the cluster", Integer.toString(top.relatedSenders()));
            kv(h, "possible victims, not alerted through the cluster", Integer.toString(top.victimSenders()));
            h.append("</div>\n<h3>Facets of the highest assessment (").append(esc(ts(top.timestamp()))).append(")</h3>");
            h.append("<table><thead><tr><th>Facet</th><th>Kind</th><th>Sub-score</th><th>Weight</th><th>Measure</th><th>Evidence</th></tr></thead><tbody>");
            for (Hit f : top.hits()) {
                h.append("<tr><td><code>").append(esc(f.ruleId())).append("</code></td><td>")
                        .append(f.mitigating() ? "mitigating" : PATTERN_FACETS.contains(f.ruleId()) ? "pattern" : "context")
                        .append("</td><td>").append(String.format(Locale.ROOT, "%.2f", f.subScore())).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.2f", f.weight())).append("</td><td>").append(esc(f.reason()))
                        .append("</td><td>").append(esc(String.join(", ", f.evidence()))).append("</td></tr>");
            }
            h.append("</tbody></table>");
            if (c.clusterAssessments().size() > 1) {
                h.append("<h3>Every assessment of the cluster in this period</h3><table><thead><tr><th>Time</th><th>Alert</th>"
                        + "<th>Level</th><th>Score</th><th>Facets</th><th>Look-back</th></tr></thead><tbody>");
                for (ClusterAssessment a : c.clusterAssessments()) {
                    h.append("<tr><td>").append(esc(ts(a.timestamp()))).append("</td><td><code>").append(esc(a.alertId()))
                            .append("</code></td><td><span class=\"lvl ").append(a.level().name()).append("\">").append(a.level().name())
                            .append("</span></td><td>").append(String.format(Locale.ROOT, "%.2f", a.score())).append("</td><td>")
                            .append(a.hits().size()).append("</td><td>").append(a.lookBack().size()).append("</td></tr>");
                }
                h.append("</tbody></table>");
            }
        }
        h.append("<h3>Senders alerted by look-back</h3>");
        if (c.lookBack().isEmpty()) {
            h.append("<p class=\"muted\">None in this period.</p>");
        } else {
            Map<String, Transaction> byId = new HashMap<>();
            for (Transaction t : c.transactions()) {
                byId.put(t.id(), t);
            }
            h.append("<table><thead><tr><th>Sender</th><th>Look-back alert</th><th>From cluster alert</th><th>Raised</th>"
                    + "<th>Level</th><th>Earlier transfers to the cluster</th></tr></thead><tbody>");
            for (LookBackSender l : c.lookBack()) {
                List<String> evidence = new ArrayList<>();
                for (String id : l.evidence()) {
                    Transaction t = byId.get(id);
                    evidence.add(t == null ? id : id + " (" + day(t.timestamp().toInstant()) + ", " + t.amount() + ")");
                }
                h.append("<tr class=\"lookback\"><td>").append(esc(shown.partyId(l.senderId()))).append("</td><td><code>")
                        .append(esc(nz(l.alertId()))).append("</code></td><td><code>").append(esc(nz(l.clusterAlertId())))
                        .append("</code></td><td>").append(esc(ts(l.raisedAt()))).append("</td><td><span class=\"lvl ")
                        .append(l.level().name()).append("\">").append(l.level().name()).append("</span></td><td>")
                        .append(esc(String.join("; ", evidence))).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("<p class=\"muted\">Senders with a family link to the payees, and senders who may be sextortion victims, are"
                + " never alerted through the cluster; a possible victim has a case of their own.</p></section>\n");
    }

    /** The alerts (first 200): time, kind, alert id, transaction, parties, level, score; with reasons for victim cases. */
    private static void alertTable(StringBuilder h, Case c, Shown shown, boolean reasons) {
        h.append("<table><thead><tr><th>Time</th><th>Kind</th><th>Alert</th><th>Transaction</th><th>")
                .append(reasons ? "Recipient" : "Sender</th><th>Payee").append("</th><th>Level</th><th>Score</th>")
                .append(reasons ? "<th>Reason</th>" : "").append("</tr></thead><tbody>");
        int columns = 8;
        int shownAlerts = 0;
        for (Assessment a : c.alerts()) {
            if (shownAlerts++ == 200) {
                h.append("<tr><td colspan=\"").append(columns).append("\" class=\"muted\">… ").append(c.alerts().size() - 200)
                        .append(" more alerts in cases.json</td></tr>");
                break;
            }
            h.append(a.kind() == AssessmentKind.LOOK_BACK ? "<tr class=\"lookback\">" : "<tr>").append("<td>")
                    .append(esc(ts(a.timestamp()))).append("</td><td>").append(esc(a.kind().wireName().replace('_', ' ')))
                    .append("</td><td><code>").append(esc(nz(a.alertId()))).append("</code></td><td>").append(esc(a.transactionId()))
                    .append("</td><td>");
            if (!reasons) {
                h.append(esc(shown.partyId(a.senderId()))).append("</td><td>");
            }
            h.append(esc(shown.partyId(a.beneficiaryId()))).append("</td><td><span class=\"lvl ").append(a.level().name())
                    .append("\">").append(a.level().name()).append("</span></td><td>")
                    .append(String.format(Locale.ROOT, "%.2f", a.score())).append("</td>");
            if (reasons) {
                List<String> why = new ArrayList<>();
                for (Hit hit : a.hits()) {
                    why.add(hit.reason());
                }
                h.append("<td>").append(esc(String.join(" ", why))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    private static void transactionTable(StringBuilder h, Case c, Shown shown, String note) {
        h.append("<section id=\"transactions\"><h2>Transaction table</h2><table><thead><tr><th>Time (sender local)</th><th>Transaction</th>"
                + "<th>Sender</th><th>Payee</th><th style=\"text-align:right\">Amount</th><th>Channel</th><th>Purpose</th></tr></thead><tbody>");
        Set<String> alerted = c.alertedTransactionIds();
        Set<String> lookBack = c.lookBackTransactionIds();
        String alertedClass = c.isVictimCase() ? "<tr class=\"victim\">" : "<tr class=\"alerted\">";
        for (Transaction t : c.transactions()) {
            h.append(alerted.contains(t.id()) ? alertedClass : lookBack.contains(t.id()) ? "<tr class=\"lookback\">" : "<tr>")
                    .append("<td>").append(esc(ts(t.timestamp())))
                    .append("</td><td>").append(esc(t.id())).append("</td><td>").append(esc(shown.partyId(t.sender().id())))
                    .append(" (").append(esc(t.sender().country())).append(")</td><td>").append(esc(shown.partyId(t.beneficiary().id())))
                    .append("</td><td style=\"text-align:right\">").append(esc(t.amount().toString())).append("</td><td>")
                    .append(t.channel() == null ? "" : t.channel().name()).append("</td><td>")
                    .append(esc(t.purpose() == null ? "" : t.purpose())).append("</td></tr>");
        }
        h.append("</tbody></table>").append(note).append("</section>\n");
    }

    static String index(CaseReport report, List<Case> cases) {
        StringBuilder h = new StringBuilder(8 * 1024);
        long victims = cases.stream().filter(Case::isVictimCase).count();
        head(h, "OSEC Screener cases");
        h.append("<header class=\"top\"><h1>Cases</h1><p>").append(cases.size()).append(" cases: ").append(cases.size() - victims)
                .append(" OSEC (one per payee cluster per ").append(report.period().toDays()).append("-day period), ")
                .append(victims).append(" sextortion, possible victim (one per customer per period)</p></header>\n<main>\n<p class=\"banner\">Confidential."
                        + " For trained analysts only; never shown to the customer (tipping-off). ")
                .append(report.rawIdentifiers() ? "<b>Raw identifiers are shown.</b>" : "Identifiers are masked.").append("</p>\n");
        if (victims > 0) {
            h.append("<p class=\"victim-banner\"><b>Possible sextortion victims.</b> The violet rows are customers who may be the"
                    + " victim of financially motivated sextortion: handle them as possible victims (no off-boarding, no tipping-off"
                    + " of the perpetrators; consider safeguarding), never as OSEC offenders.</p>\n");
        }
        h.append("<section><table><thead><tr><th>Case</th><th>Typology</th><th>Level</th><th>Subject</th><th>Opened</th><th>Last alert</th>"
                + "<th>Alerts</th><th>Senders</th><th>Payees</th><th>Transfers</th></tr></thead><tbody>");
        Shown shown = Shown.of(report.rawIdentifiers());
        for (Case c : cases) {
            h.append(c.isVictimCase() ? "<tr class=\"victim\">" : "<tr>").append("<td class=\"nw\"><a href=\"").append(esc(c.caseId()))
                    .append(".html\">").append(esc(c.caseId())).append("</a></td><td>")
                    .append(c.isVictimCase() ? "<span class=\"typ sextortion\">sextortion: possible victim</span>"
                            : "<span class=\"typ osec\">OSEC</span>")
                    .append("</td><td><span class=\"lvl ").append(c.level().name()).append("\">").append(c.level().name())
                    .append("</span></td><td>")
                    .append(c.isVictimCase() ? "customer " + esc(shown.partyId(c.customerId())) + " → cluster " + esc(c.clusterId())
                            : "payee cluster " + esc(c.clusterId()))
                    .append("</td><td>").append(esc(ts(c.opened())))
                    .append("</td><td>").append(esc(ts(c.lastAlert()))).append("</td><td>").append(c.alerts().size())
                    .append("</td><td>").append(c.senderIds().size()).append("</td><td>").append(c.payeeIds().size())
                    .append("</td><td>").append(c.transactions().size()).append("</td></tr>");
        }
        h.append("</tbody></table></section>\n<section><h2>Senders across cases</h2><table><thead><tr><th>Sender</th>"
                + "<th>Country</th><th>OSEC cases</th><th>Possible victim in</th><th>OSEC alerts</th><th>Transfers</th><th>Totals</th></tr></thead><tbody>");
        for (SenderSummary s : report.senders(cases)) {
            h.append(s.victimCaseIds().isEmpty() ? "<tr>" : "<tr class=\"victim\">").append("<td>").append(esc(shown.partyId(s.senderId())))
                    .append("</td><td>").append(esc(s.country() == null ? "" : s.country())).append("</td><td>")
                    .append(esc(String.join(", ", s.caseIds()))).append("</td><td>").append(esc(String.join(", ", s.victimCaseIds())))
                    .append("</td><td>").append(s.alerts()).append("</td><td>").append(s.transfers()).append("</td><td>")
                    .append(esc(String.join(", ", s.totals()))).append("</td></tr>");
        }
        h.append("</tbody></table></section>\n</main></body></html>\n");
        return h.toString();
    }

    private static void head(StringBuilder h, String title) {
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"robots\" content=\"noindex\"/><title>").append(esc(title)).append("</title><style>\n")
                .append(CSS).append("\n</style></head><body>\n");
    }

    private static void kv(StringBuilder h, String label, String value) {
        h.append("<div><span class=\"muted\">").append(esc(label)).append("</span><b>").append(esc(value)).append("</b></div>");
    }

    /** The parties' details; with {@code roles}, a last column says each one's part in the case. */
    private static void partyTable(StringBuilder h, List<String> ids, Map<String, Party> parties, Shown shown,
                                   Map<String, String> roles) {
        h.append("<table><thead><tr><th>Id</th><th>Country</th><th>Name</th><th>Account</th><th>Phone</th><th>Wallet</th>"
                + "<th>E-mail</th><th>Address</th>").append(roles == null ? "" : "<th>In this case</th>").append("</tr></thead><tbody>");
        for (String id : ids) {
            Party p = parties.get(id);
            String role = roles == null ? null : roles.getOrDefault(id, "");
            h.append(role != null && role.contains("look-back") ? "<tr class=\"lookback\">" : "<tr>")
                    .append("<td class=\"nw\">").append(esc(shown.partyId(id))).append("</td>");
            if (p == null) {
                h.append("<td colspan=\"7\" class=\"muted\">not in the transaction input</td>");
            } else {
                h.append("<td>").append(esc(p.country())).append("</td><td>").append(esc(nz(shown.name(p.name()))))
                        .append("</td><td>").append(esc(nz(shown.account(p.account())))).append("</td><td>")
                        .append(esc(nz(shown.phone(p.phone())))).append("</td><td>").append(esc(nz(shown.account(p.wallet()))))
                        .append("</td><td>").append(esc(nz(shown.email(p.email())))).append("</td><td>")
                        .append(esc(nz(shown.address(p.address())))).append("</td>");
            }
            if (role != null) {
                h.append("<td>").append(esc(role)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    /** Senders on the left, payees on the right; transfers as arrows, payee links as dashed arcs. */
    private static void network(StringBuilder h, Case c, Shown shown) {
        List<String> senders = cap(c.senderIds());
        List<String> payees = cap(c.payeeIds());
        Map<String, Integer> sy = new HashMap<>();
        Map<String, Integer> py = new HashMap<>();
        int rows = Math.max(Math.max(senders.size(), payees.size()), 1);
        int rowH = 34;
        int height = rows * rowH + 70;
        int sx = 300;
        int px = 760;
        // each column spreads evenly over the same height, so that few payees are not bunched up
        for (int i = 0; i < senders.size(); i++) {
            sy.put(senders.get(i), 40 + (int) ((i + 0.5) * rows * rowH / senders.size()));
        }
        for (int i = 0; i < payees.size(); i++) {
            py.put(payees.get(i), 40 + (int) ((i + 0.5) * rows * rowH / payees.size()));
        }
        Map<String, Integer> edges = new LinkedHashMap<>();
        Set<String> alerted = c.alertedTransactionIds();
        Set<String> lookBack = c.lookBackTransactionIds();
        Map<String, Boolean> edgeAlerted = new HashMap<>();
        for (Transaction t : c.transactions()) {
            String k = t.sender().id() + "\u0000" + t.beneficiary().id();
            edges.merge(k, 1, Integer::sum);
            if (alerted.contains(t.id())) {
                edgeAlerted.put(k, true);
            } else if (lookBack.contains(t.id())) {
                edgeAlerted.putIfAbsent(k, false);
            }
        }
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"network of senders and payees\" width=\"1100\" height=\"")
                .append(height).append("\" viewBox=\"0 0 1100 ").append(height).append("\">\n");
        h.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"11\" markerHeight=\"11\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#8894a6\"/></marker>"
                + "<marker id=\"arrowRed\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"11\" markerHeight=\"11\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c62828\"/></marker>"
                + "<marker id=\"arrowOrange\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"11\" markerHeight=\"11\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#e08a00\"/></marker></defs>\n");
        h.append("<text x=\"").append(sx).append("\" y=\"22\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"600\">Senders</text>");
        h.append("<text x=\"").append(px).append("\" y=\"22\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"600\">Payees (cluster ")
                .append(esc(c.clusterId())).append(")</text>\n");
        for (Map.Entry<String, Integer> e : edges.entrySet()) {
            String[] ends = e.getKey().split("\u0000", 2);
            Integer y1 = sy.get(ends[0]);
            Integer y2 = py.get(ends[1]);
            if (y1 == null || y2 == null) {
                continue;
            }
            Boolean flagged = edgeAlerted.get(e.getKey());
            boolean red = Boolean.TRUE.equals(flagged);
            boolean orange = Boolean.FALSE.equals(flagged);
            double w = 1 + Math.min(5, Math.log(e.getValue()) * 1.5);
            h.append("<line x1=\"").append(sx + 10).append("\" y1=\"").append(y1).append("\" x2=\"").append(px - 12)
                    .append("\" y2=\"").append(y2).append("\" stroke=\"").append(red ? RED : orange ? AMBER : "#8894a6")
                    .append("\" stroke-opacity=\"0.75\" stroke-width=\"").append(String.format(Locale.ROOT, "%.1f", w))
                    .append("\" marker-end=\"url(#").append(red ? "arrowRed" : orange ? "arrowOrange" : "arrow").append(")\"><title>")
                    .append(Narrative.count(e.getValue(), "transfer")).append("</title></line>\n");
        }
        Map<String, String> colours = new LinkedHashMap<>();
        int arc = 0;
        for (Link l : c.links()) {
            Integer y1 = py.get(l.from());
            Integer y2 = py.get(l.to());
            if (y1 == null || y2 == null) {
                continue;
            }
            String colour = colours.computeIfAbsent(l.type().tag(), k -> LINK_COLOURS[colours.size() % LINK_COLOURS.length]);
            int bulge = Math.min(320, 150 + (arc++ % 6) * 25 + Math.abs(y2 - y1) / 4);
            h.append("<path d=\"M").append(px + 10).append(',').append(y1).append(" C").append(px + 10 + bulge).append(',')
                    .append(y1).append(' ').append(px + 10 + bulge).append(',').append(y2).append(' ').append(px + 10).append(',')
                    .append(y2).append("\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\" stroke-dasharray=\"5,3\"><title>").append(esc(l.type().tag())).append(' ')
                    .append(esc(l.maskedValue())).append("</title></path>\n");
        }
        for (String s : senders) {
            int y = sy.get(s);
            Party p = c.parties().get(s);
            h.append("<circle cx=\"").append(sx).append("\" cy=\"").append(y).append("\" r=\"9\" fill=\"#1f2a44\"/>")
                    .append("<text x=\"").append(sx - 16).append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\" font-size=\"12\">")
                    .append(esc(shown.partyId(s))).append(p == null ? "" : " (" + esc(p.country()) + ")").append("</text>\n");
        }
        for (String b : payees) {
            int y = py.get(b);
            Party p = c.parties().get(b);
            h.append("<circle cx=\"").append(px).append("\" cy=\"").append(y).append("\" r=\"9\" fill=\"#c2410c\"/>")
                    .append("<text x=\"").append(px + 16).append("\" y=\"").append(y + 4)
                    .append("\" font-size=\"12\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"4\">")
                    .append(esc(shown.partyId(b))).append(p == null ? "" : " (" + esc(p.country()) + ")").append("</text>\n");
        }
        int ly = height - 14;
        h.append("<text x=\"20\" y=\"").append(ly).append("\" font-size=\"11\" fill=\"#6b7785\">Arrows: transfers (thicker = more; red = alerted; orange = cited by a look-back alert).");
        int lx = 20;
        StringBuilder legend = new StringBuilder();
        for (Map.Entry<String, String> e : colours.entrySet()) {
            legend.append(" <tspan fill=\"").append(e.getValue()).append("\">■ shared ").append(esc(e.getKey())).append("</tspan>");
        }
        h.append(legend.length() == 0 ? "" : " Dashed arcs: links between payees:" + legend).append("</text>\n");
        if (c.senderIds().size() > senders.size() || c.payeeIds().size() > payees.size()) {
            h.append("<text x=\"").append(lx).append("\" y=\"").append(ly - 16).append("\" font-size=\"11\" fill=\"#6b7785\">Showing the first ")
                    .append(MAX_NODES).append(" senders and payees; the tables list all.</text>\n");
        }
        h.append("</svg>\n");
    }

    /** A vertical line on the timeline: when something happened to the whole case, such as the cluster's ALERT. */
    private record Marker(Instant at, String label, String colour) {
    }

    /**
     * One row per party; a dot per transfer on a time axis: {@code colour} when the transfer was
     * alerted, orange when a look-back alert cites it, grey otherwise; markers as dashed vertical lines.
     */
    private static void timeline(StringBuilder h, List<String> ids, Function<String, String> label,
                                 Function<Transaction, String> rowOf, Case c, Set<String> alerted, String colour,
                                 Set<String> lookBack, List<Marker> markers, String caption) {
        List<String> rows = cap(ids);
        Instant from = c.windowStart().toInstant();
        Instant to = c.lastAlert().toInstant();
        if (!to.isAfter(from)) {
            to = from.plus(Duration.ofDays(1));
        }
        double span = Duration.between(from, to).toMillis();
        int left = 220;
        int width = 1100;
        int plot = width - left - 30;
        int rowH = 22;
        int top = markers.isEmpty() ? 20 : 38;
        int height = Math.max(1, rows.size()) * rowH + top + 40;
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            row.put(rows.get(i), i);
        }
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"timeline of transfers\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\">\n");
        for (int i = 0; i < rows.size(); i++) {
            int y = top + i * rowH;
            if (i % 2 == 0) {
                h.append("<rect x=\"").append(left).append("\" y=\"").append(y - rowH / 2).append("\" width=\"").append(plot)
                        .append("\" height=\"").append(rowH).append("\" fill=\"#f5f6f8\"/>");
            }
            h.append("<text x=\"").append(left - 10).append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\" font-size=\"12\">")
                    .append(esc(label.apply(rows.get(i)))).append("</text>\n");
        }
        int axisY = top + rows.size() * rowH;
        h.append("<line x1=\"").append(left).append("\" y1=\"").append(axisY).append("\" x2=\"").append(left + plot)
                .append("\" y2=\"").append(axisY).append("\" stroke=\"#8894a6\"/>\n");
        for (int k = 0; k <= 5; k++) {
            int x = left + plot * k / 5;
            Instant t = from.plusMillis((long) (span * k / 5));
            h.append("<line x1=\"").append(x).append("\" y1=\"").append(axisY).append("\" x2=\"").append(x).append("\" y2=\"")
                    .append(axisY + 5).append("\" stroke=\"#8894a6\"/><text x=\"").append(x).append("\" y=\"").append(axisY + 18)
                    .append("\" text-anchor=\"").append(k == 5 ? "end" : "middle").append("\" font-size=\"11\" fill=\"#52606d\">")
                    .append(span < 5 * 86_400_000d ? dayHour(t) : day(t)).append("</text>\n");
        }
        for (Marker m : markers) {
            double x = left + plot * (Duration.between(from, m.at()).toMillis() / span);
            String xs = String.format(Locale.ROOT, "%.1f", x);
            h.append("<line x1=\"").append(xs).append("\" y1=\"").append(top - 14).append("\" x2=\"").append(xs).append("\" y2=\"")
                    .append(axisY).append("\" stroke=\"").append(m.colour()).append("\" stroke-width=\"2\" stroke-dasharray=\"6,4\"/>")
                    .append("<text x=\"").append(xs).append("\" y=\"").append(top - 20).append("\" text-anchor=\"middle\" font-size=\"11\""
                            + " font-weight=\"600\" fill=\"").append(m.colour()).append("\">").append(esc(m.label())).append(' ')
                    .append(day(m.at())).append("</text>\n");
        }
        List<Transaction> later = new ArrayList<>();
        for (Transaction t : c.transactions()) {
            if (alerted.contains(t.id()) || lookBack.contains(t.id())) {
                later.add(t);
                continue;
            }
            dot(h, t, row.get(rowOf.apply(t)), from, span, left, plot, rowH, top, "#5b6b82", 4);
        }
        for (Transaction t : later) {
            boolean a = alerted.contains(t.id());
            dot(h, t, row.get(rowOf.apply(t)), from, span, left, plot, rowH, top, a ? colour : AMBER, 5);
        }
        h.append("<text x=\"20\" y=\"").append(height - 6)
                .append("\" font-size=\"11\" fill=\"#6b7785\">").append(esc(caption)).append("</text>\n");
        h.append("</svg>\n");
    }

    private static void dot(StringBuilder h, Transaction t, Integer r, Instant from, double span, int left,
                            int plot, int rowH, int top, String fill, int radius) {
        if (r == null) {
            return;
        }
        double x = left + plot * (Duration.between(from, t.timestamp().toInstant()).toMillis() / span);
        h.append("<circle cx=\"").append(String.format(Locale.ROOT, "%.1f", x)).append("\" cy=\"").append(top + r * rowH)
                .append("\" r=\"").append(radius).append("\" fill=\"").append(fill)
                .append("\" fill-opacity=\"0.85\"><title>").append(esc(t.id())).append(' ').append(esc(t.amount().toString()))
                .append("</title></circle>\n");
    }

    private static List<String> cap(List<String> ids) {
        return ids.size() <= MAX_NODES ? ids : ids.subList(0, MAX_NODES);
    }

    private static String ts(java.time.OffsetDateTime t) {
        return TransactionCodec.formatTimestamp(t);
    }

    private static String dayHour(Instant t) {
        return t.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT));
    }

    private static String day(Instant t) {
        return t.atOffset(ZoneOffset.UTC).format(DAY);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Escapes text for HTML and XML: {@code & < > " '}. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String rep = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> ch < 0x20 && ch != '\n' && ch != '\t' ? " " : null;
            };
            if (rep != null) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(rep);
            } else if (sb != null) {
                sb.append(ch);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
