package org.osecscreener.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.ClusterResolver;
import org.osecscreener.cluster.Identifier;
import org.osecscreener.cluster.IdentifierType;
import org.osecscreener.cluster.NormalisationFlag;
import org.osecscreener.cluster.PayeeIdentifiers;
import org.osecscreener.cluster.Resolution;

/**
 * The resolver's incremental checkpoint ({@link ResolverJournal}): a checkpoint restored (base
 * restored, log replayed) is the live resolver byte for byte, whether the log was folded by the
 * background replica or on the caller's thread, with bounds that evict, hubs and merges in the
 * stream; and a restored journal goes on exactly as the original.
 */
class ResolverJournalTest {
    /** Small bounds, so that the stream evicts beneficiaries and identifiers and makes hubs. */
    private static final ClusterConfig CONFIG = ClusterConfig.builder().hubThreshold(4).maxBeneficiaries(300)
            .maxIdentifiers(500).build();
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Random beneficiaries sharing identifiers from a small pool (merges), some with normalisation flags. */
    private static List<Object[]> calls(long seed, int count) {
        Random rnd = new Random(seed);
        IdentifierType[] types = {IdentifierType.PHONE, IdentifierType.WALLET, IdentifierType.ACCOUNT, IdentifierType.ADDRESS};
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int k = rnd.nextInt(4);
            List<Identifier> ids = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                int v = rnd.nextInt(450);
                ids.add(new Identifier(types[v % types.length], "v" + v + (v % 7 == 0 ? "ñ" : "")));
            }
            EnumSet<NormalisationFlag> flags = EnumSet.noneOf(NormalisationFlag.class);
            if (rnd.nextInt(10) == 0) {
                flags.add(NormalisationFlag.values()[rnd.nextInt(NormalisationFlag.values().length)]);
            }
            out.add(new Object[] {"B-" + rnd.nextInt(700), PayeeIdentifiers.of(ids, flags)});
        }
        return out;
    }

    private static Resolution call(ResolverJournal j, Object[] c) {
        return j.resolve((String) c[0], (PayeeIdentifiers) c[1]);
    }

    @ParameterizedTest(name = "background replica: {0}")
    @ValueSource(booleans = {true, false})
    void everyCheckpointRestores_toTheLiveResolver_andFoldsTheLog(boolean background) throws Exception {
        List<Object[]> calls = calls(11, 12_000);
        Random every = new Random(5);
        int restoredFromAFold = 0;
        long maxSegments = 0;
        try (ResolverJournal j = ResolverJournal.restore(CONFIG, ResolverJournal.create(CONFIG, false).checkpoint(),
                background, 4_096)) {
            int i = 0;
            while (i < calls.size()) {
                int n = 1 + every.nextInt(400);
                for (int k = 0; k < n && i < calls.size(); k++, i++) {
                    call(j, calls.get(i));
                }
                ResolverJournal.Checkpoint cp = j.checkpoint();
                maxSegments = Math.max(maxSegments, cp.segments().size());
                restoredFromAFold += cp.base().calls() > 0 ? 1 : 0;
                try (ResolverJournal r = ResolverJournal.restore(CONFIG, cp, false)) {
                    assertThat(r.resolver().snapshot()).as("restored after call %d", i).isEqualTo(j.resolver().snapshot());
                }
                assertThat(j.awaitReplica(WAIT)).as("replica idle within %s", WAIT).isTrue();
            }
        }
        assertThat(restoredFromAFold).as("checkpoints whose base folded part of the log").isPositive();
        assertThat(maxSegments).as("the log is folded, not kept whole").isLessThan(40);
    }

    @Test
    void aRestoredJournal_goesOnAsTheOriginal() throws Exception {
        List<Object[]> calls = calls(23, 8_000);
        try (ResolverJournal a = ResolverJournal.create(CONFIG, true)) {
            for (Object[] c : calls.subList(0, 3_000)) {
                call(a, c);
            }
            ResolverJournal.Checkpoint cp = a.checkpoint();
            try (ResolverJournal b = ResolverJournal.restore(CONFIG, cp, true)) {
                List<Resolution> ra = new ArrayList<>();
                List<Resolution> rb = new ArrayList<>();
                for (Object[] c : calls.subList(3_000, calls.size())) {
                    ra.add(call(a, c));
                    rb.add(call(b, c));
                }
                assertThat(rb).isEqualTo(ra);
                assertThat(ra.stream().mapToInt(x -> x.merges().size()).sum()).as("merges in the stream").isPositive();
                assertThat(a.resolver().evictedBeneficiaries()).as("evictions in the stream").isPositive();
                assertThat(b.resolver().snapshot()).isEqualTo(a.resolver().snapshot());
                ResolverJournal.Checkpoint ca = a.checkpoint();
                ResolverJournal.Checkpoint cb = b.checkpoint();
                try (ResolverJournal x = ResolverJournal.restore(CONFIG, ca, false);
                     ResolverJournal y = ResolverJournal.restore(CONFIG, cb, false)) {
                    assertThat(y.resolver().snapshot()).isEqualTo(x.resolver().snapshot()).isEqualTo(a.resolver().snapshot());
                }
            }
        }
    }

    @Test
    void aFailedReplica_foldsOnTheCallersThread_andANewReplicaTakesOver() throws Exception {
        List<Object[]> calls = calls(31, 6_000);
        try (ResolverJournal j = ResolverJournal.restore(CONFIG, ResolverJournal.create(CONFIG, false).checkpoint(), true, 4_096)) {
            for (Object[] c : calls.subList(0, 500)) {
                call(j, c);
            }
            j.checkpoint();
            j.failReplica(new IllegalStateException("injected"));
            assertThat(j.awaitReplica(WAIT)).isTrue();
            for (Object[] c : calls.subList(500, 1_000)) {
                call(j, c);
            }
            ResolverJournal.Checkpoint folded = j.checkpoint();
            assertThat(folded.base().calls()).as("folded here, at the checkpoint's call").isEqualTo(1_000);
            assertThat(folded.segments()).isEmpty();
            try (ResolverJournal r = ResolverJournal.restore(CONFIG, folded, false)) {
                assertThat(r.resolver().snapshot()).isEqualTo(j.resolver().snapshot());
            }
            long lastBase = folded.base().calls();
            int i = 1_000;
            while (i < calls.size()) {
                for (int k = 0; k < 250 && i < calls.size(); k++, i++) {
                    call(j, calls.get(i));
                }
                ResolverJournal.Checkpoint cp = j.checkpoint();
                try (ResolverJournal r = ResolverJournal.restore(CONFIG, cp, false)) {
                    assertThat(r.resolver().snapshot()).as("restored after call %d", i).isEqualTo(j.resolver().snapshot());
                }
                lastBase = cp.base().calls();
                assertThat(j.awaitReplica(WAIT)).isTrue();
            }
            assertThat(lastBase).as("the new replica folds again").isGreaterThan(1_000);
        }
    }

    @Test
    void aWholeSnapshot_isABase() {
        ClusterResolver r = ClusterResolver.create(CONFIG);
        for (Object[] c : calls(3, 2_000)) {
            r.resolve((String) c[0], (PayeeIdentifiers) c[1]);
        }
        try (ResolverJournal j = ResolverJournal.fromSnapshot(CONFIG, r.snapshot(), false)) {
            assertThat(j.resolver().snapshot()).isEqualTo(r.snapshot());
            ResolverJournal.Checkpoint cp = j.checkpoint();
            assertThat(cp.base().calls()).isZero();
            assertThat(cp.segments()).isEmpty();
        }
    }

    @Test
    void aBaseLargerThanAChunk_isSplit_andReadBackInOrder() {
        byte[] big = new byte[ResolverJournal.CHUNK_BYTES * 2 + 17];
        new Random(1).nextBytes(big);
        List<byte[]> chunks = ResolverJournal.chunks(big);
        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(2)).hasSize(17);
        ClusterResolver r = ClusterResolver.create(CONFIG);
        for (Object[] c : calls(4, 500)) {
            r.resolve((String) c[0], (PayeeIdentifiers) c[1]);
        }
        byte[] snap = r.snapshot();
        List<byte[]> parts = List.of(java.util.Arrays.copyOfRange(snap, 0, 10), java.util.Arrays.copyOfRange(snap, 10, snap.length));
        assertThat(ResolverJournal.rebuild(CONFIG, new ResolverJournal.Base(0, parts), List.of()).snapshot()).isEqualTo(snap);
    }

    @Test
    void aMissingSegment_isRefused_withWhere() {
        try (ResolverJournal j = ResolverJournal.create(CONFIG, false)) {
            List<Object[]> calls = calls(8, 300);
            for (Object[] c : calls.subList(0, 100)) {
                call(j, c);
            }
            j.checkpoint();
            for (Object[] c : calls.subList(100, 300)) {
                call(j, c);
            }
            ResolverJournal.Checkpoint cp = j.checkpoint();
            assertThat(cp.segments()).hasSize(2);
            ResolverJournal.Checkpoint gap = new ResolverJournal.Checkpoint(cp.base(), List.of(cp.segments().get(1)));
            assertThatThrownBy(() -> ResolverJournal.restore(CONFIG, gap, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("starts at call 100 where call 0 was expected");
            ResolverJournal.Segment cut = cp.segments().get(0);
            ResolverJournal.Checkpoint torn = new ResolverJournal.Checkpoint(cp.base(), List.of(new ResolverJournal.Segment(0, 100,
                    java.util.Arrays.copyOf(cut.bytes(), cut.bytes().length / 2))));
            assertThatThrownBy(() -> ResolverJournal.restore(CONFIG, torn, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the segment of calls 0 to 100 is not readable");
        }
    }
}
