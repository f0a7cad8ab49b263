package org.osecscreener.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.rules.RuleBundleException;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.tools.findings.TipList;

/** Located errors for bad lists, tips, keys and watchlist_match settings; the token table against a reference map. */
class WatchlistValidationTest {
    static final CoalitionKey KEY = key(1);
    static final String TOKEN = KEY.pseudonymiser().pseudonym("phone", "+639171234567");

    /** The same coalition key as {@code tools.findings.FindingsRoundTripTest.key(seed)}. */
    static CoalitionKey key(long seed) {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return CoalitionKey.of(k);
    }

    static String header(long entries) {
        return "{\"format\":\"osec-findings\",\"formatVersion\":1,\"list\":\"coalition_ph\",\"source\":\"Remitter A\","
                + "\"created\":\"2026-04-01\",\"algorithm\":\"HMAC-SHA256-128\",\"keyCheck\":\"" + KEY.checkValue()
                + "\",\"entries\":" + entries + "}\n";
    }

    static WatchlistException failure(String text) {
        try {
            FindingsFile.load("list.jsonl", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), KEY);
        } catch (WatchlistException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the list was accepted");
    }

    @Test
    void badEntries_areEachReported_withFileLineAndField_neverTheValue() {
        String text = header(5)
                + "{\"token\":\"" + TOKEN + "\",\"type\":\"phone\",\"date\":\"2026-03-01\",\"confidence\":0.9}\n"
                + "{\"token\":\"+639171234567\",\"type\":\"phone\",\"date\":\"2026-03-01\",\"confidence\":0.9}\n"
                + "{\"token\":\"" + TOKEN + "\",\"type\":\"email\",\"date\":\"2026-13-01\",\"confidence\":1.5}\n"
                + "{\"token\":\"" + TOKEN + "\",\"type\":\"phone\",\"date\":\"2026-03-01\",\"confidence\":0.9,\"phone\":\"x\"}\n"
                + "not json\n";
        WatchlistException e = failure(text);
        assertThat(e.errors()).extracting(ListError::toString).containsExactly(
                "list.jsonl:3: token: not a pseudonym: expected a type tag, ':' and 22 base64url characters (raw"
                        + " identifiers are never accepted here; hash tip lists with 'findings import')",
                "list.jsonl:4: token: tagged phone but type is email",
                "list.jsonl:4: date: not a date; accepted: yyyy-mm-dd",
                "list.jsonl:4: confidence: accepted: a number in (0, 1]",
                "list.jsonl:5: unknown field 'phone'; accepted: confidence, date, reference, seenAs, source, token, type",
                "list.jsonl:6: not valid JSON (column 1)");
        assertThat(e.getMessage()).doesNotContain("639171234567");
    }

    @Test
    void header_problems_andTruncation_areReported() {
        assertThat(failure("type,value\nphone,123\n").errors().get(0).toString())
                .startsWith("list.jsonl:1: not valid JSON");
        assertThat(failure("{\"list\":\"x\"}\n").errors().get(0).toString())
                .startsWith("list.jsonl:1: format: the first line must be a findings header");
        assertThat(failure(header(2) + "{\"token\":\"" + TOKEN + "\",\"type\":\"phone\",\"date\":\"2026-03-01\",\"confidence\":1}\n")
                .errors()).extracting(ListError::toString)
                .containsExactly("list.jsonl:2: entries: the header announces 2 entries but the file holds 1 (truncated or edited?)");
        assertThat(failure(header(0).replace("coalition_ph", "../etc")).errors()).extracting(ListError::toString)
                .containsExactly("list.jsonl:1: list: '../etc' is not accepted; accepted: 1-64 characters of a-z, 0-9, '_',"
                        + " starting with a letter");
        assertThat(failure("").errors()).extracting(ListError::toString)
                .containsExactly("list.jsonl:0: the file is empty; a findings list starts with a header line");
    }

    @Test
    void tipErrors_areLocated_andMasked() throws Exception {
        String csv = "type,value,country\n"
                + "phone,12,PH\n"
                + "fax,+639171234567,PH\n"
                + "phone,0917 123 4567,\n"
                + "account,N/A,PH\n"
                + "email,\"unbalanced,PH\n";
        TipList.Result r = TipList.read("tips.csv", new StringReader(csv), KEY, "Hotline",
                new TipList.Defaults(null, LocalDate.of(2026, 3, 1), 0.5));
        assertThat(r.errors()).extracting(ListError::toString).containsExactly(
                "tips.csv:2: value: phone ••• is not a possible phone number in PH; write it with its country code (+63...)"
                        + " or fix the country",
                "tips.csv:3: type: unknown identifier type 'fax'; accepted: phone, wallet, account, email, device, address,"
                        + " name, pickup_location",
                "tips.csv:4: country: phone values are read with a country; add a country column or give a default country",
                "tips.csv:5: value: account value ••• is a placeholder (empty, N/A, all zeros, ...) and identifies nobody",
                "tips.csv:6: unbalanced double quote; quote a whole value and double any quote inside it");
        assertThat(r.findings()).isEmpty();
        assertThat(String.join("\n", r.errors().stream().map(ListError::toString).toList())).doesNotContain("639171234567");
    }

    @Test
    void keys_comeFromAFileOrAVariable_withClearErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("coalition.key");
        Files.writeString(f, java.util.Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                14, 15, 16, 17}) + "\n");
        CoalitionKey k = CoalitionKey.fromFile(f);
        assertThat(k.checkValue()).startsWith("kcv:").hasSize(26);
        assertThat(CoalitionKey.fromEnv("OSEC_KEY", Files.readString(f)).checkValue()).isEqualTo(k.checkValue());
        assertThat(k.toString()).doesNotContain(Files.readString(f).strip());
        assertThatThrownBy(() -> CoalitionKey.fromEnv("OSEC_KEY", null)).hasMessageContaining("is not set or empty");
        assertThatThrownBy(() -> CoalitionKey.fromEnv("OSEC_KEY", "short-key")).hasMessageContaining(
                "is 9 bytes long; at least 16 are required").hasMessageNotContaining("short-key");
        // the pseudonymisation key is read the same way: one file serves both
        assertThat(org.osecscreener.privacy.KeySource.file(f).pseudonymiser().pseudonym("kcv", CoalitionKey.CHECK_LABEL))
                .isEqualTo(k.checkValue());
    }

    @Test
    void watchlistConfig_isValidatedWithFileLineAndField() {
        String yaml = """
                id: b
                version: 1
                approvedBy: me
                effectiveFrom: 2026-01-01
                baseCurrency: USD
                countries: {demandSide: [US], sourceSide: {PH: 1.0}}
                detectors:
                  watchlist_match:
                    weight: 0.6
                    lists: [../partner]
                    checkSender: false
                    checkBeneficiary: false
                    types: [fax]
                scoring: {review: 0.5, alert: 0.7}
                """;
        assertThatThrownBy(() -> new RuleBundleLoader().load("w.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RuleBundleException.class, e -> assertThat(e.errors()).extracting(Object::toString)
                        .anySatisfy(m -> assertThat(m).startsWith("w.yaml:10:").contains("lists[0]").contains("'../partner' is not accepted"))
                        .anySatisfy(m -> assertThat(m).startsWith("w.yaml:12:").contains("checkSender and checkBeneficiary are both false"))
                        .anySatisfy(m -> assertThat(m).startsWith("w.yaml:13:").contains("'fax' is not accepted; accepted: phone,")));
    }

    @Test
    void tokenTable_agreesWithAReferenceMap() {
        Random r = new Random(42);
        TokenTable t = new TokenTable(20_000);
        Map<List<Long>, Integer> ref = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            long hi = r.nextLong();
            long lo = i % 7 == 0 ? 42 : r.nextLong(); // many equal low halves: long probe chains
            Integer prev = ref.putIfAbsent(List.of(hi, lo), i);
            int slot = t.put(hi, lo, i);
            assertThat(slot < 0).isEqualTo(prev == null);
        }
        assertThat(t.size()).isEqualTo(ref.size());
        ref.forEach((k, v) -> assertThat(t.get(k.get(0), k.get(1))).isEqualTo(v));
        for (int i = 0; i < 20_000; i++) {
            long hi = r.nextLong();
            long lo = r.nextLong();
            assertThat(t.get(hi, lo)).isEqualTo(ref.getOrDefault(List.of(hi, lo), -1));
        }
        assertThatThrownBy(() -> t.put(0, 0, 1)).hasMessageContaining("all-zero token");
    }

    @Test
    void tokens_roundTripBetweenTextAndBits() {
        long[] bits = new long[2];
        assertThat(Tokens.bits(TOKEN, bits)).isTrue();
        assertThat(Tokens.text("phone", bits[0], bits[1])).isEqualTo(TOKEN);
        assertThat(Tokens.isPseudonym("phone:" + "A".repeat(21) + "B")).isFalse(); // low 4 bits of the last character must be 0
        assertThat(Tokens.isPseudonym("fax:" + TOKEN.substring(6))).isFalse();
    }
}
