package org.osecscreener.job;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;

import org.osecscreener.privacy.KeySource;

/**
 * What the parse stage does at ingest besides parsing (docs/privacy.md, docs/time-and-order.md).
 *
 * <p>The key's <em>location</em> travels in the job graph, never the key: each parse task reads
 * the key from the file or environment variable when it opens, so the file (or variable) must be
 * present on every task manager (for example a mounted secret).
 *
 * @param key            where the pseudonymisation key is, or {@code null} to screen raw identifiers
 * @param rawDeadLetters when pseudonymising, still write rejected records raw (opt-in; personal data)
 * @param maxFuture      dead-letter transactions dated more than this after the task's wall clock,
 *                       or {@code null} for no bound
 * @param defaultZone    the zone in which date-times without an offset are read (JSON lines and
 *                       pacs.008), or {@code null} to dead-letter them
 */
public record IngestSettings(KeySource key, boolean rawDeadLetters, Duration maxFuture, ZoneId defaultZone)
        implements Serializable {
    /** Raw identifiers, no bound on future timestamps: what tests and replays of synthetic data use. */
    public static final IngestSettings NONE = new IngestSettings(null, false, null, null);

    /** Settings that reject date-times without an offset. */
    public IngestSettings(KeySource key, boolean rawDeadLetters, Duration maxFuture) {
        this(key, rawDeadLetters, maxFuture, null);
    }

    public IngestSettings {
        if (maxFuture != null && maxFuture.isNegative()) {
            throw new IllegalArgumentException("maxFuture must not be negative, was " + maxFuture);
        }
    }

    /** Whether identifiers are pseudonymised at ingest. */
    public boolean pseudonymising() {
        return key != null;
    }
}
