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
import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.Rejection;
import org.osecscreener.io.TransactionCodec;
import org.osecscreener.model.Transaction;
import org.osecscreener.profile.PartyKeys;

/**
 * Parses JSON lines with the core codec and normalises the beneficiary's identifiers (in
 * parallel, ahead of the single cluster-stage task). Valid transactions continue as {@link Envelope}s;
 * rejections go to the dead-letter side output with their reason and the raw record; blank lines
 * are counted and dropped. Never throws on a bad record.
 */
final class ParseFunction extends ProcessFunction<RawRecord, Envelope> {
    static final OutputTag<String> DEAD_LETTER = new OutputTag<>("dead-letter") {
    };

    private final ClusterConfig clusterConfig;
    private transient IdentifierNormaliser normaliser;
    private transient Counter in;
    private transient Counter blank;
    private transient MetricGroup rejectedByField;
    private transient Map<String, Counter> rejected;

    /** @param clusterConfig payee-cluster settings (for identifier normalisation) */
    ParseFunction(ClusterConfig clusterConfig) {
        this.clusterConfig = clusterConfig;
    }

    @Override
    public void open(OpenContext ctx) {
        normaliser = new IdentifierNormaliser(clusterConfig);
        MetricGroup g = getRuntimeContext().getMetricGroup();
        in = g.counter("transactionsIn");
        blank = g.counter("blankLines");
        rejectedByField = g.addGroup("rejected");
        rejected = new HashMap<>();
    }

    @Override
    public void processElement(RawRecord r, Context ctx, Collector<Envelope> out) {
        in.inc();
        ParseOutcome o = TransactionCodec.standard().parse(r.text == null ? "" : r.text, r.position);
        if (o instanceof ParseOutcome.Parsed p) {
            Transaction tx = p.transaction();
            out.collect(new Envelope(tx.sender().id(), tx.epochMillis(), r.position, System.currentTimeMillis(), 0, null,
                    Bodies.parsed(tx, normaliser.normalise(tx.beneficiary()), PartyKeys.surname(tx.beneficiary().name()),
                            PartyKeys.address(tx.beneficiary().address()))));
        } else if (o instanceof ParseOutcome.Rejected rej) {
            Rejection rejection = rej.rejection();
            rejected.computeIfAbsent(rejection.field() == null ? "record" : rejection.field(),
                    f -> rejectedByField.counter(f.replace('.', '_'))).inc();
            ctx.output(DEAD_LETTER, DeadLetters.json(r.origin, rejection));
        } else {
            blank.inc();
        }
    }
}
