package org.osecscreener.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

/**
 * The packed evidence ids against reference models: {@link PackedIds} against a {@code List<String>},
 * and {@link TransferRing} against the ring it replaced (a list of transfers with their id strings,
 * inserted in time order, the oldest dropped when full), including the bytes it writes, which
 * earlier builds' state holds and must keep reading.
 */
class PackedIdsTest {
    /** Ids: short ASCII ones, empty ones, {@code null}, non-ASCII and ones long enough for a two-byte length. */
    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.strings().withCharRange('0', 'Z').ofMinLength(0).ofMaxLength(14)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('\u00e0', '\u00ff').withChars('\u20ac', 'T', '-')
                        .ofMinLength(1).ofMaxLength(70)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ascii().ofMinLength(120).ofMaxLength(300)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('\u4e00', '\u4e10').ofMinLength(40).ofMaxLength(128)),
                // NUL, unpaired surrogates and a supplementary character: kept exactly, as writeUTF keeps them
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars('\u0000', '\ud800', '\udfff', 'T', '7')
                        .ofMinLength(1).ofMaxLength(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("T-\ud83d\ude00-1")));
    }

    /** One operation: 0 insert, 1 remove the first, 2 insert another's id, 3 copy, 4 clear (rarely). */
    record Op(int kind, int where, String id) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Integer> kind = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(10, 0), net.jqwik.api.Tuple.of(5, 1), net.jqwik.api.Tuple.of(3, 2),
                net.jqwik.api.Tuple.of(1, 3), net.jqwik.api.Tuple.of(1, 4));
        return Combinators.combine(kind, Arbitraries.integers().between(0, 1_000), ids()).as(Op::new)
                .list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 300, seed = "20261207")
    void packedIds_behaveLikeAListOfStrings(@ForAll("ops") List<Op> ops) {
        PackedIds ids = new PackedIds();
        List<String> model = new ArrayList<>();
        PackedIds other = new PackedIds();
        List<String> otherModel = new ArrayList<>();
        for (Op o : ops) {
            switch (o.kind()) {
                case 0 -> {
                    int at = o.where() % (model.size() + 1);
                    ids.insert(at, o.id());
                    model.add(at, o.id());
                }
                case 1 -> {
                    if (!model.isEmpty()) {
                        ids.removeFirst();
                        model.remove(0);
                    }
                }
                case 2 -> {
                    if (!model.isEmpty()) {
                        int from = o.where() % model.size();
                        int at = o.where() % (otherModel.size() + 1);
                        other.insertFrom(at, ids, from);
                        otherModel.add(at, model.get(from));
                    }
                }
                case 3 -> {
                    other.copyFrom(ids);
                    otherModel = new ArrayList<>(model);
                }
                default -> {
                    ids.clear();
                    model.clear();
                }
            }
            assertThat(ids.size()).isEqualTo(model.size());
            assertThat(ids.sameAs(other)).isEqualTo(model.equals(otherModel));
        }
        assertSame(ids, model);
        assertSame(other, otherModel);
        for (int i = 0; i < model.size(); i++) {
            for (int j = 0; j < otherModel.size(); j++) {
                assertThat(ids.sameAt(i, other, j)).isEqualTo(Objects.equals(model.get(i), otherModel.get(j)));
            }
        }
        // a copy is independent of what it was copied from
        PackedIds copy = new PackedIds();
        copy.copyFrom(ids);
        if (ids.size() > 0) {
            ids.removeFirst();
        }
        ids.insert(0, "changed");
        assertSame(copy, model);
    }

    private static void assertSame(PackedIds ids, List<String> model) {
        assertThat(ids.size()).isEqualTo(model.size());
        for (int i = 0; i < model.size(); i++) {
            assertThat(ids.get(i)).as("id %d", i).isEqualTo(model.get(i));
        }
    }

    /** Written and read as {@link DataOutputStream#writeUTF} and {@link DataInputStream#readUTF} do, byte for byte. */
    @Property(tries = 300, seed = "20261207")
    void packedIds_writeAndReadTheBytesOfWriteUtf(@ForAll("ids") String id) throws IOException {
        PackedIds ids = new PackedIds();
        ids.insert(0, "T-0");
        ids.insert(1, id);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ProfileIo.writeNullable(new DataOutputStream(expected), id);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ids.writeNullable(new DataOutputStream(written), 1);
        assertThat(written.toByteArray()).isEqualTo(expected.toByteArray());

        PackedIds back = new PackedIds();
        back.insert(0, "T-0");
        back.readNullableAppend(new DataInputStream(new ByteArrayInputStream(expected.toByteArray())));
        assertThat(back.get(1)).isEqualTo(id);
        assertThat(back.sameAs(ids)).isTrue();
    }

    @Test
    void packedIds_refuseMalformedBytes_andKeepWhatTheyHeld() {
        PackedIds ids = new PackedIds();
        ids.insert(0, "T-1");
        // length 2, then a lone continuation byte: not modified UTF-8
        byte[] bad = {0, 2, (byte) 0x80, 'x'};
        assertThatThrownBy(() -> ids.readUtfAppend(new DataInputStream(new ByteArrayInputStream(bad))))
                .isInstanceOf(java.io.UTFDataFormatException.class);
        assertThat(ids.size()).isEqualTo(1);
        ids.insert(1, "T-2");
        assertThat(ids.get(0)).isEqualTo("T-1");
        assertThat(ids.get(1)).isEqualTo("T-2");
    }

    /** The cluster risk keeps its senders' evidence ids packed: its bytes and its behaviour are those of the id strings. */
    @Property(tries = 100, seed = "20261207")
    void clusterRisk_evidenceIds_roundTripExactly(@ForAll("transfers") List<Transfer> stream) throws IOException {
        ClusterRisk risk = new ClusterRisk();
        ModelRing model = new ModelRing(ClusterRisk.EVIDENCE);
        ClusterRisk.Sender s = null;
        for (Transfer t : stream) {
            if (t.id() == null) {
                continue;
            }
            s = risk.add("S-1", "US", ClusterRisk.PERSON, t.second(), 0, t.id(), "B-1", false, false, false, false);
            model.add(t);
        }
        if (s == null) {
            return;
        }
        assertThat(s.evidence()).isEqualTo(model.transfers.stream().map(Transfer::id).toList());
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        risk.writeTo(new DataOutputStream(b));
        ClusterRisk back = ClusterRisk.readFrom(new DataInputStream(new ByteArrayInputStream(b.toByteArray())));
        assertThat(back).isEqualTo(risk);
        assertThat(back.senders().get(0).evidence()).isEqualTo(s.evidence());
        assertThat(back.senders().get(0).lastTransactionId()).isEqualTo(s.lastTransactionId());
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        back.writeTo(new DataOutputStream(again));
        assertThat(again.toByteArray()).isEqualTo(b.toByteArray());
    }

    @Test
    void packedIds_refuseAnIdTooLongToKeep_andABadPosition() {
        PackedIds ids = new PackedIds();
        assertThatThrownBy(() -> ids.insert(0, "x".repeat(PackedIds.MAX_BYTES + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most " + PackedIds.MAX_BYTES);
        assertThat(ids.size()).isZero();
        ids.insert(0, "T-1");
        assertThatThrownBy(() -> ids.insert(2, "T-2")).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("position 2 of 1 ids");
        assertThatThrownBy(() -> ids.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        ids.removeFirst();
        assertThatThrownBy(ids::removeFirst).isInstanceOf(IllegalStateException.class);
    }

    /** A transfer of the reference ring. */
    record Transfer(long second, double amount, String id, int traits) {
    }

    /** The ring as it was before its ids were packed: the same rules, with a list of transfers. */
    static final class ModelRing {
        final int capacity;
        final List<Transfer> transfers = new ArrayList<>();

        ModelRing(int capacity) {
            this.capacity = capacity;
        }

        boolean add(Transfer t) {
            if (transfers.size() == capacity) {
                if (t.second() < transfers.get(0).second()) {
                    return false;
                }
                transfers.remove(0);
            }
            int i = transfers.size();
            while (i > 0 && transfers.get(i - 1).second() > t.second()) {
                i--;
            }
            transfers.add(i, t);
            return true;
        }

        byte[] bytes(boolean withTraits) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(b);
            out.writeShort(transfers.size());
            for (Transfer t : transfers) {
                out.writeLong(t.second());
                out.writeDouble(t.amount());
                ProfileIo.writeNullable(out, t.id());
                if (withTraits) {
                    out.writeInt(t.traits());
                }
            }
            return b.toByteArray();
        }
    }

    @Provide
    Arbitrary<List<Transfer>> transfers() {
        // few distinct seconds, so that late arrivals and equal times are common
        return Combinators.combine(Arbitraries.longs().between(1_000, 1_060), Arbitraries.doubles().between(0, 500),
                ids(), Arbitraries.integers().between(0, 15)).as(Transfer::new).list().ofMinSize(0).ofMaxSize(120);
    }

    @Property(tries = 300, seed = "20261207")
    void transferRing_behavesAsTheRingWithIdStrings(@ForAll("transfers") List<Transfer> stream,
            @ForAll("transfers") List<Transfer> absorbed) throws IOException {
        for (int capacity : new int[] {1, 4, PairProfile.RECENT}) {
            TransferRing ring = new TransferRing(capacity);
            ModelRing model = new ModelRing(capacity);
            for (Transfer t : stream) {
                assertThat(ring.add(t.second(), t.amount(), t.id(), t.traits())).isEqualTo(model.add(t));
                assertRing(ring, model);
            }
            // absorbing another ring adds its transfers one by one
            TransferRing other = new TransferRing(capacity);
            for (Transfer t : absorbed) {
                other.add(t.second(), t.amount(), t.id(), t.traits());
            }
            List<Transfer> otherKept = new ArrayList<>();
            for (int i = 0; i < other.size(); i++) {
                otherKept.add(new Transfer(other.second(i), other.amount(i), other.id(i), other.traits(i)));
            }
            ring.addAll(other);
            otherKept.forEach(model::add);
            assertRing(ring, model);

            // the bytes are those of the ring before (state of earlier builds reads back), and read back equal
            for (boolean withTraits : new boolean[] {false, true}) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                ring.writeTo(new DataOutputStream(b), withTraits);
                assertThat(b.toByteArray()).isEqualTo(model.bytes(withTraits));
                TransferRing back = new TransferRing(capacity);
                back.readFrom(new DataInputStream(new ByteArrayInputStream(b.toByteArray())), withTraits);
                if (withTraits) {
                    assertThat(back).isEqualTo(ring);
                }
                assertThat(back.size()).isEqualTo(ring.size());
            }
            TransferRing copy = new TransferRing(capacity);
            copy.copyFrom(ring);
            assertThat(copy).isEqualTo(ring);
            copy.add(2_000, 1, "other", 0);
            assertRing(ring, model);
            if (!model.transfers.isEmpty()) {
                assertThat(copy).isNotEqualTo(ring);
            }
        }
    }

    private static void assertRing(TransferRing ring, ModelRing model) {
        List<Transfer> m = model.transfers;
        assertThat(ring.size()).isEqualTo(m.size());
        List<String> idList = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            Transfer t = m.get(i);
            assertThat(ring.second(i)).isEqualTo(t.second());
            assertThat(ring.amount(i)).isEqualTo(t.amount());
            assertThat(ring.traits(i)).isEqualTo(t.traits());
            assertThat(ring.id(i)).isEqualTo(t.id());
            idList.add(t.id());
        }
        for (int from = 0; from <= m.size(); from++) {
            for (int max : new int[] {1, 3, 10}) {
                int start = Math.max(from, m.size() - max);
                List<String> got = ring.idsFrom(from, max);
                assertThat(got).isEqualTo(idList.subList(start, m.size()));
                // without a null id, the evidence stays packed until read
                assertThat(got instanceof org.osecscreener.model.EvidenceIds).isEqualTo(!got.contains(null));
                List<String> filtered = new ArrayList<>();
                for (int i = m.size() - 1; i >= from && filtered.size() < max; i--) {
                    if (m.get(i).amount() <= 250 && (m.get(i).traits() & 2) == 2) {
                        filtered.add(0, m.get(i).id());
                    }
                }
                assertThat(ring.idsFrom(from, max, 250, 2)).isEqualTo(filtered);
            }
        }
    }
}
