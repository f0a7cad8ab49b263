package org.osecscreener.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed-hash pseudonyms of identifiers: HMAC-SHA256 with a key the operator supplies.
 *
 * <p>{@code pseudonym(tag, value)} is {@code tag + ":" + base64url(HMAC(key, tag + ":" + value))}
 * cut to the first 128 bits (22 characters, no padding). Equal inputs give equal pseudonyms
 * under one key; without the key a pseudonym cannot be reversed or checked against a guess.
 * Because the mapping is injective in practice (a collision needs about 2<sup>64</sup> values),
 * payee clustering over pseudonyms gives exactly the clusters it gives over the values. The tag
 * (an identifier type such as {@code phone}) keeps pseudonyms of different types apart.
 *
 * <p>Feed it normalised values: pseudonyms of {@code +639171234567} and {@code 0917 123 4567}
 * differ. The key must be at least {@value #MIN_KEY_BYTES} bytes; keep it in a secret store and
 * rotate it only together with any state keyed by pseudonyms.
 *
 * <p>Thread-safe: each thread uses its own {@link Mac}.
 */
public final class Pseudonymiser {
    /** The shortest key accepted, in bytes (128 bits). */
    public static final int MIN_KEY_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int OUTPUT_BYTES = 16;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> mac;

    private Pseudonymiser(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * A pseudonymiser with the given key. The array is copied.
     *
     * @param key the operator's secret key, at least {@value #MIN_KEY_BYTES} bytes
     * @return the pseudonymiser
     * @throws IllegalArgumentException if the key is shorter than {@value #MIN_KEY_BYTES} bytes
     *                                  or all its bytes are equal
     * @throws NullPointerException     if the key is {@code null}
     */
    public static Pseudonymiser withKey(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("pseudonymisation key is " + key.length + " bytes long; at least "
                    + MIN_KEY_BYTES + " bytes are required");
        }
        boolean constant = true;
        for (byte b : key) {
            constant &= b == key[0];
        }
        if (constant) {
            throw new IllegalArgumentException("pseudonymisation key has all " + key.length
                    + " bytes equal; supply a random key");
        }
        byte[] copy = Arrays.copyOf(key, key.length);
        Pseudonymiser p = new Pseudonymiser(copy);
        p.mac.get(); // fail now, not on first use, if HMAC-SHA256 is missing
        return p;
    }

    /**
     * The pseudonym of a value.
     *
     * @param tag   the identifier type, for example {@code phone}; part of the hashed input and
     *              the pseudonym's prefix
     * @param value the normalised value
     * @return {@code tag + ":" + } 22 base64url characters
     */
    public String pseudonym(String tag, String value) {
        Mac m = mac.get();
        m.update(tag.getBytes(StandardCharsets.UTF_8));
        m.update((byte) ':');
        byte[] digest = m.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return tag + ':' + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(digest, OUTPUT_BYTES));
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(key);
            return m;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonymiser[HMAC-SHA256, key hidden]";
    }
}
