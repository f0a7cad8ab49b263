package org.osecscreener.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.Rejection;
import org.osecscreener.io.TransactionReader;
import org.osecscreener.model.Party;

/**
 * The analyst's cluster report behind the CLI's {@code clusters} command: resolves every
 * beneficiary of a JSON-lines transaction file, in file order, and writes
 * <ul>
 *   <li>one JSON line per beneficiary, in order of first appearance, with its final cluster:
 *       <pre>{"record":"beneficiary","beneficiary_id":"B-2","cluster_id":"C-1","cluster_size":3,"flags":["wallet_is_phone"]}</pre>
 *       ({@code flags} gathers the {@linkplain NormalisationFlag normalisation flags} of all the
 *       beneficiary's transactions; {@code cluster_id} is {@code null} if it was evicted);</li>
 *   <li>then one JSON line per hub found:
 *       <pre>{"record":"hub","type":"address","value":"PH|blo•••ion","cluster_id":"C-7"}</pre></li>
 *   <li>and, if asked, the explanation of one beneficiary's cluster, in words, to a second writer.</li>
 * </ul>
 * Identifier values appear masked only. Rejected input lines go to a callback and are counted.
 *
 * <p>Holds the beneficiary list in memory (for output in first-appearance order). Not
 * thread-safe; one report per run.
 */
public final class ClusterReport {
    private static final JsonFactory JSON = new JsonFactory();

    private final ClusterConfig config;

    private ClusterReport(ClusterConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * A report with the given clustering configuration.
     *
     * @param config the configuration
     * @return the report
     */
    public static ClusterReport create(ClusterConfig config) {
        return new ClusterReport(config);
    }

    /**
     * What a run read and found.
     *
     * @param linesRead      input lines read
     * @param transactions   valid transactions resolved
     * @param rejected       lines rejected by the codec
     * @param beneficiaries  distinct beneficiaries seen
     * @param clusters       clusters at the end
     * @param hubs           hubs found
     * @param explained      whether the beneficiary to explain was found ({@code false} if none was asked)
     */
    public record Summary(long linesRead, long transactions, long rejected, int beneficiaries, int clusters,
                          int hubs, boolean explained) {
    }

    /**
     * Runs the report.
     *
     * @param in          JSON-lines transactions; read to the end, not closed
     * @param jsonOut     receives the beneficiary and hub JSON lines; flushed, not closed
     * @param explainId   the beneficiary to explain, or {@code null} for none
     * @param explainOut  receives the explanation text (or a line saying the beneficiary is unknown);
     *                    may be {@code null} when {@code explainId} is
     * @param onRejection receives each rejected input line
     * @return the summary
     * @throws IOException if reading or writing fails
     */
    public Summary run(InputStream in, Writer jsonOut, String explainId, Writer explainOut,
                       Consumer<? super Rejection> onRejection) throws IOException {
        Objects.requireNonNull(jsonOut, "jsonOut");
        if (explainId != null) {
            Objects.requireNonNull(explainOut, "explainOut");
        }
        ClusterResolver resolver = ClusterResolver.create(config);
        Map<String, Integer> flagsById = new LinkedHashMap<>();
        TransactionReader reader = new TransactionReader(in);
        ParseOutcome o;
        while ((o = reader.next()) != null) {
            if (o instanceof ParseOutcome.Parsed p) {
                Party b = p.transaction().beneficiary();
                PayeeIdentifiers ids = resolver.normaliser().normalise(b);
                resolver.resolve(b.id(), ids);
                flagsById.merge(b.id(), ids.flagBits(), (x, y) -> x | y);
            } else if (o instanceof ParseOutcome.Rejected r) {
                onRejection.accept(r.rejection());
            }
        }
        JsonGenerator g = JSON.createGenerator(jsonOut);
        g.setRootValueSeparator(null);
        NormalisationFlag[] all = NormalisationFlag.values();
        for (Map.Entry<String, Integer> e : flagsById.entrySet()) {
            g.writeStartObject();
            g.writeStringField("record", "beneficiary");
            g.writeStringField("beneficiary_id", e.getKey());
            g.writeStringField("cluster_id", resolver.clusterOf(e.getKey()));
            g.writeNumberField("cluster_size", resolver.clusterSizeOf(e.getKey()));
            g.writeArrayFieldStart("flags");
            for (NormalisationFlag f : all) {
                if ((e.getValue() & (1 << f.ordinal())) != 0) {
                    g.writeString(f.tag());
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            jsonOut.write('\n');
        }
        var hubs = resolver.hubs();
        for (Hub h : hubs) {
            g.writeStartObject();
            g.writeStringField("record", "hub");
            g.writeStringField("type", h.type().tag());
            g.writeStringField("value", h.maskedValue());
            g.writeStringField("cluster_id", h.clusterId());
            g.writeEndObject();
            g.flush();
            jsonOut.write('\n');
        }
        jsonOut.flush();
        boolean explained = false;
        if (explainId != null) {
            Explanation x = resolver.explain(explainId);
            if (x == null) {
                explainOut.write("beneficiary " + explainId + " is not in the input (or was evicted)\n");
            } else {
                explained = true;
                explainOut.write(x.toText());
                for (Hub h : hubs) {
                    if (x.clusterId().equals(h.clusterId())) {
                        explainOut.write("  note: " + h.describe() + " stopped linking at the hub threshold\n");
                    }
                }
            }
            explainOut.flush();
        }
        return new Summary(reader.linesRead(), reader.valid(), reader.rejected(), flagsById.size(),
                resolver.clusterCount(), hubs.size(), explained);
    }
}
