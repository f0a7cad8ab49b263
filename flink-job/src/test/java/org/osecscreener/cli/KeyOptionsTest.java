package org.osecscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pseudonymisation key never comes from the command line, and errors never echo a key. */
class KeyOptionsTest {
    static final String SECRET = "c2VjcmV0LWtleS12YWx1ZS0xMjM0NTY3ODkw";

    @TempDir
    Path dir;

    @Test
    void keyGivenAsAnArgument_isRefused_withoutEchoingIt() {
        for (String option : new String[] {"--key", "--pseudonymise-key", "--hmac-key"}) {
            MainTest.Result r = MainTest.run("screen", "--input", "../samples/transactions.jsonl", "--output",
                    dir.resolve("a.jsonl").toString(), option, SECRET);
            assertThat(r.code()).as(option).isEqualTo(Main.USAGE_OR_IO);
            assertThat(r.err()).contains("never accepted on the command line").contains("--pseudonymise-key-file");
            assertThat(r.out() + r.err()).doesNotContain(SECRET);
        }
    }

    @Test
    void keyTypedWhereAVariableNameOrPathBelongs_isRefused_withoutEchoingIt() {
        MainTest.Result env = MainTest.run("run", "--pseudonymise-key-env", SECRET + "+/=");
        assertThat(env.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(env.err()).contains("NAME of an environment variable").doesNotContain(SECRET);
        MainTest.Result file = MainTest.run("screen", "--input", "../samples/transactions.jsonl", "--output",
                dir.resolve("a.jsonl").toString(), "--pseudonymise-key-file", SECRET);
        assertThat(file.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(file.err()).contains("does not exist").doesNotContain(SECRET);
        MainTest.Result unset = MainTest.run("screen", "--input", "../samples/transactions.jsonl", "--output",
                dir.resolve("a.jsonl").toString(), "--pseudonymise-key-env", "OSEC_TEST_KEY_THAT_IS_NOT_SET");
        assertThat(unset.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(unset.err()).contains("is not set");
    }

    @Test
    void shortKeyFile_isRefused_keyFile_isTrimmedAndUsed() throws Exception {
        Path shortKey = Files.writeString(dir.resolve("short"), "too-short\n");
        MainTest.Result r = MainTest.run("screen", "--input", "../samples/transactions.jsonl", "--output",
                dir.resolve("a.jsonl").toString(), "--pseudonymise-key-file", shortKey.toString());
        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.err()).contains("at least 16").doesNotContain("too-short");
        Path key = Files.writeString(dir.resolve("key"), "  " + SECRET + "\n");
        MainTest.Result ok = MainTest.run("screen", "--input", "../samples/transactions.jsonl", "--output",
                dir.resolve("b.jsonl").toString(), "--pseudonymise-key-file", key.toString());
        assertThat(ok.code()).isEqualTo(Main.OK);
        assertThat(ok.out()).contains("pseudonymised at ingest");
        assertThat(Files.readString(dir.resolve("b.jsonl"))).contains("\"senderId\":\"id:").doesNotContain("S-F001");
    }
}
