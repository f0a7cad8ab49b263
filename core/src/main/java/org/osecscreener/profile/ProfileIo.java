package org.osecscreener.profile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Binary form of profiles, for checkpoints (Flink state) and snapshots. Versioned per profile type. */
public final class ProfileIo {
    private ProfileIo() {
    }

    static void writeNullable(DataOutput out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    static String readNullable(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    static void checkVersion(DataInput in, int expected, String what) throws IOException {
        int v = in.readUnsignedByte();
        if (v != expected) {
            throw new IOException(what + " has format version " + v + "; this build reads version " + expected);
        }
    }

    /** Something that can be written to and read from bytes. */
    interface Writable {
        void writeTo(DataOutput out) throws IOException;
    }

    /** The bytes of {@code p}. */
    public static byte[] toBytes(SenderProfile p) {
        return bytes(p::writeTo);
    }

    /** The bytes of {@code p}. */
    public static byte[] toBytes(ClusterProfile p) {
        return bytes(p::writeTo);
    }

    /** The bytes of {@code p}. */
    public static byte[] toBytes(PairProfile p) {
        return bytes(p::writeTo);
    }

    /** A sender profile from {@link #toBytes(SenderProfile)}. */
    public static SenderProfile senderFrom(byte[] bytes) {
        try {
            return SenderProfile.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cluster profile from {@link #toBytes(ClusterProfile)}. */
    public static ClusterProfile clusterFrom(byte[] bytes) {
        try {
            return ClusterProfile.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pair profile from {@link #toBytes(PairProfile)}. */
    public static PairProfile pairFrom(byte[] bytes) {
        try {
            return PairProfile.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Writable w) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(b)) {
            w.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }
}
