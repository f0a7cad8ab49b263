package org.osecscreener.stage;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.ClusterResolver;
import org.osecscreener.cluster.PayeeIdentifiers;
import org.osecscreener.cluster.Resolution;
import org.osecscreener.io.binary.BinaryCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payee-cluster resolver with an incremental checkpoint: a <em>base</em> (a resolver snapshot,
 * {@link ClusterResolver#snapshot}, in chunks) and a <em>log</em> of the calls made since (each
 * {@link #resolve} call's beneficiary id and identifiers, in segments, one per checkpoint). The
 * resolver's state is a function of the calls made to it, so the base with the log replayed in order
 * is the resolver at the checkpoint, exactly (the snapshot of the replayed resolver is byte for byte
 * the live one's: {@code ResolverJournalTest}).
 *
 * <p>Why: a host that checkpointed the whole resolver at every checkpoint (the Flink job's single
 * cluster task did) walked every beneficiary and identifier on its processing thread, some 150 ms
 * for 100,000 beneficiaries, during which no transaction moved. A {@link #checkpoint} here only seals
 * the log written since the last one (a copy of a few megabytes), and the parts of a checkpoint never
 * change once made, so a host keeps each in its own state entry and writes only the new ones.
 *
 * <p>The log is folded into a new base when it reaches the base's size (at least
 * {@link #MIN_LOG_BYTES}): by a <em>replica</em>, a second resolver on a background thread that
 * replays each sealed segment and writes its snapshot off the host's thread, the base adopted at a
 * later checkpoint. A restore thus replays at most about a base's worth of calls. The replica costs
 * a second copy of the resolver's memory and its replay's CPU (about a microsecond per call); a host
 * can instead fold synchronously ({@code background = false}), on its thread, when the log is due.
 * If the replica fails, the next checkpoint folds synchronously and starts a new replica from that
 * base: a failure costs time, never state.
 *
 * <p>Not thread-safe: one host thread calls {@link #resolve}, {@link #checkpoint} and
 * {@link #close}; the replica's thread is this class's own.
 */
public final class ResolverJournal implements AutoCloseable {
    /** Bytes per chunk of a base: a host stores each chunk as one state value. */
    public static final int CHUNK_BYTES = 4 << 20;
    /** The log is folded into a new base when it holds at least this many bytes, and at least the base's size. */
    public static final long MIN_LOG_BYTES = 8L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(ResolverJournal.class);

    /**
     * A base: a resolver snapshot in chunks of at most {@link #CHUNK_BYTES}, the resolver after
     * {@code calls} calls since the journal began. Never changed once made.
     *
     * @param calls  the number of calls the snapshot includes
     * @param chunks the snapshot's bytes, in order
     */
    public record Base(long calls, List<byte[]> chunks) {
        public Base {
            if (calls < 0) {
                throw new IllegalArgumentException("payee-cluster journal: base after " + calls + " calls");
            }
            chunks = List.copyOf(chunks);
        }

        /** The snapshot's size in bytes. */
        public long bytes() {
            long n = 0;
            for (byte[] c : chunks) {
                n += c.length;
            }
            return n;
        }
    }

    /**
     * The calls from number {@code firstCall} (inclusive) to {@code endCall} (exclusive), as written
     * by {@link #resolve}. Never changed once made.
     *
     * @param firstCall the number of the first call in the segment
     * @param endCall   one past the number of the last
     * @param bytes     each call: the beneficiary id (modified UTF-8) and its identifiers
     *                  ({@link BinaryCodec#writeIdentifiers})
     */
    public record Segment(long firstCall, long endCall, byte[] bytes) {
        public Segment {
            Objects.requireNonNull(bytes, "bytes");
            if (firstCall < 0 || endCall < firstCall) {
                throw new IllegalArgumentException("payee-cluster journal: segment of calls " + firstCall + " to " + endCall);
            }
        }
    }

    /**
     * What to store at a checkpoint: the base and the segments after it, in order. The parts of
     * an earlier checkpoint that are not in this one can be dropped; those that are were not changed.
     */
    public record Checkpoint(Base base, List<Segment> segments) {
        public Checkpoint {
            Objects.requireNonNull(base, "base");
            segments = List.copyOf(segments);
        }
    }

    private final ClusterResolver live;
    private final Buffer buffer = new Buffer();
    private final DataOutputStream log = new DataOutputStream(buffer);
    private final Replica replica;
    private final long minLogBytes;
    private long calls;
    private long sealedCalls;
    private Base base;
    private final ArrayList<Segment> segments = new ArrayList<>();
    private boolean folding;

    private ResolverJournal(ClusterConfig config, ClusterResolver live, Base base, List<Segment> segments,
                            boolean background, long minLogBytes) {
        this.live = live;
        this.base = base;
        this.segments.addAll(segments);
        this.calls = segments.isEmpty() ? base.calls() : segments.get(segments.size() - 1).endCall();
        this.sealedCalls = calls;
        this.minLogBytes = minLogBytes;
        this.replica = background ? new Replica(config, base, this.segments) : null;
    }

    /**
     * A journal over a new, empty resolver.
     *
     * @param config     the resolver's configuration
     * @param background fold the log on a background replica (else on the caller's thread)
     */
    public static ResolverJournal create(ClusterConfig config, boolean background) {
        ClusterResolver r = ClusterResolver.create(config);
        return new ResolverJournal(config, r, new Base(0, chunks(r.snapshot())), List.of(), background, MIN_LOG_BYTES);
    }

    /**
     * A journal whose base is a whole resolver snapshot (as hosts checkpointed it before the journal).
     *
     * @param snapshot bytes of {@link ClusterResolver#snapshot()}
     * @throws IllegalArgumentException if the bytes are not a readable snapshot
     */
    public static ResolverJournal fromSnapshot(ClusterConfig config, byte[] snapshot, boolean background) {
        return new ResolverJournal(config, ClusterResolver.restore(config, snapshot), new Base(0, chunks(snapshot)), List.of(),
                background, MIN_LOG_BYTES);
    }

    /**
     * The journal of a checkpoint: its base restored and its segments replayed in order.
     *
     * @throws IllegalArgumentException if the base is not a readable snapshot, a segment does not
     *                                  start where the one before it (or the base) ends, or a segment
     *                                  is not a log of its calls
     */
    public static ResolverJournal restore(ClusterConfig config, Checkpoint checkpoint, boolean background) {
        return restore(config, checkpoint, background, MIN_LOG_BYTES);
    }

    /** As {@link #restore(ClusterConfig, Checkpoint, boolean)}, folding from {@code minLogBytes} (tests fold often). */
    static ResolverJournal restore(ClusterConfig config, Checkpoint checkpoint, boolean background, long minLogBytes) {
        ClusterResolver r = rebuild(config, checkpoint.base(), checkpoint.segments());
        return new ResolverJournal(config, r, checkpoint.base(), checkpoint.segments(), background, minLogBytes);
    }

    /**
     * Resolves a beneficiary ({@link ClusterResolver#resolve(String, PayeeIdentifiers)}) and logs the call.
     */
    public Resolution resolve(String beneficiaryId, PayeeIdentifiers identifiers) {
        Resolution r = live.resolve(beneficiaryId, identifiers);
        try {
            log.writeUTF(beneficiaryId);
            BinaryCodec.writeIdentifiers(log, identifiers);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory buffer does not fail
        }
        calls++;
        return r;
    }

    /** The live resolver, to read (counts, gauges): resolving through it directly would bypass the log. */
    public ClusterResolver resolver() {
        return live;
    }

    /**
     * Seals the calls logged since the last checkpoint into a segment, adopts a base the replica
     * has finished, starts folding when the log is due, and returns what to store.
     */
    public Checkpoint checkpoint() {
        if (calls > sealedCalls) {
            Segment s = new Segment(sealedCalls, calls, buffer.toByteArray());
            buffer.reset();
            sealedCalls = calls;
            segments.add(s);
            if (replica != null) {
                replica.replay(s);
            }
        }
        if (replica != null) {
            Base done = replica.finished();
            if (done != null) {
                adopt(done);
                folding = false;
            }
            Throwable failed = replica.failure();
            if (failed != null) {
                LOG.warn("payee-cluster journal: the background replica failed ({}); folding the log on this thread and "
                        + "starting a new replica", failed.toString());
                foldHere();
                replica.restart(base);
                folding = false;
            } else if (!folding && due()) {
                replica.fold();
                folding = true;
            }
        } else if (due()) {
            foldHere();
        }
        return new Checkpoint(base, segments);
    }

    private boolean due() {
        long logged = 0;
        for (Segment s : segments) {
            logged += s.bytes().length;
        }
        return logged >= Math.max(minLogBytes, base.bytes());
    }

    private void foldHere() {
        base = new Base(calls, chunks(live.snapshot()));
        segments.clear();
    }

    private void adopt(Base done) {
        base = done;
        segments.removeIf(s -> s.endCall() <= done.calls());
    }

    /**
     * Waits, at most {@code timeout}, until the replica has replayed and folded everything handed to
     * it (for tests and orderly shut-downs); {@code true} at once without a replica.
     */
    public boolean awaitReplica(Duration timeout) throws InterruptedException {
        return replica == null || replica.await(timeout);
    }

    /** Makes the replica's next task fail with {@code failure}, as a fault would (tests of the fallback). */
    void failReplica(RuntimeException failure) {
        if (replica != null) {
            replica.run(() -> {
                throw failure;
            });
        }
    }

    /** Stops the replica's thread. */
    @Override
    public void close() {
        if (replica != null) {
            replica.close();
        }
    }

    // ---- rebuilding -----------------------------------------------------------------------------

    static ClusterResolver rebuild(ClusterConfig config, Base base, List<Segment> segments) {
        ClusterResolver r;
        List<InputStream> parts = new ArrayList<>(base.chunks().size());
        for (byte[] c : base.chunks()) {
            parts.add(new ByteArrayInputStream(c));
        }
        try {
            r = ClusterResolver.restore(config, new DataInputStream(new SequenceInputStream(Collections.enumeration(parts))));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot restore payee clusters from the journal's base: " + e.getMessage(), e);
        }
        long at = base.calls();
        for (Segment s : segments) {
            if (s.firstCall() != at) {
                throw new IllegalArgumentException("payee-cluster journal: a segment starts at call " + s.firstCall()
                        + " where call " + at + " was expected (a segment is missing or out of order)");
            }
            replay(r, s);
            at = s.endCall();
        }
        return r;
    }

    static void replay(ClusterResolver r, Segment s) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(s.bytes()));
        try {
            for (long c = s.firstCall(); c < s.endCall(); c++) {
                r.resolve(in.readUTF(), BinaryCodec.readIdentifiers(in));
            }
            if (in.available() > 0) {
                throw new IOException(in.available() + " bytes after the last call");
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("payee-cluster journal: the segment of calls " + s.firstCall() + " to "
                    + s.endCall() + " is not readable: " + e.getMessage(), e);
        }
    }

    static List<byte[]> chunks(byte[] snapshot) {
        if (snapshot.length <= CHUNK_BYTES) {
            return List.of(snapshot);
        }
        List<byte[]> out = new ArrayList<>(snapshot.length / CHUNK_BYTES + 1);
        for (int from = 0; from < snapshot.length; from += CHUNK_BYTES) {
            out.add(Arrays.copyOfRange(snapshot, from, Math.min(snapshot.length, from + CHUNK_BYTES)));
        }
        return out;
    }

    // ---- the replica ----------------------------------------------------------------------------

    /**
     * A second resolver on one background thread: replays the segments handed to it, in order, and
     * on request writes its snapshot as a new base. Its resolver is touched by that thread only.
     */
    private static final class Replica {
        private final ClusterConfig config;
        private final ExecutorService thread;
        private final AtomicReference<Base> finished = new AtomicReference<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private ClusterResolver resolver; // the thread's
        private long calls; // the thread's

        Replica(ClusterConfig config, Base base, List<Segment> segments) {
            this.config = config;
            this.thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "payee-cluster journal replica");
                t.setDaemon(true);
                return t;
            });
            List<Segment> copy = List.copyOf(segments);
            run(() -> {
                resolver = rebuild(config, base, copy);
                calls = copy.isEmpty() ? base.calls() : copy.get(copy.size() - 1).endCall();
            });
        }

        void replay(Segment s) {
            run(() -> {
                if (resolver == null) {
                    return; // failed: restarted from a base
                }
                if (s.firstCall() != calls) {
                    throw new IllegalStateException("replica at call " + calls + " was handed a segment from call " + s.firstCall());
                }
                ResolverJournal.replay(resolver, s);
                calls = s.endCall();
            });
        }

        void fold() {
            run(() -> {
                if (resolver != null) {
                    finished.set(new Base(calls, chunks(resolver.snapshot())));
                }
            });
        }

        /** Starts over from {@code base}, dropping the failure. */
        void restart(Base base) {
            finished.set(null);
            failure.set(null);
            run(() -> {
                resolver = rebuild(config, base, List.of());
                calls = base.calls();
            });
        }

        Base finished() {
            return finished.getAndSet(null);
        }

        Throwable failure() {
            return failure.get();
        }

        void run(Runnable task) {
            thread.execute(() -> {
                if (failure.get() != null) {
                    return;
                }
                try {
                    task.run();
                } catch (Throwable t) {
                    resolver = null;
                    failure.compareAndSet(null, t);
                }
            });
        }

        boolean await(Duration timeout) throws InterruptedException {
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            thread.execute(done::countDown);
            return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        void close() {
            thread.shutdownNow();
        }
    }

    /** A growable byte array as an output stream, without {@code ByteArrayOutputStream}'s locks. */
    private static final class Buffer extends OutputStream {
        private byte[] buf = new byte[1 << 16];
        private int len;

        @Override
        public void write(int b) {
            ensure(1);
            buf[len++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int n) {
            ensure(n);
            System.arraycopy(b, off, buf, len, n);
            len += n;
        }

        private void ensure(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, len);
        }

        void reset() {
            len = 0;
            if (buf.length > (4 << 20)) {
                buf = new byte[1 << 16]; // do not keep a burst's buffer
            }
        }
    }
}
