package org.osecscreener.job;

/**
 * A record between the job's stages (a Flink POJO): the routing key, event time, input order,
 * the rule bundle version it is screened with, and a stage-specific binary body
 * ({@link org.osecscreener.io.BinaryCodec}).
 *
 * <p>{@code bundle} carries the bundle text (canonical JSON) on the first record of a new
 * version sent on each channel, so that every downstream task learns a version before the first
 * record that uses it, in band and in order (see the flink-job README).
 */
public class Envelope {
    /** Routing key of the next stage (the sender id before the sender stage). */
    public String key;
    /** Event time, epoch milliseconds. */
    public long time;
    /** Input order, for a deterministic order of records with equal event time. */
    public long seq;
    /** Wall-clock time the record entered the job, epoch milliseconds (for latency metrics). */
    public long ingest;
    /** Version of the rule bundle that screens this record; 0 before the cluster stage. */
    public int version;
    /** The bundle text when this record is the first of its version on its channel, else null. */
    public String bundle;
    /** Stage-specific content. */
    public byte[] body;

    public Envelope() {
    }

    Envelope(String key, long time, long seq, long ingest, int version, String bundle, byte[] body) {
        this.key = key;
        this.time = time;
        this.seq = seq;
        this.ingest = ingest;
        this.version = version;
        this.bundle = bundle;
        this.body = body;
    }
}
