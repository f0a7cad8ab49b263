package org.osecscreener.stage;

import java.util.List;
import java.util.Objects;

import org.osecscreener.detect.FinalStore;
import org.osecscreener.detect.PartialAssessment;
import org.osecscreener.detect.ScreeningEngine;
import org.osecscreener.profile.ClusterAlert;
import org.osecscreener.profile.ClusterRisk;
import org.osecscreener.profile.QueueItem;
import org.osecscreener.score.Screening;

/**
 * The final step around the engine's: where cluster alerts live and how they are folded on merges,
 * and expiry of the final step's state (cluster risk, cluster alerts, queue items). Both shells
 * call {@link #step} once per transaction: the embedded {@code Screener} right after the sender
 * step, the job's final stage in event-time order.
 *
 * <p><b>Cluster alerts.</b> The latest ALERT of each cluster is kept in the {@link AlertStore},
 * beside the cluster's risk, and handed to the engine's final step for propagation
 * ({@code linked_to_alerted}); an ALERT the step makes becomes the cluster's latest. When clusters
 * merge, the alerts of the absorbed clusters (the view's absorbed ids) are folded into the
 * survivor's, the latest kept, and removed, as the engine folds their risk profiles and queue items.
 * The embedded screener used to keep alerts in the cluster profile, folded at merge time; the job
 * in its final stage, folded from the absorbed ids. Alerts cannot live in the cluster stage in the
 * job: they exist only after the final step.
 *
 * <p><b>Expiry.</b> The step's clock is the latest event day it has screened; a value is forgotten
 * when it passes the value's day by more than the retention of the bundle screening the
 * transaction ({@link Retention}): a risk profile with no sender who paid the cluster since, an
 * alert made before, an item not updated since. The engine sees forgotten values as absent.
 *
 * <p>One instance per shell, holding the clock; not thread-safe. The clock is not checkpointed by
 * the job: after a restore it starts again from the first record screened, which the final stage
 * screens in event-time order, so it is the same day unless that record arrived late.
 */
public final class FinalStage {
    private final AlertStore store;
    private final Expiring expiring = new Expiring();
    private int clockDay = Integer.MIN_VALUE;

    /** A stage over {@code store}. */
    public FinalStage(AlertStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Folds the alerts of merged clusters, runs the engine's final step with the cluster's latest
     * ALERT, and records an ALERT it makes.
     *
     * @param engine  the engine of the bundle that screens the transaction
     * @param partial the sender step's result
     * @return everything the transaction produced
     */
    public Screening step(ScreeningEngine engine, PartialAssessment partial) {
        int day = Retention.day(partial.tx().timestamp().toEpochSecond());
        if (day > clockDay) {
            clockDay = day;
        }
        expiring.oldest = Retention.oldestDay(clockDay, Retention.days(engine));
        String clusterId = partial.view().clusterId();
        ClusterAlert stored = alert(clusterId);
        ClusterAlert latest = stored;
        List<String> absorbed = partial.view().absorbedIds();
        for (int i = 0, n = absorbed.size(); i < n; i++) {
            String id = absorbed.get(i);
            ClusterAlert old = alert(id);
            if (old != null) {
                latest = ClusterAlert.latest(latest, old);
                store.removeAlert(id);
            }
        }
        Screening out = engine.finalStep(partial, latest, expiring);
        latest = ClusterAlert.latest(latest, ScreeningEngine.alertOf(out.assessment()));
        if (latest != stored) {
            store.putAlert(clusterId, latest);
        }
        return out;
    }

    /** The latest event day screened ({@link Integer#MIN_VALUE} before the first). */
    public int clockDay() {
        return clockDay;
    }

    private ClusterAlert alert(String clusterId) {
        ClusterAlert a = store.alert(clusterId);
        if (a != null && expired(a, expiring.oldest)) {
            store.removeAlert(clusterId);
            return null;
        }
        return a;
    }

    /** Whether a cluster's risk profile is forgotten: no sender paid the cluster on or after {@code oldestDay}. */
    public static boolean expired(ClusterRisk risk, int oldestDay) {
        long from = (long) oldestDay * Retention.DAY;
        List<ClusterRisk.Sender> senders = risk.senders();
        for (int i = 0, n = senders.size(); i < n; i++) {
            if (senders.get(i).lastSecond() >= from) {
                return false;
            }
        }
        return true;
    }

    /** Whether a cluster alert is forgotten: made before {@code oldestDay}. */
    public static boolean expired(ClusterAlert alert, int oldestDay) {
        return Retention.day(alert.epochSecond()) < oldestDay;
    }

    /** Whether a queue item is forgotten: last updated before {@code oldestDay}. */
    public static boolean expired(QueueItem item, int oldestDay) {
        return Retention.day(item.lastSecond()) < oldestDay;
    }

    /** The store as the engine sees it: forgotten values read as absent (and are dropped). */
    private final class Expiring implements FinalStore {
        int oldest = Integer.MIN_VALUE;

        @Override
        public ClusterRisk risk(String clusterId) {
            ClusterRisk r = store.risk(clusterId);
            if (r != null && expired(r, oldest)) {
                store.removeRisk(clusterId);
                return null;
            }
            return r;
        }

        @Override
        public void putRisk(String clusterId, ClusterRisk risk) {
            store.putRisk(clusterId, risk);
        }

        @Override
        public void removeRisk(String clusterId) {
            store.removeRisk(clusterId);
        }

        @Override
        public QueueItem item(String key) {
            QueueItem it = store.item(key);
            if (it != null && expired(it, oldest)) {
                store.removeItem(key);
                return null;
            }
            return it;
        }

        @Override
        public void putItem(String key, QueueItem item) {
            store.putItem(key, item);
        }

        @Override
        public void removeItem(String key) {
            store.removeItem(key);
        }
    }
}
