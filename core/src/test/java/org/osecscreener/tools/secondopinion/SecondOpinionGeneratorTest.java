package org.osecscreener.tools.secondopinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.TransactionCodec;
import org.osecscreener.model.Transaction;

class SecondOpinionGeneratorTest {

    private static byte[] bytes(long seed, long n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecondOpinionGenerator.of(seed).write(n, out, null);
        return out.toByteArray();
    }

    private static Set<String> senderNames(long seed, long n) {
        Set<String> names = new HashSet<>();
        SecondOpinionGenerator.of(seed).generate(n, t -> names.add(t.sender().name()), null);
        return names;
    }

    @Test
    void sameSeed_writesIdenticalBytes_otherSeed_aDifferentPopulation() throws IOException {
        assertThat(bytes(7, 10_000)).isEqualTo(bytes(7, 10_000));
        Set<String> namesA = senderNames(7, 10_000);
        Set<String> namesB = senderNames(8, 10_000);
        Set<String> common = new HashSet<>(namesA);
        common.retainAll(namesB);
        assertThat(namesA).hasSizeGreaterThan(500);
        assertThat(common.size()).as("sender names shared by the populations of seeds 7 and 8").isLessThan(namesA.size() / 5);
    }

    @Test
    void writesExactlyTheNumberAsked() {
        for (long n : new long[] {0, 1, 777, 5_000}) {
            long[] seen = {0};
            long made = SecondOpinionGenerator.of(3).generate(n, t -> seen[0]++, null);
            assertThat(made).isEqualTo(n);
            assertThat(seen[0]).as("transactions for %d asked", n).isEqualTo(n);
        }
    }

    @Test
    void rejectsANegativeOrTooLargeCount() {
        SecondOpinionGenerator g = SecondOpinionGenerator.of(1);
        assertThatThrownBy(() -> g.generate(-1, t -> { }, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was -1");
        assertThatThrownBy(() -> g.generate(SecondOpinionGenerator.MAX_TRANSACTIONS + 1, t -> { }, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 20000000");
    }

    @Test
    void transactions_comeInEventTimeOrder_withUniqueIds() {
        List<Transaction> txs = Generated.sample();
        assertThat(txs).hasSize((int) Generated.N);
        Set<String> ids = new HashSet<>();
        long last = Long.MIN_VALUE;
        for (Transaction t : txs) {
            assertThat(t.epochMillis()).as("transaction %s", t.id()).isGreaterThanOrEqualTo(last);
            last = t.epochMillis();
            assertThat(ids.add(t.id())).as("id %s unique", t.id()).isTrue();
        }
    }

    @Test
    void everyLine_readsBackThroughTheCodec_asTheSameTransaction() throws IOException {
        List<Transaction> expected = Generated.sample();
        TransactionCodec codec = TransactionCodec.standard();
        // Parse each line as the writer hands it over, so the 110,000 lines are never held as text at once.
        List<String> bad = new ArrayList<>();
        int[] at = {0};
        OutputStream lines = new OutputStream() {
            private byte[] line = new byte[4096];
            private int len;

            @Override
            public void write(int b) {
                if (b == '\n') {
                    ParseOutcome o = codec.parse(line, 0, len, at[0] + 1);
                    if (!(o instanceof ParseOutcome.Parsed p) || !p.transaction().equals(expected.get(at[0]))) {
                        bad.add("line " + (at[0] + 1) + ": " + new String(line, 0, len, StandardCharsets.UTF_8) + " -> " + o);
                    }
                    at[0]++;
                    len = 0;
                    return;
                }
                if (len == line.length) {
                    line = java.util.Arrays.copyOf(line, len * 2);
                }
                line[len++] = (byte) b;
            }

            @Override
            public void write(byte[] b, int off, int n) {
                int start = off;
                for (int i = off; i < off + n; i++) {
                    if (b[i] == '\n') {
                        append(b, start, i - start);
                        write('\n');
                        start = i + 1;
                    }
                }
                append(b, start, off + n - start);
            }

            private void append(byte[] b, int off, int n) {
                if (len + n > line.length) {
                    line = java.util.Arrays.copyOf(line, Math.max(len + n, line.length * 2));
                }
                System.arraycopy(b, off, line, len, n);
                len += n;
            }
        };
        try (org.osecscreener.io.TransactionWriter w = new org.osecscreener.io.TransactionWriter(lines)) {
            for (Transaction t : expected) {
                w.write(t);
            }
        }
        assertThat(bad).as("lines that did not read back as written").isEmpty();
        assertThat(at[0]).isEqualTo((int) Generated.N);
    }

    @Test
    void senders_payInTheirOwnCurrency_oneTheRulePackConverts() {
        Set<String> convertible = Set.of("USD", "AUD", "GBP", "CAD", "EUR", "JPY", "SGD", "SAR", "AED", "HKD", "NZD", "CHF", "SEK", "NOK", "KRW",
                "PHP", "THB", "INR", "MXN", "COP", "DOP", "RON", "GHS", "UAH", "JMD", "ZAR", "IDR", "VND", "MYR");
        Map<String, String> currencyOf = new HashMap<>();
        for (Transaction t : Generated.sample()) {
            String c = t.amount().currency().getCurrencyCode();
            assertThat(convertible).as("currency of %s", t.id()).contains(c);
            String before = currencyOf.putIfAbsent(t.sender().country(), c);
            assertThat(before == null || before.equals(c)).as("one currency per sender country, %s", t.sender().country()).isTrue();
        }
        assertThat(currencyOf).containsEntry("US", "USD").containsEntry("AU", "AUD").containsEntry("PH", "PHP").containsEntry("DE", "EUR")
                .containsEntry("JP", "JPY");
    }

    @Test
    void timestamps_carryTheSendersLocalOffset_withDaylightSaving_withinTheYear() {
        Set<String> usOffsets = new HashSet<>();
        Set<String> auOffsets = new HashSet<>();
        for (Transaction t : Generated.sample()) {
            ZoneOffset off = t.timestamp().getOffset();
            LocalDate local = t.timestamp().toLocalDate();
            assertThat(local).as("local date of %s", t.id()).isBetween(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 2, 28));
            if (t.label().scenario().equals(SecondOpinionScenario.SEAFARER.scenarioName())) {
                continue;   // ship's time, by design
            }
            boolean matches = false;
            for (Places.Zone z : Places.of(t.sender().country()).zones()) {
                matches |= z.id().getRules().getOffset(t.timestamp().toInstant()).equals(off);
            }
            assertThat(matches).as("offset %s of %s for a sender in %s", off, t.id(), t.sender().country()).isTrue();
            if (t.sender().country().equals("US")) {
                usOffsets.add(off.getId());
            } else if (t.sender().country().equals("AU")) {
                auOffsets.add(off.getId());
            }
        }
        assertThat(usOffsets).contains("-05:00", "-04:00", "-08:00", "-07:00", "-10:00");
        assertThat(auOffsets).contains("+10:00", "+11:00", "+09:30", "+10:30", "+08:00");
    }

    @Test
    void labels_nameTheSendersScenario_withOsecConstantPerSender() {
        Map<String, SecondOpinionScenario> byName = new HashMap<>();
        for (SecondOpinionScenario s : SecondOpinionScenario.values()) {
            assertThat(s.scenarioName()).matches("(so_|sextortion)[a-z0-9_]*").hasSizeLessThanOrEqualTo(64);
            assertThat(byName.put(s.scenarioName(), s)).isNull();
        }
        Generated.bySender().forEach((id, txs) -> {
            SecondOpinionScenario s = byName.get(txs.get(0).label().scenario());
            assertThat(s).as("scenario of sender %s", id).isNotNull();
            for (Transaction t : txs) {
                assertThat(t.label().scenario()).isEqualTo(s.scenarioName());
                assertThat(t.label().osec()).isEqualTo(s.kind() == SecondOpinionScenario.Kind.OFFENDER);
            }
            if (s.kind() == SecondOpinionScenario.Kind.VICTIM) {
                assertThat(s.scenarioName()).startsWith("sextortion");
            }
        });
    }

    @Test
    void partyIds_namePartiesConsistently() {
        Map<String, org.osecscreener.model.Party> parties = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Transaction t : Generated.sample()) {
            for (org.osecscreener.model.Party p : new org.osecscreener.model.Party[] {t.sender(), t.beneficiary()}) {
                org.osecscreener.model.Party before = parties.putIfAbsent(p.id(), p);
                if (before != null && !before.equals(p)) {
                    clashes.add(p.id());
                }
            }
        }
        assertThat(clashes).as("ids that name two different parties").isEmpty();
        assertThat(parties.keySet()).allSatisfy(id -> assertThat(id).matches("SO-[SB]-[0-9]+"));
    }
}
