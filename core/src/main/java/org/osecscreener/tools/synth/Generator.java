package org.osecscreener.tools.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.osecscreener.io.TransactionWriter;
import org.osecscreener.model.Label;
import org.osecscreener.model.Transaction;

/**
 * Generates labelled synthetic remittance traffic: legitimate flows in many corridors (with
 * every hard negative of the OSEC typologies) and OSEC payment scenarios, in event-time order.
 *
 * <pre>{@code
 * Generator g = Generator.of(GeneratorConfig.defaults(), 42);
 * try (TransactionWriter w = new TransactionWriter(out)) {
 *     g.write(1_000_000, w, n -> {});
 * }
 * }</pre>
 *
 * <p><b>Determinism.</b> The same configuration, seed and count always give the same
 * transactions, hence the same bytes: every random choice comes from a {@link SplittableRandom}
 * seeded with {@code seed}, split per actor in a fixed order, and ties in event time are broken
 * by actor number.
 *
 * <p><b>How it works.</b> The population (senders, their payees, facilitators and rings) is
 * sized so that {@code n} transactions span about {@code config.days()}; each sender is an
 * actor with its own schedule (paydays, weekly, Poisson, bursts), and a priority queue on the
 * next event time merges them into one stream. Memory grows with the population, never with the
 * number of transactions: nothing written is kept.
 *
 * <p>Some schedules are finite (a ring customer's few payments, a shop buyer's one or two, a
 * sextortion victim's burst): an actor whose schedule has ended leaves the queue.
 *
 * <p>Each transaction carries a {@link Label}: {@code osec} true for OSEC scenario transfers,
 * with the scenario's name (see {@link Scenarios}); a sextortion victim's burst is labelled
 * {@code sextortion_victim} with {@code osec} false. Generators are not thread-safe; create one
 * per thread.
 *
 * <p>This class holds the entry points and the merge of the actors' streams; the population is a
 * {@link World} (with its {@link Parties}), and each sender an {@link Actor}.
 */
public final class Generator {
    /** Seconds in a day. */
    static final int DAY = 86_400;
    /** Event time of an actor whose schedule has ended (beyond any period, still a valid heap key). */
    static final long NEVER = 1L << 39;

    private final GeneratorConfig config;
    private final long seed;

    private Generator(GeneratorConfig config, long seed) {
        this.config = config;
        this.seed = seed;
    }

    /**
     * @param config the configuration ({@link GeneratorConfig#defaults()} for the default mix)
     * @param seed   the seed; the same seed and configuration give the same output
     */
    public static Generator of(GeneratorConfig config, long seed) {
        return new Generator(Objects.requireNonNull(config, "config"), seed);
    }

    /** The configuration. */
    public GeneratorConfig config() {
        return config;
    }

    /**
     * Writes {@code n} transactions in event-time order.
     *
     * @param n        how many, 0 or more
     * @param out      the writer (not closed here)
     * @param progress called with the count written every 65,536 transactions and at the end
     * @return the number written: {@code n}, fewer only if every sender's schedule ended first (a
     *         configuration of finite scenarios alone, such as {@code online_shop})
     * @throws IOException if the writer fails
     */
    public long write(long n, TransactionWriter out, LongConsumer progress) throws IOException {
        try {
            return generate(n, tx -> {
                try {
                    out.write(tx);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, progress);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Writes {@code n} transactions as JSON lines to {@code out} by the fast path: the same lines
     * as {@link #write(long, TransactionWriter, LongConsumer)} (without the space Jackson puts
     * before every line after the first), faster because each party is rendered once. Closes
     * {@code out}.
     *
     * @param n        how many, 0 or more
     * @param out      the target, buffered internally; closed at the end
     * @param progress called with the count written every 65,536 transactions and at the end
     * @return the number written (as {@link #write(long, TransactionWriter, LongConsumer)})
     * @throws IOException if the target fails
     */
    public long write(long n, java.io.OutputStream out, LongConsumer progress) throws IOException {
        try (LineWriter w = new LineWriter(out)) {
            return generate(n, tx -> {
                try {
                    w.write(tx);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, progress);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Generates {@code n} transactions in event-time order and hands each to {@code sink}.
     *
     * @param n        how many, 0 or more
     * @param sink     receives each transaction
     * @param progress called with the count so far every 65,536 transactions and at the end
     * @return the number generated: {@code n}, fewer only if every sender's schedule ended first
     */
    public long generate(long n, Consumer<? super Transaction> sink, LongConsumer progress) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be 0 or more, was " + n);
        }
        Objects.requireNonNull(sink, "sink");
        if (n == 0) {
            progress.accept(0);
            return 0;
        }
        return run(new World(config, seed, n), n, sink, progress);
    }

    /** Merges the actors of {@code w} into one stream of at most {@code n} transactions. */
    static long run(World w, long n, Consumer<? super Transaction> sink, LongConsumer progress) {
        List<Actor> actors = w.actors;
        if (actors.size() >= 1 << SEQ_BITS) {
            throw new IllegalStateException("population of " + actors.size() + " actors exceeds " + (1 << SEQ_BITS));
        }
        // A binary min-heap of primitive keys (next event second << SEQ_BITS | actor number): the
        // same order as comparing (next, seq), without chasing a pointer per comparison.
        long[] heap = new long[actors.size()];
        int size = 0;
        for (Actor a : actors) {
            if (a.next < NEVER) {
                heap[size] = key(a);
                siftUp(heap, size++);
            }
        }
        long i = 0;
        for (; i < n && size > 0; i++) {
            Actor a = actors.get((int) (heap[0] & SEQ_MASK));
            sink.accept(a.emit(i));
            if (a.next >= NEVER) {
                // A finite schedule (ring customer, shop buyer, burst) has ended: drop the actor.
                heap[0] = heap[--size];
            } else {
                heap[0] = key(a);
            }
            if (size > 0) {
                siftDown(heap, size);
            }
            if ((i & 0xFFFF) == 0xFFFF) {
                progress.accept(i + 1);
            }
        }
        progress.accept(i);
        return i;
    }

    private static final int SEQ_BITS = 23;
    private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;

    private static long key(Actor a) {
        return (a.next << SEQ_BITS) | a.seq;
    }

    private static void siftUp(long[] h, int i) {
        long x = h[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (h[parent] <= x) {
                break;
            }
            h[i] = h[parent];
            i = parent;
        }
        h[i] = x;
    }

    private static void siftDown(long[] h, int size) {
        long x = h[0];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && h[child + 1] < h[child]) {
                child++;
            }
            if (x <= h[child]) {
                break;
            }
            h[i] = h[child];
            i = child;
        }
        h[i] = x;
    }

}
