package org.osecscreener.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the rule audit trail: what a screener decided about a rule bundle, and when.
 * Both shells give the same events ({@code docs/rule-events.md}): the embedded
 * {@link org.osecscreener.screen.Screener} returns them from {@code reload} and passes them to the
 * listener set with {@code Screener.Builder.ruleEvents}; the Flink job writes them, as
 * {@link #toJson()} lines, to its rule-events output.
 *
 * @param kind         what happened
 * @param time         the wall-clock time of the decision
 * @param eventDay     the screener's event time when it decided: the latest UTC day of a screened
 *                     transaction, or {@code null} before the first
 * @param eventTime    for {@link Kind#EFFECTIVE}: the timestamp of the transaction that moved event time
 *                     onto the bundle's effective day; else {@code null}
 * @param source       where the bundle came from (a file name, a Kafka topic and offset, {@code api})
 * @param bundle       the bundle the event is about (for a rejected text that is not a bundle, only its digest)
 * @param replaces     for accepted, pending and effective: the bundle it takes over from (or will), or {@code null}
 * @param supersededBy for {@link Kind#SUPERSEDED}: the later version that covers all its days
 * @param running      for {@link Kind#REJECTED}: the newest accepted bundle, which stays
 * @param errors       for {@link Kind#REJECTED}: every reason, validation errors as
 *                     {@code file:line:column [detector] field: message}; else empty
 * @param message      the event in one sentence, for people
 */
public record RuleBundleEvent(Kind kind, Instant time, LocalDate eventDay, Instant eventTime, String source,
                              BundleRef bundle, BundleRef replaces, BundleRef supersededBy, BundleRef running,
                              List<String> errors, String message) {
    private static final JsonFactory JSON = new JsonFactory();

    /** @throws NullPointerException if kind, time, source, bundle or message is missing */
    public RuleBundleEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(message, "message");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** What happened to a bundle. */
    public enum Kind {
        /** Valid, its version moves forward, and it is in effect at the screener's event time. */
        ACCEPTED,
        /** Valid and its version moves forward, but its effective day is after the screener's event time (or no transaction was screened yet). */
        PENDING,
        /** A pending bundle took effect: event time reached its effective day. */
        EFFECTIVE,
        /** A bundle no longer screens any day: a later version, effective on or before its effective day, covers all of them. */
        SUPERSEDED,
        /** Not accepted (invalid, version not moving forward, or naming a watchlist the screener lacks); nothing changed. */
        REJECTED;

        /** The name in JSON, lower case. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a {@link BundleRef#sha256()} is the digest of. */
    public enum Digest {
        /** The UTF-8 bytes of the bundle text as received (the file, the Kafka record, the shipped resource). */
        TEXT,
        /** The bundle's canonical JSON ({@link RuleBundleLoader#toJson}), for a bundle handed over as an object. */
        CANONICAL;

        /** The name in JSON, lower case. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A bundle as named in an event.
     *
     * @param id            bundle id, or {@code null} for a text that is not a bundle
     * @param version       version, or {@code null} for a text that is not a bundle
     * @param approvedBy    who approved it, or {@code null}
     * @param effectiveFrom its effective day, or {@code null}
     * @param sha256        SHA-256 of {@code digest}, 64 lower-case hex digits
     * @param digest        what was hashed
     */
    public record BundleRef(String id, Integer version, String approvedBy, LocalDate effectiveFrom, String sha256,
                            Digest digest) {
        /** @throws NullPointerException if the digest is missing */
        public BundleRef {
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(digest, "digest");
        }

        /** A valid bundle. */
        public static BundleRef of(RuleBundle b, String sha256, Digest digest) {
            return new BundleRef(b.id(), b.version(), b.approvedBy(), b.effectiveFrom(), sha256, digest);
        }

        /** A text that did not load as a bundle: only its digest. */
        public static BundleRef unreadable(String sha256) {
            return new BundleRef(null, null, null, null, sha256, Digest.TEXT);
        }

        /** {@code id@version}, or {@code "a text that is not a valid bundle"}. */
        public String label() {
            return id == null ? "a text that is not a valid bundle" : id + "@" + version;
        }
    }

    /**
     * The digest of a bundle handed over as an object: the SHA-256 of the shipped pack's file as
     * shipped if it is the shipped pack ({@link RuleBundleLoader#defaultBundle()}), else of its
     * canonical JSON.
     *
     * @param b      the bundle
     * @param loader writes the canonical JSON
     */
    public static BundleRef digestOf(RuleBundle b, RuleBundleLoader loader) {
        if (b.equals(RuleBundleLoader.defaultBundle())) {
            return BundleRef.of(b, sha256(RuleBundleLoader.defaultBundleText()), Digest.TEXT);
        }
        return BundleRef.of(b, sha256(loader.toJson(b)), Digest.CANONICAL);
    }

    /** The SHA-256 of {@code bytes}, as 64 lower-case hex digits. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A rejection.
     *
     * @param time     wall-clock time
     * @param eventDay the screener's event day, or {@code null}
     * @param source   where the text came from
     * @param bundle   the bundle as far as it could be read
     * @param running  the newest accepted bundle, which stays
     * @param errors   every reason
     */
    public static RuleBundleEvent rejected(Instant time, LocalDate eventDay, String source, BundleRef bundle,
                                           BundleRef running, List<String> errors) {
        String what = bundle.id() == null ? source : bundle.label() + " from " + source;
        String message = what + " rejected (" + errors.size() + (errors.size() == 1 ? " error" : " errors") + "); "
                + (running == null ? "nothing changed" : running.label() + " stays");
        return new RuleBundleEvent(Kind.REJECTED, time, eventDay, null, source, bundle, null, null, running, errors, message);
    }

    /**
     * This event as one line of JSON ({@code docs/rule-events.md}): fields in a fixed order, those
     * that do not apply to the kind left out.
     */
    public String toJson() {
        StringWriter w = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("event", kind.json());
            g.writeStringField("time", time.toString());
            if (eventDay != null) {
                g.writeStringField("eventDay", eventDay.toString());
            }
            if (eventTime != null) {
                g.writeStringField("eventTime", eventTime.toString());
            }
            g.writeStringField("source", source);
            ref(g, "bundle", bundle);
            ref(g, "replaces", replaces);
            ref(g, "supersededBy", supersededBy);
            ref(g, "running", running);
            if (kind == Kind.REJECTED) {
                g.writeArrayFieldStart("errors");
                for (String e : errors) {
                    g.writeString(e);
                }
                g.writeEndArray();
            }
            g.writeStringField("message", message);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void ref(JsonGenerator g, String name, BundleRef r) throws IOException {
        if (r == null) {
            return;
        }
        g.writeObjectFieldStart(name);
        if (r.id() != null) {
            g.writeStringField("id", r.id());
            g.writeNumberField("version", r.version());
        }
        if (r.approvedBy() != null) {
            g.writeStringField("approvedBy", r.approvedBy());
        }
        if (r.effectiveFrom() != null) {
            g.writeStringField("effectiveFrom", r.effectiveFrom().toString());
        }
        g.writeStringField("sha256", r.sha256());
        g.writeStringField("sha256Of", r.digest().json());
        g.writeEndObject();
    }
}
