package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Loads and validates rule bundles from YAML or JSON files.
 *
 * <p>A file is read in four steps, and every problem of every step is collected, so one run
 * reports all the errors of a file (each with file, line, column, detector id, field and
 * what is accepted):
 * <ol>
 *   <li>safety limits: at most {@link #MAX_BYTES} bytes, nesting at most 10 deep, at most
 *       {@link #MAX_VALUES} values, in YAML no run of more than {@link #MAX_YAML_WORD} characters
 *       without whitespace, no YAML anchors, aliases or explicit tags, no duplicate keys;</li>
 *   <li>the JSON Schema {@code rule-bundle.schema.json} (draft 2020-12, shipped in this
 *       package and as {@code docs/rule-bundle.schema.json}): types, ranges, required and
 *       unknown properties, unknown detector types;</li>
 *   <li>semantic checks: no value that looks like a file path or URL, bands ordered and not
 *       overlapping, {@code review < alert},
 *       referenced keyword and id lists exist, an FX rate for every currency named, ISO
 *       country and currency codes, saturation counts at least their minimums, ...;</li>
 *   <li>binding to the typed records with Jackson ({@code FAIL_ON_UNKNOWN_PROPERTIES}, no
 *       polymorphic typing, no class names).</li>
 * </ol>
 * A file whose name ends in {@code .json} is parsed as JSON; any other as YAML.
 *
 * <p>Thread-safety: instances are immutable after construction and may be shared; every
 * {@code load} call works on its own state. Construction compiles the schema, so reuse an
 * instance.
 */
public final class RuleBundleLoader {
    /** Largest accepted rule file, in bytes (1 MiB). */
    public static final int MAX_BYTES = 1 << 20;
    /** Deepest accepted nesting of mappings and lists. */
    public static final int MAX_DEPTH = TreeReader.MAX_DEPTH;
    /** Most values (mappings, lists, scalars) in one file. */
    public static final int MAX_VALUES = TreeReader.MAX_VALUES;
    /**
     * Longest run of characters without whitespace accepted in a YAML file. The YAML parser's
     * cost grows with the square of such a run (a one-megabyte word costs it about 2 GB of
     * allocation), and no value of the format needs more than a few hundred.
     */
    public static final int MAX_YAML_WORD = 8 * 1024;
    /** Classpath resource (next to this class) of the default rule pack. */
    public static final String DEFAULT_BUNDLE_RESOURCE = "default-bundle.yaml";

    private final ObjectMapper mapper;
    private final JsonFactory jsonFactory;
    private final YAMLFactory yamlFactory;
    private final SchemaCheck schema;

    /**
     * Creates a loader. The parsers, the mapper and the compiled schema are immutable and thread-safe,
     * so every loader of the process shares one set, made by the first loader (compiling the schema
     * and configuring Jackson take most of a second in a fresh JVM; the command line and each Flink
     * task used to pay that per loader).
     *
     * @throws IllegalStateException if the schema resource is missing from the classpath (a broken build)
     */
    public RuleBundleLoader() {
        Parts p = parts();
        mapper = p.mapper();
        jsonFactory = p.jsonFactory();
        yamlFactory = p.yamlFactory();
        schema = p.schema();
    }

    /** What every loader shares: immutable once built. */
    private record Parts(ObjectMapper mapper, JsonFactory jsonFactory, YAMLFactory yamlFactory, SchemaCheck schema) {
    }

    private static volatile Parts shared;

    /** The shared parts, built on first use; a failure is thrown to that caller and nothing is kept. */
    private static Parts parts() {
        Parts p = shared;
        if (p == null) {
            synchronized (RuleBundleLoader.class) {
                p = shared;
                if (p == null) {
                    p = buildParts();
                    shared = p;
                }
            }
        }
        return p;
    }

    private static Parts buildParts() {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(64 * 1024)
                .maxNumberLength(64)
                .maxNameLength(1024)
                .maxDocumentLength(MAX_BYTES + 1L)
                .build();
        JsonFactory jsonFactory = JsonFactory.builder()
                .streamReadConstraints(limits)
                .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .build();
        LoaderOptions yamlOptions = new LoaderOptions();
        yamlOptions.setMaxAliasesForCollections(10);
        yamlOptions.setAllowRecursiveKeys(false);
        yamlOptions.setCodePointLimit(MAX_BYTES + 1);
        yamlOptions.setNestingDepthLimit(64);
        yamlOptions.setAllowDuplicateKeys(true); // TreeReader reports duplicates itself, with both lines, and goes on
        yamlOptions.setProcessComments(false);
        YAMLFactory yamlFactory = YAMLFactory.builder()
                .loaderOptions(yamlOptions)
                .streamReadConstraints(limits)
                .build();
        SimpleModule types = new SimpleModule("osec-rule-types");
        types.addDeserializer(LocalDate.class, new LocalDateDeserializer());
        types.addSerializer(LocalDate.class, ToStringSerializer.instance);
        types.addSerializer(Currency.class, ToStringSerializer.instance);
        ObjectMapper mapper = JsonMapper.builder(jsonFactory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .addModule(types)
                .build();
        return new Parts(mapper, jsonFactory, yamlFactory, new SchemaCheck(mapper));
    }

    /**
     * Loads a rule file from disk. The file name (not the full path) names it in errors.
     *
     * @param file a {@code .yaml}, {@code .yml} or {@code .json} file
     * @return the validated bundle
     * @throws RuleBundleException if the file is too large or not a valid bundle (every error listed)
     * @throws IOException         if the file cannot be read
     */
    public RuleBundle load(Path file) throws RuleBundleException, IOException {
        Objects.requireNonNull(file, "file");
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw tooLarge(name, size);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(name, in);
        }
    }

    /**
     * Loads a rule file from a stream, reading at most {@link #MAX_BYTES} + 1 bytes. The stream
     * is not closed.
     *
     * @param name the file name to report in errors; {@code .json} selects JSON, else YAML
     * @param in   the content
     * @return the validated bundle
     * @throws RuleBundleException if the content is too large or not a valid bundle
     * @throws IOException         if the stream cannot be read
     */
    public RuleBundle load(String name, InputStream in) throws RuleBundleException, IOException {
        Objects.requireNonNull(in, "in");
        byte[] content = in.readNBytes(MAX_BYTES + 1);
        if (content.length > MAX_BYTES) {
            throw tooLarge(name, -1);
        }
        return load(name, content);
    }

    /**
     * Loads a rule file from bytes (UTF-8).
     *
     * @param name    the file name to report in errors; {@code .json} selects JSON, else YAML
     * @param content the content
     * @return the validated bundle
     * @throws RuleBundleException if the content is too large or not a valid bundle (every error listed)
     */
    public RuleBundle load(String name, byte[] content) throws RuleBundleException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (content.length > MAX_BYTES) {
            throw tooLarge(name, content.length);
        }
        Problems problems = new Problems(name);
        RuleBundle bundle = null;
        try {
            Located tree = parse(name, content, problems);
            if (tree != null) {
                problems.located(tree);
                schema.check(tree.root(), problems);
                SemanticCheck.check(tree.root(), problems);
                if (problems.isEmpty()) {
                    bundle = bind(tree, problems);
                }
            }
        } catch (Problems.Abort stop) {
            // the reason is already among the problems
        }
        if (!problems.isEmpty() || bundle == null) {
            List<ValidationError> errors = problems.errors();
            if (errors.isEmpty()) {
                errors = List.of(new ValidationError(name, 0, 0, null, null, "not a rule bundle"));
            }
            throw new RuleBundleException(errors);
        }
        return bundle;
    }

    /**
     * The default rule pack shipped in this jar ({@value #DEFAULT_BUNDLE_RESOURCE}, id
     * {@code osec-default}), loaded once and cached.
     *
     * @return the default bundle
     * @throws IllegalStateException if the shipped pack does not load (a broken build)
     */
    public static RuleBundle defaultBundle() {
        return DefaultHolder.BUNDLE;
    }

    /**
     * Writes a bundle as JSON in the rule-file format; loading the text gives an equal bundle.
     *
     * @param bundle the bundle
     * @return pretty-printed JSON
     */
    public String toJson(RuleBundle bundle) {
        try {
            return mapper.writeValueAsString(bundle);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write rule bundle " + bundle.id(), e);
        }
    }

    /**
     * The default rule pack's text exactly as shipped ({@value #DEFAULT_BUNDLE_RESOURCE}, UTF-8,
     * with its comments): the starting point for a team's own pack.
     *
     * @return a copy of the bytes
     * @throws IllegalStateException if the resource is missing (a broken build)
     */
    public static byte[] defaultBundleText() {
        return TextHolder.TEXT.clone();
    }

    /** The shipped text, read on first use (apart from the bundle: reading the text loads nothing). */
    private static final class TextHolder {
        static final byte[] TEXT = readDefault();

        private static byte[] readDefault() {
            try (InputStream in = RuleBundleLoader.class.getResourceAsStream(DEFAULT_BUNDLE_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_BUNDLE_RESOURCE + " is missing from the classpath");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class DefaultHolder {
        static final RuleBundle BUNDLE = loadDefault();

        private static RuleBundle loadDefault() {
            try {
                return new RuleBundleLoader().load(DEFAULT_BUNDLE_RESOURCE, TextHolder.TEXT);
            } catch (RuleBundleException e) {
                throw new IllegalStateException("the shipped default rule bundle is invalid: " + e.getMessage(), e);
            }
        }
    }

    private static RuleBundleException tooLarge(String name, long size) {
        return new RuleBundleException(List.of(new ValidationError(name, 0, 0, null, null,
                "the file is " + (size < 0 ? "more than " + MAX_BYTES : String.valueOf(size))
                        + " bytes; at most " + MAX_BYTES + " bytes (1 MiB) are accepted")));
    }

    private Located parse(String name, byte[] content, Problems problems) {
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
        if (!json && longWord(content, problems)) {
            return null;
        }
        JsonParser parser;
        try {
            parser = json ? jsonFactory.createParser(content) : yamlFactory.createParser(content);
        } catch (IOException e) {
            problems.file("cannot read: " + clean(e.getMessage()));
            return null;
        }
        try (parser) {
            return new TreeReader(parser, problems).read();
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof ReaderException re) {
                refusedCharacter(content, re, problems);
                return null;
            }
            // limit violations (StreamConstraintsException) carry no location: use the parser's
            JsonLocation loc = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation()
                    : parser.currentLocation();
            problems.atPosition(null, Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0),
                    "syntax error: " + clean(e.getOriginalMessage()));
            return null;
        } catch (ReaderException e) {
            refusedCharacter(content, e, problems);
            return null;
        } catch (YAMLException e) {
            JsonLocation loc = parser.currentLocation();
            problems.atPosition(null, Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0),
                    "syntax error: " + clean(e.getMessage()));
            return null;
        } catch (IOException e) {
            problems.file("cannot read: " + clean(e.getMessage()));
            return null;
        }
    }

    /** A character YAML refuses (a control character, a non-character), located by its index. */
    private static void refusedCharacter(byte[] content, ReaderException e, Problems problems) {
        int[] at = lineAndColumn(content, e.getPosition());
        problems.atPosition(null, at[0], at[1], "syntax error: character U+"
                + String.format(Locale.ROOT, "%04X", e.getCodePoint()) + " is not allowed in YAML;"
                + " remove it (control characters are refused)");
    }

    /** The 1-based line and column of the code point at {@code index} of the UTF-8 content. */
    private static int[] lineAndColumn(byte[] content, int index) {
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        int line = 1;
        int column = 1;
        for (int i = 0, cp = 0; i < text.length() && cp < index; i += Character.charCount(text.codePointAt(i)), cp++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /**
     * Reports the first run of more than {@link #MAX_YAML_WORD} bytes without whitespace, at its
     * line and column (counted in bytes), before the YAML parser sees it.
     */
    private static boolean longWord(byte[] content, Problems problems) {
        int line = 1;
        int lineStart = 0;
        int run = 0;
        for (int i = 0; i < content.length; i++) {
            byte b = content[i];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                run = 0;
                if (b == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            } else if (++run > MAX_YAML_WORD) {
                int start = i - run + 1;
                problems.atPosition(null, line, start - lineStart + 1, "more than " + MAX_YAML_WORD
                        + " characters without a space or line break; no value of a rule bundle is that long"
                        + " (in YAML, put a space after the commas of a [list], or one item per line)");
                return true;
            }
        }
        return false;
    }

    /** One line of parser message, without SnakeYAML's snippets and repeated positions. */
    private static String clean(String message) {
        if (message == null) {
            return "unreadable content";
        }
        String m = message.replaceAll("(?s)\\s*in 'reader', line \\d+, column \\d+:.*?(\\n\\s*\\^|$)", "")
                .replaceAll(", from `StreamReadConstraints[^`]*`", "")
                .replaceFirst("^java\\.io\\.CharConversionException: ", "")
                .replaceAll("\\s+", " ").trim();
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    private RuleBundle bind(Located tree, Problems problems) {
        try {
            return mapper.treeToValue(tree.root(), RuleBundle.class);
        } catch (JsonMappingException e) {
            StringBuilder pointer = new StringBuilder();
            for (JsonMappingException.Reference r : e.getPath()) {
                pointer.append('/').append(r.getFieldName() != null ? Located.escape(r.getFieldName())
                        : String.valueOf(r.getIndex()));
            }
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root instanceof IllegalArgumentException || root instanceof NullPointerException
                    ? root.getMessage() : e.getOriginalMessage();
            problems.at(pointer.toString(), clean(message));
            return null;
        } catch (IllegalArgumentException e) {
            problems.at("", clean(e.getMessage()));
            return null;
        } catch (JsonProcessingException e) {
            problems.at("", clean(e.getOriginalMessage()));
            return null;
        }
    }

    private static final class LocalDateDeserializer extends StdScalarDeserializer<LocalDate> {
        private static final long serialVersionUID = 1L;

        LocalDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException | NullPointerException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "expected yyyy-mm-dd");
            }
        }
    }
}
