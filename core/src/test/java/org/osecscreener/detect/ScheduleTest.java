package org.osecscreener.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link Stats#schedule}: the clock of family support and payroll, not the chance rhythm of sessions. */
class ScheduleTest {
    @Test
    void weeklyWithSkippedWeeks_fortnightly_andPaydays_areSchedules() {
        assertThat(Stats.schedule(new double[] {7, 6.9, 14.1, 7, 8, 7}, 6)).as("weekly, one week skipped").isGreaterThanOrEqualTo(0.8);
        assertThat(Stats.schedule(new double[] {14, 15, 13.5, 14}, 4)).isGreaterThanOrEqualTo(0.8);
        assertThat(Stats.schedule(new double[] {31, 28, 30, 33, 29}, 5)).isGreaterThanOrEqualTo(0.8);
        assertThat(Stats.schedule(new double[] {7, 7}, 2)).as("too few intervals").isZero();
    }

    @Test
    void irregularSessionIntervals_rarelyLookLikeASchedule() {
        SplittableRandom r = new SplittableRandom(7);
        int schedules = 0;
        for (int trial = 0; trial < 2_000; trial++) {
            double[] gaps = new double[6];
            for (int i = 0; i < gaps.length; i++) {
                gaps[i] = 5 + 14 * r.nextDouble(); // AIC: intervals under 20 days
            }
            schedules += Stats.schedule(gaps, gaps.length) > 0 ? 1 : 0;
        }
        assertThat(schedules).as("irregular 5–19 day intervals taken for a schedule").isLessThan(2_000 / 20);
    }
}
