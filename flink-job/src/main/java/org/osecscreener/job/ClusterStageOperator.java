package org.osecscreener.job;

import java.util.List;

import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;

/**
 * The operator of the cluster stage: Flink's keyed-broadcast operator, which also gives its
 * {@link ClusterStepFunction} its key context once state is restored, so that the function keeps
 * seen ids and cluster profiles under one key per bucket of ids ({@link ClusterStepFunction#BUCKETS})
 * instead of under the stream's one constant key. Flink's broadcast-connected stream builds its own
 * operator, so the job connects the keyed stream to the broadcast-partitioned rule stream and
 * installs this one ({@link ScreeningJob#build}); the broadcast state, the keyed state and the
 * resolver's operator state keep their names, so savepoints of earlier builds restore.
 */
final class ClusterStageOperator extends CoBroadcastWithKeyedOperator<Integer, Envelope, RuleEvent, Envelope> {
    private static final long serialVersionUID = 1L;

    ClusterStageOperator(ClusterStepFunction function) {
        super(function, List.of(ClusterStepFunction.RULES));
    }

    @Override
    public void open() throws Exception {
        super.open();
        ((ClusterStepFunction) userFunction).bind(this);
    }
}
