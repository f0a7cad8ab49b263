package org.osecscreener.job;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * A pass-through operator that decides what of event time goes on: records always pass; watermarks
 * and idleness statuses pass or not, by {@linkplain #noEventTime() kind}. Stateless.
 *
 * <p>Two places of the pipeline need it, both because of how Flink combines event time over several
 * inputs: an operator's watermark is the least of its inputs' watermarks, <em>leaving out the inputs
 * marked idle</em>.
 * <ul>
 *   <li><b>Rule bundles</b> ({@link #noEventTime()}): a bounded rules stream (the baseline alone, when
 *       the job has no rules directory or topic) ends with the end-of-time watermark. Once the
 *       transactions paused for longer than the idleness, they were left out and the cluster stage's
 *       watermark jumped to the end of time, for good: every later transaction reached the final stage
 *       "late", to be screened in arrival order. The rules stream now carries no watermark and is
 *       declared idle from the start, so the clock is the transactions' alone.</li>
 *   <li><b>After the single-task cluster stage</b> ({@link #neverIdle()}): when the input pauses
 *       past the idleness, the cluster stage declares itself idle, and that status reached the final
 *       stage through each parallel sender subtask. When input resumed, the sender subtasks' channels
 *       became active again one after the other: the final stage took the watermark of the first one
 *       back while the other's records, still on a channel marked idle, were on their way, and those
 *       arrived late and were screened out of event-time order. Downstream of one task idleness says
 *       nothing (every channel carries that task's one watermark), so it is dropped there: after a
 *       pause the final stage waits for the watermark, or screens what it holds when its hold time
 *       passes, as designed ({@code FinalStepFunction}).</li>
 * </ul>
 * Idleness still does its work where it belongs: at the cluster stage's input, where an idle source
 * split must not hold back the others.
 */
final class EventTimeGate<T> extends AbstractStreamOperator<T> implements OneInputStreamOperator<T, T> {
    private final boolean watermarks;

    private EventTimeGate(boolean watermarks) {
        this.watermarks = watermarks;
    }

    /** Records only: no watermark and no status passes, and the output is idle from the start. */
    static <T> EventTimeGate<T> noEventTime() {
        return new EventTimeGate<>(false);
    }

    /** Records and watermarks pass; idleness statuses do not, so the output is never idle. */
    static <T> EventTimeGate<T> neverIdle() {
        return new EventTimeGate<>(true);
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (!watermarks) {
            output.emitWatermarkStatus(WatermarkStatus.IDLE);
        }
    }

    @Override
    public void processElement(StreamRecord<T> element) {
        output.collect(element);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (watermarks) {
            super.processWatermark(mark);
        }
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {
        // dropped: with noEventTime the output stays idle, with neverIdle it stays active
    }
}
