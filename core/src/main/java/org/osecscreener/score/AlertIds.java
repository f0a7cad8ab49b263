package org.osecscreener.score;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic alert ids: {@code A-} and 20 hex digits of SHA-256 over bundle id, version, sender,
 * cluster and alert period (the UTC epoch day of the event divided by {@link #PERIOD_DAYS}). Every
 * REVIEW or ALERT of one sender on one cluster within one period under one bundle version shares
 * the id: downstream systems de-duplicate on it, and a replay after a failure produces the same
 * ids instead of new alerts.
 */
public final class AlertIds {
    /** Length of an alert period in days. */
    public static final int PERIOD_DAYS = 7;

    /** One digest per thread: {@code MessageDigest.getInstance} looks the provider up on every call. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AlertIds() {
    }

    /** The alert id for these inputs (the construction before queue items: per sender, cluster and 7-day period). */
    public static String of(String bundleId, int bundleVersion, String senderId, String clusterId, long epochDay) {
        long period = Math.floorDiv(epochDay, PERIOD_DAYS);
        return hash(bundleId + '\u0000' + bundleVersion + '\u0000' + senderId + '\u0000' + clusterId + '\u0000' + period);
    }

    /**
     * The id of a queue item: {@code A-} and 20 hex digits of SHA-256 over bundle id, the item's kind
     * ({@code SENDER}, {@code VICTIM}, {@code CLUSTER}), its subject (a sender or cluster id) and the
     * UTC epoch day on which the item opened. The bundle version is not part of it: an item stays
     * open across rule updates.
     */
    public static String item(String bundleId, String kind, String subject, long openedEpochDay) {
        return hash(bundleId + '\u0000' + kind + '\u0000' + subject + '\u0000' + openedEpochDay);
    }

    private static String hash(String key) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        byte[] digest = sha.digest(key.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[22];
        out[0] = 'A';
        out[1] = '-';
        for (int i = 0; i < 10; i++) {
            out[2 + 2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[3 + 2 * i] = HEX[digest[i] & 0xF];
        }
        return new String(out);
    }
}
