package org.osecscreener.tools.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osecscreener.detect.UnscreenableTransactionException;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.AssessmentKind;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;
import org.osecscreener.score.Screening;
import org.osecscreener.screen.Screener;

/** One bundle's screening of the data. */
final class BacktestRun {
    final Screener screener;
    final RuleBundle bundle;
    final boolean full;
    final List<String> ruleIds;
    double[] score = new double[1024];
    byte[] positives = new byte[1024];
    byte[] level = new byte[1024];
    int[] clusterAtTime = new int[1024];
    int[] ruleMask = new int[1024];
    final BitSet suppressed = new BitSet();
    /** Transactions whose hits are context only: at no threshold a level. */
    final BitSet contextOnly = new BitSet();
    final BitSet alertedSenders = new BitSet();
    final BitSet screened = new BitSet();
    long alerts;
    final Map<String, Integer> clusterIndex = new HashMap<>();
    /** Senders with an OSEC ALERT of any kind (transaction or look-back). */
    final BitSet osecAlerted = new BitSet();
    /** Senders with an OSEC REVIEW or ALERT of any kind. */
    final BitSet osecReviewed = new BitSet();
    /** Senders with a sextortion-victim alert (REVIEW or ALERT). */
    final BitSet victimAlerted = new BitSet();
    /** Senders alerted by look-back (held fixed in the threshold sweep). */
    final BitSet lookBackAlerted = new BitSet();
    /** Per sender: transfers before the transaction its first OSEC ALERT names; -1 until alerted. */
    int[] firstAlertBefore = new int[1024];
    /** Per sender: transfers it had made when its first OSEC ALERT was raised; -1 until alerted. */
    int[] firstAlertRaised = new int[1024];
    /** Per sender: transfers screened so far. */
    int[] seenTransfers = new int[1024];
    final java.util.Set<String> items = new HashSet<>();
    long clusterAssessments;
    long clusterAlerts;
    long lookBacks;
    long victimAlerts;
    int[] finalCluster;
    int clusters;

    BacktestRun(RuleBundle bundle, boolean full, org.osecscreener.findings.Watchlists watchlists) {
        try {
            Screener.Builder b = Screener.builder().bundle(bundle).maxSenders(10_000_000).maxClusters(10_000_000)
                    .ignoreEffectiveFrom(true).clock(java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC));
            if (watchlists != null) {
                b.watchlists(watchlists);
            }
            this.screener = b.build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a screener for " + bundle.id() + ": " + e.getMessage(), e);
        }
        this.bundle = bundle;
        this.full = full;
        this.ruleIds = org.osecscreener.rules.Detectors.TYPES;
        Arrays.fill(firstAlertBefore, -1);
        Arrays.fill(firstAlertRaised, -1);
    }

    void screenAll(List<Transaction> batch, int first, BacktestData d) {
        for (int k = 0; k < batch.size(); k++) {
            screen(batch.get(k), first + k, d);
        }
    }

    void screen(Transaction tx, int i, BacktestData d) {
        Screening sc;
        try {
            sc = screener.screenAll(tx);
        } catch (UnscreenableTransactionException e) {
            return;
        }
        Assessment as = sc.assessment();
        screened.set(i);
        int self = d.sender[i];
        if (as.level() == Level.ALERT) {
            alerts++;
            alertedSenders.set(self);
        }
        for (Assessment a : sc.assessments()) {
            outcome(a, i, d);
        }
        if (sc.cluster() != null) {
            clusterAssessments++;
            clusterAlerts += sc.cluster().level() == Level.ALERT ? 1 : 0;
            items.add(sc.cluster().alertId());
        }
        grow(self);
        seenTransfers[self]++;
        if (!full) {
            return;
        }
        if (i >= score.length) {
            int len = Math.max(i + 1, score.length * 2);
            score = Arrays.copyOf(score, len);
            positives = Arrays.copyOf(positives, len);
            level = Arrays.copyOf(level, len);
            clusterAtTime = Arrays.copyOf(clusterAtTime, len);
            ruleMask = Arrays.copyOf(ruleMask, len);
        }
        score[i] = as.score();
        level[i] = (byte) as.level().ordinal();
        int pos = 0;
        int mask = 0;
        for (Hit h : as.hits()) {
            if (!h.mitigating()) {
                pos++;
            }
            int r = ruleIds.indexOf(h.ruleId());
            if (r >= 0) {
                mask |= 1 << r;
            }
        }
        positives[i] = (byte) org.osecscreener.score.Scorer.positiveRules(as.hits());
        if (org.osecscreener.score.Scorer.level(1.0, as.hits(), bundle.scoring()) == Level.NONE) {
            contextOnly.set(i); // no behaviour (scoring.contextRules): no threshold makes it a level
        }
        ruleMask[i] = mask;
        if (as.suppressedBy() != null || as.duplicate()) {
            suppressed.set(i);
        }
        clusterAtTime[i] = clusterIndex.computeIfAbsent(as.clusterId(), k -> clusterIndex.size());
    }

    private void grow(int s) {
        if (s >= seenTransfers.length) {
            int len = Math.max(s + 1, seenTransfers.length * 2);
            int old = seenTransfers.length;
            seenTransfers = Arrays.copyOf(seenTransfers, len);
            firstAlertBefore = Arrays.copyOf(firstAlertBefore, len);
            firstAlertRaised = Arrays.copyOf(firstAlertRaised, len);
            Arrays.fill(firstAlertBefore, old, len, -1);
            Arrays.fill(firstAlertRaised, old, len, -1);
        }
    }

    /** Counts one sender-side output of the screening of transaction {@code i}. */
    private void outcome(Assessment a, int i, BacktestData d) {
        if (a.level() == Level.NONE) {
            return;
        }
        Integer s = d.senderIndex.get(a.senderId());
        if (s == null) {
            return;
        }
        grow(s);
        items.add(a.alertId());
        if (a.kind() == AssessmentKind.SEXTORTION_VICTIM) {
            victimAlerts++;
            victimAlerted.set(s);
            return;
        }
        osecReviewed.set(s);
        if (a.kind() == AssessmentKind.LOOK_BACK) {
            lookBacks++;
            if (a.level() == Level.ALERT) {
                lookBackAlerted.set(s);
                alertedSenders.set(s);
            }
        }
        if (a.level() == Level.ALERT) {
            osecAlerted.set(s);
            if (firstAlertBefore[s] < 0) {
                Integer named = d.txIndex.get(a.transactionId());
                firstAlertBefore[s] = named == null ? seenTransfers[s] : d.ordinal[named];
                firstAlertRaised[s] = seenTransfers[s];
            }
        }
    }

    void finish(BacktestData d) {
        Map<String, Integer> finalIndex = new HashMap<>();
        finalCluster = new int[d.beneficiaryIds.size()];
        for (int b = 0; b < finalCluster.length; b++) {
            String c = screener.resolver().clusterOf(d.beneficiaryIds.get(b));
            finalCluster[b] = finalIndex.computeIfAbsent(c == null ? "?" + b : c, k -> finalIndex.size());
        }
        clusters = finalIndex.size();
    }

    boolean alertAt(int i, double threshold) {
        if (!screened.get(i) || suppressed.get(i)) {
            return false;
        }
        if (threshold == bundle.scoring().alert()) {
            return level[i] == Level.ALERT.ordinal();
        }
        return !contextOnly.get(i) && score[i] >= threshold && positives[i] >= bundle.scoring().minIndicatorsForAlert();
    }

    Metrics metrics(BacktestData d, double threshold) {
        BitSet senders = new BitSet();
        BitSet alertedClusters = new BitSet();
        BitSet osecClusters = new BitSet();
        Set<Long> cases = new HashSet<>();
        long alertCount = 0;
        for (int i = 0; i < d.n; i++) {
            int c = finalCluster[d.beneficiary[i]];
            if (d.osec.get(i)) {
                osecClusters.set(c);
            }
            if (alertAt(i, threshold)) {
                alertCount++;
                senders.set(d.sender[i]);
                alertedClusters.set(c);
                long key = ((long) d.sender[i] << 32) ^ ((long) clusterAtTime[i] * 40_503L) ^ (Math.floorDiv(d.day[i], 7) * 0x9E3779B97F4A7C15L);
                cases.add(key);
            }
        }
        senders.or(lookBackAlerted); // held fixed over the sweep: raised by cluster alerts, not by transaction scores
        BitSet legit = d.legitSenders();
        long osecSenders = d.osecSender.cardinality();
        BitSet detected = (BitSet) senders.clone();
        detected.and(d.osecSender);
        long det = detected.cardinality();
        BitSet legitAlerted = (BitSet) senders.clone();
        legitAlerted.and(legit);
        long la = legitAlerted.cardinality();
        BitSet detClusters = (BitSet) alertedClusters.clone();
        detClusters.and(osecClusters);
        long dc = detClusters.cardinality();
        return new Metrics(threshold, d.n, alertCount, cases.size(), d.n == 0 ? 0 : alertCount * 10_000.0 / d.n,
                osecSenders, legit.cardinality(), det, la, Metrics.ratio(det, osecSenders),
                Metrics.ratio(det, det + la), Metrics.ratio(la, legit.cardinality()),
                osecClusters.cardinality(), alertedClusters.cardinality(), dc, Metrics.ratio(dc, osecClusters.cardinality()),
                Metrics.ratio(dc, alertedClusters.cardinality()));
    }

    /** The queue, look-back, victim and REVIEW figures at the bundle's own thresholds. */
    BacktestReport.Outcomes outcomes(BacktestData d) {
        BitSet legit = d.legitSenders();
        BitSet osecAlert = (BitSet) osecAlerted.clone();
        osecAlert.and(d.osecSender);
        BitSet anyReview = (BitSet) osecReviewed.clone();
        anyReview.or(victimAlerted);
        BitSet osecReview = (BitSet) anyReview.clone();
        osecReview.and(d.osecSender);
        BitSet legitReview = (BitSet) anyReview.clone();
        legitReview.and(legit);
        BitSet legitAlert = (BitSet) osecAlerted.clone();
        legitAlert.and(legit);
        BitSet victimReview = (BitSet) anyReview.clone();
        victimReview.and(d.victimSender);
        BitSet victimAsVictim = (BitSet) victimAlerted.clone();
        victimAsVictim.and(d.victimSender);
        BitSet victimAsOffender = (BitSet) osecAlerted.clone();
        victimAsOffender.and(d.victimSender);
        BitSet offenderAsVictim = (BitSet) victimAlerted.clone();
        offenderAsVictim.and(d.osecSender);
        long nl = legit.cardinality();
        long no = d.osecSender.cardinality();
        long nv = d.victimSender.cardinality();
        return new BacktestReport.Outcomes(items.size(), d.n == 0 ? 0 : items.size() * 10_000.0 / d.n,
                no, osecAlert.cardinality(), Metrics.ratio(osecAlert.cardinality(), no),
                osecReview.cardinality(), Metrics.ratio(osecReview.cardinality(), no),
                nl, legitAlert.cardinality(), Metrics.ratio(legitAlert.cardinality(), nl),
                legitReview.cardinality(), Metrics.ratio(legitReview.cardinality(), nl),
                nv, victimReview.cardinality(), Metrics.ratio(victimReview.cardinality(), nv),
                victimAsVictim.cardinality(), victimAsOffender.cardinality(), offenderAsVictim.cardinality(),
                clusterAssessments, clusterAlerts, lookBacks, lookBackAlerted.cardinality(), victimAlerts,
                firstAlert(firstAlertBefore, d), firstAlert(firstAlertRaised, d));
    }

    private static BacktestReport.FirstAlert firstAlert(int[] before, BacktestData d) {
        List<Integer> values = new ArrayList<>();
        for (int s = d.osecSender.nextSetBit(0); s >= 0; s = d.osecSender.nextSetBit(s + 1)) {
            if (s < before.length && before[s] >= 0) {
                values.add(before[s]);
            }
        }
        values.sort(null);
        long[] hist = new long[BacktestReport.FirstAlert.BUCKETS.size()];
        double sum = 0;
        for (int v : values) {
            sum += v;
            hist[v <= 2 ? v : v <= 5 ? 3 : v <= 10 ? 4 : v <= 20 ? 5 : 6]++;
        }
        int n = values.size();
        return new BacktestReport.FirstAlert(n, n == 0 ? 0 : sum / n, n == 0 ? 0 : percentile(values, 0.5),
                n == 0 ? 0 : percentile(values, 0.9), Arrays.stream(hist).boxed().toList());
    }

    private static double percentile(List<Integer> sorted, double p) {
        int idx = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }
}
