package org.osecscreener.findings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import org.osecscreener.privacy.Pseudonymiser;

/**
 * The key a coalition of partners shares to compute comparable pseudonyms, and its check value.
 *
 * <p>The key is read from a file or an environment variable, never from a command-line value
 * (those end up in shell histories and process lists). Either holds the key as base64
 * (standard or URL-safe alphabet, padding optional) of at least {@value Pseudonymiser#MIN_KEY_BYTES}
 * bytes, on one line; for example {@code openssl rand -base64 32 > coalition.key}.
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

    /** Kept so that the key can travel to the tasks of a streaming job (Java serialisation). */
    private final byte[] key;
    private final transient Pseudonymiser pseudonymiser;
    private final String checkValue;
    private final String origin;

    private CoalitionKey(byte[] key, String origin) {
        this.pseudonymiser = Pseudonymiser.withKey(key);
        this.key = key.clone();
        this.checkValue = pseudonymiser.pseudonym("kcv", CHECK_LABEL);
        this.origin = origin;
    }

    private Object readResolve() {
        return new CoalitionKey(key, origin);
    }

    /**
     * A key from its bytes (for tests and for callers that hold the key in a secret store).
     *
     * @throws IllegalArgumentException as {@link Pseudonymiser#withKey} does
     */
    public static CoalitionKey of(byte[] key) {
        return new CoalitionKey(Objects.requireNonNull(key, "key"), "bytes");
    }

    /**
     * Reads the key from a file holding its base64 text.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the content is not base64 of a key of at least 16 bytes
     *                                  (the message names the file, never the content)
     */
    public static CoalitionKey fromFile(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (Files.size(file) > MAX_KEY_TEXT) {
            throw new IllegalArgumentException("key file " + file + " is larger than " + MAX_KEY_TEXT
                    + " bytes; it must hold one line of base64");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return wipeAfter(decode(text, "key file " + file), "file " + file.getFileName());
    }

    /**
     * Reads the key from an environment variable holding its base64 text.
     *
     * @throws IllegalArgumentException if the variable is unset or empty, or not base64 of a key
     *                                  of at least 16 bytes (the message names the variable, never its value)
     */
    public static CoalitionKey fromEnv(String variable) {
        return fromEnv(variable, System.getenv(Objects.requireNonNull(variable, "variable")));
    }

    /** {@link #fromEnv(String)} with the variable's value given (for tests). */
    static CoalitionKey fromEnv(String variable, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable " + variable + " is not set or empty;"
                    + " it must hold the coalition key as base64");
        }
        return wipeAfter(decode(value, "environment variable " + variable), "environment variable " + variable);
    }

    private static byte[] decode(String text, String where) {
        String t = text.strip();
        if (t.isEmpty() || t.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(where + " must hold exactly one line: the key as base64");
        }
        byte[] key;
        try {
            key = t.indexOf('-') >= 0 || t.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(t)
                    : Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not valid base64; generate a key with"
                    + " 'openssl rand -base64 32'");
        }
        if (key.length < Pseudonymiser.MIN_KEY_BYTES) {
            throw new IllegalArgumentException(where + " holds a key of " + key.length + " bytes; at least "
                    + Pseudonymiser.MIN_KEY_BYTES + " are required (32 recommended)");
        }
        return key;
    }

    private static CoalitionKey wipeAfter(byte[] key, String origin) {
        try {
            return new CoalitionKey(key, origin);
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
