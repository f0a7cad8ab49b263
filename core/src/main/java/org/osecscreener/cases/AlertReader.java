package org.osecscreener.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.osecscreener.io.Rejection;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;

/**
 * Reads alerts back: the JSON lines that {@link org.osecscreener.screen.AssessmentWriter} writes
 * ({@code docs/alert-format.md}), one {@link Assessment} per line. Blank lines are skipped; a
 * bad line becomes a {@link Rejection} (line, field, reason), never an exception. Unknown fields
 * are ignored. Lines longer than {@link #MAX_LINE_CHARS} are rejected.
 *
 * <p>Not thread-safe: one reader per stream.
 */
public final class AlertReader implements Closeable {
    /** The longest alert line accepted, in characters. */
    public static final int MAX_LINE_CHARS = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedReader in;
    private long lineNumber;
    private long alerts;
    private long rejected;

    /** @param in the alert lines, UTF-8; closed by {@link #close()} */
    public AlertReader(InputStream in) {
        this.in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in, "in"), StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Reads every line, handing each alert and each rejection to a consumer.
     *
     * @throws IOException only if the stream fails
     */
    public void forEach(Consumer<? super Assessment> onAlert, Consumer<? super Rejection> onRejection) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                Assessment a = parse(line);
                alerts++;
                onAlert.accept(a);
            } catch (Bad b) {
                rejected++;
                onRejection.accept(new Rejection(lineNumber, line, b.field, b.getMessage()));
            }
        }
    }

    /**
     * Parses one alert line.
     *
     * @param line one line of the alert format
     * @return the assessment, or throws
     * @throws IllegalArgumentException with the field and the reason, if the line is not an alert
     */
    public static Assessment parseLine(String line) {
        try {
            return parse(line);
        } catch (Bad b) {
            throw new IllegalArgumentException((b.field == null ? "" : b.field + ": ") + b.getMessage());
        }
    }

    private static Assessment parse(String line) throws Bad {
        if (line.length() > MAX_LINE_CHARS) {
            throw new Bad(null, "line is " + line.length() + " characters long; at most " + MAX_LINE_CHARS + " are accepted");
        }
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Bad(null, "malformed JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new Bad(null, "a line must hold one JSON object");
        }
        String transactionId = text(n, "transactionId", true);
        OffsetDateTime timestamp;
        String ts = text(n, "timestamp", true);
        try {
            timestamp = OffsetDateTime.parse(ts);
        } catch (DateTimeParseException e) {
            throw new Bad("timestamp", "'" + ts + "' is not an ISO-8601 date-time with an offset");
        }
        String level = text(n, "level", true);
        Level lv;
        try {
            lv = Level.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw new Bad("level", "'" + level + "' is not a level; accepted: NONE, REVIEW, ALERT");
        }
        JsonNode score = n.get("score");
        if (score == null || !score.isNumber() || !(score.asDouble() >= 0 && score.asDouble() <= 1)) {
            throw new Bad("score", "required: a number in [0, 1]");
        }
        String bundle = text(n, "bundle", true);
        int at = bundle.lastIndexOf('@');
        int version;
        try {
            version = Integer.parseInt(bundle.substring(at + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new Bad("bundle", "'" + bundle + "' is not id@version");
        }
        if (at <= 0) {
            throw new Bad("bundle", "'" + bundle + "' is not id@version");
        }
        List<Hit> hits = new ArrayList<>();
        JsonNode hs = n.get("hits");
        if (hs != null && !hs.isNull()) {
            if (!hs.isArray()) {
                throw new Bad("hits", "expected an array");
            }
            for (int i = 0; i < hs.size(); i++) {
                hits.add(hit(hs.get(i), "hits[" + i + "]"));
            }
        }
        JsonNode dup = n.get("duplicate");
        return new Assessment(transactionId, timestamp, text(n, "senderId", true), text(n, "beneficiaryId", true),
                text(n, "clusterId", false), score.asDouble(), lv, hits, bundle.substring(0, at), version,
                text(n, "alertId", false), text(n, "suppressedBy", false), dup != null && dup.asBoolean(false));
    }

    private static Hit hit(JsonNode h, String path) throws Bad {
        if (!h.isObject()) {
            throw new Bad(path, "expected an object");
        }
        String rule = text(h, "rule", true, path);
        String reason = text(h, "reason", false, path);
        List<String> evidence = new ArrayList<>();
        JsonNode ev = h.get("evidence");
        if (ev != null && ev.isArray()) {
            for (JsonNode e : ev) {
                if (evidence.size() < Hit.MAX_EVIDENCE && e.isTextual()) {
                    evidence.add(e.asText());
                }
            }
        }
        try {
            String why = reason == null ? "" : reason;
            return new Hit(rule, h.path("subScore").asDouble(), h.path("weight").asDouble(),
                    h.path("mitigating").asBoolean(false), () -> why, evidence);
        } catch (IllegalArgumentException e) {
            throw new Bad(path, e.getMessage());
        }
    }

    private static String text(JsonNode n, String field, boolean required) throws Bad {
        return text(n, field, required, null);
    }

    private static String text(JsonNode n, String field, boolean required, String parent) throws Bad {
        JsonNode v = n.get(field);
        String path = parent == null ? field : parent + "." + field;
        if (v == null || v.isNull()) {
            if (required) {
                throw new Bad(path, "required field '" + path + "' is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new Bad(path, "expected a string");
        }
        return v.asText();
    }

    /** Lines read so far, blank ones included. */
    public long linesRead() {
        return lineNumber;
    }

    /** Alerts read. */
    public long alerts() {
        return alerts;
    }

    /** Lines rejected. */
    public long rejected() {
        return rejected;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static final class Bad extends Exception {
        final String field;

        Bad(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }
}
