package org.osecscreener.privacy;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the pseudonymisation key comes from: a file or an environment variable, never a
 * command-line value (a key on the command line shows in the process list and the shell
 * history).
 *
 * <p>This record holds only the location (a path, or a variable name), never the key, so it can
 * travel to a Flink task manager inside the job graph and be {@linkplain #read() read} there. The
 * key is the content of the file or variable with leading and trailing ASCII whitespace removed,
 * as bytes (UTF-8 for a variable): the same text in a file and in a variable gives the same key.
 * It must be at least {@value Pseudonymiser#MIN_KEY_BYTES} bytes and not all one byte; generate
 * one with {@code openssl rand -base64 32}. Error messages never show the key, and show the
 * location only masked, in case a key was typed where a location belongs.
 *
 * @param kind     file or environment variable
 * @param location the file path or the variable name
 */
public record KeySource(Kind kind, String location) implements Serializable {
    /** The largest key file read, in bytes: anything longer is not a key. */
    public static final int MAX_KEY_FILE_BYTES = 4096;
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    /** Where a key is kept. */
    public enum Kind {
        /** A file holding the key. */
        FILE,
        /** An environment variable holding the key. */
        ENVIRONMENT
    }

    /**
     * @throws IllegalArgumentException if an environment variable name is not a valid name
     *                                  (for example a key given where a name belongs)
     */
    public KeySource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        if (kind == Kind.ENVIRONMENT && !VARIABLE.matcher(location).matches()) {
            throw new IllegalArgumentException("a key option takes the NAME of an environment"
                    + " variable (letters, digits and underscores, not starting with a digit), not a key; the value given"
                    + " is not shown");
        }
        if (kind == Kind.FILE && location.isBlank()) {
            throw new IllegalArgumentException("the key file path is empty");
        }
    }

    /** A key kept in a file. */
    public static KeySource file(Path path) {
        return new KeySource(Kind.FILE, path.toString());
    }

    /** A key kept in an environment variable. */
    public static KeySource environment(String name) {
        return new KeySource(Kind.ENVIRONMENT, name);
    }

    /**
     * Reads the key from the process environment or the file.
     *
     * @return the key bytes
     * @throws IllegalArgumentException if the key is missing, unreadable, too short or too long
     */
    public byte[] read() {
        return read(System.getenv());
    }

    /**
     * Reads the key, taking environment variables from {@code environment} (for tests).
     *
     * @param environment the environment variables
     * @return the key bytes
     * @throws IllegalArgumentException if the key is missing, unreadable, too short or too long
     */
    public byte[] read(Map<String, String> environment) {
        byte[] raw;
        if (kind == Kind.ENVIRONMENT) {
            String v = environment.get(location);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("environment variable " + Mask.text(location)
                        + " (key) is not set or empty");
            }
            raw = v.getBytes(StandardCharsets.UTF_8);
        } else {
            Path p = Path.of(location);
            try {
                if (Files.size(p) > MAX_KEY_FILE_BYTES) {
                    throw new IllegalArgumentException("key file " + Mask.text(location) + " is "
                            + Files.size(p) + " bytes long; a key file holds one key of at most "
                            + MAX_KEY_FILE_BYTES + " bytes");
                }
                raw = Files.readAllBytes(p);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("key file " + Mask.text(location)
                        + " does not exist (the path is shown masked in case a key was typed instead of a path)");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read key file " + Mask.text(location)
                        + ": " + e.getClass().getSimpleName());
            }
        }
        int from = 0;
        int to = raw.length;
        while (from < to && isSpace(raw[from])) {
            from++;
        }
        while (to > from && isSpace(raw[to - 1])) {
            to--;
        }
        byte[] key = Arrays.copyOfRange(raw, from, to);
        Arrays.fill(raw, (byte) 0);
        if (key.length < Pseudonymiser.MIN_KEY_BYTES) {
            throw new IllegalArgumentException("key from " + this + " is " + key.length
                    + " bytes long; at least " + Pseudonymiser.MIN_KEY_BYTES + " are required");
        }
        return key;
    }

    /**
     * A pseudonymiser with the key {@linkplain #read() read} from here.
     *
     * @throws IllegalArgumentException if the key is missing, unreadable or not acceptable
     */
    public Pseudonymiser pseudonymiser() {
        byte[] key = read();
        try {
            return Pseudonymiser.withKey(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
    }

    /** Masked: for example {@code file /run/sec•••key}. */
    @Override
    public String toString() {
        return (kind == Kind.FILE ? "file " : "environment variable ") + Mask.text(location);
    }
}
