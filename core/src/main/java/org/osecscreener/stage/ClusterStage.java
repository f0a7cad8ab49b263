package org.osecscreener.stage;

import java.util.List;

import org.osecscreener.cluster.Merge;
import org.osecscreener.cluster.Resolution;
import org.osecscreener.detect.ClusterView;
import org.osecscreener.detect.ScreeningEngine;
import org.osecscreener.model.Transaction;
import org.osecscreener.profile.ClusterProfile;

/**
 * The cluster stage around the engine's cluster step: folding the merges of a resolution into the
 * surviving profiles, expiry of cluster profiles, and the cluster step itself. Both shells call
 * {@link #step} after resolving the transaction's beneficiary (the embedded {@code Screener} under
 * its lock, the job's cluster stage in its one task), in arrival order.
 *
 * <p><b>Merge folding, once.</b> For each merge of the resolution, in order: the absorbed
 * cluster's profile (if remembered) is removed from the store and folded into the survivor's
 * ({@link ClusterProfile#absorb}, which also records the absorbed id for the later steps); a
 * survivor other than the transaction's own cluster is stored again at once, so that a later
 * merge of the same resolution that absorbs it carries what it absorbed. The transaction's own
 * cluster is stored after the cluster step. Cluster risk, cluster alerts and queue items of the
 * absorbed clusters are folded later, by {@link FinalStage}, from the view's absorbed ids: they
 * live with the final step in both shells.
 *
 * <p><b>Expiry.</b> The stage's clock is the latest event day screened ({@code clockDay}, this
 * transaction's included); profiles are written with it and forgotten when it passes them by more
 * than the retention of the bundle that screens the transaction ({@link Retention}).
 *
 * <p>Stateless; the store holds the state. No allocation beyond the engine's own and a new
 * profile for a new cluster.
 */
public final class ClusterStage {
    private ClusterStage() {
    }

    /**
     * Folds the merges of {@code r} and counts {@code tx} into its cluster's profile.
     *
     * @param engine   the engine of the bundle that screens {@code tx}
     * @param store    the clusters' profiles (updated)
     * @param tx       the transaction
     * @param r        the resolution of its beneficiary
     * @param surname  the payee's surname key ({@link Payees.Payee#surname})
     * @param address  the payee's address key ({@link Payees.Payee#address})
     * @param clockDay the stage's clock: the latest UTC event day screened, {@code tx}'s day included
     * @return what the sender step needs to know about the cluster
     */
    public static ClusterView step(ScreeningEngine engine, ClusterStore store, Transaction tx, Resolution r, int surname,
                                   int address, int clockDay) {
        int oldest = Retention.oldestDay(clockDay, Retention.days(engine));
        String clusterId = r.clusterId();
        ClusterProfile cluster = store.profile(clusterId, oldest);
        if (cluster == null) {
            cluster = new ClusterProfile();
        }
        List<Merge> merges = r.merges();
        for (int i = 0, n = merges.size(); i < n; i++) {
            Merge m = merges.get(i);
            String absorbedId = m.absorbedClusterId();
            ClusterProfile absorbed = store.profile(absorbedId, oldest);
            store.removeProfile(absorbedId);
            if (m.survivorClusterId().equals(clusterId)) {
                cluster.absorb(absorbedId, absorbed);
            } else {
                ClusterProfile survivor = store.profile(m.survivorClusterId(), oldest);
                if (survivor == null) {
                    survivor = new ClusterProfile();
                }
                survivor.absorb(absorbedId, absorbed);
                store.putProfile(m.survivorClusterId(), survivor, clockDay);
            }
        }
        ClusterView view = engine.clusterStep(cluster, tx, clusterId, r.clusterSize(), surname, address);
        store.putProfile(clusterId, cluster, clockDay);
        return view;
    }
}
