package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.flink.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.osecscreener.detect.ClusterView;
import org.osecscreener.model.Transaction;
import org.osecscreener.profile.ClusterProfile;
import org.osecscreener.profile.PairProfile;
import org.osecscreener.profile.ProfileIo;
import org.osecscreener.profile.SenderProfile;

/** The typed state and record serializers: same bytes as the earlier byte[] state, deep copies, round trips. */
class ProfileSerializersTest {
    @Test
    void profiles_serializeToTheBytesOfTheEarlierByteArrayState_andCopiesAreIndependent() throws Exception {
        SenderProfile sender = new SenderProfile();
        PairProfile pair = new PairProfile();
        ClusterProfile cluster = new ClusterProfile();
        long t = 1_780_000_000L;
        for (int i = 0; i < 40; i++) {
            pair.add(t + i * 3600L, 100 + i, "T-" + i);
            sender.count(t + i * 3600L);
            sender.countries().touch(i % 5 + 1, 20_000 + i, 0, 0);
            cluster.senders().touch(i, 20_000 + i, i % 3, 0);
            cluster.count();
        }
        cluster.absorb("C-OLD", null);
        sender.markAlert(t, "C-1", "T-9");

        assertThat(serialize(ProfileSerializers.SenderSerializer.INSTANCE, sender)).isEqualTo(asBytes(ProfileIo.toBytes(sender)));
        assertThat(serialize(ProfileSerializers.PairSerializer.INSTANCE, pair)).isEqualTo(asBytes(ProfileIo.toBytes(pair)));
        byte[] profile = ProfileIo.toBytes(cluster);
        byte[] dated = new byte[profile.length + 4];
        dated[3] = 7;
        System.arraycopy(profile, 0, dated, 4, profile.length);
        assertThat(serialize(ProfileSerializers.ClusterSerializer.INSTANCE, new ProfileSerializers.DatedCluster(7, cluster)))
                .isEqualTo(asBytes(dated));

        // bytes of the earlier state read back with the typed serializers
        byte[] old = asBytes(ProfileIo.toBytes(sender));
        assertThat(ProfileSerializers.SenderSerializer.INSTANCE.deserialize(new DataInputDeserializer(old))).isEqualTo(sender);
        assertThat(new ProfileSerializers.SenderSnapshot().resolveSchemaCompatibility(
                (org.apache.flink.api.common.typeutils.TypeSerializerSnapshot) BytePrimitiveArraySerializer.INSTANCE.snapshotConfiguration())
                .isCompatibleAsIs()).isTrue();

        // pair profiles are changed in place: the serializer's copy (what the heap backend hands out
        // while a snapshot holds the original) is a deep one
        PairProfile copy = ProfileSerializers.PairSerializer.INSTANCE.copy(pair);
        assertThat(copy).isNotSameAs(pair);
        assertThat(copy).isEqualTo(pair);
        copy.add(t + 1_000_000, 5, "T-NEW");
        assertThat(copy).isNotEqualTo(pair);
        SenderProfile senderCopy = sender.copy();
        senderCopy.count(t + 99);
        assertThat(senderCopy).isNotEqualTo(sender);
        ClusterProfile clusterCopy = cluster.copy();
        assertThat(clusterCopy).isEqualTo(cluster);
        clusterCopy.absorb("C-OTHER", null);
        assertThat(clusterCopy).isNotEqualTo(cluster);
    }

    @Test
    void envelopes_roundTripEveryBody() throws Exception {
        Transaction tx = JobTestSupport.sample().get(0);
        var ids = OperatorHarnessTest.NORMALISER.normalise(tx.beneficiary());
        ClusterView view = new ClusterView("C-1", 2, 3, 4, 5, 6, List.of("C-0"));
        for (Object body : List.of(Bodies.parsed(tx, ids, 11, 12), new Bodies.Routed(tx, view))) {
            Envelope e = new Envelope(tx.sender().id(), 1L, 2L, 3L, 4, "{\"bundle\":1}", body);
            Envelope back = EnvelopeSerializer.INSTANCE.copy(e);
            assertThat(back.key).isEqualTo(e.key);
            assertThat(back.time).isEqualTo(1L);
            assertThat(back.seq).isEqualTo(2L);
            assertThat(back.ingest).isEqualTo(3L);
            assertThat(back.version).isEqualTo(4);
            assertThat(back.bundle).isEqualTo(e.bundle);
        }
        // the cluster stage reads the skeleton and the whole transaction's bytes, and passes the bytes on
        Bodies.Parsed parsed = (Bodies.Parsed) EnvelopeSerializer.INSTANCE.copy(
                new Envelope("0", 1L, 2L, 3L, 4, null, Bodies.parsed(tx, ids, 11, 12))).body;
        assertThat(parsed.tx().id()).isEqualTo(tx.id());
        assertThat(parsed.tx().timestamp()).isEqualTo(tx.timestamp());
        assertThat(parsed.tx().amount()).isEqualTo(tx.amount());
        assertThat(parsed.tx().sender().id()).isEqualTo(tx.sender().id());
        assertThat(parsed.tx().sender().country()).isEqualTo(tx.sender().country());
        assertThat(parsed.tx().beneficiary().id()).isEqualTo(tx.beneficiary().id());
        assertThat(parsed.tx().beneficiary().name()).as("names are not decoded in the cluster stage").isNull();
        assertThat(parsed.whole()).isEqualTo(tx);
        assertThat(parsed.ids()).isEqualTo(ids);
        assertThat(parsed.surname()).isEqualTo(11);
        assertThat(parsed.address()).isEqualTo(12);
        assertThat(parsed.fingerprint()).isEqualTo(org.osecscreener.screen.ContentFingerprint.of(tx));
        Bodies.Routed passedOn = new Bodies.Routed(parsed.tx(), view, parsed.encoded());
        assertThat(passedOn.whole()).as("handed over without serialization (chained, or in tests)").isEqualTo(tx);
        Bodies.Routed routed = (Bodies.Routed) EnvelopeSerializer.INSTANCE.copy(
                new Envelope(tx.sender().id(), 1L, 2L, 3L, 4, null, passedOn)).body;
        assertThat(routed.tx()).isEqualTo(tx);
        assertThat(routed.whole()).isEqualTo(tx);
        assertThat(routed.view()).isEqualTo(view);
        var hit = new org.osecscreener.score.Hit("small_amount", 0.5, 0.2, false, () -> "small", List.of(tx.id()));
        Envelope partial = EnvelopeSerializer.INSTANCE.copy(new Envelope(tx.sender().id(), 1L, 2L, 3L, 4, null,
                new Bodies.Partial(new org.osecscreener.detect.PartialAssessment(tx, view, List.of(hit)), true)));
        var back = ((Bodies.Partial) partial.body).assessment();
        assertThat(back.view()).isEqualTo(view);
        assertThat(back.tx().id()).isEqualTo(tx.id());
        assertThat(back.tx().timestamp()).isEqualTo(tx.timestamp());
        assertThat(back.tx().sender().id()).isEqualTo(tx.sender().id());
        assertThat(back.tx().beneficiary().id()).isEqualTo(tx.beneficiary().id());
        assertThat(back.tx().beneficiary().name()).as("only the skeleton travels to the final stage").isNull();
        assertThat(back.hits()).singleElement().satisfies(h -> assertThat(h.reason()).isEqualTo("small"));
        Envelope none = EnvelopeSerializer.INSTANCE.copy(new Envelope(null, 1, 2, 3, 0, null, null));
        assertThat(none.key).isNull();
        assertThat(none.body).isNull();
    }

    @Test
    void aParsedBodyOfAnEarlierBuild_withoutItsFingerprint_getsItOnReading() throws Exception {
        Transaction tx = JobTestSupport.sample().get(0);
        var ids = OperatorHarnessTest.NORMALISER.normalise(tx.beneficiary());
        DataOutputSerializer out = new DataOutputSerializer(256);
        org.apache.flink.types.StringValue.writeString(tx.sender().id(), out);
        out.writeLong(1L);
        out.writeLong(2L);
        out.writeLong(3L);
        out.writeInt(4);
        org.apache.flink.types.StringValue.writeString(null, out);
        out.writeByte(1); // the earlier PARSED tag: transaction, identifiers, surname, address
        org.osecscreener.io.binary.BinaryCodec.writeTransaction(out, tx);
        org.osecscreener.io.binary.BinaryCodec.writeIdentifiers(out, ids);
        out.writeInt(11);
        out.writeInt(12);
        Envelope back = EnvelopeSerializer.INSTANCE.deserialize(
                new org.apache.flink.core.memory.DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        Bodies.Parsed parsed = (Bodies.Parsed) back.body;
        assertThat(parsed.tx()).isEqualTo(tx);
        assertThat(parsed.fingerprint()).isEqualTo(org.osecscreener.screen.ContentFingerprint.of(tx)).isNotZero();
    }

    /**
     * A rule's reason crosses from the sender stage to the final stage as its numbers and words and
     * renders there as the rule rendered it; a partial assessment in the form the build before
     * wrote into the final stage's buffer state (tag 5, reasons as text) is still read.
     */
    @Test
    void partials_ruleReasonsTravelStructured_andTheTextFormOfTheBuildBeforeIsStillRead() throws Exception {
        Transaction tx = JobTestSupport.sample().get(0);
        ClusterView view = new ClusterView("C-1", 2, 3, 4, 5, 6, List.of());
        var engine = org.osecscreener.detect.ScreeningEngine.of(org.osecscreener.rules.RuleBundleLoader.defaultBundle());
        var partial = engine.senderStep(new org.osecscreener.profile.SenderProfile(), new org.osecscreener.detect.PairStore() {
            private final java.util.Map<String, org.osecscreener.profile.PairProfile> m = new java.util.HashMap<>();

            @Override
            public org.osecscreener.profile.PairProfile get(String id) {
                return m.get(id);
            }

            @Override
            public void put(String id, org.osecscreener.profile.PairProfile p) {
                m.put(id, p);
            }

            @Override
            public void remove(String id) {
                m.remove(id);
            }
        }, tx, view);
        assertThat(partial.hits()).as("the sample's first transaction must fire a rule").isNotEmpty();
        assertThat(partial.hits()).anySatisfy(h -> assertThat(h.why()).isInstanceOf(org.osecscreener.detect.RuleReason.class));
        Envelope back = EnvelopeSerializer.INSTANCE.copy(new Envelope(tx.sender().id(), 1L, 2L, 3L, 4, null,
                new Bodies.Partial(partial, true)));
        var hits = ((Bodies.Partial) back.body).assessment().hits();
        assertThat(hits).hasSameSizeAs(partial.hits());
        for (int i = 0; i < hits.size(); i++) {
            assertThat(hits.get(i).why()).isEqualTo(partial.hits().get(i).why());
            assertThat(hits.get(i).reason()).isEqualTo(partial.hits().get(i).reason());
        }

        DataOutputSerializer out = new DataOutputSerializer(256);
        org.apache.flink.types.StringValue.writeString("0", out);
        out.writeLong(1L);
        out.writeLong(2L);
        out.writeLong(3L);
        out.writeInt(4);
        org.apache.flink.types.StringValue.writeString(null, out);
        out.writeByte(5); // the build before: reasons rendered as text
        org.osecscreener.io.binary.BinaryCodec.writePartial(out, partial, true);
        Envelope old = EnvelopeSerializer.INSTANCE.deserialize(
                new org.apache.flink.core.memory.DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        var oldHits = ((Bodies.Partial) old.body).assessment().hits();
        for (int i = 0; i < oldHits.size(); i++) {
            assertThat(oldHits.get(i).reason()).isEqualTo(partial.hits().get(i).reason());
        }
    }

    /** Bodies in the forms the build before wrote between stages (tags 6 and 2) are still read whole. */
    @Test
    void parsedAndRoutedBodiesOfTheBuildBefore_areStillRead() throws Exception {
        Transaction tx = JobTestSupport.sample().get(0);
        var ids = OperatorHarnessTest.NORMALISER.normalise(tx.beneficiary());
        ClusterView view = new ClusterView("C-1", 2, 3, 4, 5, 6, List.of());
        DataOutputSerializer out = header();
        out.writeByte(6); // parsed, with its fingerprint
        org.osecscreener.io.binary.BinaryCodec.writeTransaction(out, tx);
        org.osecscreener.io.binary.BinaryCodec.writeIdentifiers(out, ids);
        out.writeInt(11);
        out.writeInt(12);
        out.writeLong(77L);
        Bodies.Parsed parsed = (Bodies.Parsed) read(out).body;
        assertThat(parsed.tx()).isEqualTo(tx);
        assertThat(parsed.whole()).isEqualTo(tx);
        assertThat(parsed.encoded()).isNull();
        assertThat(parsed.fingerprint()).isEqualTo(77L);
        out = header();
        out.writeByte(2); // routed
        org.osecscreener.io.binary.BinaryCodec.writeTransaction(out, tx);
        org.osecscreener.io.binary.BinaryCodec.writeView(out, view);
        Bodies.Routed routed = (Bodies.Routed) read(out).body;
        assertThat(routed.whole()).isEqualTo(tx);
        assertThat(routed.view()).isEqualTo(view);
    }

    private static DataOutputSerializer header() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        org.apache.flink.types.StringValue.writeString("k", out);
        out.writeLong(1L);
        out.writeLong(2L);
        out.writeLong(3L);
        out.writeInt(4);
        org.apache.flink.types.StringValue.writeString(null, out);
        return out;
    }

    private static Envelope read(DataOutputSerializer out) throws Exception {
        return EnvelopeSerializer.INSTANCE.deserialize(
                new org.apache.flink.core.memory.DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    }

    private static <T> byte[] serialize(org.apache.flink.api.common.typeutils.TypeSerializer<T> s, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        s.serialize(value, out);
        return out.getCopyOfBuffer();
    }

    private static byte[] asBytes(byte[] state) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        BytePrimitiveArraySerializer.INSTANCE.serialize(state, out);
        return out.getCopyOfBuffer();
    }
}
