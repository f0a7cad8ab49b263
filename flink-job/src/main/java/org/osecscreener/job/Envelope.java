package org.osecscreener.job;

import java.lang.reflect.Type;
import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * A record between the job's stages: the routing key, event time, input order, the rule bundle
 * version it is screened with, and a stage-specific typed body ({@link Bodies}: a parsed
 * transaction, a routed transaction with its cluster view, or a partial assessment).
 *
 * <p>Serialized by {@link EnvelopeSerializer} (declared with {@link TypeInfo}, so Flink never
 * treats it as a POJO or falls back to Kryo): the body is written once, straight into the
 * network buffer, with {@link org.osecscreener.io.binary.BinaryCodec}.
 *
 * <p>{@code bundle} carries the bundle text (canonical JSON) on the first record of a new
 * version sent on each channel, so that every downstream task learns a version before the first
 * record that uses it, in band and in order (see the flink-job README).
 */
@TypeInfo(Envelope.Factory.class)
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
    /** Stage-specific content: {@link Bodies.Parsed}, {@link Bodies.Routed} or {@link Bodies.Partial}. */
    public Object body;

    public Envelope() {
    }

    Envelope(String key, long time, long seq, long ingest, int version, String bundle, Object body) {
        this.key = key;
        this.time = time;
        this.seq = seq;
        this.ingest = ingest;
        this.version = version;
        this.bundle = bundle;
        this.body = body;
    }

    /** Flink's type information for envelopes: {@link EnvelopeSerializer}. */
    public static final class Factory extends TypeInfoFactory<Envelope> {
        @Override
        public TypeInformation<Envelope> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return EnvelopeSerializer.TYPE;
        }
    }
}
