package org.osecscreener.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.io.TransactionCodec;
import org.osecscreener.io.TransactionWriter;
import org.osecscreener.model.Transaction;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.screen.Screener;

class GeneratorTest {
    private static final GeneratorConfig DEFAULTS = GeneratorConfig.defaults();

    @TempDir
    Path dir;

    private static byte[] bytes(long seed, long n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TransactionWriter w = new TransactionWriter(out)) {
            Generator.of(DEFAULTS, seed).write(n, w, x -> { });
        }
        return out.toByteArray();
    }

    private static List<Transaction> generate(long seed, long n) {
        List<Transaction> out = new ArrayList<>();
        Generator.of(DEFAULTS, seed).generate(n, out::add, x -> { });
        return out;
    }

    @Test
    void sameSeedAndConfig_sameBytes() throws IOException {
        assertThat(bytes(7, 5_000)).isEqualTo(bytes(7, 5_000));
    }

    @Test
    void fastPath_writesExactlyTheCodecsBytes() throws IOException {
        ByteArrayOutputStream fast = new ByteArrayOutputStream();
        Generator.of(DEFAULTS, 7).write(5_000, fast, x -> { });
        // TransactionWriter's Jackson generator puts its root-value separator (one space) before
        // every line after the first; the fast path does not. Otherwise the bytes are identical.
        String viaCodec = new String(bytes(7, 5_000), java.nio.charset.StandardCharsets.UTF_8).replace("\n ", "\n");
        assertThat(new String(fast.toByteArray(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(viaCodec);
    }

    @Test
    void differentSeed_differentBytes() throws IOException {
        assertThat(bytes(7, 2_000)).isNotEqualTo(bytes(8, 2_000));
    }

    @Test
    void writesExactlyN_validLines_inEventTimeOrder() throws IOException {
        byte[] b = bytes(3, 3_000);
        String[] lines = new String(b, java.nio.charset.StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3_000);
        TransactionCodec codec = TransactionCodec.standard();
        long last = Long.MIN_VALUE;
        for (int i = 0; i < lines.length; i++) {
            var o = codec.parse(lines[i], i + 1);
            assertThat(o).as(lines[i]).isInstanceOf(org.osecscreener.io.ParseOutcome.Parsed.class);
            long t = ((org.osecscreener.io.ParseOutcome.Parsed) o).transaction().epochMillis();
            assertThat(t).isGreaterThanOrEqualTo(last);
            last = t;
        }
    }

    @Test
    void labels_matchScenarios_andSendersKeepOneOsecScenario() {
        Map<String, String> osecScenarioOfSender = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Transaction tx : generate(11, 40_000)) {
            assertThat(tx.label()).isNotNull();
            String s = tx.label().scenario();
            seen.add(s);
            if (tx.label().osec()) {
                assertThat(Scenarios.OSEC).contains(s);
                String before = osecScenarioOfSender.putIfAbsent(tx.sender().id(), s);
                assertThat(before == null || before.equals(s)).as(tx.sender().id()).isTrue();
                assertThat(tx.sender().country()).isIn(DEFAULTS.countries().osecOrigins().keySet());
            } else {
                assertThat(Scenarios.LEGITIMATE).contains(s);
            }
            if (s.equals(Scenarios.BUSINESS_PAYROLL)) {
                assertThat(tx.sender().type()).isEqualTo(org.osecscreener.model.PartyType.BUSINESS);
            }
            if (s.equals(Scenarios.CHARITY_DONATION)) {
                assertThat(tx.beneficiary().type()).isEqualTo(org.osecscreener.model.PartyType.ORGANIZATION);
            }
        }
        assertThat(seen).containsAll(Scenarios.OSEC).containsAll(Scenarios.LEGITIMATE);
    }

    @Test
    void defaultMix_osecSendersAreAboutOnePercent() {
        Set<String> senders = new HashSet<>();
        Set<String> osec = new HashSet<>();
        for (Transaction tx : generate(5, 60_000)) {
            senders.add(tx.sender().id());
            if (tx.label().osec()) {
                osec.add(tx.sender().id());
            }
        }
        double share = osec.size() / (double) senders.size();
        assertThat(share).isBetween(0.005, 0.02);
    }

    @Test
    void everyTransaction_isScreenableByTheDefaultBundle() throws Exception {
        Screener s = Screener.builder().bundle(RuleBundleLoader.defaultBundle()).build();
        for (Transaction tx : generate(9, 5_000)) {
            s.screen(tx.withoutLabel());   // throws if a currency had no FX rate
        }
    }

    @Test
    void config_roundTripsThroughYaml() throws IOException {
        Path f = dir.resolve("g.yaml");
        Files.writeString(f, DEFAULTS.toYaml());
        assertThat(GeneratorConfig.load(f)).isEqualTo(DEFAULTS);
    }

    @Test
    void config_unknownProperty_isRejected() throws IOException {
        Path f = dir.resolve("g.yaml");
        Files.writeString(f, DEFAULTS.toYaml().replace("days: 180", "days: 180\nvelocity: 3"));
        assertThatThrownBy(() -> GeneratorConfig.load(f)).hasMessageContaining("velocity");
    }

    @Test
    void config_missingProperty_isRejected() throws IOException {
        Path f = dir.resolve("g.yaml");
        Files.writeString(f, DEFAULTS.toYaml().replace("days: 180\n", ""));
        assertThatThrownBy(() -> GeneratorConfig.load(f)).hasMessageContaining("days");
    }

    @Test
    void config_outOfRange_namesTheField() throws IOException {
        Path f = dir.resolve("g.yaml");
        Files.writeString(f, DEFAULTS.toYaml().replace("osecSenderShare: 0.01", "osecSenderShare: 0.9"));
        assertThatThrownBy(() -> GeneratorConfig.load(f)).hasMessageContaining("osecSenderShare");
    }

    @Test
    void config_unknownCountry_isRejected() {
        assertThatThrownBy(() -> new GeneratorConfig.CountryMix(Map.of("XX", 1.0), Map.of("US", 1.0), Map.of("PH", 1.0),
                Map.of("PH", 1.0), Map.of("US>MX", 1.0))).hasMessageContaining("countries.diaspora").hasMessageContaining("XX");
    }
}
