package org.osecscreener.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.osecscreener.tools.backtest.BacktestReport;

/**
 * The headline figures of one bundle on two labelled sets — the main generator's and the
 * independent second-opinion set — side by side, with the gap (second opinion − main): a gain on
 * one set only is tuning, not detection.
 */
final class SideBySide {
    static final String MARKDOWN = "side-by-side.md";
    static final String JSON = "side-by-side.json";

    private SideBySide() {
    }

    /** One headline figure: its name, how to print it, and its value on each set. */
    record Row(String metric, String unit, double main, double secondOpinion) {
        double gap() {
            return secondOpinion - main;
        }
    }

    static List<Row> rows(BacktestReport a, BacktestReport b) {
        List<Row> rows = new ArrayList<>();
        BacktestReport.Outcomes x = a.outcomes();
        BacktestReport.Outcomes y = b.outcomes();
        rows.add(new Row("OSEC senders with at least one ALERT", "share", x.osecRecall(), y.osecRecall()));
        rows.add(new Row("legitimate senders at ALERT", "percent", x.legitAlertShare(), y.legitAlertShare()));
        rows.add(new Row("legitimate senders at REVIEW or above", "percent", x.legitReviewShare(), y.legitReviewShare()));
        rows.add(new Row("queue items (distinct alert ids) per 10,000 transactions", "number", x.queueItemsPer10k(), y.queueItemsPer10k()));
        rows.add(new Row("transfers before the first ALERT (median, by the transaction named)", "number",
                x.firstAlert().median(), y.firstAlert().median()));
        rows.add(new Row("transfers made when the first ALERT was raised (median)", "number",
                x.firstAlertRaised().median(), y.firstAlertRaised().median()));
        rows.add(new Row("sextortion victims at REVIEW or above", "share", x.victimReviewShare(), y.victimReviewShare()));
        return rows;
    }

    static String markdown(BacktestReport a, BacktestReport b) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "| %s | main set | second opinion | gap |%n", a.bundle()));
        s.append("|---|---|---|---|\n");
        for (Row r : rows(a, b)) {
            s.append("| ").append(r.metric()).append(" | ").append(fmt(r, r.main())).append(" | ")
                    .append(fmt(r, r.secondOpinion())).append(" | ").append(gap(r)).append(" |\n");
        }
        s.append(String.format(Locale.ROOT, "%nmain set: %s (%d transactions); second opinion: %s (%d transactions)%n",
                a.input(), a.metrics().transactions(), b.input(), b.metrics().transactions()));
        return s.toString();
    }

    private static String fmt(Row r, double v) {
        return switch (r.unit()) {
            case "percent" -> String.format(Locale.ROOT, "%.2f%%", v * 100);
            case "share" -> String.format(Locale.ROOT, "%.3f", v);
            default -> String.format(Locale.ROOT, "%.1f", v);
        };
    }

    private static String gap(Row r) {
        double g = r.gap();
        return switch (r.unit()) {
            case "percent" -> String.format(Locale.ROOT, "%+.2f pp", g * 100);
            case "share" -> String.format(Locale.ROOT, "%+.3f", g);
            default -> String.format(Locale.ROOT, "%+.1f", g);
        };
    }

    static void write(BacktestReport a, BacktestReport b, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKDOWN), markdown(a, b), StandardCharsets.UTF_8);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bundle", a.bundle());
        json.put("main", a.input());
        json.put("secondOpinion", b.input());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row r : rows(a, b)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("metric", r.metric());
            m.put("main", r.main());
            m.put("secondOpinion", r.secondOpinion());
            m.put("gap", r.gap());
            rows.add(m);
        }
        json.put("rows", rows);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(JSON).toFile(), json);
    }
}
