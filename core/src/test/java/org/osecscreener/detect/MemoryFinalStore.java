package org.osecscreener.detect;

import java.util.HashMap;
import java.util.Map;

import org.osecscreener.profile.ClusterRisk;
import org.osecscreener.profile.QueueItem;

/** A {@link FinalStore} over two hash maps, for tests that call the engine's steps directly. */
public final class MemoryFinalStore implements FinalStore {
    public final Map<String, ClusterRisk> risks = new HashMap<>();
    public final Map<String, QueueItem> items = new HashMap<>();

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
