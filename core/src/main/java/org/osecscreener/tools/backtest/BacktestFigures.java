package org.osecscreener.tools.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.osecscreener.score.Level;

/**
 * The parts of a {@link BacktestReport} computed from finished runs: per-rule figures (with the
 * marginal contributions of the ablation runs), recall per scenario, alerts per day, the score
 * histograms and the comparison of two bundles.
 */
final class BacktestFigures {
    private static final int BINS = 20;

    private BacktestFigures() {
    }

    static List<BacktestReport.RuleStats> ruleStats(BacktestRun a, BacktestData d, List<BacktestRun> ablations,
                                                    List<String> ablated, Metrics m) {
        List<String> types = org.osecscreener.rules.Detectors.TYPES;
        long[] hits = new long[types.size()];
        long[] osecHits = new long[types.size()];
        long[] alertHits = new long[types.size()];
        for (int i = 0; i < d.n; i++) {
            int mask = a.ruleMask[i];
            if (mask == 0) {
                continue;
            }
            boolean alert = a.level[i] == Level.ALERT.ordinal();
            for (int r = 0; r < types.size(); r++) {
                if ((mask & 1 << r) != 0) {
                    hits[r]++;
                    if (d.osec.get(i)) {
                        osecHits[r]++;
                    }
                    if (alert) {
                        alertHits[r]++;
                    }
                }
            }
        }
        BitSet baseDetected = (BitSet) a.alertedSenders.clone();
        baseDetected.and(d.osecSender);
        BitSet baseLegit = (BitSet) a.alertedSenders.clone();
        baseLegit.andNot(d.osecSender);
        List<BacktestReport.RuleStats> out = new ArrayList<>();
        for (int r = 0; r < types.size(); r++) {
            String type = types.get(r);
            int k = ablated.indexOf(type);
            long lost = -1;
            long spared = -1;
            long alertsWithout = -1;
            double recallWithout = -1;
            if (k >= 0) {
                BacktestRun ab = ablations.get(k);
                BitSet det = (BitSet) ab.alertedSenders.clone();
                det.and(d.osecSender);
                BitSet l = (BitSet) baseDetected.clone();
                l.andNot(det);
                lost = l.cardinality();
                BitSet legit = (BitSet) ab.alertedSenders.clone();
                legit.andNot(d.osecSender);
                BitSet s = (BitSet) baseLegit.clone();
                s.andNot(legit);
                spared = s.cardinality();
                alertsWithout = ab.alerts;
                recallWithout = Metrics.ratio(det.cardinality(), d.osecSender.cardinality());
            } else if (hits[r] == 0 && a.bundle.detectors().present().stream().noneMatch(c -> c.type().equals(type) && c.enabled())) {
                continue;
            }
            out.add(new BacktestReport.RuleStats(type, hits[r], osecHits[r], Metrics.ratio(osecHits[r], hits[r]), alertHits[r],
                    lost, spared, alertsWithout, recallWithout));
        }
        return out;
    }

    static List<BacktestReport.ScenarioStats> scenarios(BacktestRun a, BacktestData d) {
        int k = d.scenarios.size();
        long[] senders = new long[k];
        long[] alerted = new long[k];
        long[] reviewed = new long[k];
        long[] victims = new long[k];
        for (int s = 0; s < d.senderIds.size(); s++) {
            int sc = d.senderScenario[s];
            senders[sc]++;
            if (a.osecAlerted.get(s)) {
                alerted[sc]++;
            }
            if (a.osecReviewed.get(s) || a.victimAlerted.get(s)) {
                reviewed[sc]++;
            }
            if (a.victimAlerted.get(s)) {
                victims[sc]++;
            }
        }
        List<BacktestReport.ScenarioStats> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : d.scenarioIndex.entrySet()) {
            int sc = e.getValue();
            if (senders[sc] == 0) {
                continue;
            }
            out.add(new BacktestReport.ScenarioStats(e.getKey(), d.osecScenario.get(sc), senders[sc], alerted[sc],
                    Metrics.ratio(alerted[sc], senders[sc]), reviewed[sc], Metrics.ratio(reviewed[sc], senders[sc]),
                    victims[sc]));
        }
        out.sort((x, y) -> x.osec() != y.osec() ? (x.osec() ? -1 : 1) : x.scenario().compareTo(y.scenario()));
        return out;
    }

    static List<BacktestReport.DayCount> perDay(BacktestRun a, BacktestData d) {
        if (d.n == 0) {
            return List.of();
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < d.n; i++) {
            min = Math.min(min, d.day[i]);
            max = Math.max(max, d.day[i]);
        }
        long[] counts = new long[max - min + 1];
        for (int i = 0; i < d.n; i++) {
            if (a.level[i] == Level.ALERT.ordinal() && a.screened.get(i)) {
                counts[d.day[i] - min]++;
            }
        }
        List<BacktestReport.DayCount> out = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            out.add(new BacktestReport.DayCount(LocalDate.ofEpochDay(min + k).toString(), counts[k]));
        }
        return out;
    }

    static BacktestReport.Histogram histogram(BacktestRun a, BacktestData d, boolean osec) {
        double[] max = new double[d.senderIds.size()];
        for (int i = 0; i < d.n; i++) {
            max[d.sender[i]] = Math.max(max[d.sender[i]], a.score[i]);
        }
        long[] bins = new long[BINS];
        for (int s = 0; s < max.length; s++) {
            if (d.osecSender.get(s) == osec) {
                bins[Math.min(BINS - 1, (int) (max[s] * BINS))]++;
            }
        }
        return new BacktestReport.Histogram(Arrays.stream(bins).boxed().toList());
    }

    static BacktestReport.Comparison compare(BacktestRun a, BacktestRun b, BacktestData d) {
        long onlyA = 0;
        long onlyB = 0;
        for (int i = 0; i < d.n; i++) {
            boolean x = a.level[i] == Level.ALERT.ordinal() && a.screened.get(i);
            boolean y = b.level[i] == Level.ALERT.ordinal() && b.screened.get(i);
            if (x && !y) {
                onlyA++;
            } else if (y && !x) {
                onlyB++;
            }
        }
        BitSet sa = (BitSet) a.alertedSenders.clone();
        sa.andNot(b.alertedSenders);
        BitSet sb = (BitSet) b.alertedSenders.clone();
        sb.andNot(a.alertedSenders);
        return new BacktestReport.Comparison(b.bundle.id() + "@" + b.bundle.version(), b.metrics(d, b.bundle.scoring().alert()),
                onlyA, onlyB, sa.cardinality(), sb.cardinality(), examples(sa, d), examples(sb, d));
    }

    static List<String> examples(BitSet s, BacktestData d) {
        List<String> out = new ArrayList<>();
        for (int i = s.nextSetBit(0); i >= 0 && out.size() < 20; i = s.nextSetBit(i + 1)) {
            out.add(d.senderIds.get(i));
        }
        return out;
    }
}
