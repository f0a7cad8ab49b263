package org.osecscreener.profile;

/**
 * 64-bit hashes of identifiers for profile keys. Deterministic across JVMs and runs (profiles are
 * checkpointed and compared between the embedded and the Flink shells), well mixed, and never
 * zero (zero means "no value" in profile attributes).
 */
public final class Hashing {
    private Hashing() {
    }

    /** A 64-bit hash of {@code s} (FNV-1a over UTF-16 units, then a murmur3 finaliser); 0 for null or empty. */
    public static long hash64(String s) {
        if (s == null || s.isEmpty()) {
            return 0L;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0, n = s.length(); i < n; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h = mix(h);
        return h == 0 ? 1 : h;
    }

    /** A 32-bit hash of {@code s}, never zero for a non-empty value; 0 for null or empty. */
    public static int hash32(String s) {
        long h = hash64(s);
        int r = (int) (h ^ (h >>> 32));
        return h == 0 ? 0 : (r == 0 ? 1 : r);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
