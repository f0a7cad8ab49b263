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
import org.osecscreener.score.Hit;

/**
 * Writes assessments as JSON lines in the alert format of {@code docs/alert-format.md}:
 * <pre>{@code
 * {"alertId":"A-…","transactionId":"T-1","timestamp":"…","senderId":"S-1","beneficiaryId":"B-1",
 *  "clusterId":"C-3","score":0.8123,"level":"ALERT","bundle":"osec-default@1",
 *  "hits":[{"rule":"recurring_small_to_cluster","subScore":0.9,"weight":0.55,"mitigating":false,
 *           "reason":"7 transfers of …","evidence":["T-1","T-2"]}]}
 * }</pre>
 * Not thread-safe; {@link #close()} flushes and closes the target.
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
        g.writeArrayFieldStart("hits");
        for (Hit h : a.hits()) {
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
        g.writeEndObject();
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
