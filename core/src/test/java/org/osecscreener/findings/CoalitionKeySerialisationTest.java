package org.osecscreener.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a coalition key travels to the tasks of a streaming job (Java serialisation). */
class CoalitionKeySerialisationTest {
    static final String KEY = "coalition-test-key-0123456789abcdef";

    @TempDir
    Path dir;

    static byte[] serialise(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    static Object deserialise(byte[] b) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return in.readObject();
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void keyFromFile_travelsAsItsLocation_andIsReadAgainWhereItArrives() throws Exception {
        Path file = dir.resolve("coalition.key");
        Files.writeString(file, KEY + "\n");
        CoalitionKey key = CoalitionKey.fromFile(file);

        byte[] shipped = serialise(key);
        assertThat(contains(shipped, KEY.getBytes(StandardCharsets.UTF_8))).as("key text in the serialised form").isFalse();
        assertThat(contains(shipped, file.toString().getBytes(StandardCharsets.UTF_8))).as("location travels").isTrue();

        CoalitionKey arrived = (CoalitionKey) deserialise(shipped);
        assertThat(arrived.checkValue()).isEqualTo(key.checkValue());
        assertThat(arrived.pseudonymiser().pseudonym("phone", "+639171234567"))
                .isEqualTo(key.pseudonymiser().pseudonym("phone", "+639171234567"));
    }

    @Test
    void keyFromFile_anotherKeyWhereItArrives_isRefusedWithBothCheckValues() throws Exception {
        Path file = dir.resolve("coalition.key");
        Files.writeString(file, KEY);
        CoalitionKey key = CoalitionKey.fromFile(file);
        byte[] shipped = serialise(key);

        Files.writeString(file, "another-coalition-key-fedcba9876543210");
        String other = CoalitionKey.fromFile(file).checkValue();
        assertThatThrownBy(() -> deserialise(shipped)).isInstanceOf(InvalidObjectException.class)
                .hasMessageContaining(key.checkValue()).hasMessageContaining(other)
                .hasMessageNotContaining("another-coalition-key");

        Files.delete(file);
        assertThatThrownBy(() -> deserialise(shipped)).isInstanceOf(InvalidObjectException.class)
                .hasMessageContaining("cannot be read on this machine");
    }

    @Test
    void keyGivenAsBytes_travelsAsBytes() throws Exception {
        CoalitionKey key = CoalitionKey.of(KEY.getBytes(StandardCharsets.UTF_8));
        CoalitionKey arrived = (CoalitionKey) deserialise(serialise(key));
        assertThat(arrived.checkValue()).isEqualTo(key.checkValue());
        assertThat(arrived.origin()).isEqualTo("bytes");
    }
}
