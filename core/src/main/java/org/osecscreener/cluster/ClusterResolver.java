package org.osecscreener.cluster;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osecscreener.model.Party;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incremental entity resolution of beneficiaries into payee clusters.
 *
 * <h2>What it does</h2>
 * Each {@link #resolve(String, PayeeIdentifiers)} call records a beneficiary's normalised
 * identifiers and links it with every tracked beneficiary that shares one of them, if that
 * identifier's type is switched on and the identifier is not a hub. Linked beneficiaries form
 * a cluster: the connected components of the "shares an identifier" graph. Clusters only
 * merge; they never split (not even when members are evicted).
 *
 * <h2>Cluster ids</h2>
 * A beneficiary that links to nobody starts a new cluster {@code "C-" + n}, where {@code n}
 * counts the clusters created so far by this resolver (1, 2, 3, ...). Ids are therefore
 * deterministic for a given input order and configuration, and never reused. A new beneficiary
 * that links to an existing cluster joins it without creating an id. When one call links two
 * existing clusters, the <b>older</b> one (smaller {@code n}) survives and the younger is
 * absorbed: the call's {@link Resolution#merges()} names both, and anyone keeping state by
 * cluster id (profiles, keyed Flink state) must fold the absorbed id's state into the
 * survivor's. A cluster id stays valid until it is reported absorbed, or until every member
 * has been evicted.
 *
 * <h2>Hubs</h2>
 * An identifier links at most {@link ClusterConfig#hubThreshold()} distinct beneficiaries.
 * The next distinct beneficiary to present it turns it into a {@link Hub}: that beneficiary is
 * not linked, and nor is anyone after. Links made before stay.
 *
 * <h2>Bounded memory</h2>
 * At most {@link ClusterConfig#maxBeneficiaries()} beneficiaries and
 * {@link ClusterConfig#maxIdentifiers()} identifiers are tracked; past either bound the least
 * recently active one is evicted (activity is being resolved, or being presented). An evicted
 * beneficiary leaves its cluster (the size drops, the cluster keeps its id); if seen again it
 * is new. An evicted identifier is forgotten, hub status included. Measured footprint:
 * see {@code docs/clustering.md}.
 *
 * <h2>Algorithm</h2>
 * Union-find over beneficiaries with union by size and path halving (a one-pass form of path
 * compression), so each call costs a few hash lookups and near-constant pointer work. Each
 * identifier keeps an anchor node in the cluster its holders were linked into; linking a new
 * holder is a union with the anchor's root. Each cluster's live members form a circular list,
 * which makes merging O(1) and lets {@link #explain} list members. An evicted node stays behind
 * as a ghost inside the tree (so finds through it still work) until path compression drops it.
 *
 * <h2>Assumptions and guarantees</h2>
 * <ul>
 *   <li><b>Single writer.</b> Not thread-safe: every call, reads included, must come from one
 *       thread or be serialized by the caller (the Screener and the Flink operator do so).</li>
 *   <li>Calls never throw on data: unknown types are ignored, a disabled type does not link.</li>
 *   <li>{@link #snapshot} then {@link #restore} yields a resolver whose later calls return
 *       exactly what the original's would.</li>
 *   <li>Raw identifiers are never logged or shown: merges, links, hubs and explanations carry
 *       masked values.</li>
 * </ul>
 *
 * <p>This class holds the resolution itself; the snapshot format is {@link ClusterSnapshot}'s and
 * the explanations are built by {@link ClusterExplainer}, both package-private, behind
 * {@link #snapshot}, {@link #restore} and {@link #explain}.
 */
public final class ClusterResolver {
    /** The snapshot format version written by {@link #snapshot(DataOutput)}. */
    public static final int SNAPSHOT_VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(ClusterResolver.class);
    /** Identifiers remembered per beneficiary; more still link but are not remembered as held. */
    static final int MAX_ENTRIES_PER_BENEFICIARY = 32;

    private final ClusterConfig config;
    private final IdentifierNormaliser normaliser;
    private final boolean[] linkOn = new boolean[IdentifierType.values().length];
    private final int hubThreshold;
    // The state below is package-private where ClusterSnapshot writes and restores it, and
    // ClusterExplainer reads it.
    final SlotTable<Node> nodes;
    final SlotTable<Entry> entries;
    final ArrayList<Entry> hubs = new ArrayList<>();
    private Node lruHead;
    Node lruTail;
    private Entry entryHead;
    Entry entryTail;
    long clustersCreated;
    int clusterCount;
    long mergeCount;
    long evictedBeneficiaries;
    long evictedIdentifiers;
    private ArrayList<Merge> pending;
    /** The entries linked by the resolve in progress, in order (for {@link #heldInOrder}). */
    private final Entry[] linkedScratch = new Entry[MAX_ENTRIES_PER_BENEFICIARY];

    ClusterResolver(ClusterConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.normaliser = new IdentifierNormaliser(config);
        for (IdentifierType t : config.linkTypes()) {
            linkOn[t.ordinal()] = true;
        }
        this.hubThreshold = config.hubThreshold();
        this.nodes = new SlotTable<>(Math.min(config.maxBeneficiaries(), 1 << 16));
        this.entries = new SlotTable<>(Math.min(config.maxIdentifiers(), 1 << 16));
    }

    /**
     * An empty resolver.
     *
     * @param config the configuration
     * @return the resolver
     */
    public static ClusterResolver create(ClusterConfig config) {
        return new ClusterResolver(config);
    }

    /** The configuration. */
    public ClusterConfig config() {
        return config;
    }

    /** The normaliser this resolver uses in {@link #resolve(Party)}; thread-safe, usable on other threads. */
    public IdentifierNormaliser normaliser() {
        return normaliser;
    }

    /**
     * Normalises and resolves a beneficiary: {@code resolve(b.id(), normaliser().normalise(b))}.
     *
     * @param beneficiary the beneficiary of a transaction
     * @return the resolution
     */
    public Resolution resolve(Party beneficiary) {
        return resolve(beneficiary.id(), normaliser.normalise(beneficiary));
    }

    /**
     * Resolves a beneficiary with already-normalised identifiers: records them, links the
     * beneficiary to the clusters it shares a (non-hub, switched-on) identifier with, and
     * reports the merges this caused. Marks the beneficiary and its identifiers as active, then
     * evicts past the bounds (never this beneficiary).
     *
     * <p>A caller that keeps a beneficiary's {@code identifiers} object while its details stay
     * the same (as the {@code Screener} does through {@link #resolve(String, PayeeIdentifiers,
     * Object) attachments}) and passes that same object again gets a cheaper call: the
     * beneficiary's identifiers are then marked active without being looked up, with the same
     * effect as a full call.
     *
     * @param beneficiaryId the beneficiary's id, not {@code null}
     * @param identifiers   its normalised (or pseudonymised) identifiers
     * @return the beneficiary's cluster id and size after the call, and the merges it caused
     * @throws NullPointerException if an argument is {@code null}
     */
    public Resolution resolve(String beneficiaryId, PayeeIdentifiers identifiers) {
        return resolve(beneficiaryId, identifiers, null, false);
    }

    /**
     * {@link #resolve(String, PayeeIdentifiers)}, attaching {@code attachment} to the beneficiary:
     * a caller's per-beneficiary value (such as its normalised identifiers), kept while the
     * beneficiary is tracked and dropped when it is evicted, so that the caller needs no cache
     * of its own beside the resolver's bound. Read it back with {@link #attachment}.
     *
     * @param attachment the value to keep with the beneficiary, or {@code null} to drop one
     */
    public Resolution resolve(String beneficiaryId, PayeeIdentifiers identifiers, Object attachment) {
        return resolve(beneficiaryId, identifiers, attachment, true);
    }

    private Resolution resolve(String beneficiaryId, PayeeIdentifiers identifiers, Object attachment, boolean attach) {
        Objects.requireNonNull(beneficiaryId, "beneficiaryId");
        int hash = SlotTable.spread(beneficiaryId.hashCode());
        Node b = nodes.get(beneficiaryId, hash);
        boolean isNew = b == null;
        if (isNew) {
            b = new Node(beneficiaryId);
            nodes.add(b);
            lruAddHead(b);
        } else {
            lruTouch(b);
        }
        pending = null;
        if (isNew || b.linkedWith != identifiers || !touchHeld(b)) {
            int linked = 0;
            for (int i = 0, n = identifiers.size(); i < n; i++) {
                Identifier key = identifiers.get(i);
                if (linkOn[key.type().ordinal()]) {
                    Entry e = link(b, key, n);
                    if (linked < MAX_ENTRIES_PER_BENEFICIARY) {
                        linkedScratch[linked] = e;
                    }
                    linked++;
                }
            }
            b.linkedWith = heldInOrder(b, linked) ? identifiers : null;
            java.util.Arrays.fill(linkedScratch, 0, Math.min(linked, MAX_ENTRIES_PER_BENEFICIARY), null);
        }
        if (b.clusterSeq == 0 && b.parent == b) {
            newCluster(b);
        }
        List<Merge> merges = pending == null ? List.of() : pending;
        pending = null;
        evict(b);
        if (attach) {
            b.attachment = attachment;
        }
        Node root = find(b);
        return new Resolution(beneficiaryId, clusterName(root), root.size, merges, isNew);
    }

    /**
     * The fast path of a known beneficiary resolved again with the identifiers it was last
     * linked with ({@code b.linkedWith}, compared by identity): when it still holds the entry of
     * each of them, in their order, linking them again would only mark each entry as used, in
     * that order. Does exactly that, without looking the identifiers up.
     *
     * @return {@code false} (and nothing changed) if an entry was evicted since: link them again
     */
    private boolean touchHeld(Node b) {
        Entry[] held = b.entries;
        int n = b.entryCount;
        for (int i = 0; i < n; i++) {
            if (held[i].dead) {
                return false;
            }
        }
        for (int i = 0; i < n; i++) {
            entryTouch(held[i]);
        }
        return true;
    }

    /** Whether {@code b} holds exactly the {@code linked} entries just linked, in order (so {@link #touchHeld} may stand in for linking them again). */
    private boolean heldInOrder(Node b, int linked) {
        if (linked != b.entryCount || linked > MAX_ENTRIES_PER_BENEFICIARY) {
            return false;
        }
        for (int i = 0; i < linked; i++) {
            Entry e = linkedScratch[i];
            if (b.entries[i] != e || e.dead) {
                return false;
            }
        }
        return true;
    }

    /** Links {@code b} through {@code key}; returns the identifier's entry. */
    private Entry link(Node b, Identifier key, int hint) {
        Entry e = entries.get(key, SlotTable.spread(key.hashCode()));
        if (e == null) {
            e = new Entry(key);
            entries.add(e);
            entryAddHead(e);
            e.holders = 1;
            e.anchor = b;
            b.add(e, MAX_ENTRIES_PER_BENEFICIARY, hint);
            return e;
        }
        entryTouch(e);
        if (e.hub || b.holds(e)) {
            return e;
        }
        if (e.holders >= hubThreshold) {
            e.hub = true;
            hubs.add(e);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} became a hub at {} beneficiaries (next: {})", key, e.holders, b.id);
            }
            return e;
        }
        e.holders++;
        b.add(e, MAX_ENTRIES_PER_BENEFICIARY, hint);
        Node a = e.anchor;
        Node ra = a == null ? null : find(a);
        if (ra == null || ra.size == 0) {
            e.anchor = b;
            return e;
        }
        union(b, a, ra, key);
        return e;
    }

    /** Links b with the cluster rooted at ra (reached through anchor a, which shares key). */
    private void union(Node b, Node a, Node ra, Identifier key) {
        if (b.clusterSeq == 0 && b.parent == b) {
            // b is new and unclustered: it joins ra's cluster, no id is created or retired
            b.parent = ra;
            ra.size++;
            spliceRings(ra.ringHead, b);
            b.addEdge(a.id, key);
            return;
        }
        Node rb = find(b);
        if (rb == ra) {
            return;
        }
        Node survivor = ra.clusterSeq < rb.clusterSeq ? ra : rb;
        Node absorbed = survivor == ra ? rb : ra;
        String survivorId = clusterName(survivor);
        String absorbedId = clusterName(absorbed);
        long survivorSeq = survivor.clusterSeq;
        Node big = ra.size >= rb.size ? ra : rb;
        Node small = big == ra ? rb : ra;
        small.parent = big;
        big.size += small.size;
        spliceRings(big.ringHead, small.ringHead);
        big.clusterSeq = survivorSeq;
        big.clusterName = survivorId;
        small.clusterName = null;
        small.ringHead = null;
        clusterCount--;
        mergeCount++;
        b.addEdge(a.id, key);
        if (pending == null) {
            pending = new ArrayList<>(2);
        }
        Merge merge = new Merge(survivorId, absorbedId, b.id, a.id, key.type(), key.masked());
        pending.add(merge);
        if (LOG.isDebugEnabled()) {
            LOG.debug("merge: {}", merge.reason());
        }
    }

    private void newCluster(Node b) {
        long seq = ++clustersCreated;
        b.clusterSeq = seq;
        b.clusterName = null;
        b.size = 1;
        b.ringHead = b;
        clusterCount++;
    }

    /** The cluster id of a sequence number; made on demand so that no id string lives per cluster. */
    /** The id of {@code root}'s cluster, one shared string per cluster. */
    private static String clusterName(Node root) {
        String n = root.clusterName;
        if (n == null) {
            n = name(root.clusterSeq);
            root.clusterName = n;
        }
        return n;
    }

    static String name(long seq) {
        return "C-" + seq;
    }

    private static void spliceRings(Node x, Node y) {
        Node xn = x.ringNext;
        Node yn = y.ringNext;
        x.ringNext = yn;
        yn.ringPrev = x;
        y.ringNext = xn;
        xn.ringPrev = y;
    }

    static Node find(Node x) {
        while (x.parent != x) {
            Node p = x.parent;
            x.parent = p.parent;
            x = p.parent;
        }
        return x;
    }

    // ---- eviction ---------------------------------------------------------------------------

    private void evict(Node keep) {
        while (nodes.size() > config.maxBeneficiaries() && lruTail != null && lruTail != keep) {
            evictNode(lruTail);
        }
        while (entries.size() > config.maxIdentifiers() && entryTail != null) {
            evictEntry(entryTail);
        }
    }

    private void evictNode(Node v) {
        nodes.remove(v);
        v.attachment = null;
        lruUnlink(v);
        evictedBeneficiaries++;
        Node r = find(v);
        if (v.ringNext == v) {
            r.ringHead = null;
            r.size = 0;
            clusterCount--;
            releaseAnchors(v);
        } else {
            v.ringPrev.ringNext = v.ringNext;
            v.ringNext.ringPrev = v.ringPrev;
            if (r.ringHead == v) {
                r.ringHead = v.ringNext;
            }
            r.size--;
        }
        v.ringNext = v;
        v.ringPrev = v;
        v.ghost = true;
        v.entries = Node.NO_ENTRIES;
        v.entryCount = 0;
        v.linkedWith = null;
        v.edges = null;
    }

    /**
     * The last live member of a cluster, {@code v}, is leaving it: the identifiers it anchors no
     * longer lead to a cluster ({@link #link} treats an anchor in a cluster of size 0 as none, and so
     * do {@link #hubs} and the snapshot, which writes such an anchor as absent), so they drop it.
     * Without this the evicted node stayed reachable from those entries until they were evicted
     * themselves, a ghost kept for nothing: under a stream of one-payee clusters (the cardinality
     * attack) as many ghosts as live beneficiaries. Behaviour is unchanged: the resolver is the one a
     * restore from its snapshot gives.
     */
    private static void releaseAnchors(Node v) {
        Entry[] held = v.entries;
        for (int i = 0, n = v.entryCount; i < n; i++) {
            if (held[i].anchor == v) {
                held[i].anchor = null;
            }
        }
    }

    private void evictEntry(Entry e) {
        entries.remove(e);
        entryUnlink(e);
        evictedIdentifiers++;
        e.dead = true;
        e.anchor = null;
    }

    // ---- activity lists ---------------------------------------------------------------------

    void lruAddHead(Node n) {
        n.lruPrev = null;
        n.lruNext = lruHead;
        if (lruHead != null) {
            lruHead.lruPrev = n;
        } else {
            lruTail = n;
        }
        lruHead = n;
    }

    private void lruUnlink(Node n) {
        if (n.lruPrev != null) {
            n.lruPrev.lruNext = n.lruNext;
        } else {
            lruHead = n.lruNext;
        }
        if (n.lruNext != null) {
            n.lruNext.lruPrev = n.lruPrev;
        } else {
            lruTail = n.lruPrev;
        }
        n.lruPrev = null;
        n.lruNext = null;
    }

    private void lruTouch(Node n) {
        if (lruHead != n) {
            lruUnlink(n);
            lruAddHead(n);
        }
    }

    void entryAddHead(Entry e) {
        e.lruPrev = null;
        e.lruNext = entryHead;
        if (entryHead != null) {
            entryHead.lruPrev = e;
        } else {
            entryTail = e;
        }
        entryHead = e;
    }

    private void entryUnlink(Entry e) {
        if (e.lruPrev != null) {
            e.lruPrev.lruNext = e.lruNext;
        } else {
            entryHead = e.lruNext;
        }
        if (e.lruNext != null) {
            e.lruNext.lruPrev = e.lruPrev;
        } else {
            entryTail = e.lruPrev;
        }
        e.lruPrev = null;
        e.lruNext = null;
    }

    private void entryTouch(Entry e) {
        if (entryHead != e) {
            entryUnlink(e);
            entryAddHead(e);
        }
    }

    // ---- queries ----------------------------------------------------------------------------

    /**
     * The cluster id of a tracked beneficiary. Does not count as activity.
     *
     * @param beneficiaryId the beneficiary
     * @return its cluster id, or {@code null} if the beneficiary is not tracked
     */
    public String clusterOf(String beneficiaryId) {
        Node n = lookup(beneficiaryId);
        return n == null ? null : clusterName(find(n));
    }

    /**
     * The size of a tracked beneficiary's cluster. Does not count as activity.
     *
     * @param beneficiaryId the beneficiary
     * @return the number of tracked members of its cluster, or 0 if the beneficiary is not tracked
     */
    public int clusterSizeOf(String beneficiaryId) {
        Node n = lookup(beneficiaryId);
        return n == null ? 0 : find(n).size;
    }

    /**
     * The value last attached to a tracked beneficiary by
     * {@link #resolve(String, PayeeIdentifiers, Object)}. Does not count as activity.
     *
     * @return the attachment, or {@code null} if there is none or the beneficiary is not tracked
     */
    public Object attachment(String beneficiaryId) {
        Node n = lookup(beneficiaryId);
        return n == null ? null : n.attachment;
    }

    /**
     * Explains a tracked beneficiary's cluster: its members and the chain of links from the
     * beneficiary to each. Costs time linear in the cluster's size; not for the hot path.
     *
     * @param beneficiaryId the beneficiary
     * @return the explanation, or {@code null} if the beneficiary is not tracked
     */
    public Explanation explain(String beneficiaryId) {
        return ClusterExplainer.explain(this, beneficiaryId);
    }

    Node lookup(String beneficiaryId) {
        return beneficiaryId == null ? null : nodes.get(beneficiaryId, SlotTable.spread(beneficiaryId.hashCode()));
    }

    /** The hubs tracked now, in the order they became hubs. */
    public List<Hub> hubs() {
        List<Hub> out = new ArrayList<>();
        for (Entry e : hubs) {
            if (!e.dead) {
                Node r = e.anchor == null ? null : find(e.anchor);
                out.add(new Hub(e.key.type(), e.key.masked(), r == null || r.size == 0 ? null : name(r.clusterSeq)));
            }
        }
        return out;
    }

    /** The number of beneficiaries tracked. */
    public int beneficiaryCount() {
        return nodes.size();
    }

    /** The number of identifiers tracked (hubs included). */
    public int identifierCount() {
        return entries.size();
    }

    /** The number of clusters with at least one tracked member. */
    public int clusterCount() {
        return clusterCount;
    }

    /** The number of merges since creation (restores included). */
    public long mergeCount() {
        return mergeCount;
    }

    /** The number of beneficiaries evicted since creation. */
    public long evictedBeneficiaries() {
        return evictedBeneficiaries;
    }

    /** The number of identifiers evicted since creation. */
    public long evictedIdentifiers() {
        return evictedIdentifiers;
    }

    // ---- snapshot (the format: ClusterSnapshot) -------------------------------------------

    /**
     * Writes the resolver's state: a header ({@code OSCC} magic, {@link #SNAPSHOT_VERSION}),
     * counters, identifiers and beneficiaries in activity order, clusters and anchors. The
     * configuration is not written: pass it to {@link #restore}. The snapshot holds the
     * identifiers as the resolver holds them (normalised, or pseudonyms if it was fed those):
     * protect it like the data it came from.
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void snapshot(DataOutput out) throws IOException {
        ClusterSnapshot.write(this, out);
    }

    /**
     * The state as bytes, as {@link #snapshot(DataOutput)} writes it.
     *
     * @return the snapshot
     */
    public byte[] snapshot() {
        return ClusterSnapshot.toBytes(this);
    }

    /**
     * A resolver with the state of a snapshot. Later calls return exactly what the
     * snapshotted resolver's would, given the same configuration. With a smaller bound in
     * {@code config}, the excess is evicted on the next call.
     *
     * @param config the configuration
     * @param in     the snapshot
     * @return the restored resolver
     * @throws IOException if reading fails, or the data is not a snapshot of a supported version
     */
    public static ClusterResolver restore(ClusterConfig config, DataInput in) throws IOException {
        return ClusterSnapshot.read(config, in);
    }

    /**
     * A resolver with the state of a snapshot in bytes.
     *
     * @param config   the configuration
     * @param snapshot bytes from {@link #snapshot()}
     * @return the restored resolver
     * @throws IllegalArgumentException if the bytes are not a readable snapshot
     */
    public static ClusterResolver restore(ClusterConfig config, byte[] snapshot) {
        return ClusterSnapshot.read(config, snapshot);
    }

    @Override
    public String toString() {
        return "ClusterResolver[beneficiaries=" + nodes.size() + ", identifiers=" + entries.size()
                + ", clusters=" + clusterCount + "]";
    }
}
