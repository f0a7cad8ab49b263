package org.osecscreener.detect;

import java.util.ArrayList;
import java.util.List;

import org.osecscreener.model.Transaction;
import org.osecscreener.profile.ClusterAlert;
import org.osecscreener.rules.LinkedToAlertedConfig;
import org.osecscreener.score.Hit;

/**
 * Network propagation, in two halves that run in two steps:
 * <ul>
 *   <li>sender side ({@link #evaluate}, in the sender step): the sender reached ALERT on another
 *       cluster within the window and now pays this one;</li>
 *   <li>cluster side ({@link #withClusterAlert}, in the final step): this cluster reached ALERT
 *       through another sender within the window and this sender now pays it.</li>
 * </ul>
 * When both hold, one hit carries both reasons. The earlier alerts' transactions are evidence.
 */
final class LinkedToAlertedDetector implements Detector {
    private final LinkedToAlertedConfig c;

    LinkedToAlertedDetector(LinkedToAlertedConfig c) {
        this.c = c;
    }

    @Override
    public String id() {
        return LinkedToAlertedConfig.TYPE;
    }

    /** The rule's weight. */
    double weight() {
        return c.weight();
    }

    @Override
    public Hit evaluate(Evaluation e) {
        long since = e.second - c.windowDays() * Evaluation.DAY;
        String cluster = e.view.clusterId();
        long senderAlert = e.sender.alertSecond();
        if (senderAlert == Long.MIN_VALUE || senderAlert < since || senderAlert > e.second
                || cluster.equals(e.sender.alertClusterId())) {
            return null;
        }
        String alertCluster = e.sender.alertClusterId();
        Hit.Reason senderReason = () -> "sender reached ALERT on cluster " + alertCluster + " on " + Fmt.date(senderAlert)
                + " and now pays cluster " + cluster;
        List<String> evidence = new ArrayList<>(2);
        if (e.sender.alertTxId() != null) {
            evidence.add(e.sender.alertTxId());
        }
        evidence.add(e.tx.id());
        return new Hit(id(), 1.0, c.weight(), false, senderReason, evidence);
    }

    /**
     * Adds the cluster side to {@code hits} (replacing a sender-side hit with a combined one) when
     * {@code alert} is another sender's ALERT on this cluster within the window.
     *
     * @return {@code hits} itself when nothing applies, else a new list
     */
    List<Hit> withClusterAlert(List<Hit> hits, Transaction tx, String clusterId, ClusterAlert alert) {
        if (alert == null) {
            return hits;
        }
        long second = tx.timestamp().toEpochSecond();
        if (alert.epochSecond() < second - c.windowDays() * Evaluation.DAY || alert.epochSecond() > second
                || tx.sender().id().equals(alert.senderId())) {
            return hits;
        }
        Hit.Reason clusterReason = () -> "cluster " + clusterId + " reached ALERT through another sender on "
                + Fmt.date(alert.epochSecond());
        List<Hit> out = new ArrayList<>(hits.size() + 1);
        Hit senderSide = null;
        for (Hit h : hits) {
            if (h.ruleId().equals(id())) {
                senderSide = h;
            } else {
                out.add(h);
            }
        }
        List<String> evidence = new ArrayList<>(3);
        if (senderSide != null) {
            for (String id : senderSide.evidence()) {
                if (!id.equals(tx.id())) {
                    evidence.add(id);
                }
            }
        }
        if (!evidence.contains(alert.txId())) {
            evidence.add(alert.txId());
        }
        evidence.add(tx.id());
        Hit.Reason why;
        if (senderSide == null) {
            why = clusterReason;
        } else {
            Hit.Reason senderReason = senderSide.why();
            why = () -> senderReason.text() + "; " + clusterReason.text();
        }
        Hit combined = new Hit(id(), 1.0, c.weight(), false, why, evidence);
        int at = 0;
        while (at < out.size() && !out.get(at).mitigating()) {
            at++;
        }
        out.add(at, combined); // rule order: after the positive rules, before family_support
        return out;
    }
}
