package org.osecscreener.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What changed between two valid rule bundles, in words an analyst reads
 * ({@code rules diff A B}): metadata, FX rates, countries, keyword and id lists (entries added and
 * removed), each detector's parameters ({@code recurring_small_to_cluster.minCount: 4 → 5}),
 * scoring thresholds, suppressions (added, removed, changed, and those expired on a given day) and
 * reporting key terms.
 *
 * <p>The bundles are compared as loaded and validated, not as text: comments, formatting, key
 * order and defaults written out or left implicit make no difference. The comparison walks each
 * bundle's canonical form ({@link RuleBundleLoader#toJson}, every field under its rule-file name
 * with defaults filled in), so a section or detector type added to the format later is compared
 * without new code here. Lists of words or ids are compared as sets of entries (plus a note when
 * only their order changed); suppressions are matched by kind and id, key terms by authority and
 * reference; any other list of records is compared whole.
 *
 * <p>Immutable and thread-safe.
 *
 * @param a           the first bundle's label ({@code id@version})
 * @param b           the second bundle's label
 * @param on          the day suppressions are judged expired on
 * @param differences the differences, in the order of the rule-file sections
 * @param notes       facts that are not differences: suppressions listed in B that have expired on {@code on}
 */
public record RuleBundleDiff(String a, String b, LocalDate on, List<Difference> differences, List<String> notes) {
    private static final ObjectMapper TREE = new ObjectMapper();
    private static final JsonFactory JSON = new JsonFactory();
    /** Section titles of the top-level fields; any other field is its own section. */
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        for (String f : List.of("id", "version", "description", "approvedBy", "effectiveFrom", "baseCurrency")) {
            SECTIONS.put(f, "Metadata");
        }
        SECTIONS.put("fxRates", "FX rates");
        SECTIONS.put("countries", "Countries");
        SECTIONS.put("keywords", "Keyword lists");
        SECTIONS.put("idLists", "Id lists");
        SECTIONS.put("detectors", "Detectors");
        SECTIONS.put("scoring", "Scoring");
        SECTIONS.put("suppressions", "Suppressions");
        SECTIONS.put("reporting", "Reporting key terms");
    }

    /** @throws NullPointerException if a component is missing */
    public RuleBundleDiff {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(on, "on");
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }

    /** What kind of change. */
    public enum Change {
        /** In B only. */
        ADDED,
        /** In A only. */
        REMOVED,
        /** In both, with another value. */
        CHANGED
    }

    /**
     * One difference.
     *
     * @param section the section title ({@code Detectors}, {@code FX rates}, ...)
     * @param path    the field within the section, rule-file names, list entries by their key
     *                ({@code recurring_small_to_cluster.minCount}, {@code SENDER S-1.expires})
     * @param change  added, removed or changed
     * @param before  the value in A as shown, or {@code null}
     * @param after   the value in B as shown, or {@code null}
     * @param text    the line shown, e.g. {@code recurring_small_to_cluster.minCount: 4 → 5}
     */
    public record Difference(String section, String path, Change change, String before, String after, String text) {
    }

    /**
     * Compares two bundles.
     *
     * @param a      the first (older) bundle
     * @param b      the second (newer) bundle
     * @param on     the day on which suppressions are judged expired
     * @param loader writes the canonical form
     */
    public static RuleBundleDiff of(RuleBundle a, RuleBundle b, LocalDate on, RuleBundleLoader loader) {
        JsonNode x;
        JsonNode y;
        try {
            x = TREE.readTree(loader.toJson(a));
            y = TREE.readTree(loader.toJson(b));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Walker w = new Walker(on);
        for (String field : union(x, y)) {
            String section = SECTIONS.getOrDefault(field, field);
            JsonNode u = x.get(field);
            JsonNode v = y.get(field);
            switch (field) {
                case "suppressions" -> w.keyed(section, "", u, v, RuleBundleDiff::suppressionKey, true);
                case "reporting" -> w.reporting(section, u, v);
                case "detectors", "fxRates", "countries", "keywords", "idLists", "scoring" -> w.children(section, "", u, v);
                default -> {
                    if (u != null && v != null && u.isObject() && v.isObject()) {
                        w.children(section, "", u, v); // a section of settings: its fields under its own heading
                    } else {
                        w.node(section, field, u, v);
                    }
                }
            }
        }
        w.expiredNotes(y.get("suppressions"));
        return new RuleBundleDiff(a.id() + "@" + a.version(), b.id() + "@" + b.version(), on, w.out, w.notes);
    }

    /** Whether the bundles are the same (no differences; notes may remain). */
    public boolean same() {
        return differences.isEmpty();
    }

    /**
     * The differences as plain text: a heading line, one block per section, and a count.
     *
     * @param nameA how to name the first bundle (its file)
     * @param nameB how to name the second
     */
    public String toText(String nameA, String nameB) {
        StringBuilder sb = new StringBuilder();
        sb.append("A: ").append(a).append(" (").append(nameA).append(")\n");
        sb.append("B: ").append(b).append(" (").append(nameB).append(")\n");
        String section = null;
        for (Difference d : differences) {
            if (!d.section().equals(section)) {
                section = d.section();
                sb.append('\n').append(section).append('\n');
            }
            sb.append("  ").append(d.text()).append('\n');
        }
        if (!notes.isEmpty()) {
            sb.append("\nNotes (not differences)\n");
            for (String n : notes) {
                sb.append("  ").append(n).append('\n');
            }
        }
        sb.append('\n').append(differences.isEmpty() ? "no differences" : differences.size()
                + (differences.size() == 1 ? " difference" : " differences")).append(" (suppressions judged on ").append(on)
                .append(")\n");
        return sb.toString();
    }

    /** The differences as one JSON document ({@code rules diff --json}). */
    public String toJson(String nameA, String nameB) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("a");
            g.writeStringField("bundle", a);
            g.writeStringField("file", nameA);
            g.writeEndObject();
            g.writeObjectFieldStart("b");
            g.writeStringField("bundle", b);
            g.writeStringField("file", nameB);
            g.writeEndObject();
            g.writeStringField("suppressionsJudgedOn", on.toString());
            g.writeArrayFieldStart("differences");
            for (Difference d : differences) {
                g.writeStartObject();
                g.writeStringField("section", d.section());
                g.writeStringField("path", d.path());
                g.writeStringField("change", d.change().name().toLowerCase(java.util.Locale.ROOT));
                if (d.before() != null) {
                    g.writeStringField("before", d.before());
                }
                if (d.after() != null) {
                    g.writeStringField("after", d.after());
                }
                g.writeStringField("text", d.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (String n : notes) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.append('\n').toString();
    }

    private static String suppressionKey(JsonNode s) {
        return s.path("kind").asText() + " " + s.path("id").asText();
    }

    private static Set<String> union(JsonNode x, JsonNode y) {
        Set<String> keys = new LinkedHashSet<>();
        if (x != null) {
            x.fieldNames().forEachRemaining(keys::add);
        }
        if (y != null) {
            y.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    /** Collects differences while walking two trees. */
    private static final class Walker {
        final LocalDate on;
        final List<Difference> out = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Walker(LocalDate on) {
            this.on = on;
        }

        void add(String section, String path, Change change, String before, String after, String text) {
            out.add(new Difference(section, path, change, before, after, text));
        }

        /** Each field of two objects (either may be absent). */
        void children(String section, String prefix, JsonNode u, JsonNode v) {
            for (String k : union(u, v)) {
                node(section, prefix.isEmpty() ? k : prefix + "." + k, u == null ? null : u.get(k), v == null ? null : v.get(k));
            }
        }

        void node(String section, String path, JsonNode u, JsonNode v) {
            if (Objects.equals(u, v)) {
                return;
            }
            if (u == null || u.isNull()) {
                add(section, path, Change.ADDED, null, show(v), path + ": added" + detail(v));
            } else if (v == null || v.isNull()) {
                add(section, path, Change.REMOVED, show(u), null, path + ": removed" + (section.equals("Detectors") && !path.contains(".")
                        ? " (the detector no longer runs)" : " (was " + show(u) + ")"));
            } else if (u.isObject() && v.isObject()) {
                children(section, path, u, v);
            } else if (u.isArray() && v.isArray() && scalars(u) && scalars(v)) {
                entries(section, path, u, v);
            } else {
                String extra = "";
                if (path.endsWith(".enabled") && u.isBoolean() && v.isBoolean()) {
                    extra = v.asBoolean() ? " (switched on)" : " (switched off)";
                }
                add(section, path, Change.CHANGED, show(u), show(v), path + ": " + show(u) + " → " + show(v) + extra);
            }
        }

        /** Lists of words or ids: entries added and removed. */
        void entries(String section, String path, JsonNode u, JsonNode v) {
            Set<String> before = new LinkedHashSet<>();
            u.forEach(n -> before.add(scalar(n)));
            Set<String> after = new LinkedHashSet<>();
            v.forEach(n -> after.add(scalar(n)));
            List<String> added = new ArrayList<>();
            for (String s : after) {
                if (!before.contains(s)) {
                    added.add(s);
                }
            }
            List<String> removed = new ArrayList<>();
            for (String s : before) {
                if (!after.contains(s)) {
                    removed.add(s);
                }
            }
            if (added.isEmpty() && removed.isEmpty()) {
                add(section, path, Change.CHANGED, show(u), show(v), path + ": the same entries in another order");
                return;
            }
            StringBuilder text = new StringBuilder(path).append(": ");
            if (!added.isEmpty()) {
                text.append("added ").append(String.join(", ", added));
            }
            if (!removed.isEmpty()) {
                text.append(added.isEmpty() ? "" : "; ").append("removed ").append(String.join(", ", removed));
            }
            text.append(" (").append(u.size()).append(" → ").append(v.size()).append(u.size() == 1 && v.size() == 1 ? " entry)" : " entries)");
            add(section, path, added.isEmpty() ? Change.REMOVED : removed.isEmpty() ? Change.ADDED : Change.CHANGED,
                    show(u), show(v), text.toString());
        }

        /** Lists of records matched by a key: each added, removed or changed. */
        void keyed(String section, String prefix, JsonNode u, JsonNode v, Function<JsonNode, String> key, boolean suppressions) {
            Map<String, JsonNode> before = index(u, key);
            Map<String, JsonNode> after = index(v, key);
            Set<String> keys = new LinkedHashSet<>(before.keySet());
            keys.addAll(after.keySet());
            for (String k : keys) {
                String path = prefix.isEmpty() ? k : prefix + " " + k;
                JsonNode x = before.get(k);
                JsonNode y = after.get(k);
                if (x == null) {
                    String expired = suppressions && expiredOn(y) ? "; already expired on " + y.path("expires").asText() : "";
                    add(section, path, Change.ADDED, null, show(y), path + ": added" + detail(without(y, suppressions)) + expired);
                } else if (y == null) {
                    String when = !suppressions ? "" : expiredOn(x) ? " (it expired on " + x.path("expires").asText() + ")"
                            : x.hasNonNull("expires") ? " (it would have applied until " + x.path("expires").asText() + ")"
                            : " (it had no expiry)";
                    add(section, path, Change.REMOVED, show(x), null, path + ": removed" + when);
                } else if (!x.equals(y)) {
                    for (String f : union(x, y)) {
                        JsonNode p = x.get(f);
                        JsonNode q = y.get(f);
                        if (suppressions && f.equals("expires") && !Objects.equals(p, q)) {
                            String how = p == null || p.isNull() ? " (now expires)" : q == null || q.isNull() ? " (now never expires)"
                                    : LocalDate.parse(q.asText()).isAfter(LocalDate.parse(p.asText())) ? " (extended)" : " (shortened)";
                            add(section, path + ".expires", Change.CHANGED, p == null ? null : show(p), q == null ? null : show(q),
                                    path + ".expires: " + (p == null ? "none" : show(p)) + " → " + (q == null ? "none" : show(q)) + how);
                        } else {
                            node(section, path + "." + f, p, q);
                        }
                    }
                }
            }
        }

        void reporting(String section, JsonNode u, JsonNode v) {
            JsonNode x = u == null ? null : u.get("keyTerms");
            JsonNode y = v == null ? null : v.get("keyTerms");
            keyed(section, "", x, y, n -> n.path("authority").asText() + " " + n.path("reference").asText(), false);
            JsonNode restU = u == null ? null : u.deepCopy();
            JsonNode restV = v == null ? null : v.deepCopy();
            if (restU != null) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) restU).remove("keyTerms");
            }
            if (restV != null) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) restV).remove("keyTerms");
            }
            children(section, "", restU, restV);
        }

        void expiredNotes(JsonNode suppressions) {
            if (suppressions == null) {
                return;
            }
            for (JsonNode s : suppressions) {
                if (expiredOn(s)) {
                    notes.add("suppression " + suppressionKey(s) + " expired on " + s.path("expires").asText()
                            + " and no longer applies on " + on + "; it is still listed in B");
                }
            }
        }

        boolean expiredOn(JsonNode s) {
            return s != null && s.hasNonNull("expires") && !on.isBefore(LocalDate.parse(s.path("expires").asText()));
        }

        private static Map<String, JsonNode> index(JsonNode list, Function<JsonNode, String> key) {
            Map<String, JsonNode> m = new LinkedHashMap<>();
            if (list != null) {
                for (JsonNode n : list) {
                    m.put(key.apply(n), n);
                }
            }
            return m;
        }

        /** The record without the fields of its key. */
        private static JsonNode without(JsonNode n, boolean suppression) {
            if (!n.isObject()) {
                return n;
            }
            com.fasterxml.jackson.databind.node.ObjectNode copy = n.deepCopy();
            if (suppression) {
                copy.remove("kind");
                copy.remove("id");
            } else {
                copy.remove("authority");
                copy.remove("reference");
            }
            return copy;
        }
    }

    private static boolean scalars(JsonNode array) {
        for (JsonNode n : array) {
            if (n.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /** " (k v, k v)" for an object, " (value)" for anything else. */
    private static String detail(JsonNode v) {
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                parts.add(e.getKey() + " " + show(e.getValue()));
            }
            return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
        }
        return " (" + show(v) + ")";
    }

    /** A value as shown: numbers without trailing zeros, words quoted when they hold spaces or punctuation, lists in brackets. */
    static String show(JsonNode n) {
        if (n == null || n.isNull()) {
            return "none";
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(e -> parts.add(show(e)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (n.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                parts.add(e.getKey() + ": " + show(e.getValue()));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        return scalar(n);
    }

    private static String scalar(JsonNode n) {
        if (n.isNumber()) {
            return new BigDecimal(n.asText()).stripTrailingZeros().toPlainString();
        }
        if (n.isTextual()) {
            String s = n.asText();
            return s.matches("[A-Za-z0-9._@#+-]+") ? s : "'" + s.replace("'", "''") + "'";
        }
        return n.asText();
    }
}
