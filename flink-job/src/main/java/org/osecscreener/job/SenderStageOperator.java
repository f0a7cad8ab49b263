package org.osecscreener.job;

import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;

/**
 * The operator of the sender stage: Flink's keyed process operator, which, once its timer service
 * exists, lets its {@link SenderStepFunction} set the event-time clean-up timer of every sender
 * restored from a build that set none (that build kept Flink's processing-time TTL instead). Same
 * class hierarchy, state names and timer service ({@code user-timers}) as the operator
 * {@code process()} builds, so savepoints of earlier builds restore into it.
 */
final class SenderStageOperator extends KeyedProcessOperator<String, Envelope, Envelope> {
    private static final long serialVersionUID = 1L;

    SenderStageOperator(SenderStepFunction function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        // the same service the keyed process operator created in open(): the timer service manager
        // keeps one per name
        InternalTimerService<VoidNamespace> timers = getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, this);
        ((SenderStepFunction) userFunction).setMissingTimers(getKeyedStateBackend(),
                at -> timers.registerEventTimeTimer(VoidNamespace.INSTANCE, at));
    }
}
