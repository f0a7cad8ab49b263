package org.osecscreener.cluster;

import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot part of {@link ClusterResolver}: its state written to bytes and read back
 * ({@link ClusterResolver#snapshot}, {@link ClusterResolver#restore}). The format: a header
 * ({@code OSCC} magic, {@link ClusterResolver#SNAPSHOT_VERSION}), counters, identifiers and
 * beneficiaries in activity order, clusters and anchors, hubs. The configuration is not written.
 */
final class ClusterSnapshot {
    private static final int MAGIC = 0x4F534343; // "OSCC"

    private ClusterSnapshot() {
    }

    /** Writes {@code resolver}'s state (see {@link ClusterResolver#snapshot(DataOutput)}). */
    static void write(ClusterResolver resolver, DataOutput out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(ClusterResolver.SNAPSHOT_VERSION);
        out.writeLong(resolver.clustersCreated);
        out.writeLong(resolver.mergeCount);
        out.writeLong(resolver.evictedBeneficiaries);
        out.writeLong(resolver.evictedIdentifiers);
        // identifiers, least recently active first
        out.writeInt(resolver.entries.size());
        EntryIndex entryIndex = new EntryIndex(resolver.entries.size());
        int i = 0;
        for (Entry e = resolver.entryTail; e != null; e = e.lruPrev) {
            entryIndex.put(e, i++);
            out.writeByte(e.key.type().ordinal());
            out.writeUTF(e.key.value());
            out.writeInt(e.holders);
            out.writeBoolean(e.hub);
        }
        // beneficiaries, least recently active first
        out.writeInt(resolver.nodes.size());
        i = 0;
        List<Node.EdgeList> edges = new ArrayList<>();
        for (Node n = resolver.lruTail; n != null; n = n.lruPrev) {
            n.index = i++;
            out.writeUTF(n.id);
            int held = 0;
            for (int k = 0; k < n.entryCount; k++) {
                held += n.entries[k].dead ? 0 : 1;
            }
            out.writeInt(held);
            for (int k = 0; k < n.entryCount; k++) {
                if (!n.entries[k].dead) {
                    out.writeInt(entryIndex.get(n.entries[k]));
                }
            }
            edges.clear();
            for (Node.EdgeList e = n.edges; e != null; e = e.next) {
                edges.add(e);
            }
            out.writeInt(edges.size());
            for (int k = edges.size() - 1; k >= 0; k--) {
                Node.EdgeList e = edges.get(k);
                out.writeUTF(e.to);
                out.writeByte(e.via.type().ordinal());
                out.writeUTF(e.via.value());
            }
        }
        // clusters: sequence number, then members in ring order from the ring head
        out.writeInt(resolver.clusterCount);
        for (Node n = resolver.lruTail; n != null; n = n.lruPrev) {
            Node r = ClusterResolver.find(n);
            if (r.ringHead == n) {
                out.writeLong(r.clusterSeq);
                out.writeInt(r.size);
                Node m = n;
                do {
                    out.writeInt(m.index);
                    m = m.ringNext;
                } while (m != n);
            }
        }
        // anchors, in identifier order: 0 none, 1 live beneficiary, 2 evicted beneficiary in a live cluster
        for (Entry e = resolver.entryTail; e != null; e = e.lruPrev) {
            Node a = e.anchor;
            Node r = a == null ? null : ClusterResolver.find(a);
            if (r == null || r.size == 0) {
                out.writeByte(0);
            } else if (!a.ghost) {
                out.writeByte(1);
                out.writeInt(a.index);
            } else {
                out.writeByte(2);
                out.writeUTF(a.id);
                out.writeInt(r.ringHead.index);
            }
        }
        // hubs in the order they became hubs
        int liveHubs = 0;
        for (Entry e : resolver.hubs) {
            liveHubs += e.dead ? 0 : 1;
        }
        out.writeInt(liveHubs);
        for (Entry e : resolver.hubs) {
            if (!e.dead) {
                out.writeInt(entryIndex.get(e));
            }
        }
    }

    /** {@code resolver}'s state as bytes, as {@link #write} writes it. */
    static byte[] toBytes(ClusterResolver resolver) {
        SnapshotOutput out = new SnapshotOutput(64 + resolver.nodes.size() * 96 + resolver.entries.size() * 24);
        try {
            write(resolver, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The position of each identifier entry in the snapshot, by identity: open addressing over the
     * entries' identity hashes, with no boxing and no node per entry (a {@code HashMap} here cost as
     * much as the writing itself). Holds every entry once; sized for at most half full.
     */
    private static final class EntryIndex {
        private final Entry[] keys;
        private final int[] values;
        private final int mask;

        EntryIndex(int expected) {
            int cap = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
            keys = new Entry[cap];
            values = new int[cap];
            mask = cap - 1;
        }

        void put(Entry e, int index) {
            int i = slot(e);
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = e;
            values[i] = index;
        }

        /** The index of {@code e}, which must have been put. */
        int get(Entry e) {
            for (int i = slot(e); ; i = (i + 1) & mask) {
                Entry k = keys[i];
                if (k == e) {
                    return values[i];
                }
                if (k == null) {
                    throw new IllegalStateException("payee-cluster snapshot: an identifier held is not tracked");
                }
            }
        }

        private int slot(Entry e) {
            int h = System.identityHashCode(e) * 0x9E3779B9;
            return (h ^ (h >>> 16)) & mask;
        }
    }

    /** A resolver with the state of a snapshot (see {@link ClusterResolver#restore(ClusterConfig, DataInput)}). */
    static ClusterResolver read(ClusterConfig config, DataInput in) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException("not a payee-cluster snapshot: header 0x" + Integer.toHexString(magic)
                    + ", expected 0x" + Integer.toHexString(MAGIC));
        }
        int version = in.readInt();
        if (version != ClusterResolver.SNAPSHOT_VERSION) {
            throw new IOException("payee-cluster snapshot version " + version + " is not supported; this build reads "
                    + ClusterResolver.SNAPSHOT_VERSION);
        }
        ClusterResolver r = new ClusterResolver(config);
        r.clustersCreated = in.readLong();
        r.mergeCount = in.readLong();
        r.evictedBeneficiaries = in.readLong();
        r.evictedIdentifiers = in.readLong();
        IdentifierType[] types = IdentifierType.values();
        int entryCount = count(in, "identifiers");
        Entry[] es = new Entry[entryCount];
        for (int i = 0; i < entryCount; i++) {
            Entry e = new Entry(new Identifier(type(types, in.readByte()), in.readUTF()));
            e.holders = in.readInt();
            e.hub = in.readBoolean();
            es[i] = e;
            r.entries.add(e);
            r.entryAddHead(e);
        }
        int nodeCount = count(in, "beneficiaries");
        Node[] ns = new Node[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            Node n = new Node(in.readUTF());
            int held = count(in, "identifiers held");
            for (int k = 0; k < held; k++) {
                n.add(es[index(in.readInt(), entryCount)], ClusterResolver.MAX_ENTRIES_PER_BENEFICIARY, held);
            }
            int edges = count(in, "links");
            for (int k = 0; k < edges; k++) {
                String to = in.readUTF();
                n.addEdge(to, new Identifier(type(types, in.readByte()), in.readUTF()));
            }
            ns[i] = n;
            r.nodes.add(n);
            r.lruAddHead(n);
        }
        int clusters = count(in, "clusters");
        for (int c = 0; c < clusters; c++) {
            long seq = in.readLong();
            int size = count(in, "cluster size");
            Node root = ns[index(in.readInt(), nodeCount)];
            root.clusterSeq = seq;
            root.size = size;
            root.ringHead = root;
            Node last = root;
            for (int k = 1; k < size; k++) {
                Node m = ns[index(in.readInt(), nodeCount)];
                m.parent = root;
                m.ringPrev = last;
                last.ringNext = m;
                last = m;
            }
            last.ringNext = root;
            root.ringPrev = last;
        }
        r.clusterCount = clusters;
        for (Entry e : es) {
            byte kind = in.readByte();
            if (kind == 1) {
                e.anchor = ns[index(in.readInt(), nodeCount)];
            } else if (kind == 2) {
                Node ghost = new Node(in.readUTF());
                ghost.ghost = true;
                ghost.parent = ClusterResolver.find(ns[index(in.readInt(), nodeCount)]);
                e.anchor = ghost;
            } else if (kind != 0) {
                throw new IOException("corrupt payee-cluster snapshot: anchor kind " + kind);
            }
        }
        int hubCount = count(in, "hubs");
        for (int i = 0; i < hubCount; i++) {
            r.hubs.add(es[index(in.readInt(), entryCount)]);
        }
        return r;
    }

    /** A resolver with the state of a snapshot in bytes (see {@link ClusterResolver#restore(ClusterConfig, byte[])}). */
    static ClusterResolver read(ClusterConfig config, byte[] snapshot) {
        try {
            return read(config, new DataInputStream(new ByteArrayInputStream(snapshot)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot restore payee clusters: " + e.getMessage(), e);
        }
    }

    private static int count(DataInput in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt payee-cluster snapshot: " + what + " count " + n);
        }
        return n;
    }

    private static int index(int i, int bound) throws IOException {
        if (i < 0 || i >= bound) {
            throw new IOException("corrupt payee-cluster snapshot: index " + i + " outside 0.." + (bound - 1));
        }
        return i;
    }

    private static IdentifierType type(IdentifierType[] types, byte ordinal) throws IOException {
        if (ordinal < 0 || ordinal >= types.length) {
            throw new IOException("corrupt payee-cluster snapshot: identifier type " + ordinal);
        }
        return types[ordinal];
    }

}
