package org.osecscreener.job;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka client properties a bank adds to every client of the job (the transactions source, the
 * rule-bundle source, the alert, dead-letter and rule-event sinks, and the start-up connection
 * check): security ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) and any other Kafka
 * client property, from a standard properties file and {@code KEY=VALUE} overrides applied after it.
 *
 * <h2>Properties the job owns</h2>
 * A few properties are set by the job and refused here, each with its reason
 * ({@link #OWNED}): the ones that carry its exactly-once guarantee ({@code isolation.level} other
 * than {@code read_committed}, {@code transactional.id}, {@code enable.idempotence=false}, {@code acks}
 * other than {@code all}, {@code enable.auto.commit=true}, {@code commit.offsets.on.checkpoint=false},
 * {@code auto.offset.reset}), and the ones that have their own option or are fixed by the connector
 * ({@code bootstrap.servers}, {@code group.id}, the (de)serializers).
 *
 * <h2>Secrets</h2>
 * A value is secret when its key names a password, a JAAS configuration, a secret, a token, a
 * credential or a key ({@link #isSecret}). Secret values are never printed: {@link #describe()} and
 * {@link #toString()} mask them, error messages name keys and line numbers only, and
 * {@link #redact(String)} removes every secret value (and every quoted value inside a JAAS
 * configuration) from a message written by Kafka before it is shown. Secrets are refused as
 * {@code --kafka-property} overrides ({@link #isCommandLineSecret}): a command line shows in the
 * process list and the shell history.
 *
 * <p>The values travel inside the job's sources and sinks (the serialised job graph, as with any
 * Kafka connector's properties), never in its Flink configuration, so they do not show in the web
 * UI's configuration pages; to keep them out of the job graph as well, use Kafka's configuration
 * providers ({@code config.providers}), which resolve placeholders when each client starts.
 *
 * <p>Immutable and serialisable.
 */
public final class KafkaClientProperties implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No properties: the plaintext defaults of the Kafka clients. */
    public static final KafkaClientProperties NONE = new KafkaClientProperties(Map.of(), List.of());

    /** What a masked value prints as. */
    public static final String MASK = "****";

    /**
     * Properties the job sets itself, with the reason a user may not change them; a value listed as
     * allowed (the one the job uses) is accepted and changes nothing.
     */
    static final Map<String, Owned> OWNED = owned();

    record Owned(String allowedValue, String reason) implements Serializable {
    }

    private static Map<String, Owned> owned() {
        Map<String, Owned> m = new LinkedHashMap<>();
        m.put("bootstrap.servers", new Owned(null, "the brokers are given with --kafka-bootstrap"));
        m.put("group.id", new Owned(null, "the consumer group is given with --group-id (the rule-bundle source uses"
                + " GROUP-rules)"));
        m.put("isolation.level", new Owned("read_committed", "the job's sources read read_committed, so that records"
                + " of aborted transactions (an upstream exactly-once writer that failed) are never screened"));
        m.put("transactional.id", new Owned(null, "the exactly-once sinks name their transactions themselves"
                + " (prefixes osec-alerts, osec-dead, osec-rules and the subtask); one fixed id would make the"
                + " sinks fence each other"));
        m.put("enable.idempotence", new Owned("true", "the exactly-once sinks write in transactions, which need"
                + " idempotent producers"));
        m.put("acks", new Owned("all", "the exactly-once sinks write in transactions, which need acks=all"));
        m.put("enable.auto.commit", new Owned("false", "the source commits its offsets when a checkpoint completes;"
                + " auto-commit would mark records as read before they are screened, and a new run after a crash"
                + " would skip them"));
        m.put("commit.offsets.on.checkpoint", new Owned("true", "the job starts from its consumer group's committed"
                + " offsets; without commits a new run would screen the whole topic again"));
        m.put("auto.offset.reset", new Owned(null, "the job starts from its consumer group's committed offsets, else"
                + " from the earliest record, and sets this itself"));
        for (String k : List.of("key.serializer", "value.serializer", "key.deserializer", "value.deserializer")) {
            m.put(k, new Owned(null, "the connector reads and writes record bytes itself"));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Keys the Flink Kafka connector reads besides Kafka's own client properties. */
    private static final Set<String> CONNECTOR_KEYS = Set.of("client.id.prefix", "partition.discovery.interval.ms",
            "register.consumer.metrics", "commit.offsets.on.checkpoint");

    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    /** A quoted value inside a JAAS configuration: {@code password="..."}. */
    private static final Pattern JAAS_VALUE = Pattern.compile("=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final LinkedHashMap<String, String> values;
    private final List<String> warnings;

    private KafkaClientProperties(Map<String, String> values, List<String> warnings) {
        this.values = new LinkedHashMap<>(values);
        this.warnings = List.copyOf(warnings);
    }

    /** Bad Kafka client properties: every problem found, each naming the file and line or the option. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> errors;

        Invalid(List<String> errors) {
            super(String.join("; ", errors), null, false, false);
            this.errors = List.copyOf(errors);
        }

        /** Every problem, one sentence each; none holds a property's value. */
        public List<String> errors() {
            return errors;
        }
    }

    /**
     * Reads a Kafka client properties file (UTF-8, the {@code java.util.Properties} syntax: {@code #}
     * and {@code !} comments, {@code KEY=VALUE}, {@code KEY: VALUE} or {@code KEY VALUE}, a backslash
     * at the end of a line continues the value on the next) and applies the overrides after it, in
     * order.
     *
     * @param file      the properties file, or {@code null} for none
     * @param overrides {@code KEY=VALUE} strings (the value may be empty), applied after the file
     * @return the properties; {@link #warnings()} names keys that no Kafka client reads
     * @throws Invalid with every problem: an unreadable file (its path and why), a line without a
     *                 key or a value, an override without {@code =}, a key set twice in the file, a
     *                 secret given as an override, a property the job owns
     */
    public static KafkaClientProperties load(Path file, List<String> overrides) throws Invalid {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        if (file != null) {
            readFile(file, values, origin, errors);
        }
        if (overrides != null) {
            for (String o : overrides) {
                int eq = o.indexOf('=');
                if (eq < 0) {
                    String shown = PROPERTY_NAME.matcher(o).matches() && !isSecretText(o)
                            ? "'" + o + "'" : "an argument of " + o.length() + " characters (not shown)";
                    errors.add("--kafka-property " + shown + " has no '=': write KEY=VALUE, for example"
                            + " --kafka-property client.id=osec-screener");
                    continue;
                }
                String key = o.substring(0, eq).strip();
                if (key.isEmpty()) {
                    errors.add("--kafka-property: a property name is missing before '=': write KEY=VALUE");
                    continue;
                }
                if (isCommandLineSecret(key)) {
                    errors.add("--kafka-property " + shownKey(key) + ": a secret is never accepted on the command line (it"
                            + " would show in the process list and the shell history); put it in the --kafka-properties file");
                    continue;
                }
                values.put(key, o.substring(eq + 1));
                origin.put(key, "--kafka-property");
            }
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            Owned owned = OWNED.get(key);
            if (owned == null) {
                if (!isKnown(key)) {
                    warnings.add(origin.get(key) + ": " + shownKey(key) + " is not a Kafka client property; it is passed"
                            + " on, and Kafka ignores what it does not know (a sasl.jaas.config value continued on the"
                            + " next line needs a backslash at the end of each line but the last)");
                }
                continue;
            }
            if (owned.allowedValue() != null && owned.allowedValue().equalsIgnoreCase(e.getValue().strip())) {
                continue;
            }
            if ("acks".equals(key) && "-1".equals(e.getValue().strip())) {
                continue;
            }
            errors.add(origin.get(key) + ": '" + key + "' cannot be set"
                    + (owned.allowedValue() != null ? " to anything but " + owned.allowedValue() : "") + ": "
                    + owned.reason());
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return new KafkaClientProperties(values, warnings);
    }

    private static void readFile(Path file, Map<String, String> values, Map<String, String> origin, List<String> errors) {
        List<String> lines;
        try {
            if (Files.isDirectory(file)) {
                errors.add("cannot read the Kafka properties file " + file + ": it is a directory");
                return;
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            errors.add("cannot read the Kafka properties file " + file + ": no such file");
            return;
        } catch (AccessDeniedException e) {
            errors.add("cannot read the Kafka properties file " + file + ": permission denied");
            return;
        } catch (CharacterCodingException e) {
            errors.add("cannot read the Kafka properties file " + file + ": it is not UTF-8 text");
            return;
        } catch (IOException e) {
            errors.add("cannot read the Kafka properties file " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            return;
        }
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        int i = 0;
        while (i < lines.size()) {
            int start = i + 1;
            String first = lines.get(i).stripLeading();
            StringBuilder logical = new StringBuilder(lines.get(i));
            i++;
            if (first.isEmpty() || first.startsWith("#") || first.startsWith("!")) {
                continue;
            }
            while (endsWithContinuation(lines.get(i - 1)) && i < lines.size()) {
                logical.append('\n').append(lines.get(i));
                i++;
            }
            String where = file + " line " + start;
            if (!hasSeparator(logical.toString().stripLeading())) {
                errors.add(where + ": no '=' between a property name and its value (expected KEY=VALUE; the line is"
                        + " not shown, as it may hold a secret)");
                continue;
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(logical.toString()));
            } catch (IOException | IllegalArgumentException e) {
                errors.add(where + ": not a properties line (" + (e.getMessage() == null ? "malformed" : e.getMessage())
                        + ")");
                continue;
            }
            for (String key : one.stringPropertyNames()) {
                if (key.isEmpty()) {
                    errors.add(where + ": a property name is missing before '='");
                    continue;
                }
                Integer earlier = firstLine.putIfAbsent(key, start);
                if (earlier != null) {
                    errors.add(where + ": " + shownKey(key) + " is set again (first on line " + earlier
                            + "); keep one");
                    continue;
                }
                values.put(key, one.getProperty(key));
                origin.put(key, file + " line " + start);
            }
        }
    }

    /** A backslash at the end of a line continues it, unless it is itself escaped. */
    private static boolean endsWithContinuation(String line) {
        int n = 0;
        for (int k = line.length() - 1; k >= 0 && line.charAt(k) == '\\'; k--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** Whether the key is followed by '=', ':' or white space (an unescaped one) before the line ends. */
    private static boolean hasSeparator(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\') {
                k++;
                continue;
            }
            if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private static boolean isKnown(String key) {
        return ConsumerConfig.configNames().contains(key) || ProducerConfig.configNames().contains(key)
                || AdminClientConfig.configNames().contains(key) || CONNECTOR_KEYS.contains(key)
                || key.equals("config.providers") || key.startsWith("config.providers.");
    }

    /** A key as printed in a message: a property-like name as it is, anything else by its length only. */
    private static String shownKey(String key) {
        return PROPERTY_NAME.matcher(key).matches() ? "'" + key + "'" : "a key of " + key.length() + " characters (not shown)";
    }

    /**
     * Whether the value of {@code key} is masked wherever it is printed: its name holds
     * {@code password}, {@code jaas}, {@code secret}, {@code token}, {@code credential} or {@code key}
     * (any case).
     */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return isSecretText(k) || k.contains("key");
    }

    private static boolean isSecretText(String s) {
        String k = s.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("jaas") || k.contains("secret") || k.contains("token")
                || k.contains("credential");
    }

    /**
     * Whether {@code key} holds a secret that must come from the properties file, never from the
     * command line: a password, JAAS configuration, secret, token, credential or private key
     * ({@code ssl.keystore.key}). Locations of key stores are not secrets.
     */
    public static boolean isCommandLineSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return isSecretText(k) || k.endsWith(".key") || k.contains("private");
    }

    /** Whether no property is set. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The properties, in file order then override order; values are secrets where {@link #isSecret} says so. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** A copy as {@link Properties}, for a Kafka client or connector builder. */
    public Properties toProperties() {
        Properties p = new Properties();
        values.forEach(p::setProperty);
        return p;
    }

    /** Keys that no Kafka client reads (passed on all the same), one sentence each, with where they were set. */
    public List<String> warnings() {
        return warnings;
    }

    /** {@code key=value, ...} with every secret value as {@value #MASK}: safe to print or log. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(shownKey(k).replace("'", "")).append('=').append(isSecret(k) || isSecretText(v) ? MASK : v);
        });
        return sb.toString();
    }

    /**
     * {@code text} with every secret value of these properties, and every quoted value inside a
     * JAAS configuration, replaced by {@value #MASK}: for messages written by Kafka or Flink that
     * are shown to the user.
     */
    public String redact(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        Set<String> secrets = new HashSet<>();
        values.forEach((k, v) -> {
            if (isSecret(k) || isSecretText(v)) {
                if (v.strip().length() >= 3) {
                    secrets.add(v.strip());
                }
                Matcher m = JAAS_VALUE.matcher(v);
                while (m.find()) {
                    if (m.group(1).length() >= 3) {
                        secrets.add(m.group(1));
                    }
                }
            }
        });
        String out = text;
        // longest first, so that a secret containing another is masked whole
        List<String> sorted = new ArrayList<>(secrets);
        sorted.sort((a, b) -> b.length() - a.length());
        for (String s : sorted) {
            out = out.replace(s, MASK);
        }
        return out;
    }

    /** The same as {@link #describe()}: secrets masked. */
    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KafkaClientProperties k && k.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
