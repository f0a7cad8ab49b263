package org.osecscreener.tools.backtest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.TransactionReader;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.DetectorConfig;
import org.osecscreener.rules.RuleBundle;
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
 * counted as rejected, as in {@code screen}. *
 * <p>This class reads the input and drives the runs; a {@link BacktestRun} is one bundle's
 * screening and its metrics, {@link BacktestData} the per-transaction facts all runs share, and
 * {@link BacktestFigures} the report's per-rule, per-scenario, per-day and comparison figures.
 */
public final class Backtest {
    /** Alert thresholds of the sweep. */
    public static final double[] SWEEP = {0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95};
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
        BacktestData data = new BacktestData();
        BacktestRun a = new BacktestRun(bundle, true, watchlists);
        List<BacktestRun> ablations = new ArrayList<>();
        List<String> ablated = new ArrayList<>();
        if (ablation) {
            for (DetectorConfig d : bundle.detectors().enabled()) {
                if (watchlists == null && d.type().equals(org.osecscreener.rules.WatchlistMatchConfig.TYPE)) {
                    continue; // without lists the rule never fires: disabling it changes nothing
                }
                ablations.add(new BacktestRun(Ablation.without(bundle, d.type()), false, watchlists));
                ablated.add(d.type());
            }
        }
        BacktestRun b = compare == null ? null : new BacktestRun(compare, true, watchlists);
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
        List<BacktestRun> runs = new ArrayList<>();
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
        List<BacktestReport.RuleStats> rules = BacktestFigures.ruleStats(a, data, ablations, ablated, m);
        BacktestReport.Comparison cmp = b == null ? null : BacktestFigures.compare(a, b, data);
        BacktestReport.Outcomes outcomes = a.outcomes(data);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new BacktestReport(inputName, bundle.id() + "@" + bundle.version(), rejected, seconds, m, sweep, rules,
                ablation ? "rescreening with each detector disabled (enabled: false), all else equal"
                        : "not measured (ablation off)",
                BacktestFigures.scenarios(a, data), outcomes.firstAlert(), BacktestFigures.perDay(a, data),
                BacktestFigures.histogram(a, data, true), BacktestFigures.histogram(a, data, false), cmp, outcomes);
    }

    /**
     * Screens a batch with every run. Runs are independent (each has its own screener and arrays;
     * {@link BacktestData} is only read), so they go to the pool in parallel; each run still sees the
     * transactions in file order, so the results do not depend on the number of threads.
     */
    private static void screenBatch(List<BacktestRun> runs, List<Transaction> batch, int first, BacktestData data,
                                    java.util.concurrent.ExecutorService pool) throws IOException {
        if (pool == null) {
            for (BacktestRun r : runs) {
                r.screenAll(batch, first, data);
            }
            return;
        }
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>(runs.size());
        for (BacktestRun r : runs) {
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
}
