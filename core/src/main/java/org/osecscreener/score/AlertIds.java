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

    private AlertIds() {
    }

    /** The alert id for these inputs. */
    public static String of(String bundleId, int bundleVersion, String senderId, String clusterId, long epochDay) {
        long period = Math.floorDiv(epochDay, PERIOD_DAYS);
        String key = bundleId + '\u0000' + bundleVersion + '\u0000' + senderId + '\u0000' + clusterId + '\u0000' + period;
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        StringBuilder sb = new StringBuilder(22).append("A-");
        for (int i = 0; i < 10; i++) {
            sb.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
        }
        return sb.toString();
    }
}
