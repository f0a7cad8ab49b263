package org.osecscreener.findings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.osecscreener.cluster.IdentifierType;

/**
 * Writes and reads findings lists: JSON lines, a header line then one entry per line
 * ({@code docs/findings.md}).
 *
 * <pre>
 * {"format":"osec-findings","formatVersion":1,"list":"coalition_ph","source":"Remitter A","created":"2026-03-12","algorithm":"HMAC-SHA256-128","keyCheck":"kcv:…","entries":2}
 * {"token":"phone:…","type":"phone","date":"2026-03-11","confidence":0.9,"seenAs":"payee","reference":"CASE-…"}
 * </pre>
 *
 * <p>Reading validates every line and collects every error with file, line and field (at most
 * {@value #MAX_ERRORS}); a list whose key check value differs from the importer's key is refused
 * with an error that says so, since it could never match. Values are never echoed in errors
 * (a broken line might hold a raw identifier by mistake). Stateless and thread-safe.
 */
public final class FindingsFile {
    /** Most errors collected per file. */
    public static final int MAX_ERRORS = 100;
    /** Longest accepted line, in characters. */
    public static final int MAX_LINE = 4096;
    private static final Set<String> HEADER_FIELDS = Set.of("format", "formatVersion", "list", "source", "created",
            "algorithm", "keyCheck", "entries");
    private static final Set<String> ENTRY_FIELDS = Set.of("token", "type", "date", "confidence", "seenAs", "source",
            "reference");
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxStringLength(MAX_LINE)
                    .maxNumberLength(32).build())
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private FindingsFile() {
    }

    /**
     * Writes a findings list.
     *
     * @param out     the target; not closed
     * @param header  the header; its entry count must equal {@code entries.size()}
     * @param entries the entries
     * @throws IOException              if writing fails
     * @throws IllegalArgumentException if the counts differ
     */
    public static void write(OutputStream out, FindingsHeader header, List<Finding> entries) throws IOException {
        Objects.requireNonNull(out, "out");
        if (header.entries() != entries.size()) {
            throw new IllegalArgumentException("header says " + header.entries() + " entries, " + entries.size()
                    + " were given");
        }
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(null); // lines, not space-separated values
            g.writeStartObject();
            g.writeStringField("format", FindingsHeader.FORMAT);
            g.writeNumberField("formatVersion", FindingsHeader.FORMAT_VERSION);
            g.writeStringField("list", header.list());
            g.writeStringField("source", header.source());
            g.writeStringField("created", header.created().toString());
            g.writeStringField("algorithm", FindingsHeader.ALGORITHM);
            g.writeStringField("keyCheck", header.keyCheck());
            g.writeNumberField("entries", header.entries());
            g.writeEndObject();
            g.writeRaw('\n');
            for (Finding f : entries) {
                g.writeStartObject();
                g.writeStringField("token", f.token());
                g.writeStringField("type", f.type().tag());
                g.writeStringField("date", f.date().toString());
                g.writeNumberField("confidence", f.confidence());
                if (f.seenAs() != null) {
                    g.writeStringField("seenAs", f.seenAs());
                }
                if (f.source() != null) {
                    g.writeStringField("source", f.source());
                }
                if (f.reference() != null) {
                    g.writeStringField("reference", f.reference());
                }
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
    }

    /**
     * Reads and validates a findings list file for matching.
     *
     * @param file the file
     * @param key  the importer's coalition key: the list's key check value must equal its own
     * @return the list
     * @throws WatchlistException if the file is not a valid findings list or was made with another key
     * @throws IOException        if the file cannot be read
     */
    public static Watchlist load(Path file, CoalitionKey key) throws WatchlistException, IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return load(name, in, key);
        }
    }

    /**
     * Reads and validates a findings list from a stream (not closed).
     *
     * @param name the file name for errors
     * @see #load(Path, CoalitionKey)
     */
    public static Watchlist load(String name, InputStream in, CoalitionKey key) throws WatchlistException, IOException {
        Objects.requireNonNull(key, "key");
        List<ListError> errors = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        Watchlist.Builder builder = null;
        long lineNo = 0;
        long entries = 0;
        long[] bits = new long[2];
        String line;
        try {
            while ((line = r.readLine()) != null && errors.size() < MAX_ERRORS) {
                lineNo++;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() > MAX_LINE) {
                    errors.add(new ListError(name, lineNo, null, "line is longer than " + MAX_LINE + " characters"));
                    continue;
                }
                JsonNode node = parse(line, name, lineNo, errors);
                if (node == null) {
                    if (builder == null) {
                        break; // no header: nothing else can be read
                    }
                    continue;
                }
                if (builder == null) {
                    FindingsHeader h = header(node, name, lineNo, key, errors);
                    if (h == null) {
                        break;
                    }
                    builder = new Watchlist.Builder(h);
                    continue;
                }
                entries++;
                entry(node, name, lineNo, builder, bits, errors);
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            errors.add(new ListError(name, lineNo + 1, null, "not valid UTF-8"));
        }
        if (builder == null && errors.isEmpty()) {
            errors.add(new ListError(name, lineNo, null, "the file is empty; a findings list starts with a header line"));
        }
        if (builder != null && errors.isEmpty() && entries != builder.header().entries()) {
            errors.add(new ListError(name, lineNo, "entries", "the header announces " + builder.header().entries()
                    + " entries but the file holds " + entries + " (truncated or edited?)"));
        }
        if (!errors.isEmpty()) {
            throw new WatchlistException(errors);
        }
        return builder.build();
    }

    private static JsonNode parse(String line, String name, long lineNo, List<ListError> errors) {
        try {
            JsonNode n = MAPPER.readTree(line);
            if (n == null || !n.isObject()) {
                errors.add(new ListError(name, lineNo, null, "expected one JSON object per line"));
                return null;
            }
            return n;
        } catch (JsonProcessingException e) {
            errors.add(new ListError(name, lineNo, null, "not valid JSON (column "
                    + (e.getLocation() == null ? 0 : e.getLocation().getColumnNr()) + ")"));
            return null;
        }
    }

    private static FindingsHeader header(JsonNode n, String name, long lineNo, CoalitionKey key, List<ListError> errors) {
        int before = errors.size();
        unknown(n, HEADER_FIELDS, name, lineNo, errors);
        if (!FindingsHeader.FORMAT.equals(n.path("format").asText(null))) {
            errors.add(new ListError(name, lineNo, "format", "the first line must be a findings header with \"format\":\""
                    + FindingsHeader.FORMAT + "\" (is this a findings list? tip lists are imported with 'findings import')"));
            return null;
        }
        if (!n.path("formatVersion").isInt() || n.path("formatVersion").asInt() != FindingsHeader.FORMAT_VERSION) {
            errors.add(new ListError(name, lineNo, "formatVersion", "accepted: " + FindingsHeader.FORMAT_VERSION));
        }
        if (!FindingsHeader.ALGORITHM.equals(n.path("algorithm").asText(null))) {
            errors.add(new ListError(name, lineNo, "algorithm", "accepted: " + FindingsHeader.ALGORITHM));
        }
        String list = text(n, "list", name, lineNo, errors);
        if (list != null && !FindingsHeader.LIST_NAME.matcher(list).matches()) {
            errors.add(new ListError(name, lineNo, "list", "'" + list + "' is not accepted; " + FindingsHeader.LIST_NAME_RULE));
        }
        String source = text(n, "source", name, lineNo, errors);
        if (source != null && source.length() > Finding.MAX_SOURCE) {
            errors.add(new ListError(name, lineNo, "source", "at most " + Finding.MAX_SOURCE + " characters"));
        }
        LocalDate created = date(n, "created", name, lineNo, errors);
        String kcv = text(n, "keyCheck", name, lineNo, errors);
        if (kcv != null && !kcv.equals(key.checkValue())) {
            errors.add(new ListError(name, lineNo, "keyCheck", "the list was made with a different coalition key (list "
                    + kcv + ", the key from " + key.origin() + " gives " + key.checkValue()
                    + "): none of its entries could ever match; use the coalition's shared key"));
        }
        JsonNode count = n.path("entries");
        if (!count.canConvertToLong() || !count.isIntegralNumber() || count.asLong() < 0 || count.asLong() > (1L << 27)) {
            errors.add(new ListError(name, lineNo, "entries", "accepted: a whole number from 0 to " + (1L << 27)));
        }
        if (errors.size() > before) {
            return null;
        }
        return new FindingsHeader(list, source, created, kcv, count.asLong());
    }

    private static void entry(JsonNode n, String name, long lineNo, Watchlist.Builder b, long[] bits,
                              List<ListError> errors) {
        int before = errors.size();
        unknown(n, ENTRY_FIELDS, name, lineNo, errors);
        IdentifierType type = null;
        String tag = text(n, "type", name, lineNo, errors);
        if (tag != null) {
            try {
                type = IdentifierType.ofTag(tag);
            } catch (IllegalArgumentException e) {
                errors.add(new ListError(name, lineNo, "type", e.getMessage()));
            }
        }
        String token = text(n, "token", name, lineNo, errors);
        if (token != null) {
            IdentifierType prefix = Tokens.typeOf(token);
            if (prefix == null || !Tokens.bits(token, bits)) {
                errors.add(new ListError(name, lineNo, "token", "not a pseudonym: expected a type tag, ':' and 22 base64url"
                        + " characters (raw identifiers are never accepted here; hash tip lists with 'findings import')"));
            } else if (type != null && prefix != type) {
                errors.add(new ListError(name, lineNo, "token", "tagged " + prefix.tag() + " but type is " + type.tag()));
            } else if (bits[0] == 0 && bits[1] == 0) {
                errors.add(new ListError(name, lineNo, "token", "the all-zero token is not accepted"));
            }
        }
        LocalDate date = date(n, "date", name, lineNo, errors);
        JsonNode c = n.path("confidence");
        double confidence = c.asDouble(Double.NaN);
        if (!c.isNumber() || !(confidence > 0 && confidence <= 1)) {
            errors.add(new ListError(name, lineNo, "confidence", "accepted: a number in (0, 1]"));
        }
        String seenAs = optionalText(n, "seenAs", name, lineNo, errors);
        if (seenAs != null && !Finding.SEEN_AS.contains(seenAs)) {
            errors.add(new ListError(name, lineNo, "seenAs", "accepted: " + String.join(", ", Finding.SEEN_AS)));
        }
        String source = optionalText(n, "source", name, lineNo, errors);
        if (source != null && (source.isBlank() || source.length() > Finding.MAX_SOURCE)) {
            errors.add(new ListError(name, lineNo, "source", "accepted: 1-" + Finding.MAX_SOURCE + " characters, not blank"));
        }
        String reference = optionalText(n, "reference", name, lineNo, errors);
        if (reference != null && !Finding.REFERENCE.matcher(reference).matches()) {
            errors.add(new ListError(name, lineNo, "reference", "accepted: 1-64 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'"));
        }
        if (errors.size() == before) {
            b.add(bits[0], bits[1], date, confidence, seenAs, source, reference);
        }
    }

    private static void unknown(JsonNode n, Set<String> known, String name, long lineNo, List<ListError> errors) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                errors.add(new ListError(name, lineNo, null, "unknown field '" + (f.length() > 40 ? f.substring(0, 40) + "…" : f)
                        + "'; accepted: " + String.join(", ", new java.util.TreeSet<>(known))));
            }
        }
    }

    private static String text(JsonNode n, String field, String name, long lineNo, List<ListError> errors) {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            errors.add(new ListError(name, lineNo, field, "required text is missing"));
            return null;
        }
        return v.asText();
    }

    private static String optionalText(JsonNode n, String field, String name, long lineNo, List<ListError> errors) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new ListError(name, lineNo, field, "expected text"));
            return null;
        }
        return v.asText();
    }

    private static LocalDate date(JsonNode n, String field, String name, long lineNo, List<ListError> errors) {
        String t = text(n, field, name, lineNo, errors);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            errors.add(new ListError(name, lineNo, field, "not a date; accepted: yyyy-mm-dd"));
            return null;
        }
    }
}
