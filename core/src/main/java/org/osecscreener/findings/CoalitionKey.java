package org.osecscreener.findings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import org.osecscreener.privacy.KeySource;
import org.osecscreener.privacy.Pseudonymiser;

/**
 * The key a coalition of partners shares to compute comparable pseudonyms, and its check value.
 *
 * <p>The key is read from a file or an environment variable, never from a command-line value
 * (those end up in shell histories and process lists), the same way as the pseudonymisation key
 * ({@link KeySource}): the content without surrounding whitespace is the key, at least
 * {@value Pseudonymiser#MIN_KEY_BYTES} bytes; for example {@code openssl rand -base64 32 > coalition.key}
 * (the base64 text itself is the key, so any tool that reads the file the same way agrees).
 *
 * <p>The <b>check value</b> ({@link #checkValue()}) is the pseudonym of a fixed label,
 * {@value #CHECK_LABEL}, under the key: {@code kcv:} + 22 base64url characters. Lists carry it in
 * their header so that an importer with another key gets a clear error instead of silently
 * matching nothing. It reveals nothing about the key beyond allowing that comparison.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the key.
 */
public final class CoalitionKey implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** The fixed label whose keyed hash is the check value. */
    public static final String CHECK_LABEL = "OSEC Screener coalition key check v1";
    private static final int MAX_KEY_TEXT = 4096;

    /**
     * The key bytes, kept only for a key given as bytes ({@link #of}), so that it can travel to the
     * tasks of a streaming job; {@code null} for a key read from a file or variable, which travels
     * as its location instead ({@link #writeReplace}).
     */
    private final byte[] key;
    private final transient Pseudonymiser pseudonymiser;
    private final String checkValue;
    private final String origin;
    /** Where the key was read from, or {@code null} for a key given as bytes. */
    private final KeySource source;

    private CoalitionKey(byte[] key, String origin, KeySource source) {
        this.pseudonymiser = Pseudonymiser.withKey(key);
        this.key = source == null ? key.clone() : null;
        this.checkValue = pseudonymiser.pseudonym("kcv", CHECK_LABEL);
        this.origin = origin;
        this.source = source;
    }

    /**
     * Java serialisation (how a Flink job ships its functions to the tasks): a key read from a
     * file or an environment variable is written as that location and its check value, never as
     * the key, so the key is not in the job graph; each task reads it again where it runs
     * ({@link Located#readResolve}), so the file or variable must be present there (for example a
     * mounted secret), as for the pseudonymisation key. A key given as bytes travels as bytes.
     */
    private Object writeReplace() {
        return source == null ? this : new Located(source, origin, checkValue);
    }

    private Object readResolve() {
        return new CoalitionKey(key, origin, null);
    }

    /** The serialised form of a key read from a file or variable: where it is, and its check value. */
    private record Located(KeySource source, String origin, String checkValue) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Reads the key where this process runs and checks that it is the key the job was built with.
         *
         * @throws java.io.InvalidObjectException if it cannot be read, or its check value differs
         */
        private Object readResolve() throws java.io.ObjectStreamException {
            byte[] key;
            try {
                key = source.read();
            } catch (IllegalArgumentException e) {
                throw new java.io.InvalidObjectException("coalition key (" + origin + ") cannot be read on this machine: "
                        + e.getMessage());
            }
            CoalitionKey k = wipeAfter(key, origin, source);
            if (!k.checkValue.equals(checkValue)) {
                throw new java.io.InvalidObjectException("coalition key (" + origin + ") on this machine has check value "
                        + k.checkValue + ", but the job was built with the key of check value " + checkValue);
            }
            return k;
        }
    }

    /**
     * A key from its bytes (for tests and for callers that hold the key in a secret store).
     *
     * @throws IllegalArgumentException as {@link Pseudonymiser#withKey} does
     */
    public static CoalitionKey of(byte[] key) {
        return new CoalitionKey(Objects.requireNonNull(key, "key"), "bytes", null);
    }

    /**
     * Reads the key from a file, exactly as the pseudonymisation key is read
     * ({@link KeySource#read()}: the content without surrounding whitespace, as bytes), so that
     * one key file serves both and an instance pseudonymising at ingest with the coalition key
     * matches the coalition's lists.
     *
     * @throws IOException              never in practice (kept for callers); read errors are
     *                                  {@link IllegalArgumentException}s
     * @throws IllegalArgumentException if the file is missing, unreadable, too long, or holds a
     *                                  key shorter than 16 bytes (the message masks the path, never shows the content)
     */
    public static CoalitionKey fromFile(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        KeySource source = KeySource.file(file);
        return wipeAfter(source.read(), "file " + file.getFileName(), source);
    }

    /**
     * Reads the key from an environment variable, as {@link KeySource#read()} does.
     *
     * @throws IllegalArgumentException if the variable is unset or empty, or holds a key shorter
     *                                  than 16 bytes (the message names the variable, never its value)
     */
    public static CoalitionKey fromEnv(String variable) {
        return fromEnv(variable, System.getenv(Objects.requireNonNull(variable, "variable")));
    }

    /** {@link #fromEnv(String)} with the variable's value given (for tests). */
    static CoalitionKey fromEnv(String variable, String value) {
        Map<String, String> env = value == null ? Map.of() : Map.of(variable, value);
        KeySource source = KeySource.environment(variable);
        return wipeAfter(source.read(env), "environment variable " + variable, source);
    }

    private static CoalitionKey wipeAfter(byte[] key, String origin, KeySource source) {
        try {
            return new CoalitionKey(key, origin, source);
        } finally {
            Arrays.fill(key, (byte) 0); // the Pseudonymiser keeps its own copy
        }
    }

    /** The pseudonymiser under this key: {@code pseudonym(type.tag(), normalisedValue)}. */
    public Pseudonymiser pseudonymiser() {
        return pseudonymiser;
    }

    /** The key check value, {@code kcv:} + 22 base64url characters. */
    public String checkValue() {
        return checkValue;
    }

    /** Where the key came from (a file name or a variable name), for messages. */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "CoalitionKey[" + origin + ", check " + checkValue + "]";
    }
}
