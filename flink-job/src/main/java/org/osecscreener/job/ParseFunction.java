package org.osecscreener.job;

import java.util.HashMap;
import java.util.Map;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.IdentifierNormaliser;
import java.nio.charset.StandardCharsets;

import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.Rejection;
import org.osecscreener.io.TransactionCodec;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.privacy.ingest.IngestPseudonymiser;
import org.osecscreener.screen.TimeChecks;
import org.osecscreener.stage.Payees;
import org.osecscreener.stage.Payees.Payee;
import org.osecscreener.tools.iso20022.Pacs008Reader;

/**
 * Parses JSON lines with the core codec and normalises the beneficiary's identifiers (in
 * parallel, ahead of the single cluster-stage task), keeping core's payee cache ({@link Payees})
 * per task. Valid transactions continue as {@link Envelope}s;
 * rejections go to the dead-letter side output with their reason and the raw record; blank lines
 * are counted and dropped. Never throws on a bad record.
 *
 * <p>This is the ingest stage: a transaction dated too far after the wall clock is dead-lettered
 * here ({@link TimeChecks#tooFarAhead}), and when pseudonymising, every identifier is replaced by its
 * keyed pseudonym before the transaction leaves this function, and dead letters lose their raw
 * record ({@link IngestPseudonymiser}; docs/privacy.md).
 */
final class ParseFunction extends ProcessFunction<RawRecord, Envelope> {
    /** Beneficiaries whose normalised identifiers are kept per task (normalising costs microseconds). */
    static final int PAYEE_CACHE = 100_000;
    static final OutputTag<String> DEAD_LETTER = new OutputTag<>("dead-letter") {
    };

    private final ClusterConfig clusterConfig;
    private final boolean pacs008;
    private final IngestSettings ingest;
    private transient Payees payees;
    private transient TransactionCodec codec;
    private transient IngestPseudonymiser pseudonymiser;
    private transient Counter tooFarAhead;
    private transient PayeeCache payeeCache;
    private transient Counter in;
    private transient Counter blank;
    private transient MetricGroup rejectedByField;
    private transient Map<String, Counter> rejected;

    /**
     * @param clusterConfig payee-cluster settings (for identifier normalisation)
     * @param pacs008       each record is an ISO 20022 pacs.008 message, not a JSON line
     */
    ParseFunction(ClusterConfig clusterConfig, boolean pacs008) {
        this(clusterConfig, pacs008, IngestSettings.NONE);
    }

    /**
     * @param clusterConfig payee-cluster settings (for identifier normalisation)
     * @param pacs008       each record is an ISO 20022 pacs.008 message, not a JSON line
     * @param ingest        pseudonymisation and the bound on future timestamps
     */
    ParseFunction(ClusterConfig clusterConfig, boolean pacs008, IngestSettings ingest) {
        this.clusterConfig = clusterConfig;
        this.pacs008 = pacs008;
        this.ingest = ingest;
    }

    @Override
    public void open(OpenContext ctx) {
        payees = new Payees(new IdentifierNormaliser(clusterConfig), null);
        codec = TransactionCodec.withDefaultZone(ingest.defaultZone());
        // the key is read here, on the task manager, from its file or variable: it is never part of the job graph
        pseudonymiser = ingest.key() == null ? null : IngestPseudonymiser.of(ingest.key().pseudonymiser(), clusterConfig);
        payeeCache = new PayeeCache(PAYEE_CACHE);
        MetricGroup g = getRuntimeContext().getMetricGroup();
        in = g.counter("transactionsIn");
        blank = g.counter("blankLines");
        rejectedByField = g.addGroup("rejected");
        rejected = new HashMap<>();
        tooFarAhead = rejectedByField.counter("timestamp_future");
    }

    /** The payee cache's store ({@link Payees}): the least recently used beneficiaries; derived data, not checkpointed. */
    private static final class PayeeCache extends java.util.LinkedHashMap<String, Payee> {
        private final int max;

        PayeeCache(int max) {
            super(1024, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Payee> eldest) {
            return size() > max;
        }
    }

    @Override
    public void processElement(RawRecord r, Context ctx, Collector<Envelope> out) {
        String text = r.text == null ? "" : r.text;
        if (pacs008) {
            for (ParseOutcome o : Pacs008Reader.parseMessage(text.getBytes(StandardCharsets.UTF_8), r.position,
                    ingest.defaultZone())) {
                in.inc();
                handle(o, r, ctx, out);
            }
        } else {
            in.inc();
            handle(codec.parse(text, r.position), r, ctx, out);
        }
    }

    private void handle(ParseOutcome o, RawRecord r, Context ctx, Collector<Envelope> out) {
        if (o instanceof ParseOutcome.Parsed p) {
            Transaction tx = p.transaction();
            String ahead = TimeChecks.tooFarAhead(tx, System.currentTimeMillis(), ingest.maxFuture());
            if (ahead != null) {
                tooFarAhead.inc();
                ctx.output(DEAD_LETTER, DeadLetters.json(r.origin, dead(new Rejection(r.position,
                        TransactionCodec.standard().toJson(tx), "timestamp", ahead))));
                return;
            }
            if (pseudonymiser != null) {
                tx = pseudonymiser.apply(tx);
            }
            Party b = tx.beneficiary();
            Payee cached = payeeCache.get(b.id());
            Payee payee = payees.of(b, cached);
            if (payee != cached) {
                payeeCache.put(b.id(), payee);
            }
            out.collect(new Envelope(tx.sender().id(), tx.epochMillis(), r.position, System.currentTimeMillis(), 0, null,
                    Bodies.parsed(tx, payee.ids(), payee.surname(), payee.address())));
        } else if (o instanceof ParseOutcome.Rejected rej) {
            Rejection rejection = rej.rejection();
            rejected.computeIfAbsent(rejection.field() == null ? "record" : rejection.field(),
                    f -> rejectedByField.counter(f.replace('.', '_'))).inc();
            ctx.output(DEAD_LETTER, DeadLetters.json(r.origin, dead(rejection)));
        } else {
            blank.inc();
        }
    }

    /** A rejection as written: without the raw record when pseudonymising (unless raw dead letters were asked for). */
    private Rejection dead(Rejection rejection) {
        return pseudonymiser == null || ingest.rawDeadLetters() ? rejection : IngestPseudonymiser.redact(rejection);
    }
}
