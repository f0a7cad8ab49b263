package org.osecscreener.job;

import org.apache.flink.streaming.api.operators.KeyedProcessOperator;

/**
 * The operator of the final stage: Flink's keyed process operator, which also gives its
 * {@link FinalStepFunction} its key context once state is restored, so that the function keeps
 * cluster alerts, cluster risk and queue items under one key per bucket ({@link StateBuckets})
 * instead of under the stream's one constant key. Same class hierarchy and state names as the
 * operator {@code process()} builds, so savepoints of earlier builds restore into it.
 */
final class FinalStageOperator extends KeyedProcessOperator<Integer, Envelope, String> {
    private static final long serialVersionUID = 1L;

    FinalStageOperator(FinalStepFunction function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        ((FinalStepFunction) userFunction).bind(this);
    }
}
