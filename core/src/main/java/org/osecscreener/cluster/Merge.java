package org.osecscreener.cluster;

import java.util.Objects;

/**
 * Two clusters became one: the absorbed cluster's id is retired and its members now carry the
 * survivor's id. Whoever keeps state keyed by cluster id must fold the absorbed cluster's state
 * into the survivor's when told.
 *
 * <p>The survivor is always the older cluster (the one created first); see {@link ClusterResolver}.
 *
 * @param survivorClusterId the id that remains
 * @param absorbedClusterId the id retired by this merge
 * @param beneficiaryId     the beneficiary being resolved when the merge happened
 * @param linkedToId        the beneficiary already holding the shared identifier
 * @param via               the type of the shared identifier
 * @param maskedValue       the shared identifier, masked
 */
public record Merge(String survivorClusterId, String absorbedClusterId, String beneficiaryId, String linkedToId,
                    IdentifierType via, String maskedValue) {
    /** @throws NullPointerException if a component is {@code null} */
    public Merge {
        Objects.requireNonNull(survivorClusterId, "survivorClusterId");
        Objects.requireNonNull(absorbedClusterId, "absorbedClusterId");
        Objects.requireNonNull(beneficiaryId, "beneficiaryId");
        Objects.requireNonNull(linkedToId, "linkedToId");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(maskedValue, "maskedValue");
    }

    /**
     * The reason in words, for example
     * {@code B-17 joined C-3 via phone +63917•••4567 (shared with B-4); C-5 absorbed into C-3}.
     */
    public String reason() {
        return beneficiaryId + " joined " + survivorClusterId + " via " + via.tag() + " " + maskedValue
                + " (shared with " + linkedToId + "); " + absorbedClusterId + " absorbed into " + survivorClusterId;
    }

    @Override
    public String toString() {
        return reason();
    }
}
