package org.osecscreener.cluster;

/**
 * A tracked beneficiary: a union-find node, a member of its cluster's ring, an entry of the
 * activity (LRU) list, and the holder of its identifiers and the links it made.
 *
 * <p>Root-only fields ({@code size}, {@code clusterSeq}, {@code ringHead})
 * describe the cluster; they are meaningless on other nodes. An evicted node becomes a
 * <em>ghost</em>: it leaves the maps, the ring and the LRU list but keeps its parent pointer
 * and id, so that finds through it still work and links to it still name it. Path compression
 * drops ghosts over time.
 */
final class Node extends SlotTable.Slot {
    static final Entry[] NO_ENTRIES = new Entry[0];

    String id;
    Node parent;
    // cluster (root only)
    int size;
    /** The cluster's sequence number (its id is {@code "C-" + clusterSeq}); 0 while a new node is unclustered. */
    long clusterSeq;
    /** The cluster's id string once asked for (root only), so that callers share one instance per cluster. */
    String clusterName;
    Node ringHead;
    // ring of live members
    Node ringNext;
    Node ringPrev;
    // activity list
    Node lruPrev;
    Node lruNext;
    // identifiers held and links made
    Entry[] entries = NO_ENTRIES;
    int entryCount;
    EdgeList edges;
    /**
     * The identifiers this beneficiary was last linked with, when it then held exactly their
     * entries, in their order; else {@code null}. Lets a resolve with the same identifiers object
     * skip looking them up again ({@code ClusterResolver.touchHeld}).
     */
    PayeeIdentifiers linkedWith;
    boolean ghost;
    int index;
    /** What the caller attached to this beneficiary ({@link ClusterResolver#resolve(String, PayeeIdentifiers, Object)}). */
    Object attachment;

    Node(String id) {
        this.id = id;
        this.hash = SlotTable.spread(id.hashCode());
        this.parent = this;
        this.ringNext = this;
        this.ringPrev = this;
    }

    @Override
    Object key() {
        return id;
    }

    boolean holds(Entry e) {
        for (int i = 0; i < entryCount; i++) {
            if (entries[i] == e) {
                return true;
            }
        }
        return false;
    }

    /** Adds an identifier held, pruning evicted ones first when full; drops it at the cap. */
    void add(Entry e, int cap, int hint) {
        if (entries.length == 0) {
            entries = new Entry[Math.min(cap, Math.max(2, hint))];
        } else if (entryCount == entries.length) {
            prune();
            if (entryCount == entries.length) {
                if (entries.length >= cap) {
                    return;
                }
                entries = java.util.Arrays.copyOf(entries, Math.min(cap, Math.max(2, entries.length * 2)));
            }
        }
        entries[entryCount++] = e;
    }

    private void prune() {
        int j = 0;
        for (int i = 0; i < entryCount; i++) {
            if (!entries[i].dead) {
                entries[j++] = entries[i];
            }
        }
        for (int i = j; i < entryCount; i++) {
            entries[i] = null;
        }
        entryCount = j;
    }

    void addEdge(String to, Identifier via) {
        edges = new EdgeList(to, via, edges);
    }

    /** A link this node made, most recent first. */
    static final class EdgeList {
        final String to;
        final Identifier via;
        final EdgeList next;

        EdgeList(String to, Identifier via, EdgeList next) {
            this.to = to;
            this.via = via;
            this.next = next;
        }
    }
}
