package org.osecscreener.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.detect.UnscreenableTransactionException;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleEvent;
import org.osecscreener.rules.RuleBundleEvent.Kind;
import org.osecscreener.rules.RuleBundleException;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.score.Assessment;

/** {@code effectiveFrom} in the embedded Screener: bundles screen the days from their effective day on (docs/rules.md). */
class EffectiveFromTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock WALL = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
    static final OffsetDateTime MARCH = OffsetDateTime.of(2026, 3, 2, 12, 0, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** The shipped pack's text with another version and effective day. */
    static String defaultText(int version, String effectiveFrom) {
        String text = new String(RuleBundleLoader.defaultBundleText(), StandardCharsets.UTF_8)
                .replaceFirst("(?m)^version: 1$", "version: " + version)
                .replaceFirst("(?m)^effectiveFrom: [0-9-]+$", "effectiveFrom: " + effectiveFrom);
        assertThat(text).contains("version: " + version + "\n").contains("effectiveFrom: " + effectiveFrom + "\n");
        return text;
    }

    /** The shipped pack with another version and effective day. */
    static RuleBundle defaultPack(int version, String effectiveFrom) {
        try {
            return new RuleBundleLoader().load("pack-v" + version + ".yaml", defaultText(version, effectiveFrom).getBytes(StandardCharsets.UTF_8));
        } catch (RuleBundleException e) {
            throw new AssertionError(e.errors().toString(), e);
        }
    }

    static Transaction tx(String id, OffsetDateTime at) {
        return ScreenerTest.tx(id, "S-1", "B-1", at, "40.00");
    }

    @Test
    void transactionBeforeEveryEffectiveDay_isRefusedOnTimestamp_andChangesNothing() throws Exception {
        Screener s = Screener.builder().bundle(defaultPack(1, "2026-01-01")).build(); // the shipped pack, made effective from 2026-01-01
        Transaction early = tx("T-2025", OffsetDateTime.of(2025, 12, 30, 23, 0, 0, 0, ZoneOffset.UTC));
        assertThatThrownBy(() -> s.screen(early)).isInstanceOf(UnscreenableTransactionException.class)
                .hasMessageStartingWith("no rule bundle in effect on 2025-12-30")
                .hasMessageContaining("osec-default@1 is effective from 2026-01-01")
                .satisfies(e -> assertThat(((UnscreenableTransactionException) e).field()).isEqualTo("timestamp"));
        assertThat(s.tracked().transactionIds()).as("nothing remembered").isZero();
        // the UTC day decides: 2026-01-01T08:00+10:00 is 2025-12-31 in UTC
        assertThatThrownBy(() -> s.screen(tx("T-eve", OffsetDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.ofHours(10)))))
                .hasMessageStartingWith("no rule bundle in effect on 2025-12-31");
        assertThat(s.screen(tx("T-new-year", OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))).bundle())
                .isEqualTo("osec-default@1");
    }

    @Test
    void reloadBeforeItsEffectiveDay_isPending_thenTakesEffectWhenEventTimeReachesIt() throws Exception {
        List<RuleBundleEvent> events = new ArrayList<>();
        Screener s = Screener.builder().clock(WALL).ruleEvents(events::add).build();
        assertThat(s.screen(tx("T-1", MARCH)).bundle()).isEqualTo("osec-default@1");
        RuleBundleEvent pending = s.reload(defaultPack(2, "2026-03-10"));
        assertThat(pending.kind()).isEqualTo(Kind.PENDING);
        assertThat(pending.message()).contains("osec-default@2 accepted, pending until 2026-03-10")
                .contains("event time is 2026-03-02").contains("osec-default@1 screens until then");
        assertThat(pending.replaces().label()).isEqualTo("osec-default@1");
        assertThat(pending.time()).isEqualTo(WALL.instant());
        assertThat(s.pendingBundles()).extracting(RuleBundle::version).containsExactly(2);
        assertThat(s.bundle().version()).isEqualTo(1);

        assertThat(s.screen(tx("T-2", MARCH.plusDays(3))).bundle()).isEqualTo("osec-default@1");
        assertThat(events).hasSize(1);
        Assessment switching = s.screen(tx("T-3", OffsetDateTime.of(2026, 3, 10, 0, 5, 0, 0, ZoneOffset.UTC)));
        assertThat(switching.bundle()).isEqualTo("osec-default@2");
        assertThat(events).hasSize(2);
        RuleBundleEvent effective = events.get(1);
        assertThat(effective.kind()).isEqualTo(Kind.EFFECTIVE);
        assertThat(effective.eventTime()).isEqualTo(Instant.parse("2026-03-10T00:05:00Z"));
        assertThat(effective.replaces().label()).isEqualTo("osec-default@1");
        assertThat(effective.bundle().sha256()).isEqualTo(pending.bundle().sha256());
        assertThat(s.bundle().version()).isEqualTo(2);
        assertThat(s.pendingBundles()).isEmpty();
        // a late transaction dated before the effective day keeps the bundle of its own day
        assertThat(s.screen(tx("T-late", MARCH.plusDays(6))).bundle()).isEqualTo("osec-default@1");
        assertThat(s.screen(tx("T-4", MARCH.plusDays(9))).bundle()).isEqualTo("osec-default@2");
        assertThat(events).as("one effective event only").hasSize(2);
    }

    @Test
    void transactionAheadOfTheOthers_isScreenedByTheBundleOfItsDay_andTakingEffectWaitsForAScreenedOne() throws Exception {
        List<RuleBundleEvent> events = new ArrayList<>();
        Screener s = Screener.builder().clock(WALL).ruleEvents(events::add).build();
        s.reload(defaultPack(2, "2026-03-10"));
        assertThat(events).extracting(RuleBundleEvent::kind).containsExactly(Kind.PENDING);
        assertThat(events.get(0).message()).contains("no transaction screened yet");
        assertThat(s.screen(tx("T-1", MARCH)).bundle()).isEqualTo("osec-default@1");
        // refused for another reason (no FX rate for its currency): event time does not move
        Transaction unscreenable = new Transaction("T-XAF", MARCH.plusDays(20), org.osecscreener.model.Money.of("5000",
                java.util.Currency.getInstance("XAF")), null, null, tx("x", MARCH).sender(), tx("x", MARCH).beneficiary(), null);
        assertThatThrownBy(() -> s.screen(unscreenable)).isInstanceOf(UnscreenableTransactionException.class)
                .satisfies(e -> assertThat(((UnscreenableTransactionException) e).field()).isEqualTo("currency"));
        assertThat(events).hasSize(1);
        assertThat(s.screen(tx("T-2", MARCH.plusDays(20))).bundle()).isEqualTo("osec-default@2");
        assertThat(events).extracting(RuleBundleEvent::kind).containsExactly(Kind.PENDING, Kind.EFFECTIVE);
    }

    @Test
    void reloadEffectiveInThePast_isAcceptedAtOnce_andPendingOnesItCoversAreSuperseded() throws Exception {
        List<RuleBundleEvent> events = new ArrayList<>();
        Screener s = Screener.builder().clock(WALL).ruleEvents(events::add).build();
        s.screen(tx("T-1", MARCH));
        s.reload(defaultPack(2, "2026-06-01"));
        s.reload(defaultPack(3, "2026-07-01"));
        RuleBundleEvent urgent = s.reload(defaultPack(4, "2026-02-01"));
        assertThat(urgent.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(urgent.replaces().label()).isEqualTo("osec-default@1");
        assertThat(events).extracting(RuleBundleEvent::kind)
                .containsExactly(Kind.PENDING, Kind.PENDING, Kind.ACCEPTED, Kind.SUPERSEDED, Kind.SUPERSEDED);
        assertThat(events.subList(3, 5)).allSatisfy(e -> assertThat(e.supersededBy().label()).isEqualTo("osec-default@4"));
        assertThat(events.get(3).bundle().label()).isEqualTo("osec-default@2");
        assertThat(s.pendingBundles()).isEmpty();
        assertThat(s.screen(tx("T-2", MARCH.plusDays(1))).bundle()).isEqualTo("osec-default@4");
        assertThat(s.screen(tx("T-3", OffsetDateTime.of(2026, 8, 1, 0, 0, 0, 0, ZoneOffset.UTC))).bundle())
                .as("superseded bundles never screen").isEqualTo("osec-default@4");
        assertThat(s.screen(tx("T-jan", OffsetDateTime.of(2026, 1, 20, 0, 0, 0, 0, ZoneOffset.UTC))).bundle())
                .as("days before the new bundle's effective day keep the older one").isEqualTo("osec-default@1");
    }

    @Test
    void reloadOfAnInvalidFile_givesARejectedEventWithEveryErrorAndTheDigestOfTheBytes() throws Exception {
        List<RuleBundleEvent> events = new ArrayList<>();
        Screener s = Screener.builder().clock(WALL).ruleEvents(events::add).build();
        String shipped = RuleBundleLoader.defaultBundle().effectiveFrom().toString(); // v2 effective on the shipped pack's day
        Path bad = dir.resolve("bad.yaml");
        String text = defaultText(2, shipped).replaceFirst("(?m)^  review: [0-9.]+", "  review: 1.5")
                .replaceFirst("(?m)^approvedBy: .*$", "");
        Files.writeString(bad, text);
        assertThatThrownBy(() -> s.reload(bad)).isInstanceOf(RuleBundleException.class);
        assertThat(events).hasSize(1);
        RuleBundleEvent e = events.get(0);
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.errors()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(m -> assertThat(m).startsWith("bad.yaml:"));
        assertThat(e.errors()).anySatisfy(m -> assertThat(m).contains("approvedBy"));
        assertThat(e.bundle().sha256()).isEqualTo(RuleBundleEvent.sha256(Files.readAllBytes(bad)));
        assertThat(e.running().label()).isEqualTo("osec-default@1");
        assertThat(e.eventDay()).isNull();

        Path good = dir.resolve("good.yaml");
        Files.writeString(good, defaultText(2, shipped));
        RuleBundleEvent accepted = s.reload(good);
        assertThat(accepted.kind()).as("no transaction yet: event time unknown").isEqualTo(Kind.PENDING);
        assertThat(accepted.source()).isEqualTo("good.yaml");
        assertThat(accepted.bundle().sha256()).isEqualTo(RuleBundleEvent.sha256(Files.readAllBytes(good)));
        assertThat(accepted.bundle().digest()).isEqualTo(RuleBundleEvent.Digest.TEXT);
        assertThat(accepted.replaces()).as("the same effective day: nothing screens the days before it").isNull();
        RuleBundleEvent superseded = events.get(events.size() - 1);
        assertThat(superseded.kind()).isEqualTo(Kind.SUPERSEDED);
        assertThat(superseded.bundle().label()).isEqualTo("osec-default@1");
        assertThat(superseded.bundle().sha256()).as("the shipped pack, hashed as shipped")
                .isEqualTo(RuleBundleEvent.sha256(RuleBundleLoader.defaultBundleText()));
        assertThat(superseded.supersededBy().label()).isEqualTo("osec-default@2");
        int before = events.size();
        assertThat(s.reload(defaultPack(2, shipped))).as("the newest bundle again: nothing happens (BundleStage)").isNull();
        assertThat(events).as("and no event").hasSize(before);
        assertThatThrownBy(() -> s.reload(defaultPack(2, "2026-05-01"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not move forward");
        assertThat(events.get(events.size() - 1).kind()).isEqualTo(Kind.REJECTED);
    }

    @Test
    void ignoreEffectiveFrom_screensEveryDayWithTheNewestBundle() throws Exception {
        Screener s = Screener.builder().bundle(defaultPack(1, "2030-01-01")).ignoreEffectiveFrom(true).build();
        assertThat(s.screen(tx("T-1", MARCH)).bundle()).isEqualTo("osec-default@1");
        RuleBundleEvent e = s.reload(defaultPack(2, "2031-01-01"));
        assertThat(e.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(s.screen(tx("T-2", MARCH.plusDays(1))).bundle()).isEqualTo("osec-default@2");
        assertThat(s.screen(tx("T-3", MARCH.minusDays(1))).bundle()).isEqualTo("osec-default@2");
    }

    @Test
    void ruleEventJson_hasTheDocumentedFields() throws Exception {
        List<RuleBundleEvent> events = new ArrayList<>();
        Screener s = Screener.builder().clock(WALL).ruleEvents(events::add).build();
        s.screen(tx("T-1", MARCH));
        s.reload(defaultPack(2, "2026-04-01"));
        s.screen(tx("T-2", OffsetDateTime.of(2026, 4, 1, 9, 30, 0, 0, ZoneOffset.ofHours(8))));
        JsonNode pending = JSON.readTree(events.get(0).toJson());
        assertThat(pending.get("event").asText()).isEqualTo("pending");
        assertThat(pending.get("time").asText()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(pending.get("eventDay").asText()).isEqualTo("2026-03-02");
        assertThat(pending.has("eventTime")).isFalse();
        assertThat(pending.get("source").asText()).isEqualTo("api");
        JsonNode bundle = pending.get("bundle");
        assertThat(bundle.get("id").asText()).isEqualTo("osec-default");
        assertThat(bundle.get("version").asInt()).isEqualTo(2);
        assertThat(bundle.get("approvedBy").asText()).startsWith("OSEC Screener maintainers");
        assertThat(bundle.get("effectiveFrom").asText()).isEqualTo("2026-04-01");
        assertThat(bundle.get("sha256").asText()).matches("[0-9a-f]{64}")
                .isEqualTo(RuleBundleEvent.sha256(new RuleBundleLoader().toJson(defaultPack(2, "2026-04-01"))));
        assertThat(bundle.get("sha256Of").asText()).isEqualTo("canonical");
        assertThat(pending.get("replaces").get("version").asInt()).isEqualTo(1);
        assertThat(pending.get("replaces").get("sha256Of").asText()).isEqualTo("text");
        assertThat(pending.has("errors")).isFalse();
        assertThat(pending.get("message").asText()).contains("pending until 2026-04-01");

        JsonNode effective = JSON.readTree(events.get(1).toJson());
        assertThat(effective.get("event").asText()).isEqualTo("effective");
        assertThat(effective.get("eventTime").asText()).isEqualTo("2026-04-01T01:30:00Z");
        assertThat(effective.get("eventDay").asText()).isEqualTo("2026-04-01");
        assertThat(effective.get("replaces").get("version").asInt()).isEqualTo(1);
    }
}
