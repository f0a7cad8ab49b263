package org.osecscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osecscreener.rules.RuleBundleEvent.Digest;
import org.osecscreener.rules.RuleBundleEvent.Kind;

/** The days each bundle screens, pending bundles, supersession, retention and the state form. */
class BundleScheduleTest {
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final RuleBundleLoader LOADER = new RuleBundleLoader();

    static RuleBundle pack(int version, String effectiveFrom) throws RuleBundleException {
        String text = new String(RuleBundleLoader.defaultBundleText(), StandardCharsets.UTF_8)
                .replaceFirst("(?m)^version: 1$", "version: " + version)
                .replaceFirst("(?m)^effectiveFrom: [0-9-]+$", "effectiveFrom: " + effectiveFrom);
        return LOADER.load("v" + version + ".yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    static int day(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }

    static BundleSchedule<String> start(RuleBundle b) {
        return BundleSchedule.starting(b, "a".repeat(64), Digest.TEXT, "start.yaml", x -> x.id() + "@" + x.version(), false);
    }

    @Test
    void eachDayIsScreenedByTheHighestVersionEffectiveOnOrBeforeIt() throws Exception {
        BundleSchedule<String> s = start(pack(1, "2026-01-01"));
        assertThat(s.compiledAt(day("2025-12-31"))).isNull();
        assertThat(s.notInEffect(OffsetDateTime.of(2025, 12, 31, 10, 0, 0, 0, ZoneOffset.UTC)))
                .startsWith("no rule bundle in effect on 2025-12-31").contains("osec-default@1 is effective from 2026-01-01");
        s.offer(pack(2, "2026-03-01"), "b".repeat(64), Digest.TEXT, "v2.yaml", day("2026-02-01"), 30, NOW);
        s.offer(pack(3, "2026-04-01"), "c".repeat(64), Digest.TEXT, "v3.yaml", day("2026-02-01"), 30, NOW);
        assertThat(s.compiledAt(day("2026-01-01"))).isEqualTo("osec-default@1");
        assertThat(s.compiledAt(day("2026-02-28"))).isEqualTo("osec-default@1");
        assertThat(s.compiledAt(day("2026-03-01"))).isEqualTo("osec-default@2");
        assertThat(s.compiledAt(day("2026-03-31"))).isEqualTo("osec-default@2");
        assertThat(s.compiledAt(day("2027-01-01"))).isEqualTo("osec-default@3");
        assertThat(s.pending(day("2026-02-01"))).extracting(e -> e.bundle().version()).containsExactly(2, 3);
        assertThat(s.current(day("2026-02-01")).bundle().version()).isEqualTo(1);
        assertThat(s.current(Integer.MIN_VALUE)).isNull();
    }

    @Test
    void eventTimeJumpingOverTwoEffectiveDays_givesTwoEffectiveEventsInOrder() throws Exception {
        BundleSchedule<String> s = start(pack(1, "2026-01-01"));
        int clock = day("2026-02-01");
        s.offer(pack(2, "2026-03-01"), "b".repeat(64), Digest.TEXT, "v2.yaml", clock, 30, NOW);
        s.offer(pack(3, "2026-04-01"), "c".repeat(64), Digest.TEXT, "v3.yaml", clock, 30, NOW);
        assertThat(s.advance(clock, day("2026-02-27"), OffsetDateTime.parse("2026-02-27T10:00:00Z"), NOW)).isEmpty();
        List<RuleBundleEvent> events = s.advance(day("2026-02-27"), day("2026-04-02"),
                OffsetDateTime.parse("2026-04-02T10:00:00+02:00"), NOW);
        assertThat(events).extracting(RuleBundleEvent::kind).containsExactly(Kind.EFFECTIVE, Kind.EFFECTIVE);
        assertThat(events.get(0).bundle().label()).isEqualTo("osec-default@2");
        assertThat(events.get(0).replaces().label()).isEqualTo("osec-default@1");
        assertThat(events.get(1).replaces().label()).isEqualTo("osec-default@2");
        assertThat(events.get(1).eventTime()).isEqualTo(Instant.parse("2026-04-02T08:00:00Z"));
        assertThat(events.get(1).source()).isEqualTo("v3.yaml");
        assertThat(s.advance(day("2026-04-02"), day("2026-05-01"), OffsetDateTime.parse("2026-05-01T00:00:00Z"), NOW))
                .as("each takes effect once").isEmpty();
    }

    @Test
    void versionNotMovingForward_isRejected_andChangesNothing() throws Exception {
        BundleSchedule<String> s = start(pack(2, "2026-01-01"));
        List<RuleBundleEvent> events = s.offer(pack(2, "2026-05-01"), "b".repeat(64), Digest.CANONICAL, "api",
                day("2026-02-01"), 30, NOW);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.errors()).singleElement().asString().contains("version 2 does not move forward from osec-default@2");
            assertThat(e.running().label()).isEqualTo("osec-default@2");
        });
        assertThat(s.entries()).hasSize(1);
    }

    @Test
    void bundlesCoveringOnlyDaysOlderThanTheRetention_areForgottenAtTheNextAcceptance() throws Exception {
        BundleSchedule<String> s = start(pack(1, "2026-01-01"));
        s.offer(pack(2, "2026-02-01"), "b".repeat(64), Digest.TEXT, "v2.yaml", day("2026-03-01"), 30, NOW);
        assertThat(s.entries()).as("v1 still screens 2026-01-30 and 2026-01-31, within 30 days of 2026-03-01").hasSize(2);
        s.offer(pack(3, "2026-06-01"), "c".repeat(64), Digest.TEXT, "v3.yaml", day("2026-05-01"), 30, NOW);
        assertThat(s.entries()).extracting(e -> e.bundle().version()).containsExactly(2, 3);
        assertThat(s.compiledAt(day("2026-01-15"))).as("a day that old is refused as too old anyway").isNull();
    }

    @Test
    void stateForm_roundTripsEveryEntry_andPendingBundlesStillTakeEffectAfterwards() throws Exception {
        BundleSchedule<String> s = start(pack(1, "2026-01-01"));
        s.offer(pack(2, "2026-03-01"), "b".repeat(64), Digest.TEXT, "v2.yaml", day("2026-02-01"), 30, NOW);
        String state = s.toState(LOADER);
        BundleSchedule<String> restored = BundleSchedule.fromState(state, LOADER, x -> x.id() + "@" + x.version(), false);
        assertThat(restored.entries()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            BundleSchedule.Entry<String> a = s.entries().get(i);
            BundleSchedule.Entry<String> b = restored.entries().get(i);
            assertThat(b.bundle()).isEqualTo(a.bundle());
            assertThat(b.ref()).isEqualTo(a.ref());
            assertThat(b.source()).isEqualTo(a.source());
            assertThat(b.announced()).isEqualTo(a.announced());
            assertThat(b.compiled()).isEqualTo(a.compiled());
        }
        assertThat(restored.advance(day("2026-02-01"), day("2026-03-01"), OffsetDateTime.parse("2026-03-01T00:00:00Z"), NOW))
                .extracting(RuleBundleEvent::kind).containsExactly(Kind.EFFECTIVE);
    }
}
