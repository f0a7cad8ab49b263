package org.osecscreener.job;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Passes output lines through to a Kafka sink and counts them in an accumulator, so that a
 * {@code run} that writes to Kafka can say, and reflect in its exit code, whether records were
 * dead-lettered. Flink accumulators are not checkpointed: after a restart the count covers only
 * the job's last attempt.
 */
final class CountLines extends RichMapFunction<String, String> {
    private final String accumulator;
    private final boolean rejectedBundlesOnly;
    private transient LongCounter counter;

    /**
     * @param accumulator         the accumulator's name
     * @param rejectedBundlesOnly count only rule events of rejected bundles
     */
    CountLines(String accumulator, boolean rejectedBundlesOnly) {
        this.accumulator = accumulator;
        this.rejectedBundlesOnly = rejectedBundlesOnly;
    }

    @Override
    public void open(OpenContext ctx) {
        counter = new LongCounter();
        getRuntimeContext().addAccumulator(accumulator, counter);
    }

    @Override
    public String map(String line) {
        if (!rejectedBundlesOnly || JobRunner.isRejectedBundle(line)) {
            counter.add(1);
        }
        return line;
    }
}
