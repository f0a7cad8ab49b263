package org.osecscreener.screen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenIdsTest {
    @Test
    void idSeenAgainWithinRetention_isDuplicate_afterRetention_isNew() {
        SeenIds s = new SeenIds(3, 1_000);
        assertThat(s.firstSeen("T-1", 100)).isTrue();
        assertThat(s.firstSeen("T-1", 102)).isFalse();
        assertThat(s.firstSeen("T-2", 104)).isTrue(); // the clock moves to day 104
        assertThat(s.firstSeen("T-1", 104)).as("last seen on day 100, retention 3 days").isTrue();
        assertThat(s.firstSeen("T-1", 104)).isFalse();
    }

    @Test
    void sameIdSameContent_isAReplay_otherContent_isAConflict_neitherMovesTheClockOrChangesWhatIsRemembered() {
        SeenIds s = new SeenIds(3, 1_000);
        assertThat(s.check("T-1", 11, 100)).isEqualTo(SeenIds.Seen.NEW);
        assertThat(s.maxDay()).isEqualTo(100);
        assertThat(s.check("T-1", 11, 100)).isEqualTo(SeenIds.Seen.REPLAY);
        assertThat(s.check("T-1", 12, 102)).isEqualTo(SeenIds.Seen.CONFLICT);
        assertThat(s.lastDay()).isEqualTo(100);
        assertThat(s.maxDay()).as("a refused id does not move event time").isEqualTo(100);
        assertThat(s.check("T-1", 11, 101)).as("the first content is the one remembered").isEqualTo(SeenIds.Seen.REPLAY);
        assertThat(s.check("T-2", 13, 104)).isEqualTo(SeenIds.Seen.NEW);
        assertThat(s.check("T-1", 12, 104)).as("after the retention, new").isEqualTo(SeenIds.Seen.NEW);
        assertThat(s.check("T-1", 11, 104)).as("now the second content is remembered").isEqualTo(SeenIds.Seen.CONFLICT);
        assertThat(s.size()).isEqualTo(2);
    }

    @Test
    void manyIds_stayWithinTheBound_keepingTheNewestDays() {
        SeenIds s = new SeenIds(1000, 50_000);
        int duplicates = 0;
        for (int i = 0; i < 500_000; i++) {
            if (!s.firstSeen("T-" + i, i / 1000)) {
                duplicates++;
            }
        }
        assertThat(duplicates).isZero();
        assertThat(s.size()).isLessThanOrEqualTo((long) ((1 << 17) * 0.6));
        assertThat(s.firstSeen("T-499999", 499)).as("the newest ids are kept").isFalse();
        assertThat(s.firstSeen("T-0", 499)).as("the oldest were dropped under the bound").isTrue();
    }
}
