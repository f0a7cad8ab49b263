package org.osecscreener.tools.backtest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import org.osecscreener.detect.UnscreenableTransactionException;
import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.TransactionReader;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.DetectorConfig;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.AssessmentKind;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;
import org.osecscreener.score.Screening;
import org.osecscreener.screen.Screener;

/**
 * Backtests rule bundles on a labelled JSON-lines file: runs the embedded screener over it and
 * measures detection (sender and cluster recall and precision, recall per scenario, transfers
 * before the first alert) and workload (alerts per 10,000 transactions), per rule and over a
 * threshold sweep, and optionally compares a second bundle.
 *
 * <p><b>One pass.</b> The file is read once; each transaction is screened by the bundle under
 * test, by one copy of it per enabled detector with that detector disabled (marginal
 * contribution, measured by rescreening, so network effects such as {@code linked_to_alerted}
 * are included), and by the comparison bundle. Per transaction, the bundle under test keeps
 * its score, positive-hit count and hit rules in compact arrays: the threshold sweep
 * recomputes levels from them ({@code Scorer.level} depends only on the score and the positive
 * hits) without rescreening. The sweep holds the hits fixed: {@code linked_to_alerted} fires
 * on alerts made at the bundle's own threshold, so sweep points far from it are approximate
 * for that rule; see {@code docs/backtest.md}.
 *
 * <p>Memory grows with the number of transactions (about 30 bytes each for the bundle under
 * test and the comparison) and with the number of parties. The screenings of one batch of
 * transactions run in parallel, one task per bundle (each bundle still sees the file in order,
 * so results do not depend on the number of cores). A {@code Backtest} is not thread-safe.
 *
 * <p><b>Effective dates are not applied.</b> A backtest asks what a bundle would have done on
 * past traffic, usually traffic from before the bundle's {@code effectiveFrom}: every transaction is
 * screened by the bundle under test and by the comparison bundle whatever their effective dates
 * ({@link Screener.Builder#ignoreEffectiveFrom}). A transaction id reused with other content is
 * counted as rejected, as in {@code screen}.
 */
public final class Backtest {
    /** Alert thresholds of the sweep. */
    public static final double[] SWEEP = {0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95};
    private static final int BINS = 20;
    private static final int BATCH = 4096;
    /**
     * Scenario names starting with this mark senders as possible sextortion VICTIMS: neither
     * offenders nor legitimate senders; reported apart ({@code docs/backtest.md}).
     */
    public static final String VICTIM_PREFIX = "sextortion";

    private final RuleBundle bundle;
    private final RuleBundle compare;
    private final boolean ablation;
    private final org.osecscreener.findings.Watchlists watchlists;

    /**
     * @param bundle   the bundle under test (A)
     * @param compare  a bundle to compare (B), or {@code null}
     * @param ablation whether to measure marginal contributions (one extra screening per enabled detector)
     */
    public Backtest(RuleBundle bundle, RuleBundle compare, boolean ablation) {
        this(bundle, compare, ablation, null);
    }

    /**
     * A backtest whose screenings look parties up in watchlists ({@code watchlist_match}).
     *
     * @param watchlists the lists every screening uses, or {@code null} for none
     * @throws IllegalArgumentException if a bundle names a list that is not among them
     * @see #Backtest(RuleBundle, RuleBundle, boolean)
     */
    public Backtest(RuleBundle bundle, RuleBundle compare, boolean ablation,
                    org.osecscreener.findings.Watchlists watchlists) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.compare = compare;
        this.ablation = ablation;
        this.watchlists = watchlists;
        org.osecscreener.findings.Watchlists.checkCovers(bundle, watchlists);
        if (compare != null) {
            org.osecscreener.findings.Watchlists.checkCovers(compare, watchlists);
        }
    }

    /**
     * Runs the backtest.
     *
     * @param in        labelled JSON lines; read to the end, not closed
     * @param inputName the name shown in the report
     * @param progress  called with the bytes read so far, about every 16,384 transactions
     * @return the report
     * @throws IOException if reading fails
     */
    public BacktestReport run(InputStream in, String inputName, LongConsumer progress) throws IOException {
        return run(in, false, null, inputName, progress);
    }

    /**
     * Runs the backtest over JSON lines or ISO 20022 pacs.008 messages, with labels from a
     * sidecar ({@link Labels}) when the input carries none (pacs.008 never does).
     *
     * @param in        the transactions; read to the end, not closed
     * @param pacs008   whether {@code in} holds pacs.008 XML rather than JSON lines
     * @param labels    labels by transaction id, replacing any in the input; or {@code null} to use the input's
     * @param inputName the name shown in the report
     * @param progress  called with the bytes read so far
     * @return the report
     * @throws IOException if reading fails
     */
    public BacktestReport run(InputStream in, boolean pacs008, Labels labels, String inputName, LongConsumer progress)
            throws IOException {
        return run(in, pacs008, labels, null, inputName, progress);
    }

    /**
     * As {@link #run(InputStream, boolean, Labels, String, LongConsumer)}, reading date-times
     * without an offset in {@code defaultZone} (docs/time-and-order.md).
     *
     * @param defaultZone the zone of date-times without an offset, or {@code null} to reject them
     */
    public BacktestReport run(InputStream in, boolean pacs008, Labels labels, java.time.ZoneId defaultZone,
                              String inputName, LongConsumer progress) throws IOException {
        long started = System.nanoTime();
        Data data = new Data();
        Run a = new Run(bundle, true, watchlists);
        List<Run> ablations = new ArrayList<>();
        List<String> ablated = new ArrayList<>();
        if (ablation) {
            for (DetectorConfig d : bundle.detectors().enabled()) {
                if (watchlists == null && d.type().equals(org.osecscreener.rules.WatchlistMatchConfig.TYPE)) {
                    continue; // without lists the rule never fires: disabling it changes nothing
                }
                ablations.add(new Run(Ablation.without(bundle, d.type()), false, watchlists));
                ablated.add(d.type());
            }
        }
        Run b = compare == null ? null : new Run(compare, true, watchlists);
        long[] bytes = {0};
        InputStream counting = new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c >= 0) {
                    bytes[0]++;
                }
                return c;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    bytes[0] += n;
                }
                return n;
            }

            @Override
            public void close() {
                // the caller closes the input
            }
        };
        long rejected = 0;
        List<Run> runs = new ArrayList<>();
        runs.add(a);
        runs.addAll(ablations);
        if (b != null) {
            runs.add(b);
        }
        int threads = Math.max(1, Math.min(runs.size(), Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = threads == 1 ? null
                : java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "backtest-run");
                    t.setDaemon(true);
                    return t;
                });
        try (Input reader = pacs008 ? Input.of(new org.osecscreener.tools.iso20022.Pacs008Reader(counting, defaultZone))
                : Input.of(new TransactionReader(counting, org.osecscreener.io.TransactionCodec.withDefaultZone(defaultZone)))) {
            List<Transaction> batch = new ArrayList<>(BATCH);
            int first = 0;
            ParseOutcome o;
            boolean more = true;
            while (more) {
                o = reader.next();
                if (o instanceof ParseOutcome.Parsed p) {
                    Transaction labelled = labels == null ? p.transaction() : labels.apply(p.transaction());
                    Transaction tx = labelled.withoutLabel();
                    int i = data.add(labelled);
                    if (batch.isEmpty()) {
                        first = i;
                    }
                    batch.add(tx);
                } else if (o instanceof ParseOutcome.Rejected) {
                    rejected++;
                } else if (o == null) {
                    more = false;
                }
                if (batch.size() == BATCH || (!more && !batch.isEmpty())) {
                    screenBatch(runs, batch, first, data, pool);
                    for (int i = first; i < first + batch.size(); i++) {
                        if (!a.screened.get(i)) {
                            rejected++;
                        }
                    }
                    batch.clear();
                    progress.accept(bytes[0]);
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        progress.accept(bytes[0]);
        a.finish(data);
        if (b != null) {
            b.finish(data);
        }
        Metrics m = a.metrics(data, bundle.scoring().alert());
        List<Metrics> sweep = new ArrayList<>();
        for (double t : SWEEP) {
            sweep.add(a.metrics(data, t));
        }
        List<BacktestReport.RuleStats> rules = ruleStats(a, data, ablations, ablated, m);
        BacktestReport.Comparison cmp = b == null ? null : compare(a, b, data);
        BacktestReport.Outcomes outcomes = a.outcomes(data);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new BacktestReport(inputName, bundle.id() + "@" + bundle.version(), rejected, seconds, m, sweep, rules,
                ablation ? "rescreening with each detector disabled (enabled: false), all else equal"
                        : "not measured (ablation off)",
                scenarios(a, data), outcomes.firstAlert(), perDay(a, data), histogram(a, data, true),
                histogram(a, data, false), cmp, outcomes);
    }

    /**
     * Screens a batch with every run. Runs are independent (each has its own screener and arrays;
     * {@link Data} is only read), so they go to the pool in parallel; each run still sees the
     * transactions in file order, so the results do not depend on the number of threads.
     */
    private static void screenBatch(List<Run> runs, List<Transaction> batch, int first, Data data,
                                    java.util.concurrent.ExecutorService pool) throws IOException {
        if (pool == null) {
            for (Run r : runs) {
                r.screenAll(batch, first, data);
            }
            return;
        }
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>(runs.size());
        for (Run r : runs) {
            futures.add(pool.submit(() -> r.screenAll(batch, first, data)));
        }
        for (java.util.concurrent.Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("backtest interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(c);
            }
        }
    }

    // ---------------------------------------------------------------------------------------

    /** Per-transaction facts shared by all runs. */
    static final class Data {
        final Map<String, Integer> senderIndex = new HashMap<>();
        final List<String> senderIds = new ArrayList<>();
        final Map<String, Integer> beneficiaryIndex = new HashMap<>();
        final List<String> beneficiaryIds = new ArrayList<>();
        final Map<String, Integer> scenarioIndex = new TreeMap<>();
        final List<String> scenarios = new ArrayList<>();
        final BitSet osecScenario = new BitSet();
        int[] sender = new int[1024];
        int[] beneficiary = new int[1024];
        int[] day = new int[1024];
        /** Per transaction: its sender's transfers before it. */
        int[] ordinal = new int[1024];
        /** Per sender: transfers so far. */
        int[] senderTransfers = new int[1024];
        final BitSet osec = new BitSet();
        int n;
        // per sender
        int[] senderScenario = new int[1024];
        final BitSet osecSender = new BitSet();
        /** Senders labelled as possible sextortion victims (a scenario named {@code sextortion...}, not OSEC). */
        final BitSet victimSender = new BitSet();
        /** Transaction id → index (look-back assessments name an earlier transaction). */
        final Map<String, Integer> txIndex = new HashMap<>();

        /** Senders that are neither OSEC nor victims. */
        BitSet legitSenders() {
            BitSet b = new BitSet();
            b.set(0, senderIds.size());
            b.andNot(osecSender);
            b.andNot(victimSender);
            return b;
        }

        int add(Transaction tx) {
            if (n == sender.length) {
                sender = Arrays.copyOf(sender, n * 2);
                beneficiary = Arrays.copyOf(beneficiary, n * 2);
                day = Arrays.copyOf(day, n * 2);
                ordinal = Arrays.copyOf(ordinal, n * 2);
            }
            int known = senderIds.size();
            int s = senderIndex.computeIfAbsent(tx.sender().id(), k -> {
                senderIds.add(k);
                return senderIds.size() - 1;
            });
            boolean newSender = senderIds.size() > known;
            if (s >= senderScenario.length) {
                senderScenario = Arrays.copyOf(senderScenario, senderScenario.length * 2);
                senderTransfers = Arrays.copyOf(senderTransfers, senderTransfers.length * 2);
            }
            int bi = beneficiaryIndex.computeIfAbsent(tx.beneficiary().id(), k -> {
                beneficiaryIds.add(k);
                return beneficiaryIds.size() - 1;
            });
            boolean isOsec = tx.label() != null && tx.label().osec();
            String scenario = tx.label() == null || tx.label().scenario() == null
                    ? (isOsec ? "osec" : "unlabelled") : tx.label().scenario();
            int sc = scenarioIndex.computeIfAbsent(scenario, k -> {
                scenarios.add(k);
                return scenarios.size() - 1;
            });
            if (isOsec) {
                osecScenario.set(sc);
            }
            if (newSender) {
                senderScenario[s] = sc;     // a legitimate sender counts in the scenario of its first transfer
            }
            if (isOsec && !osecSender.get(s)) {
                osecSender.set(s);
                victimSender.clear(s);
                senderScenario[s] = sc;   // an OSEC sender counts in its OSEC scenario
            }
            if (!isOsec && !osecSender.get(s) && scenario.startsWith(VICTIM_PREFIX) && !victimSender.get(s)) {
                victimSender.set(s);
                senderScenario[s] = sc;   // a victim counts in its victim scenario
            }
            int i = n++;
            txIndex.putIfAbsent(tx.id(), i);
            ordinal[i] = senderTransfers[s]++;
            sender[i] = s;
            beneficiary[i] = bi;
            day[i] = (int) Math.floorDiv(tx.timestamp().toEpochSecond(), 86_400L);
            if (isOsec) {
                osec.set(i);
            }
            return i;
        }
    }

    /** A reader of either input format. */
    private interface Input extends java.io.Closeable {
        ParseOutcome next() throws IOException;

        static Input of(TransactionReader r) {
            return new Input() {
                public ParseOutcome next() throws IOException { return r.next(); }
                public void close() throws IOException { r.close(); }
            };
        }

        static Input of(org.osecscreener.tools.iso20022.Pacs008Reader r) {
            return new Input() {
                public ParseOutcome next() throws IOException { return r.next(); }
                public void close() throws IOException { r.close(); }
            };
        }
    }

    /** One bundle's screening of the data. */
    static final class Run {
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

        Run(RuleBundle bundle, boolean full, org.osecscreener.findings.Watchlists watchlists) {
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

        void screenAll(List<Transaction> batch, int first, Data d) {
            for (int k = 0; k < batch.size(); k++) {
                screen(batch.get(k), first + k, d);
            }
        }

        void screen(Transaction tx, int i, Data d) {
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
        private void outcome(Assessment a, int i, Data d) {
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

        void finish(Data d) {
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

        Metrics metrics(Data d, double threshold) {
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
        BacktestReport.Outcomes outcomes(Data d) {
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
    }

    private static BacktestReport.FirstAlert firstAlert(int[] before, Data d) {
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

    // ---------------------------------------------------------------------------------------

    private static List<BacktestReport.RuleStats> ruleStats(Run a, Data d, List<Run> ablations, List<String> ablated, Metrics m) {
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
                Run ab = ablations.get(k);
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

    private static List<BacktestReport.ScenarioStats> scenarios(Run a, Data d) {
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

    private static double percentile(List<Integer> sorted, double p) {
        int idx = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    private static List<BacktestReport.DayCount> perDay(Run a, Data d) {
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

    private static BacktestReport.Histogram histogram(Run a, Data d, boolean osec) {
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

    private static BacktestReport.Comparison compare(Run a, Run b, Data d) {
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

    private static List<String> examples(BitSet s, Data d) {
        List<String> out = new ArrayList<>();
        for (int i = s.nextSetBit(0); i >= 0 && out.size() < 20; i = s.nextSetBit(i + 1)) {
            out.add(d.senderIds.get(i));
        }
        return out;
    }
}
