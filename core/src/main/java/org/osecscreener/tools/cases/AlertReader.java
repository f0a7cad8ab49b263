package org.osecscreener.tools.cases;

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
import org.osecscreener.score.AssessmentKind;
import org.osecscreener.score.ClusterAssessment;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;

/**
 * Reads alerts back: the JSON lines that {@link org.osecscreener.screen.AssessmentWriter} writes
 * ({@code docs/alert-format.md}). Every line has a {@code kind}: {@code transaction},
 * {@code look_back} and {@code sextortion_victim} lines are read as {@link Assessment}s (with
 * their {@link AssessmentKind} and {@code clusterAlertId}), {@code cluster} lines as
 * {@link ClusterAssessment}s. A line without {@code kind} (written before kinds existed) is a
 * transaction. Blank lines are skipped; a bad line, or a line of an unknown kind, becomes a
 * {@link Rejection} (line, field, reason), never an exception. Unknown fields are ignored. Lines
 * longer than {@link #MAX_LINE_CHARS} are rejected.
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
    private long clusters;
    private long rejected;

    /** @param in the alert lines, UTF-8; closed by {@link #close()} */
    public AlertReader(InputStream in) {
        this.in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in, "in"), StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Reads every line, handing each sender assessment ({@code transaction}, {@code look_back},
     * {@code sextortion_victim}) and each rejection to a consumer. Payee clusters' assessments
     * ({@code cluster} lines) are skipped, neither handed on nor rejected: they are counted in
     * {@link #clusterAssessments()}.
     *
     * @throws IOException only if the stream fails
     */
    public void forEach(Consumer<? super Assessment> onAlert, Consumer<? super Rejection> onRejection) throws IOException {
        forEach(onAlert, c -> { }, onRejection);
    }

    /**
     * Reads every line, handing each sender assessment, each payee cluster's assessment and each
     * rejection to its consumer, in line order.
     *
     * @throws IOException only if the stream fails
     */
    public void forEach(Consumer<? super Assessment> onAlert, Consumer<? super ClusterAssessment> onCluster,
                        Consumer<? super Rejection> onRejection) throws IOException {
        Objects.requireNonNull(onAlert, "onAlert");
        Objects.requireNonNull(onCluster, "onCluster");
        Objects.requireNonNull(onRejection, "onRejection");
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            Object parsed;
            try {
                parsed = parse(line);
            } catch (Bad b) {
                rejected++;
                onRejection.accept(new Rejection(lineNumber, line, b.field, b.getMessage()));
                continue;
            }
            if (parsed instanceof ClusterAssessment c) {
                clusters++;
                onCluster.accept(c);
            } else {
                alerts++;
                onAlert.accept((Assessment) parsed);
            }
        }
    }

    /**
     * Parses one sender assessment line ({@code transaction}, {@code look_back},
     * {@code sextortion_victim}, or a line without {@code kind}).
     *
     * @param line one line of the alert format
     * @return the assessment, or throws
     * @throws IllegalArgumentException with the field and the reason, if the line is not a sender
     *                                  assessment (a {@code cluster} line included: see {@link #parseClusterLine})
     */
    public static Assessment parseLine(String line) {
        Object o = parseOrThrow(line);
        if (o instanceof Assessment a) {
            return a;
        }
        throw new IllegalArgumentException("kind: the line is a payee cluster's assessment; read it with parseClusterLine");
    }

    /**
     * Parses one payee cluster's assessment line ({@code "kind":"cluster"}).
     *
     * @param line one line of the alert format
     * @return the cluster assessment, or throws
     * @throws IllegalArgumentException with the field and the reason, if the line is not a cluster assessment
     */
    public static ClusterAssessment parseClusterLine(String line) {
        Object o = parseOrThrow(line);
        if (o instanceof ClusterAssessment c) {
            return c;
        }
        throw new IllegalArgumentException("kind: the line is a sender's assessment, not a payee cluster's; read it with parseLine");
    }

    private static Object parseOrThrow(String line) {
        try {
            return parse(line);
        } catch (Bad b) {
            throw new IllegalArgumentException((b.field == null ? "" : b.field + ": ") + b.getMessage());
        }
    }

    /** The accepted values of {@code kind}, as the rejection of an unknown kind names them. */
    static final String KINDS = "transaction, look_back, sextortion_victim, cluster";

    private static Object parse(String line) throws Bad {
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
        String kindName = text(n, "kind", false);
        AssessmentKind kind = AssessmentKind.TRANSACTION;
        if (kindName != null) {
            if (kindName.equals("cluster")) {
                return cluster(n);
            }
            kind = switch (kindName) {
                case "transaction" -> AssessmentKind.TRANSACTION;
                case "look_back" -> AssessmentKind.LOOK_BACK;
                case "sextortion_victim" -> AssessmentKind.SEXTORTION_VICTIM;
                default -> throw new Bad("kind", "'" + kindName + "' is not a kind of assessment; accepted: " + KINDS);
            };
        }
        String transactionId = text(n, "transactionId", true);
        OffsetDateTime timestamp = timestamp(n);
        Level lv = level(n);
        double score = score(n);
        String bundle = text(n, "bundle", true);
        int at = bundleAt(bundle);
        List<Hit> hits = hits(n);
        JsonNode dup = n.get("duplicate");
        return new Assessment(transactionId, timestamp, text(n, "senderId", true), text(n, "beneficiaryId", true),
                text(n, "clusterId", false), score, lv, hits, bundle.substring(0, at), version(bundle, at),
                text(n, "alertId", false), text(n, "suppressedBy", false), dup != null && dup.asBoolean(false),
                kind, text(n, "clusterAlertId", false));
    }

    private static ClusterAssessment cluster(JsonNode n) throws Bad {
        String alertId = text(n, "alertId", true);
        String clusterId = text(n, "clusterId", true);
        String transactionId = text(n, "transactionId", true);
        OffsetDateTime timestamp = timestamp(n);
        double score = score(n);
        Level lv = level(n);
        String bundle = text(n, "bundle", true);
        int at = bundleAt(bundle);
        List<Hit> hits = hits(n);
        return new ClusterAssessment(alertId, clusterId, transactionId, timestamp, score, lv, hits,
                bundle.substring(0, at), version(bundle, at), strings(n, "senders"), strings(n, "lookBack"),
                count(n, "relatedSenders"), count(n, "victimSenders"), count(n, "beneficiaries"));
    }

    private static OffsetDateTime timestamp(JsonNode n) throws Bad {
        String ts = text(n, "timestamp", true);
        try {
            return OffsetDateTime.parse(ts);
        } catch (DateTimeParseException e) {
            throw new Bad("timestamp", "'" + ts + "' is not an ISO-8601 date-time with an offset");
        }
    }

    private static Level level(JsonNode n) throws Bad {
        String level = text(n, "level", true);
        try {
            return Level.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw new Bad("level", "'" + level + "' is not a level; accepted: NONE, REVIEW, ALERT");
        }
    }

    private static double score(JsonNode n) throws Bad {
        JsonNode score = n.get("score");
        if (score == null || !score.isNumber() || !(score.asDouble() >= 0 && score.asDouble() <= 1)) {
            throw new Bad("score", "required: a number in [0, 1]");
        }
        return score.asDouble();
    }

    private static int bundleAt(String bundle) throws Bad {
        int at = bundle.lastIndexOf('@');
        if (at <= 0) {
            throw new Bad("bundle", "'" + bundle + "' is not id@version");
        }
        version(bundle, at);
        return at;
    }

    private static int version(String bundle, int at) throws Bad {
        try {
            return Integer.parseInt(bundle.substring(at + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new Bad("bundle", "'" + bundle + "' is not id@version");
        }
    }

    private static List<Hit> hits(JsonNode n) throws Bad {
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
        return hits;
    }

    /** An optional array of strings; absent or null is empty. */
    private static List<String> strings(JsonNode n, String field) throws Bad {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new Bad(field, "expected an array of strings");
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new Bad(field + "[" + i + "]", "expected a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    /** An optional count; absent or null is 0. */
    private static int count(JsonNode n, String field) throws Bad {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
            throw new Bad(field, "expected a whole number, 0 or more");
        }
        return v.asInt();
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

    /** Sender assessments read ({@code transaction}, {@code look_back}, {@code sextortion_victim}). */
    public long alerts() {
        return alerts;
    }

    /** Payee clusters' assessments read ({@code cluster} lines). */
    public long clusterAssessments() {
        return clusters;
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
