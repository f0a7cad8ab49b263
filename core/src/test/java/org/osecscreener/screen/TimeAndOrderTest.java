package org.osecscreener.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.osecscreener.detect.TestBundles;
import org.osecscreener.detect.UnscreenableTransactionException;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;

/** The documented outcome of each clock and order case in the embedded Screener (docs/time-and-order.md). */
class TimeAndOrderTest {
    static final OffsetDateTime T0 = ScreenerTest.T0;
    static final Clock NOW = Clock.fixed(T0.toInstant().plusSeconds(3600), ZoneOffset.UTC);

    static Transaction tx(String id, OffsetDateTime at) {
        return ScreenerTest.tx(id, "S1", "B1", at, "50.00");
    }

    @Test
    void farFuture_withMaxFuture_isRefusedOnTimestamp_andChangesNothing() throws Exception {
        Screener s = Screener.builder().clock(NOW).maxFuture(Duration.ofDays(1)).build();
        assertThatThrownBy(() -> s.screen(tx("T-future", T0.plusDays(2))))
                .isInstanceOf(UnscreenableTransactionException.class)
                .hasMessageContaining("after the current time").hasMessageContaining("PT24H")
                .satisfies(e -> assertThat(((UnscreenableTransactionException) e).field()).isEqualTo("timestamp"));
        assertThat(s.tracked().transactionIds()).isZero();
        assertThat(s.screen(tx("T-now", T0.plusHours(20))).duplicate()).as("within the tolerance").isFalse();
        // the refused id was not remembered: it can come again with a correct time
        assertThat(s.screen(tx("T-future", T0)).duplicate()).isFalse();
    }

    @Test
    void farFuture_withoutMaxFuture_isScreened_asReplaysOfSyntheticDataNeed() throws Exception {
        Screener s = Screener.builder().clock(NOW).build();
        assertThat(s.screen(tx("T-2099", OffsetDateTime.of(2099, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))).duplicate()).isFalse();
    }

    @Test
    void tooOld_beyondTheRetention_isRefused_justInside_isScreened() throws Exception {
        // the shipped pack effective a year earlier, so that the old days have rules in effect
        RuleBundle earlier = EffectiveFromTest.defaultPack(1, "2025-01-01");
        Screener s = Screener.builder().bundle(earlier).rejectTooOld(true).build();
        int retention = s.bundle().longestWindowDays() + 1;
        s.screen(tx("T-latest", T0));
        assertThatThrownBy(() -> s.screen(tx("T-old", T0.minusDays(retention + 1))))
                .isInstanceOf(UnscreenableTransactionException.class)
                .hasMessageContaining("before the latest event day screened").hasMessageContaining(retention + " days");
        assertThat(s.screen(tx("T-late", T0.minusDays(retention - 1))).duplicate()).isFalse();
        // a far-past record before anything else is the start of the stream, not old (given a bundle in effect then)
        Screener fresh = Screener.builder().bundle(EffectiveFromTest.defaultPack(1, "1990-01-01")).rejectTooOld(true).build();
        // and with the check off (the library default) an old record is screened, counted at its place in time
        Screener lenient = Screener.builder().bundle(earlier).build();
        lenient.screen(tx("T-latest", T0));
        assertThat(lenient.screen(tx("T-old", T0.minusDays(retention + 1))).duplicate()).isFalse();
        assertThat(fresh.screen(tx("T-1990", OffsetDateTime.of(1990, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))).level())
                .isNotNull();
    }

    @Test
    void duplicateId_exactReplayIsMarkedDuplicate_otherContentIsRefusedOnId_andAfterTheRetentionIsScreenedAnew() throws Exception {
        Screener s = Screener.builder().build();
        int retention = s.bundle().longestWindowDays() + 1;
        assertThat(s.screen(tx("T-1", T0)).duplicate()).isFalse();
        Assessment d = s.screen(tx("T-1", T0));
        assertThat(d.duplicate()).as("an exact replay").isTrue();
        assertThat(d.level()).isEqualTo(Level.NONE);
        assertThat(d.hits()).isEmpty();
        assertThatThrownBy(() -> s.screen(ScreenerTest.tx("T-1", "S-other", "B-other", T0.plusHours(1), "999.00")))
                .isInstanceOf(UnscreenableTransactionException.class)
                .hasMessageStartingWith("duplicate id with different content")
                .hasMessageContaining("screened on " + T0.toInstant().toString().substring(0, 10))
                .satisfies(e -> assertThat(((UnscreenableTransactionException) e).field()).isEqualTo("id"));
        assertThat(s.screen(tx("T-1", T0)).duplicate()).as("the first record is still the one remembered").isTrue();
        s.screen(tx("T-2", T0.plusDays(retention + 1)));
        assertThat(s.screen(tx("T-1", T0.plusDays(retention + 1))).duplicate()).as("forgotten after the retention").isFalse();
    }

    @Test
    void daylightSavingChange_repeatedLocalHour_isTwoTransfers_andTheLocalHourIsReadFromTheOffset() throws Exception {
        // Sydney falls back on 2026-04-05: 03:00 +11:00 becomes 02:00 +10:00, so 02:30 happens twice
        OffsetDateTime first = OffsetDateTime.of(2026, 4, 5, 2, 30, 0, 0, ZoneOffset.ofHours(11));
        OffsetDateTime second = OffsetDateTime.of(2026, 4, 5, 2, 30, 0, 0, ZoneOffset.ofHours(10));
        OffsetDateTime third = OffsetDateTime.of(2026, 4, 6, 1, 0, 0, 0, ZoneOffset.ofHours(10));
        assertThat(Duration.between(first, second)).isEqualTo(Duration.ofHours(1));
        String oddHours = "odd_hours: {weight: 0.3, startHour: 0, endHour: 5, windowDays: 30, minCount: 3}";
        Screener local = Screener.builder().bundle(TestBundles.with(oddHours)).build();
        assertThat(local.screen(tx("D1", first)).duplicate()).isFalse();
        assertThat(local.screen(tx("D2", second)).duplicate()).isFalse();
        Assessment a = local.screen(tx("D3", third));
        assertThat(a.hits()).as("three night transfers counted, the repeated hour included")
                .anySatisfy(h -> assertThat(h.ruleId()).isEqualTo("odd_hours"));
        assertThat(a.timestamp().getOffset()).isEqualTo(ZoneOffset.ofHours(10));

        // the same instants written in UTC are afternoon transfers: no night pattern
        Screener utc = Screener.builder().bundle(TestBundles.with(oddHours)).build();
        utc.screen(tx("D1", first.withOffsetSameInstant(ZoneOffset.UTC)));
        utc.screen(tx("D2", second.withOffsetSameInstant(ZoneOffset.UTC)));
        assertThat(utc.screen(tx("D3", third.withOffsetSameInstant(ZoneOffset.UTC))).hits())
                .noneSatisfy(h -> assertThat(h.ruleId()).isEqualTo("odd_hours"));
    }

    @Test
    void timeChecks_boundaries() {
        Transaction t = tx("T", T0);
        long now = T0.toInstant().toEpochMilli();
        assertThat(TimeChecks.tooFarAhead(t, now - 86_400_000L, Duration.ofDays(1))).isNull();
        assertThat(TimeChecks.tooFarAhead(t, now - 86_400_001L, Duration.ofDays(1))).isNotNull();
        assertThat(TimeChecks.tooFarAhead(t, Instant.EPOCH.toEpochMilli(), null)).isNull();
        int day = (int) Math.floorDiv(T0.toEpochSecond(), 86_400L);
        assertThat(TimeChecks.tooOld(t, day + 94, 94)).isNull();
        assertThat(TimeChecks.tooOld(t, day + 95, 94)).contains("95 days before");
        assertThat(TimeChecks.tooOld(t, Integer.MIN_VALUE, 94)).isNull();
    }
}
