package org.osecscreener.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link SnapshotOutput} writes exactly the bytes of a {@code DataOutputStream} (the resolver's
 * snapshot format is defined by {@code DataOutput}): the same calls, on hostile strings (NUL,
 * two- and three-byte characters, unpaired surrogates, empty) and every primitive, give the same
 * bytes, across many growths of the buffer.
 */
class SnapshotOutputPropertyTest {
    /** One write: {@code kind} chooses the method, {@code text} and {@code number} are its argument. */
    record Write(int kind, String text, long number) {
        void to(DataOutput out) throws IOException {
            switch (kind) {
                case 0 -> out.writeUTF(text);
                case 1 -> out.writeInt((int) number);
                case 2 -> out.writeLong(number);
                case 3 -> out.writeByte((int) number);
                case 4 -> out.writeBoolean((number & 1) == 1);
                case 5 -> out.writeShort((int) number);
                case 6 -> out.writeChar((int) number);
                case 7 -> out.writeDouble(Double.longBitsToDouble(number));
                case 8 -> out.writeFloat(Float.intBitsToFloat((int) number));
                case 9 -> out.writeBytes(text);
                case 10 -> out.writeChars(text);
                default -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Provide
    Arbitrary<List<Write>> writes() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars('\0', 'é', '€', '\uD83D', '\uDE00', 'a').ofMaxLength(30),
                Arbitraries.of("", "+639171234567", "PH-123", "Maria Dela Cruz", "São Paulo 12"));
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 11), text, Arbitraries.longs())
                .as(Write::new).list().ofMaxSize(200);
    }

    @Property(tries = 400, seed = "20261207")
    void sameBytesAsDataOutputStream(@ForAll("writes") List<Write> writes) throws IOException {
        ByteArrayOutputStream reference = new ByteArrayOutputStream();
        DataOutputStream ref = new DataOutputStream(reference);
        SnapshotOutput out = new SnapshotOutput(1); // grows from the smallest buffer
        for (Write w : writes) {
            w.to(ref);
            w.to(out);
        }
        ref.flush();
        assertThat(out.toByteArray()).isEqualTo(reference.toByteArray());
    }

    @Test
    void aStringLongerThanModifiedUtf8Allows_isRefusedAsDataOutputStreamRefusesIt() {
        String tooLong = "€".repeat(21_846); // 65,538 bytes encoded
        assertThatThrownBy(() -> new DataOutputStream(new ByteArrayOutputStream()).writeUTF(tooLong))
                .isInstanceOf(UTFDataFormatException.class);
        assertThatThrownBy(() -> new SnapshotOutput(16).writeUTF(tooLong)).isInstanceOf(UTFDataFormatException.class);
    }
}
