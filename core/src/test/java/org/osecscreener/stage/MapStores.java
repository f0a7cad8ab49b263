package org.osecscreener.stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osecscreener.profile.ClusterAlert;
import org.osecscreener.profile.ClusterProfile;
import org.osecscreener.profile.ClusterRisk;
import org.osecscreener.profile.PairProfile;
import org.osecscreener.profile.QueueItem;
import org.osecscreener.profile.SenderProfile;

/** The stores over plain maps, for the stages' own tests: the least a shell must do. */
final class MapStores {
    private MapStores() {
    }

    /** Cluster profiles with their write days. */
    static final class Clusters implements ClusterStore {
        final Map<String, ClusterProfile> profiles = new HashMap<>();
        final Map<String, Integer> days = new HashMap<>();

        @Override
        public ClusterProfile profile(String clusterId, int oldestDay) {
            ClusterProfile p = profiles.get(clusterId);
            if (p != null && days.get(clusterId) < oldestDay) {
                removeProfile(clusterId);
                return null;
            }
            return p;
        }

        @Override
        public void putProfile(String clusterId, ClusterProfile profile, int day) {
            profiles.put(clusterId, profile);
            days.put(clusterId, day);
        }

        @Override
        public void removeProfile(String clusterId) {
            profiles.remove(clusterId);
            days.remove(clusterId);
        }
    }

    /** One sender's profile and pairs. */
    static final class Sender implements SenderStore {
        SenderProfile profile;
        final Map<String, PairProfile> pairs = new LinkedHashMap<>();
        boolean added;
        int clears;

        @Override
        public SenderProfile profile() {
            added = false;
            return profile;
        }

        @Override
        public void putProfile(SenderProfile p) {
            profile = p;
        }

        @Override
        public void clear() {
            profile = null;
            pairs.clear();
            clears++;
        }

        @Override
        public boolean addedPair() {
            return added;
        }

        @Override
        public int pairCount() {
            return pairs.size();
        }

        @Override
        public String pairId(int i) {
            return new ArrayList<>(pairs.keySet()).get(i);
        }

        @Override
        public PairProfile get(String clusterId) {
            return pairs.get(clusterId);
        }

        @Override
        public void put(String clusterId, PairProfile p) {
            if (pairs.put(clusterId, p) == null) {
                added = true;
            }
        }

        @Override
        public void remove(String clusterId) {
            pairs.remove(clusterId);
        }
    }

    /** Cluster risks, alerts and queue items. */
    static final class Alerts implements AlertStore {
        final Map<String, ClusterRisk> risks = new HashMap<>();
        final Map<String, ClusterAlert> alerts = new HashMap<>();
        final Map<String, QueueItem> items = new HashMap<>();

        @Override
        public ClusterAlert alert(String clusterId) {
            return alerts.get(clusterId);
        }

        @Override
        public void putAlert(String clusterId, ClusterAlert alert) {
            alerts.put(clusterId, alert);
        }

        @Override
        public void removeAlert(String clusterId) {
            alerts.remove(clusterId);
        }

        @Override
        public ClusterRisk risk(String clusterId) {
            return risks.get(clusterId);
        }

        @Override
        public void putRisk(String clusterId, ClusterRisk risk) {
            risks.put(clusterId, risk);
        }

        @Override
        public void removeRisk(String clusterId) {
            risks.remove(clusterId);
        }

        @Override
        public QueueItem item(String key) {
            return items.get(key);
        }

        @Override
        public void putItem(String key, QueueItem item) {
            items.put(key, item);
        }

        @Override
        public void removeItem(String key) {
            items.remove(key);
        }
    }
}
