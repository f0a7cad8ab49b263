package org.osecscreener.tools.backtest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a {@link BacktestReport} as {@code summary.json} and as a self-contained
 * {@code report.html}: XHTML-compatible markup (it parses as XML) with inline SVG charts and
 * inline CSS, no script and no network access.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReportWriter {
    /** File name of the JSON summary. */
    public static final String JSON = "summary.json";
    /** File name of the HTML report. */
    public static final String HTML = "report.html";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String OSEC = "#c0392b";
    private static final String LEGIT = "#2471a3";
    private static final String OTHER = "#7d8c2e";

    private ReportWriter() {
    }

    /**
     * Writes {@code summary.json} and {@code report.html} into {@code dir} (created if needed).
     *
     * @throws IOException if writing fails
     */
    public static void write(BacktestReport r, Path dir) throws IOException {
        Files.createDirectories(dir);
        MAPPER.writeValue(dir.resolve(JSON).toFile(), r);
        try (Writer w = Files.newBufferedWriter(dir.resolve(HTML), StandardCharsets.UTF_8)) {
            w.write(html(r));
        }
    }

    /** The report as JSON. */
    public static String json(BacktestReport r) {
        try {
            return MAPPER.writeValueAsString(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report as a self-contained HTML document. */
    public static String html(BacktestReport r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>OSEC Screener backtest: ").append(esc(r.bundle())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px auto;max-width:1180px;color:#222}")
                .append("h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:4px}")
                .append("table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}")
                .append("th{background:#f4f4f4}td.l,th.l{text-align:left}.grid{display:flex;flex-wrap:wrap;gap:18px}")
                .append(".card{border:1px solid #e3e3e3;border-radius:6px;padding:8px 12px}.k{font-size:12px;color:#666}.v{font-size:22px;font-weight:600}")
                .append("svg text{font-size:11px;fill:#333}.note{font-size:12px;color:#555}\n</style>\n</head>\n<body>\n");
        Metrics m = r.metrics();
        h.append("<h1>Backtest of ").append(esc(r.bundle())).append("</h1>\n<p class=\"note\">Input ").append(esc(r.input()))
                .append(": ").append(m.transactions()).append(" transactions screened, ").append(r.rejected())
                .append(" rejected; ").append(fmt(r.seconds(), 1)).append(" s. Definitions: docs/backtest.md.</p>\n");
        h.append("<div class=\"grid\">");
        card(h, "sender recall", fmt(m.senderRecall(), 3), m.detectedOsecSenders() + " of " + m.osecSenders() + " OSEC senders");
        card(h, "sender precision", fmt(m.senderPrecision(), 3), m.alertedLegitSenders() + " legitimate senders alerted");
        card(h, "legitimate senders at ALERT", pct(m.legitSenderAlertRate()), "of " + m.legitSenders());
        card(h, "alerts per 10,000 tx", fmt(m.alertsPer10k(), 1), m.alerts() + " alerts, " + m.alertCases() + " cases");
        card(h, "cluster recall", fmt(m.clusterRecall(), 3), m.detectedOsecClusters() + " of " + m.osecClusters() + " OSEC clusters");
        card(h, "cluster precision", fmt(m.clusterPrecision(), 3), m.alertedClusters() + " clusters alerted");
        h.append("</div>\n");
        BacktestReport.Outcomes o = r.outcomes();
        if (o != null) {
            h.append("<h2>Analyst queue, REVIEW and victims</h2>\n<div class=\"grid\">");
            card(h, "queue items per 10,000 tx", fmt(o.queueItemsPer10k(), 1), o.queueItems() + " distinct alert ids at REVIEW or ALERT");
            card(h, "OSEC senders at ALERT", pct(o.osecRecall()), o.osecAtAlert() + " of " + o.osecSenders() + " (transaction or look-back)");
            card(h, "legitimate senders at ALERT", pct(o.legitAlertShare()), o.legitAtAlert() + " of " + o.legitSenders());
            card(h, "legitimate senders at REVIEW or above", pct(o.legitReviewShare()), o.legitAtReview() + " of " + o.legitSenders());
            card(h, "sextortion victims at REVIEW or above", pct(o.victimReviewShare()), o.victimsAtReview() + " of " + o.victims()
                    + "; " + o.victimsAtOsecAlert() + " at an OSEC ALERT");
            card(h, "payee-cluster assessments", String.valueOf(o.clusterAssessments()), o.clusterAlerts() + " at ALERT; "
                    + o.lookBackAlerts() + " look-back alerts for " + o.lookBackSenders() + " senders");
            card(h, "transfers before the first ALERT", fmt(o.firstAlert().median(), 0), "median (by the transaction named); "
                    + fmt(o.firstAlertRaised().median(), 0) + " by the time it was raised");
            h.append("</div>\n");
        }

        h.append("<h2>Score distribution (highest score per sender)</h2>\n");
        h.append(scoreChart(r));
        h.append("<h2>Precision and recall against the alert threshold</h2>\n<div class=\"grid\">");
        h.append(lineChart("sender recall, precision and legitimate alert rate", r.sweep(), List.of(
                new Series("sender recall", OSEC, Metrics::senderRecall),
                new Series("sender precision", LEGIT, Metrics::senderPrecision),
                new Series("cluster recall", "#e67e22", Metrics::clusterRecall),
                new Series("legitimate senders at ALERT", OTHER, Metrics::legitSenderAlertRate)), 1.0, m.alertThreshold()));
        double maxAlerts = r.sweep().stream().mapToDouble(Metrics::alertsPer10k).max().orElse(1);
        h.append(lineChart("alerts per 10,000 transactions (workload)", r.sweep(), List.of(
                new Series("alerts per 10k", LEGIT, Metrics::alertsPer10k)), niceMax(maxAlerts), m.alertThreshold()));
        h.append("</div>\n");
        h.append(sweepTable(r.sweep()));

        h.append("<h2>Alerts per day</h2>\n").append(dayChart(r.alertsPerDay()));
        h.append("<h2>Per-rule contributions</h2>\n<p class=\"note\">Marginal contribution: ").append(esc(r.marginalMethod()))
                .append(". \"OSEC senders lost\" are detected senders no longer detected without the rule.</p>\n");
        h.append(ruleChart(r.rules())).append(ruleTable(r.rules()));
        h.append("<h2>Recall per scenario</h2>\n<p class=\"note\">Share of each scenario's senders with at least one ALERT:"
                + " recall for OSEC scenarios, false-positive rate for legitimate ones (hard negatives).</p>\n");
        h.append(scenarioChart(r.scenarios())).append(scenarioTable(r.scenarios()));
        BacktestReport.FirstAlert f = r.firstAlert();
        h.append("<h2>Transfers before the first alert</h2>\n<p class=\"note\">For each of the ").append(f.detected())
                .append(" detected OSEC senders, its transfers before the first ALERT: mean ").append(fmt(f.mean(), 1))
                .append(", median ").append(fmt(f.median(), 0)).append(", 90th percentile ").append(fmt(f.p90(), 0)).append(".</p>\n");
        h.append(barChart(BacktestReport.FirstAlert.BUCKETS, f.histogram().stream().map(Long::doubleValue).toList(), OSEC, "senders"));
        if (r.comparison() != null) {
            h.append(comparison(r));
        }
        h.append("<p class=\"note\">Synthetic or labelled data only. Thresholds are internal: never show them to customers.</p>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private record Series(String name, String color, ToDoubleFunction<Metrics> value) {
    }

    private static void card(StringBuilder h, String k, String v, String sub) {
        h.append("<div class=\"card\"><div class=\"k\">").append(esc(k)).append("</div><div class=\"v\">").append(esc(v))
                .append("</div><div class=\"k\">").append(esc(sub)).append("</div></div>");
    }

    private static String scoreChart(BacktestReport r) {
        List<Long> o = r.osecScores().counts();
        List<Long> l = r.legitScores().counts();
        long to = Math.max(1, o.stream().mapToLong(Long::longValue).sum());
        long tl = Math.max(1, l.stream().mapToLong(Long::longValue).sum());
        int w = 1100;
        int hgt = 260;
        int left = 50;
        int bottom = 30;
        int n = o.size();
        double bw = (w - left - 10) / (double) n;
        StringBuilder s = svgOpen(w, hgt, "Score distribution of OSEC and legitimate senders");
        axes(s, left, 10, w - 10, hgt - bottom, 1.0, true);
        for (int i = 0; i < n; i++) {
            double x = left + i * bw;
            double ho = (o.get(i) / (double) to) * (hgt - bottom - 10);
            double hl = (l.get(i) / (double) tl) * (hgt - bottom - 10);
            rect(s, x + 2, hgt - bottom - hl, bw / 2 - 2, hl, LEGIT, "legitimate " + l.get(i));
            rect(s, x + bw / 2, hgt - bottom - ho, bw / 2 - 2, ho, OSEC, "OSEC " + o.get(i));
            if (i % 2 == 0) {
                text(s, x, hgt - bottom + 14, fmt(i / (double) n, 1), "start");
            }
        }
        legend(s, w - 260, 20, List.of(new String[] {"OSEC senders (share)", OSEC}, new String[] {"legitimate senders (share)", LEGIT}));
        return s.append("</svg>\n").toString();
    }

    private static String lineChart(String title, List<Metrics> sweep, List<Series> series, double yMax, double marker) {
        int w = 540;
        int hgt = 280;
        int left = 50;
        int top = 24;
        int bottom = 30;
        int right = w - 10;
        StringBuilder s = svgOpen(w, hgt, title);
        text(s, left, 14, title, "start");
        axes(s, left, top, right, hgt - bottom, yMax, false);
        double x0 = sweep.isEmpty() ? 0 : sweep.get(0).alertThreshold();
        double x1 = sweep.isEmpty() ? 1 : sweep.get(sweep.size() - 1).alertThreshold();
        double span = Math.max(1e-9, x1 - x0);
        for (Metrics m : sweep) {
            double x = left + (m.alertThreshold() - x0) / span * (right - left);
            text(s, x, hgt - bottom + 14, fmt(m.alertThreshold(), 2), "middle");
        }
        double mx = left + (marker - x0) / span * (right - left);
        if (marker >= x0 && marker <= x1) {
            s.append("<line x1=\"").append(fmt(mx, 1)).append("\" y1=\"").append(top).append("\" x2=\"").append(fmt(mx, 1))
                    .append("\" y2=\"").append(hgt - bottom).append("\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>");
        }
        List<String[]> legend = new ArrayList<>();
        for (Series se : series) {
            StringBuilder pts = new StringBuilder();
            for (Metrics m : sweep) {
                double x = left + (m.alertThreshold() - x0) / span * (right - left);
                double y = hgt - bottom - Math.min(1, se.value().applyAsDouble(m) / yMax) * (hgt - bottom - top);
                pts.append(fmt(x, 1)).append(',').append(fmt(y, 1)).append(' ');
            }
            s.append("<polyline fill=\"none\" stroke=\"").append(se.color()).append("\" stroke-width=\"2\" points=\"")
                    .append(pts.toString().trim()).append("\"/>");
            legend.add(new String[] {se.name(), se.color()});
        }
        legend(s, right - 190, top + 6, legend);
        return s.append("</svg>\n").toString();
    }

    private static String dayChart(List<BacktestReport.DayCount> days) {
        int w = 1100;
        int hgt = 220;
        int left = 50;
        int bottom = 30;
        int top = 10;
        double max = niceMax(days.stream().mapToDouble(BacktestReport.DayCount::alerts).max().orElse(1));
        StringBuilder s = svgOpen(w, hgt, "ALERT transactions per day");
        axes(s, left, top, w - 10, hgt - bottom, max, false);
        double bw = (w - left - 10) / (double) Math.max(1, days.size());
        for (int i = 0; i < days.size(); i++) {
            BacktestReport.DayCount d = days.get(i);
            double bh = d.alerts() / max * (hgt - bottom - top);
            rect(s, left + i * bw, hgt - bottom - bh, Math.max(1, bw - 1), bh, LEGIT, d.day() + ": " + d.alerts());
            if (i % Math.max(1, days.size() / 10) == 0) {
                text(s, left + i * bw, hgt - bottom + 14, d.day(), "start");
            }
        }
        return s.append("</svg>\n").toString();
    }

    private static String ruleChart(List<BacktestReport.RuleStats> rules) {
        int w = 1100;
        int row = 22;
        int left = 190;
        int hgt = 40 + row * rules.size();
        double maxHits = Math.max(1, rules.stream().mapToLong(BacktestReport.RuleStats::alertHits).max().orElse(1));
        double maxLost = Math.max(1, rules.stream().mapToLong(BacktestReport.RuleStats::osecSendersLost).max().orElse(1));
        StringBuilder s = svgOpen(w, hgt, "Per-rule contributions");
        int mid = left + (w - left) / 2;
        text(s, left, 14, "ALERT transactions the rule fired on", "start");
        text(s, mid + 10, 14, "OSEC senders lost without the rule (marginal recall)", "start");
        for (int i = 0; i < rules.size(); i++) {
            BacktestReport.RuleStats r = rules.get(i);
            double y = 24 + i * row;
            text(s, left - 6, y + 14, r.rule(), "end");
            double a = r.alertHits() / maxHits * (mid - left - 60);
            rect(s, left, y + 3, a, row - 6, LEGIT, r.rule() + ": " + r.alertHits());
            text(s, left + a + 4, y + 14, Long.toString(r.alertHits()), "start");
            double b = Math.max(0, r.osecSendersLost()) / maxLost * (w - mid - 80);
            rect(s, mid + 10, y + 3, b, row - 6, OSEC, r.rule() + ": " + r.osecSendersLost());
            text(s, mid + 14 + b, y + 14, r.osecSendersLost() < 0 ? "n/a" : Long.toString(r.osecSendersLost()), "start");
        }
        return s.append("</svg>\n").toString();
    }

    private static String scenarioChart(List<BacktestReport.ScenarioStats> sc) {
        int w = 1100;
        int row = 22;
        int left = 190;
        int hgt = 20 + row * sc.size();
        StringBuilder s = svgOpen(w, hgt, "Share of senders alerted per scenario");
        for (int i = 0; i < sc.size(); i++) {
            BacktestReport.ScenarioStats x = sc.get(i);
            double y = 10 + i * row;
            text(s, left - 6, y + 14, x.scenario() + (x.osec() ? " (OSEC)" : ""), "end");
            double bw = x.share() * (w - left - 120);
            rect(s, left, y + 3, bw, row - 6, x.osec() ? OSEC : LEGIT, x.scenario() + ": " + pct(x.share()));
            text(s, left + bw + 4, y + 14, pct(x.share()) + " of " + x.senders(), "start");
        }
        return s.append("</svg>\n").toString();
    }

    private static String barChart(List<String> labels, List<Double> values, String color, String unit) {
        int w = 700;
        int hgt = 200;
        int left = 50;
        int bottom = 30;
        int top = 10;
        double max = niceMax(values.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        StringBuilder s = svgOpen(w, hgt, "Transfers before the first alert");
        axes(s, left, top, w - 10, hgt - bottom, max, false);
        double bw = (w - left - 10) / (double) Math.max(1, values.size());
        for (int i = 0; i < values.size(); i++) {
            double bh = values.get(i) / max * (hgt - bottom - top);
            rect(s, left + i * bw + 4, hgt - bottom - bh, bw - 8, bh, color, labels.get(i) + ": " + fmt(values.get(i), 0) + " " + unit);
            text(s, left + i * bw + bw / 2, hgt - bottom + 14, labels.get(i), "middle");
        }
        return s.append("</svg>\n").toString();
    }

    private static String sweepTable(List<Metrics> sweep) {
        StringBuilder t = new StringBuilder("<table><tr><th>alert threshold</th><th>sender recall</th><th>sender precision</th>"
                + "<th>legitimate at ALERT</th><th>cluster recall</th><th>cluster precision</th><th>alerts</th><th>alerts per 10k</th><th>cases</th></tr>\n");
        for (Metrics m : sweep) {
            t.append("<tr><td>").append(fmt(m.alertThreshold(), 2)).append("</td><td>").append(fmt(m.senderRecall(), 3))
                    .append("</td><td>").append(fmt(m.senderPrecision(), 3)).append("</td><td>").append(pct(m.legitSenderAlertRate()))
                    .append("</td><td>").append(fmt(m.clusterRecall(), 3)).append("</td><td>").append(fmt(m.clusterPrecision(), 3))
                    .append("</td><td>").append(m.alerts()).append("</td><td>").append(fmt(m.alertsPer10k(), 1))
                    .append("</td><td>").append(m.alertCases()).append("</td></tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static String ruleTable(List<BacktestReport.RuleStats> rules) {
        StringBuilder t = new StringBuilder("<table><tr><th class=\"l\">rule</th><th>hits</th><th>OSEC hits</th><th>hit precision</th>"
                + "<th>ALERT hits</th><th>OSEC senders lost without it</th><th>legitimate senders spared without it</th>"
                + "<th>alerts without it</th><th>sender recall without it</th></tr>\n");
        for (BacktestReport.RuleStats r : rules) {
            t.append("<tr><td class=\"l\">").append(esc(r.rule())).append("</td><td>").append(r.hits()).append("</td><td>")
                    .append(r.osecHits()).append("</td><td>").append(fmt(r.precision(), 3)).append("</td><td>").append(r.alertHits())
                    .append("</td><td>").append(na(r.osecSendersLost())).append("</td><td>").append(na(r.legitSendersSpared()))
                    .append("</td><td>").append(na(r.alertsWithout())).append("</td><td>")
                    .append(r.senderRecallWithout() < 0 ? "n/a" : fmt(r.senderRecallWithout(), 3)).append("</td></tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static String scenarioTable(List<BacktestReport.ScenarioStats> sc) {
        StringBuilder t = new StringBuilder("<table><tr><th class=\"l\">scenario</th><th class=\"l\">kind</th><th>senders</th>"
                + "<th>at ALERT</th><th>share</th><th>at REVIEW or above</th><th>share</th><th>victim alerts</th></tr>\n");
        for (BacktestReport.ScenarioStats x : sc) {
            String kind = x.osec() ? "OSEC" : x.scenario().startsWith(Backtest.VICTIM_PREFIX) ? "victim" : "legitimate";
            t.append("<tr><td class=\"l\">").append(esc(x.scenario())).append("</td><td class=\"l\">").append(kind)
                    .append("</td><td>").append(x.senders()).append("</td><td>").append(x.alerted()).append("</td><td>")
                    .append(pct(x.share())).append("</td><td>").append(x.reviewed()).append("</td><td>")
                    .append(pct(x.reviewShare())).append("</td><td>").append(x.victimAlerted()).append("</td></tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static String comparison(BacktestReport r) {
        BacktestReport.Comparison c = r.comparison();
        Metrics a = r.metrics();
        Metrics b = c.metrics();
        StringBuilder t = new StringBuilder("<h2>Comparison: ").append(esc(r.bundle())).append(" (A) against ")
                .append(esc(c.bundle())).append(" (B)</h2>\n<p class=\"note\">ALERT transactions only under A: ").append(c.alertsOnlyInA())
                .append("; only under B: ").append(c.alertsOnlyInB()).append(". Senders alerted only under A: ").append(c.sendersOnlyInA())
                .append("; only under B: ").append(c.sendersOnlyInB()).append(".</p>\n");
        t.append("<table><tr><th class=\"l\">metric</th><th>A</th><th>B</th><th>B − A</th></tr>\n");
        row(t, "alert threshold", a.alertThreshold(), b.alertThreshold(), 2);
        row(t, "sender recall", a.senderRecall(), b.senderRecall(), 3);
        row(t, "sender precision", a.senderPrecision(), b.senderPrecision(), 3);
        row(t, "legitimate senders at ALERT", a.legitSenderAlertRate(), b.legitSenderAlertRate(), 4);
        row(t, "cluster recall", a.clusterRecall(), b.clusterRecall(), 3);
        row(t, "cluster precision", a.clusterPrecision(), b.clusterPrecision(), 3);
        row(t, "alerts", a.alerts(), b.alerts(), 0);
        row(t, "alerts per 10k", a.alertsPer10k(), b.alertsPer10k(), 1);
        row(t, "alert cases", a.alertCases(), b.alertCases(), 0);
        t.append("</table>\n<p class=\"note\">Examples of senders alerted only under A: ").append(esc(String.join(", ", c.exampleSendersOnlyInA())))
                .append("<br/>Only under B: ").append(esc(String.join(", ", c.exampleSendersOnlyInB()))).append("</p>\n");
        return t.toString();
    }

    private static void row(StringBuilder t, String name, double a, double b, int digits) {
        t.append("<tr><td class=\"l\">").append(esc(name)).append("</td><td>").append(fmt(a, digits)).append("</td><td>")
                .append(fmt(b, digits)).append("</td><td>").append(b - a >= 0 ? "+" : "").append(fmt(b - a, digits)).append("</td></tr>\n");
    }

    // ------------------------------------------------------------------------------------------

    private static StringBuilder svgOpen(int w, int h, String title) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" role=\"img\"><title>").append(esc(title))
                .append("</title>");
    }

    private static void axes(StringBuilder s, int x0, int y0, int x1, int y1, double yMax, boolean share) {
        s.append("<line x1=\"").append(x0).append("\" y1=\"").append(y1).append("\" x2=\"").append(x1).append("\" y2=\"").append(y1)
                .append("\" stroke=\"#444\"/><line x1=\"").append(x0).append("\" y1=\"").append(y0).append("\" x2=\"").append(x0)
                .append("\" y2=\"").append(y1).append("\" stroke=\"#444\"/>");
        for (int i = 0; i <= 4; i++) {
            double y = y1 - (y1 - y0) * i / 4.0;
            double v = yMax * i / 4.0;
            s.append("<line x1=\"").append(x0).append("\" y1=\"").append(fmt(y, 1)).append("\" x2=\"").append(x1).append("\" y2=\"")
                    .append(fmt(y, 1)).append("\" stroke=\"#eee\"/>");
            text(s, x0 - 4, y + 4, share ? pct(v) : yMax > 10 ? fmt(v, 0) : fmt(v, 2), "end");
        }
    }

    private static void rect(StringBuilder s, double x, double y, double w, double h, String color, String title) {
        s.append("<rect x=\"").append(fmt(x, 1)).append("\" y=\"").append(fmt(y, 1)).append("\" width=\"").append(fmt(Math.max(0, w), 1))
                .append("\" height=\"").append(fmt(Math.max(0, h), 1)).append("\" fill=\"").append(color).append("\"><title>")
                .append(esc(title)).append("</title></rect>");
    }

    private static void text(StringBuilder s, double x, double y, String t, String anchor) {
        s.append("<text x=\"").append(fmt(x, 1)).append("\" y=\"").append(fmt(y, 1)).append("\" text-anchor=\"").append(anchor)
                .append("\">").append(esc(t)).append("</text>");
    }

    private static void legend(StringBuilder s, int x, int y, List<String[]> items) {
        for (int i = 0; i < items.size(); i++) {
            rect(s, x, y + i * 16, 10, 10, items.get(i)[1], items.get(i)[0]);
            text(s, x + 14, y + i * 16 + 9, items.get(i)[0], "start");
        }
    }

    private static double niceMax(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String na(long v) {
        return v < 0 ? "n/a" : Long.toString(v);
    }

    static String fmt(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
