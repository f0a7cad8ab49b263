package org.osecscreener.job;

import java.io.IOException;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.osecscreener.profile.ClusterProfile;
import org.osecscreener.profile.ClusterRisk;
import org.osecscreener.profile.QueueItem;
import org.osecscreener.profile.PairProfile;
import org.osecscreener.profile.SenderProfile;

/**
 * Serializers of the profiles kept in keyed state, so that state holds typed profiles: on the
 * heap backend a record reads and updates its profile in place (no decoding and re-encoding per
 * record); on RocksDB the profile is written straight to the backend's buffer.
 *
 * <p>State format: the serialized form is byte for byte what the earlier {@code byte[]} state held
 * (a length, then the profile's {@code writeTo} bytes; cluster profiles prefixed with their event
 * day), so a savepoint whose state was {@code byte[]} is read as is (each serializer's snapshot
 * declares itself compatible with Flink's {@code byte[]} serializer). {@code copy} is a deep
 * copy through the profiles' {@code copy()} methods (the heap backend copies a value it shares
 * with a running asynchronous snapshot before a record may change it in place).
 */
final class ProfileSerializers {
    private ProfileSerializers() {
    }

    /** The cluster stage's value: a cluster profile and the event day it was last written (for the sweep). */
    static final class DatedCluster {
        int day;
        final ClusterProfile profile;

        DatedCluster(int day, ClusterProfile profile) {
            this.day = day;
            this.profile = profile;
        }
    }

    static final TypeInformation<SenderProfile> SENDER = new SimpleTypeInfo<>(SenderProfile.class, SenderSerializer.INSTANCE);
    static final TypeInformation<PairProfile> PAIR = new SimpleTypeInfo<>(PairProfile.class, PairSerializer.INSTANCE);
    static final TypeInformation<DatedCluster> CLUSTER = new SimpleTypeInfo<>(DatedCluster.class, ClusterSerializer.INSTANCE);
    static final TypeInformation<ClusterRisk> RISK = new SimpleTypeInfo<>(ClusterRisk.class, RiskSerializer.INSTANCE);
    static final TypeInformation<QueueItem> ITEM = new SimpleTypeInfo<>(QueueItem.class, ItemSerializer.INSTANCE);
    static final TypeInformation<Seen> SEEN = new SimpleTypeInfo<>(Seen.class, SeenSerializer.INSTANCE);

    /**
     * What the cluster stage remembers of a transaction id it screened (keyed by the id's 64-bit
     * hash): the UTC event day it was seen and its {@link org.osecscreener.screen.ContentFingerprint}
     * (0: unknown, for ids restored from a build that kept none). Immutable, so the heap backend
     * shares it between a snapshot and the live state instead of copying it.
     */
    record Seen(int day, long fingerprint) {
    }

    /** {@link Seen} in 12 bytes: the day, then the fingerprint. */
    static final class SeenSerializer extends ImmutableSerializer<Seen> {
        static final SeenSerializer INSTANCE = new SeenSerializer();

        @Override
        public Seen createInstance() {
            return new Seen(0, 0);
        }

        @Override
        public int getLength() {
            return 12;
        }

        @Override
        public void serialize(Seen value, DataOutputView target) throws IOException {
            target.writeInt(value.day());
            target.writeLong(value.fingerprint());
        }

        @Override
        public Seen deserialize(DataInputView source) throws IOException {
            return new Seen(source.readInt(), source.readLong());
        }

        @Override
        public void copy(DataInputView source, DataOutputView target) throws IOException {
            target.write(source, 12);
        }

        @Override
        public TypeSerializerSnapshot<Seen> snapshotConfiguration() {
            return new SeenSnapshot();
        }
    }

    public static final class SeenSnapshot extends SimpleTypeSerializerSnapshot<Seen> {
        public SeenSnapshot() {
            super(() -> SeenSerializer.INSTANCE);
        }
    }

    /** Writes a length-prefixed value, the layout of Flink's {@code byte[]} serializer. */
    abstract static class LengthPrefixed<T> extends TypeSerializerSingleton<T> {
        private static final ThreadLocal<DataOutputSerializer> BUFFER = ThreadLocal.withInitial(() -> new DataOutputSerializer(512));

        abstract void writeBody(T value, DataOutputView out) throws IOException;

        abstract T readBody(DataInputView in) throws IOException;

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public T copy(T from, T reuse) {
            return copy(from);
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(T value, DataOutputView target) throws IOException {
            DataOutputSerializer b = BUFFER.get();
            b.clear();
            writeBody(value, b);
            target.writeInt(b.length());
            target.write(b.getSharedBuffer(), 0, b.length());
        }

        @Override
        public T deserialize(DataInputView source) throws IOException {
            int n = source.readInt();
            if (n < 0) {
                throw new IOException("corrupt profile state: length " + n);
            }
            return readBody(source);
        }

        @Override
        public T deserialize(T reuse, DataInputView source) throws IOException {
            return deserialize(source);
        }

        @Override
        public void copy(DataInputView source, DataOutputView target) throws IOException {
            int n = source.readInt();
            target.writeInt(n);
            target.write(source, n);
        }
    }

    static final class SenderSerializer extends LengthPrefixed<SenderProfile> {
        static final SenderSerializer INSTANCE = new SenderSerializer();

        @Override
        void writeBody(SenderProfile value, DataOutputView out) throws IOException {
            value.writeTo(out);
        }

        @Override
        SenderProfile readBody(DataInputView in) throws IOException {
            return SenderProfile.readFrom(in);
        }

        @Override
        public SenderProfile createInstance() {
            return new SenderProfile();
        }

        @Override
        public SenderProfile copy(SenderProfile from) {
            return from.copy();
        }

        @Override
        public TypeSerializerSnapshot<SenderProfile> snapshotConfiguration() {
            return new SenderSnapshot();
        }
    }

    static final class PairSerializer extends LengthPrefixed<PairProfile> {
        static final PairSerializer INSTANCE = new PairSerializer();

        @Override
        void writeBody(PairProfile value, DataOutputView out) throws IOException {
            value.writeTo(out);
        }

        @Override
        PairProfile readBody(DataInputView in) throws IOException {
            return PairProfile.readFrom(in);
        }

        @Override
        public PairProfile createInstance() {
            return new PairProfile();
        }

        /**
         * A deep copy: the sender stage changes pair profiles in place, and the heap backend copies
         * a value it shares with a running snapshot before handing it out. (Builds that kept Flink's
         * TTL on this state shared the profile instead, because the TTL clean-up of map state copied
         * every value of each map it visited, on every state access; the stage changed a copy.)
         */
        @Override
        public PairProfile copy(PairProfile from) {
            return from.copy();
        }

        @Override
        public TypeSerializerSnapshot<PairProfile> snapshotConfiguration() {
            return new PairSnapshot();
        }
    }

    static final class ClusterSerializer extends LengthPrefixed<DatedCluster> {
        static final ClusterSerializer INSTANCE = new ClusterSerializer();

        @Override
        void writeBody(DatedCluster value, DataOutputView out) throws IOException {
            out.writeInt(value.day);
            value.profile.writeTo(out);
        }

        @Override
        DatedCluster readBody(DataInputView in) throws IOException {
            int day = in.readInt();
            return new DatedCluster(day, ClusterProfile.readFrom(in));
        }

        @Override
        public DatedCluster createInstance() {
            return new DatedCluster(0, new ClusterProfile());
        }

        @Override
        public DatedCluster copy(DatedCluster from) {
            return new DatedCluster(from.day, from.profile.copy());
        }

        @Override
        public TypeSerializerSnapshot<DatedCluster> snapshotConfiguration() {
            return new ClusterSnapshot();
        }
    }

    /** The final stage's payee-cluster risk profiles. */
    static final class RiskSerializer extends LengthPrefixed<ClusterRisk> {
        static final RiskSerializer INSTANCE = new RiskSerializer();

        @Override
        void writeBody(ClusterRisk value, DataOutputView out) throws IOException {
            value.writeTo(out);
        }

        @Override
        ClusterRisk readBody(DataInputView in) throws IOException {
            return ClusterRisk.readFrom(in);
        }

        @Override
        public ClusterRisk createInstance() {
            return new ClusterRisk();
        }

        @Override
        public ClusterRisk copy(ClusterRisk from) {
            return from.copy();
        }

        @Override
        public TypeSerializerSnapshot<ClusterRisk> snapshotConfiguration() {
            return new RiskSnapshot();
        }
    }

    /** The final stage's open queue items (immutable records). */
    /**
     * A serializer of an immutable value: copies are the value itself, so the heap backend shares it
     * between a snapshot and the live state; a reused instance is never filled in.
     */
    abstract static class ImmutableSerializer<T> extends TypeSerializerSingleton<T> {
        @Override
        public final boolean isImmutableType() {
            return true;
        }

        @Override
        public final T copy(T from) {
            return from;
        }

        @Override
        public final T copy(T from, T reuse) {
            return from;
        }

        @Override
        public final T deserialize(T reuse, DataInputView source) throws IOException {
            return deserialize(source);
        }

        @Override
        public void copy(DataInputView source, DataOutputView target) throws IOException {
            serialize(deserialize(source), target);
        }
    }

    static final class ItemSerializer extends ImmutableSerializer<QueueItem> {
        static final ItemSerializer INSTANCE = new ItemSerializer();

        @Override
        public QueueItem createInstance() {
            return new QueueItem("", 0, 0);
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(QueueItem value, DataOutputView target) throws IOException {
            target.writeUTF(value.id());
            target.writeLong(value.openedSecond());
            target.writeLong(value.lastSecond());
        }

        @Override
        public QueueItem deserialize(DataInputView source) throws IOException {
            return new QueueItem(source.readUTF(), source.readLong(), source.readLong());
        }

        @Override
        public TypeSerializerSnapshot<QueueItem> snapshotConfiguration() {
            return new ItemSnapshot();
        }
    }

    public static final class RiskSnapshot extends SimpleTypeSerializerSnapshot<ClusterRisk> {
        public RiskSnapshot() {
            super(() -> RiskSerializer.INSTANCE);
        }
    }

    public static final class ItemSnapshot extends SimpleTypeSerializerSnapshot<QueueItem> {
        public ItemSnapshot() {
            super(() -> ItemSerializer.INSTANCE);
        }
    }

    /** A snapshot that also reads state written by Flink's {@code byte[]} serializer (same bytes). */
    abstract static class CompatibleWithBytes<T> extends SimpleTypeSerializerSnapshot<T> {
        CompatibleWithBytes(java.util.function.Supplier<? extends TypeSerializer<T>> s) {
            super(s);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
            if ((TypeSerializerSnapshot) old instanceof BytePrimitiveArraySerializer.BytePrimitiveArraySerializerSnapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            return super.resolveSchemaCompatibility(old);
        }
    }

    public static final class SenderSnapshot extends CompatibleWithBytes<SenderProfile> {
        public SenderSnapshot() {
            super(() -> SenderSerializer.INSTANCE);
        }
    }

    public static final class PairSnapshot extends CompatibleWithBytes<PairProfile> {
        public PairSnapshot() {
            super(() -> PairSerializer.INSTANCE);
        }
    }

    public static final class ClusterSnapshot extends CompatibleWithBytes<DatedCluster> {
        public ClusterSnapshot() {
            super(() -> ClusterSerializer.INSTANCE);
        }
    }

    /** Type information around a fixed serializer. */
    static final class SimpleTypeInfo<T> extends TypeInformation<T> {
        private final Class<T> type;
        private final TypeSerializer<T> serializer;

        SimpleTypeInfo(Class<T> type, TypeSerializer<T> serializer) {
            this.type = type;
            this.serializer = serializer;
        }

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 1;
        }

        @Override
        public int getTotalFields() {
            return 1;
        }

        @Override
        public Class<T> getTypeClass() {
            return type;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<T> createSerializer(org.apache.flink.api.common.serialization.SerializerConfig config) {
            return serializer;
        }

        @Override
        public String toString() {
            return type.getSimpleName();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SimpleTypeInfo<?> s && s.type == type;
        }

        @Override
        public int hashCode() {
            return type.hashCode();
        }

        @Override
        public boolean canEqual(Object o) {
            return o instanceof SimpleTypeInfo;
        }
    }
}
