package org.osecscreener.screen;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.osecscreener.io.TransactionCodec;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.ClusterAssessment;
import org.osecscreener.score.Level;
import org.osecscreener.score.Screening;
import org.osecscreener.score.Hit;

/**
 * Writes assessments as JSON lines in the alert format of {@code docs/alert-format.md}:
 * <pre>{@code
 * {"kind":"transaction","alertId":"A-…","transactionId":"T-1","timestamp":"…","senderId":"S-1",
 *  "beneficiaryId":"B-1","clusterId":"C-3","score":0.8123,"level":"ALERT","bundle":"osec-default@1",
 *  "hits":[{"rule":"recurring_small_to_cluster","subScore":0.9,"weight":0.55,"mitigating":false,
 *           "reason":"7 transfers of …","evidence":["T-1","T-2"]}]}
 * }</pre>
 * and payee clusters' assessments ({@code "kind":"cluster"}). Not thread-safe; {@link #close()}
 * flushes and closes the target.
 */
public final class AssessmentWriter implements Closeable, Flushable {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final OutputStream out;
    private final JsonGenerator g;

    /** @param out the target, closed by {@link #close()} */
    public AssessmentWriter(OutputStream out) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.g = FACTORY.createGenerator(out);
        this.g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.g.setRootValueSeparator(null);
    }

    /** Appends one assessment as a line. */
    public void write(Assessment a) throws IOException {
        write(a, g);
        g.writeRaw('\n');
    }

    /** Appends one cluster assessment as a line. */
    public void write(ClusterAssessment c) throws IOException {
        write(c, g);
        g.writeRaw('\n');
    }

    /**
     * Appends what one screening produced, in order: the transaction's assessment if its level is at
     * least {@code minLevel}, then the victim alert, the cluster's assessment and the look-back
     * assessments (always at REVIEW or ALERT).
     *
     * @return the lines written
     */
    public int write(Screening s, Level minLevel) throws IOException {
        int n = 0;
        if (s.assessment().level().atLeast(minLevel)) {
            write(s.assessment());
            n++;
        }
        if (s.victim() != null && s.victim().level().atLeast(minLevel)) {
            write(s.victim());
            n++;
        }
        if (s.cluster() != null && s.cluster().level().atLeast(minLevel)) {
            write(s.cluster());
            n++;
        }
        for (Assessment a : s.lookBack()) {
            if (a.level().atLeast(minLevel)) {
                write(a);
                n++;
            }
        }
        return n;
    }

    /** One cluster assessment as a JSON line without the newline. */
    public static String toJson(ClusterAssessment c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
            write(c, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void write(ClusterAssessment c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", "cluster");
        g.writeStringField("alertId", c.alertId());
        g.writeStringField("clusterId", c.clusterId());
        g.writeStringField("transactionId", c.transactionId());
        g.writeStringField("timestamp", TransactionCodec.formatTimestamp(c.timestamp()));
        g.writeNumberField("score", c.score());
        g.writeStringField("level", c.level().name());
        g.writeStringField("bundle", c.bundle());
        writeStrings(g, "senders", c.senders());
        writeStrings(g, "lookBack", c.lookBack());
        g.writeNumberField("relatedSenders", c.relatedSenders());
        g.writeNumberField("victimSenders", c.victimSenders());
        g.writeNumberField("beneficiaries", c.beneficiaries());
        writeHits(g, c.hits());
        g.writeEndObject();
    }

    private static void writeStrings(JsonGenerator g, String field, java.util.List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** One assessment as a JSON line without the newline. */
    public static String toJson(Assessment a) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
            write(a, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void write(Assessment a, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", a.kind().wireName());
        if (a.alertId() != null) {
            g.writeStringField("alertId", a.alertId());
        }
        g.writeStringField("transactionId", a.transactionId());
        g.writeStringField("timestamp", TransactionCodec.formatTimestamp(a.timestamp()));
        g.writeStringField("senderId", a.senderId());
        g.writeStringField("beneficiaryId", a.beneficiaryId());
        g.writeStringField("clusterId", a.clusterId());
        g.writeNumberField("score", a.score());
        g.writeStringField("level", a.level().name());
        g.writeStringField("bundle", a.bundle());
        if (a.suppressedBy() != null) {
            g.writeStringField("suppressedBy", a.suppressedBy());
        }
        if (a.duplicate()) {
            g.writeBooleanField("duplicate", true);
        }
        if (a.clusterAlertId() != null) {
            g.writeStringField("clusterAlertId", a.clusterAlertId());
        }
        writeHits(g, a.hits());
        g.writeEndObject();
    }

    private static void writeHits(JsonGenerator g, java.util.List<Hit> hits) throws IOException {
        g.writeArrayFieldStart("hits");
        for (Hit h : hits) {
            g.writeStartObject();
            g.writeStringField("rule", h.ruleId());
            g.writeNumberField("subScore", h.subScore());
            g.writeNumberField("weight", h.weight());
            g.writeBooleanField("mitigating", h.mitigating());
            g.writeStringField("reason", h.reason());
            g.writeArrayFieldStart("evidence");
            for (String id : h.evidence()) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    @Override
    public void flush() throws IOException {
        g.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            g.close();
        } finally {
            out.close();
        }
    }
}
