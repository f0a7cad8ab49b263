package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** What of event time each kind of {@link EventTimeGate} lets through (the whole job: {@code PausedInputTest}). */
class EventTimeGateTest {
    @Test
    void noEventTime_passesRecordsOnly_andIsIdleFromTheStart_evenAtTheEndOfABoundedInput() throws Exception {
        try (OneInputStreamOperatorTestHarness<String, String> h = new OneInputStreamOperatorTestHarness<>(EventTimeGate.noEventTime())) {
            h.open();
            h.processElement("bundle v1", 5L);
            h.processWatermarkStatus(WatermarkStatus.ACTIVE);
            h.processWatermark(new Watermark(10L));
            h.processWatermark(Watermark.MAX_WATERMARK); // what a bounded rules stream ends with
            assertThat(List.copyOf(h.getOutput())).containsExactly(WatermarkStatus.IDLE, new StreamRecord<>("bundle v1", 5L));
        }
    }

    @Test
    void neverIdle_passesRecordsAndWatermarks_notIdleness() throws Exception {
        try (OneInputStreamOperatorTestHarness<String, String> h = new OneInputStreamOperatorTestHarness<>(EventTimeGate.neverIdle())) {
            h.open();
            h.processElement("tx 1", 5L);
            h.processWatermark(new Watermark(7L));
            h.processWatermarkStatus(WatermarkStatus.IDLE); // the input paused past the idleness
            h.processWatermarkStatus(WatermarkStatus.ACTIVE);
            h.processElement("tx 2", 9L);
            h.processWatermark(new Watermark(12L));
            assertThat(List.copyOf(h.getOutput())).containsExactly(new StreamRecord<>("tx 1", 5L), new Watermark(7L),
                    new StreamRecord<>("tx 2", 9L), new Watermark(12L));
        }
    }
}
