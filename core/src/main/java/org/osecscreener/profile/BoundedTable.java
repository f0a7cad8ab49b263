package org.osecscreener.profile;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A bounded, expiring map from string keys to values: the embedded screener's store of sender,
 * cluster, cluster-risk and queue state (it replaced Caffeine there, whose read buffers, frequency
 * sketch and node objects cost a fifth of a screening).
 *
 * <p><b>Layout.</b> One open-addressing table (linear probing, cached spread hashes, deletion by
 * backward shift, so no tombstones) in two arrays: key and value side by side in one, and in the
 * other three longs per slot (hash with a 4-bit use count, last access time, access sequence). A
 * lookup touches a slot's metadata and, on a hash match, its key; nothing is allocated per access.
 * The table grows by doubling up to twice the bound.
 *
 * <p><b>Expiry.</b> An entry not read or written for {@code expireAfterAccess} (measured by the
 * ticker, in nanoseconds) is gone: a read returns {@code null} and drops it, as Caffeine's
 * {@code expireAfterAccess} does.
 *
 * <p><b>Bound and admission.</b> When the table holds {@code maxSize} entries, inserting a new key
 * first evicts one entry: from {@value #SAMPLE} occupied slots sampled at a pseudo-random position
 * (fixed seed, so the same operations always evict the same entries), an expired entry if there is
 * one, else the one used least often, else the least recently used. Use counts saturate at 15 and
 * are halved every ten bound's worth of accesses, so that past popularity fades (the ageing of
 * TinyLFU). Under a cardinality attack — a flood of keys seen once — the flood evicts itself: the
 * senders who come back have higher counts and stay ({@code BoundedTableTest} measures the share
 * kept against Caffeine's on the same trace).
 *
 * <p>Not thread-safe: the owner serialises access (the screener holds its lock).
 *
 * @param <V> the value type
 */
public final class BoundedTable<V> {
    /** Occupied slots looked at to choose a victim at the bound. */
    static final int SAMPLE = 16;
    private static final int MAX_USES = 15;
    private static final int MIN_CAPACITY = 16;

    private final long maxSize;
    private long ttlNanos;
    private final LongSupplier ticker;
    private final int maxCapacity;
    private final long agingPeriod;

    /** Key at {@code 2i}, value at {@code 2i + 1}: one cache line for both. */
    private Object[] kv;
    /** Per slot {@code 3i}: hash (high 32 bits) and use count (low 4); {@code 3i + 1}: last access (ticker); {@code 3i + 2}: access sequence. */
    private long[] meta;
    private int mask;
    private int capacity;
    private int size;
    private long accesses;
    private long sinceAging;
    private long random = 0x9E3779B97F4A7C15L;

    /**
     * @param maxSize           most entries held (at least 1)
     * @param expireAfterAccess nanoseconds without access after which an entry is gone ({@code Long.MAX_VALUE}: never)
     * @param ticker            the time source, in nanoseconds
     */
    public BoundedTable(long maxSize, long expireAfterAccess, LongSupplier ticker) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be positive, was " + maxSize);
        }
        if (expireAfterAccess <= 0) {
            throw new IllegalArgumentException("expireAfterAccess must be positive, was " + expireAfterAccess);
        }
        this.maxSize = maxSize;
        this.ttlNanos = expireAfterAccess;
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        long want = Math.max(MIN_CAPACITY, Long.highestOneBit(Math.max(1, maxSize) * 2 - 1) << 1);
        this.maxCapacity = (int) Math.min(1 << 29, want);
        this.agingPeriod = Math.max(1024, Math.min(maxSize, maxCapacity) * 10);
        allocate(MIN_CAPACITY);
    }

    private void allocate(int slots) {
        kv = new Object[slots * 2];
        meta = new long[slots * 3];
        capacity = slots;
        mask = slots - 1;
    }

    private static int spread(String key) {
        int h = key.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int hashOf(long m) {
        return (int) (m >>> 32);
    }

    private static int usesOf(long m) {
        return (int) (m & 0xF);
    }

    private int slotOf(String key, int h) {
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Object k = kv[i << 1];
            if (k == null) {
                return -1 - i;
            }
            if (hashOf(meta[i * 3]) == h && (k == key || k.equals(key))) {
                return i;
            }
        }
    }

    private boolean expired(int slot, long now) {
        return ttlNanos != Long.MAX_VALUE && now - meta[slot * 3 + 1] >= ttlNanos;
    }

    private void touch(int slot, long now) {
        int m = slot * 3;
        long head = meta[m];
        if (usesOf(head) < MAX_USES) {
            meta[m] = head + 1;
        }
        meta[m + 1] = now;
        meta[m + 2] = ++accesses;
        if (++sinceAging >= agingPeriod) {
            sinceAging = 0;
            for (int i = 0; i < capacity; i++) {
                long h = meta[i * 3];
                meta[i * 3] = (h & ~0xFL) | (usesOf(h) >> 1);
            }
        }
    }

    /**
     * The value under {@code key}, or {@code null} if absent or expired (then dropped). Counts as a use.
     */
    @SuppressWarnings("unchecked")
    public V get(String key) {
        int h = spread(key);
        int slot = slotOf(key, h);
        if (slot < 0) {
            return null;
        }
        long now = ticker.getAsLong();
        if (expired(slot, now)) {
            removeSlot(slot);
            return null;
        }
        touch(slot, now);
        return (V) kv[(slot << 1) + 1];
    }

    /**
     * The value under {@code key}; if absent or expired, {@code create}'s value for it, stored first
     * (evicting one entry at the bound).
     */
    @SuppressWarnings("unchecked")
    public V computeIfAbsent(String key, Function<String, ? extends V> create) {
        int h = spread(key);
        int slot = slotOf(key, h);
        long now = ticker.getAsLong();
        if (slot >= 0) {
            if (!expired(slot, now)) {
                touch(slot, now);
                return (V) kv[(slot << 1) + 1];
            }
            removeSlot(slot);
        }
        V v = Objects.requireNonNull(create.apply(key), "created value");
        insert(key, h, v, now);
        return v;
    }

    /** Stores {@code value} under {@code key} (replacing, or inserting and evicting one entry at the bound). */
    public void put(String key, V value) {
        Objects.requireNonNull(value, "value");
        int h = spread(key);
        int slot = slotOf(key, h);
        long now = ticker.getAsLong();
        if (slot >= 0) {
            kv[(slot << 1) + 1] = value;
            touch(slot, now);
            return;
        }
        insert(key, h, value, now);
    }

    /** Removes and returns the value under {@code key} ({@code null} if absent or expired). */
    @SuppressWarnings("unchecked")
    public V remove(String key) {
        int h = spread(key);
        int slot = slotOf(key, h);
        if (slot < 0) {
            return null;
        }
        V v = expired(slot, ticker.getAsLong()) ? null : (V) kv[(slot << 1) + 1];
        removeSlot(slot);
        return v;
    }

    /**
     * Changes {@code expireAfterAccess} (for a retention that follows the rule bundles held); it
     * applies to every entry from the next access on.
     *
     * @param nanos nanoseconds without access after which an entry is gone ({@code Long.MAX_VALUE}: never)
     */
    public void expireAfterAccess(long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("expireAfterAccess must be positive, was " + nanos);
        }
        ttlNanos = nanos;
    }

    /** Entries held, counting expired ones not yet dropped ({@link #expireAll} drops them). */
    public int size() {
        return size;
    }

    /** Drops every expired entry now. */
    public void expireAll() {
        long now = ticker.getAsLong();
        for (int i = 0; i < capacity; i++) {
            while (kv[i << 1] != null && expired(i, now)) {
                removeSlot(i); // backward shift may move another entry into slot i: look again
            }
        }
    }

    private void insert(String key, int h, Object value, long now) {
        if (size >= maxSize) {
            evictOne(now);
        }
        if (size + 1 > (capacity >> 1) && capacity < maxCapacity) {
            resize(capacity << 1);
        }
        int slot = -1 - slotOf(key, h);
        kv[slot << 1] = key;
        kv[(slot << 1) + 1] = value;
        int m = slot * 3;
        meta[m] = (long) h << 32; // an insert is not a use: a key seen once stays at zero uses
        meta[m + 1] = now;
        meta[m + 2] = ++accesses;
        size++;
    }

    private void evictOne(long now) {
        random ^= random << 13;
        random ^= random >>> 7;
        random ^= random << 17;
        int i = (int) random & mask;
        int victim = -1;
        for (int seen = 0; seen < SAMPLE; i = (i + 1) & mask) {
            if (kv[i << 1] == null) {
                continue;
            }
            seen++;
            if (expired(i, now)) {
                victim = i;
                break;
            }
            if (victim < 0 || lessValuable(i, victim)) {
                victim = i;
            }
        }
        removeSlot(victim);
    }

    private boolean lessValuable(int a, int b) {
        int ua = usesOf(meta[a * 3]);
        int ub = usesOf(meta[b * 3]);
        return ua < ub || (ua == ub && meta[a * 3 + 2] < meta[b * 3 + 2]);
    }

    private void removeSlot(int slot) {
        int gap = slot;
        for (int i = (slot + 1) & mask; kv[i << 1] != null; i = (i + 1) & mask) {
            int home = hashOf(meta[i * 3]) & mask;
            // move i into the gap unless its home lies cyclically in (gap, i]
            if (((i - home) & mask) >= ((i - gap) & mask)) {
                kv[gap << 1] = kv[i << 1];
                kv[(gap << 1) + 1] = kv[(i << 1) + 1];
                System.arraycopy(meta, i * 3, meta, gap * 3, 3);
                gap = i;
            }
        }
        kv[gap << 1] = null;
        kv[(gap << 1) + 1] = null;
        size--;
    }

    private void resize(int slots) {
        Object[] oldKv = kv;
        long[] oldMeta = meta;
        int oldCapacity = capacity;
        allocate(slots);
        for (int j = 0; j < oldCapacity; j++) {
            if (oldKv[j << 1] != null) {
                int i = hashOf(oldMeta[j * 3]) & mask;
                while (kv[i << 1] != null) {
                    i = (i + 1) & mask;
                }
                kv[i << 1] = oldKv[j << 1];
                kv[(i << 1) + 1] = oldKv[(j << 1) + 1];
                System.arraycopy(oldMeta, j * 3, meta, i * 3, 3);
            }
        }
    }

    @Override
    public String toString() {
        return "BoundedTable[" + size + " of " + maxSize + ", " + capacity + " slots]";
    }
}
