package org.osecscreener.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.osecscreener.profile.RecentKeys;
import org.osecscreener.profile.SenderProfile;

/**
 * The day from which a shell may drop an absent sender's state ({@link SenderStage#forgettableFrom}):
 * every transaction the global stage can still admit then finds the state expired, so dropping it
 * changes nothing; one day earlier, a transaction it admits can still read it.
 */
class SenderCleanUpTest {

    @Property(tries = 500, seed = "20261208")
    void latestDay_isWhatCountSinceSees(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 400) Integer> days,
                                        @ForAll @IntRange(min = -5, max = 405) int from) {
        RecentKeys k = new RecentKeys(SenderProfile.COUNTRIES);
        for (int i = 0; i < days.size(); i++) {
            k.touch(i % 40, days.get(i), 0, 0); // more keys than the capacity: the oldest are evicted
        }
        assertThat(k.countSince(from) == 0).isEqualTo(k.latestDay() < from);
        if (days.isEmpty()) {
            assertThat(k.latestDay()).isEqualTo(Integer.MIN_VALUE);
        } else {
            assertThat(k.latestDay()).as("the latest transfer is never the one evicted")
                    .isEqualTo(days.stream().mapToInt(Integer::intValue).max().orElseThrow());
        }
    }

    @Property(tries = 1000, seed = "20261208")
    void fromThatDay_everyAdmissibleTransactionFindsTheSenderExpired(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 20_000, max = 20_400) Integer> days,
            @ForAll @IntRange(min = 2, max = 400) int longest,
            @ForAll @IntRange(min = 0, max = 398) int shorter,
            @ForAll @IntRange(min = 0, max = 1000) int clockAfter,
            @ForAll @IntRange(min = 0, max = 1000) int lateBy) {
        SenderProfile p = profile(days);
        int r = Math.max(2, longest - shorter); // the bundle that screens it: at most the longest retention
        long from = SenderStage.forgettableFrom(p, longest);
        long clock = from + clockAfter;
        // the global stage admits a transaction of day t when t >= clock - longest (TimeChecks.tooOld)
        long t = clock - Math.min(lateBy, longest);
        assertThat(SenderStage.expired(p, (int) t, r)).isTrue();
    }

    @Property(tries = 300, seed = "20261208")
    void aDayEarlier_theLatestAdmissibleTransactionStillReadsTheState(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 20_000, max = 20_400) Integer> days,
            @ForAll @IntRange(min = 2, max = 400) int retention) {
        SenderProfile p = profile(days);
        long clock = SenderStage.forgettableFrom(p, retention) - 1;
        long oldestAdmitted = clock - retention;
        assertThat(SenderStage.expired(p, (int) oldestAdmitted, retention)).isFalse();
    }

    @Test
    void aProfileWithoutTransfers_isForgettableAtOnce_andARetentionBelowADayIsRefused() {
        SenderProfile empty = new SenderProfile();
        assertThat(SenderStage.forgettableFrom(empty, 10)).isEqualTo(Long.MIN_VALUE);
        assertThat(SenderStage.expired(empty, Integer.MIN_VALUE + 1, 10)).as("whatever the day").isTrue();
        assertThatThrownBy(() -> SenderStage.forgettableFrom(profile(List.of(20_000)), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one day");
    }

    private static SenderProfile profile(List<Integer> days) {
        SenderProfile p = new SenderProfile();
        for (int i = 0; i < days.size(); i++) {
            p.count(days.get(i) * 86_400L);
            p.countries().touch(1 + i % 5, days.get(i), 0, 0);
        }
        return p;
    }
}
