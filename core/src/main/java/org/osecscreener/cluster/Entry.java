package org.osecscreener.cluster;

/**
 * A tracked identifier: how many distinct beneficiaries presented it, whether it is a hub, and
 * an anchor, a beneficiary (perhaps a ghost) in the cluster its holders were linked into.
 * Linking a new holder means a union with the anchor's cluster. Evicted entries are marked
 * {@code dead}; beneficiaries drop their references to them lazily.
 */
final class Entry extends SlotTable.Slot {
    final Identifier key;
    Node anchor;
    int holders;
    boolean hub;
    boolean dead;
    Entry lruPrev;
    Entry lruNext;

    Entry(Identifier key) {
        this.key = key;
        this.hash = SlotTable.spread(key.hashCode());
    }

    @Override
    Object key() {
        return key;
    }
}
