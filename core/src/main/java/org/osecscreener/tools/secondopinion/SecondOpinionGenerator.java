package org.osecscreener.tools.secondopinion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.osecscreener.io.TransactionWriter;
import org.osecscreener.model.Money;
import org.osecscreener.model.Transaction;

/**
 * The second-opinion generator: labelled synthetic traffic written independently of the
 * project's main generator and rule pack, from the published typologies and the transaction
 * format only, for reporting detection quality beside the main set (never for tuning).
 *
 * <p>Given a seed and a number of transactions it sizes a population (see
 * {@link SecondOpinionScenario}), plans every sender's year of payments, and emits exactly that
 * many transactions in event-time order (by instant; ties by sender, then plan order), each
 * stamped with the sender's local offset and labelled with the sender's scenario. Scenarios and
 * their sources: {@code docs/second-opinion.md}.
 *
 * <p>Assumptions and guarantees:
 * <ul>
 *   <li>The same seed and count give the same transactions, byte for byte once written; another
 *       seed gives another population.</li>
 *   <li>Transactions come out sorted by instant; no two share an id ({@code SO-<seed>-<n>}).</li>
 *   <li>Every sender pays in its own country's currency, one of the 29 the default rule pack
 *       converts; every amount has exactly the currency's minor unit.</li>
 *   <li>Memory: the plans are held compactly (about 30 bytes per transaction, plus 12 for the
 *       merge, plus the parties), never the transactions: each is built when it is emitted and
 *       handed on. 1.1 million transactions fit in a few hundred megabytes of heap.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; each call plans the population anew.
 */
public final class SecondOpinionGenerator {
    /** The most transactions one run plans (about 40 bytes of plan and merge key each). */
    public static final long MAX_TRANSACTIONS = 20_000_000L;

    /** Keys count seconds from here (before any local midnight of 1 March 2025). */
    private static final long BASE = java.time.Instant.parse("2025-02-27T00:00:00Z").getEpochSecond();
    private static final int G_BITS = 26;
    private static final long G_MASK = (1L << G_BITS) - 1;

    private final long seed;

    private SecondOpinionGenerator(long seed) {
        this.seed = seed;
    }

    /** A generator for {@code seed}. */
    public static SecondOpinionGenerator of(long seed) {
        return new SecondOpinionGenerator(seed);
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /**
     * Generates {@code transactions} transactions in event-time order.
     *
     * @param transactions how many, 0 to {@link #MAX_TRANSACTIONS}
     * @param sink         receives each transaction, in order
     * @param progress     told the count written so far now and then (every 65,536) and at the end; may be {@code null}
     * @return the number generated (equal to {@code transactions})
     * @throws IllegalArgumentException if {@code transactions} is negative or above the maximum
     */
    public long generate(long transactions, Consumer<Transaction> sink, LongConsumer progress) {
        Objects.requireNonNull(sink, "sink");
        if (transactions < 0 || transactions > MAX_TRANSACTIONS) {
            throw new IllegalArgumentException("transactions must be between 0 and " + MAX_TRANSACTIONS + ", was " + transactions);
        }
        List<Actor> actors = Population.build(seed, transactions);
        // The merge: every planned payment gets a key (instant - BASE) << 26 | g, where g numbers
        // payments in actor order, then plan order; sorting the keys orders by instant with ties
        // by sender and plan, and g leads back to the payment. Cheaper than a heap of actors.
        int total = 0;
        for (Actor a : actors) {
            total += a.size();
        }
        long[] keys = new long[total];
        int[] actorOf = new int[total];
        int[] firstOf = new int[actors.size()];
        int g = 0;
        for (int k = 0; k < actors.size(); k++) {
            Plan p = actors.get(k).plan;
            firstOf[k] = g;
            for (int i = 0; i < p.size; i++, g++) {
                keys[g] = (p.at[i] - BASE) << G_BITS | g;
                actorOf[g] = k;
            }
        }
        java.util.Arrays.sort(keys);
        String prefix = "SO-" + Long.toUnsignedString(seed) + "-";
        long written = 0;
        for (int j = 0; j < total && written < transactions; j++) {
            int gi = (int) (keys[j] & G_MASK);
            Actor a = actors.get(actorOf[gi]);
            int i = gi - firstOf[actorOf[gi]];
            Plan p = a.plan;
            ZoneOffset off = ZoneOffset.ofTotalSeconds(p.offset[i]);
            OffsetDateTime ts = OffsetDateTime.of(LocalDateTime.ofEpochSecond(p.at[i], 0, off), off);
            written++;
            sink.accept(new Transaction(prefix + written, ts, new Money(p.minor[i], a.place.currency()), p.channel(i), p.purpose[i],
                    a.sender, a.payees.get(p.payee[i]), a.label));
            if (progress != null && (written & 0xFFFF) == 0) {
                progress.accept(written);
            }
        }
        if (progress != null) {
            progress.accept(written);
        }
        return written;
    }

    /**
     * Writes {@code transactions} transactions as JSON lines to {@code out} (which is closed at the end).
     *
     * @return the number written
     * @throws IOException if writing fails
     */
    public long write(long transactions, OutputStream out, LongConsumer progress) throws IOException {
        try (TransactionWriter writer = new TransactionWriter(out)) {
            return generate(transactions, tx -> {
                try {
                    writer.write(tx);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, progress);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
