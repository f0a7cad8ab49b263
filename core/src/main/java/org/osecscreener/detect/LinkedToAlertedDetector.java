package org.osecscreener.detect;

import java.util.ArrayList;
import java.util.List;

import org.osecscreener.rules.LinkedToAlertedConfig;
import org.osecscreener.score.Hit;

/**
 * Network propagation: the sender reached ALERT on another cluster within the window (it now pays
 * this one), or this cluster reached ALERT through another sender within the window (this sender
 * now pays it). The earlier alert's transaction is the evidence.
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

    @Override
    public Hit evaluate(Evaluation e) {
        long since = e.second - c.windowDays() * Evaluation.DAY;
        String cluster = e.view.clusterId();
        long senderAlert = e.sender.alertSecond();
        boolean viaSender = senderAlert != Long.MIN_VALUE && senderAlert >= since && senderAlert <= e.second
                && !cluster.equals(e.sender.alertClusterId());
        long clusterAlert = e.view.alertSecond();
        boolean viaCluster = clusterAlert != Long.MIN_VALUE && clusterAlert >= since && clusterAlert <= e.second
                && !e.tx.sender().id().equals(e.view.alertSenderId());
        if (!viaSender && !viaCluster) {
            return null;
        }
        List<String> evidence = new ArrayList<>(3);
        if (viaSender && e.sender.alertTxId() != null) {
            evidence.add(e.sender.alertTxId());
        }
        if (viaCluster && e.view.alertTxId() != null && !evidence.contains(e.view.alertTxId())) {
            evidence.add(e.view.alertTxId());
        }
        evidence.add(e.tx.id());
        String senderAlertCluster = e.sender.alertClusterId();
        return new Hit(id(), 1.0, c.weight(), false,
                () -> (viaSender ? "sender reached ALERT on cluster " + senderAlertCluster + " on " + Fmt.date(senderAlert)
                        + " and now pays cluster " + cluster : "")
                        + (viaSender && viaCluster ? "; " : "")
                        + (viaCluster ? "cluster " + cluster + " reached ALERT through another sender on "
                        + Fmt.date(clusterAlert) : ""),
                evidence);
    }
}
