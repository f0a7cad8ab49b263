package org.osecscreener.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;
import org.osecscreener.model.Channel;
import org.osecscreener.model.Label;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.model.Transaction;

/** Writing what was read preserves every field: a property over generated transactions. */
class TransactionRoundTripTest {

    @Property(tries = 300, seed = "20261129")
    void writeThenRead_givesEqualTransactions(@ForAll("transactions") List<Transaction> txs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TransactionWriter w = new TransactionWriter(bytes)) {
            for (Transaction tx : txs) {
                w.write(tx);
            }
        }
        List<Transaction> back = new ArrayList<>();
        try (TransactionReader r = new TransactionReader(new ByteArrayInputStream(bytes.toByteArray()))) {
            r.forEach(back::add, rej -> {
                throw new AssertionError("round trip rejected " + rej.describe());
            });
            assertThat(r.linesRead()).isEqualTo(txs.size());
        }
        assertThat(back).isEqualTo(txs);
    }

    @Property(tries = 200, seed = "42")
    void toJson_thenParse_givesEqualTransaction(@ForAll("transaction") Transaction tx) {
        String json = TransactionCodec.standard().toJson(tx);
        assertThat(json).doesNotContain("\n");
        ParseOutcome o = TransactionCodec.standard().parse(json, 1);
        assertThat(o).isInstanceOf(ParseOutcome.Parsed.class);
        assertThat(((ParseOutcome.Parsed) o).transaction()).isEqualTo(tx);
    }

    @Example
    void documentedExample_parsesEveryField_andRoundTrips() {
        String line = "{\"id\":\"T-000001\",\"timestamp\":\"2026-03-01T22:15:00+10:00\",\"amount\":\"45.00\",\"currency\":\"AUD\","
                + "\"channel\":\"ONLINE\",\"purpose\":\"school fees\","
                + "\"sender\":{\"id\":\"S-1\",\"type\":\"PERSON\",\"name\":\"John Smith\",\"country\":\"AU\",\"account\":\"062-000 1234 5678\","
                + "\"phone\":\"+61 412 345 678\",\"email\":\"j.smith@example.com\",\"address\":\"1 George St, Sydney\",\"device\":\"d-77\",\"ip\":\"203.0.113.9\"},"
                + "\"beneficiary\":{\"id\":\"B-1\",\"type\":\"PERSON\",\"name\":\"Maria Cruz Santos\",\"country\":\"PH\",\"account\":\"PH-1234567890\","
                + "\"phone\":\"0917 123 4567\",\"wallet\":\"09171234567\",\"email\":null,\"address\":\"Blk 4 Lot 2, Brgy. San Isidro, Cebu City\","
                + "\"pickupLocation\":\"Agent 2231 Cebu Colon\"},"
                + "\"label\":{\"osec\":true,\"scenario\":\"facilitator_ring\"}}";
        ParseOutcome o = TransactionCodec.standard().parse(line, 1);
        assertThat(o).isInstanceOf(ParseOutcome.Parsed.class);
        Transaction tx = ((ParseOutcome.Parsed) o).transaction();
        assertThat(tx.id()).isEqualTo("T-000001");
        assertThat(tx.timestamp()).isEqualTo(OffsetDateTime.of(2026, 3, 1, 22, 15, 0, 0, ZoneOffset.ofHours(10)));
        assertThat(tx.amount()).isEqualTo(new Money(4500, Currency.getInstance("AUD")));
        assertThat(tx.channel()).isEqualTo(Channel.ONLINE);
        assertThat(tx.purpose()).isEqualTo("school fees");
        assertThat(tx.sender()).isEqualTo(new Party("S-1", PartyType.PERSON, "John Smith", "AU", "062-000 1234 5678",
                "+61 412 345 678", null, "j.smith@example.com", "1 George St, Sydney", null, "d-77", "203.0.113.9"));
        assertThat(tx.beneficiary()).isEqualTo(new Party("B-1", PartyType.PERSON, "Maria Cruz Santos", "PH",
                "PH-1234567890", "0917 123 4567", "09171234567", null, "Blk 4 Lot 2, Brgy. San Isidro, Cebu City",
                "Agent 2231 Cebu Colon", null, null));
        assertThat(tx.label()).isEqualTo(new Label(true, "facilitator_ring"));
        String written = TransactionCodec.standard().toJson(tx);
        assertThat(((ParseOutcome.Parsed) TransactionCodec.standard().parse(written, 1)).transaction()).isEqualTo(tx);
    }

    @Example
    void amountAsJsonNumber_isExact() {
        String line = "{\"id\":\"T-1\",\"timestamp\":\"2026-03-01T22:15:00.123456789-05:00\",\"amount\":19.9,\"currency\":\"USD\","
                + "\"sender\":{\"id\":\"S\",\"country\":\"US\"},\"beneficiary\":{\"id\":\"B\",\"country\":\"PH\"}}";
        Transaction tx = ((ParseOutcome.Parsed) TransactionCodec.standard().parse(line, 1)).transaction();
        assertThat(tx.amount().minorUnits()).isEqualTo(1990);
        assertThat(tx.amount().toPlainString()).isEqualTo("19.90");
        assertThat(tx.timestamp().getNano()).isEqualTo(123456789);
        assertThat(tx.timestamp().getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(tx.sender().type()).isEqualTo(PartyType.PERSON);
    }

    @Example
    void zuluTimestamp_isUtc_andWrittenBackAsZ() {
        String line = "{\"id\":\"T-1\",\"timestamp\":\"2026-03-01T22:15:00+00:00\",\"amount\":\"1.250\",\"currency\":\"KWD\","
                + "\"sender\":{\"id\":\"S\",\"country\":\"KW\"},\"beneficiary\":{\"id\":\"B\",\"country\":\"PH\"}}";
        Transaction tx = ((ParseOutcome.Parsed) TransactionCodec.standard().parse(line, 1)).transaction();
        assertThat(tx.timestamp().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(tx.amount().minorUnits()).isEqualTo(1250);
        assertThat(TransactionCodec.standard().toJson(tx)).contains("\"timestamp\":\"2026-03-01T22:15:00Z\"")
                .contains("\"amount\":\"1.250\"");
    }

    @Example
    void unknownFields_areIgnored() {
        String line = "{\"id\":\"T-1\",\"future\":{\"nested\":[1,2,{\"x\":null}]},\"timestamp\":\"2026-03-01T22:15:00Z\","
                + "\"amount\":\"5\",\"currency\":\"USD\",\"sender\":{\"id\":\"S\",\"country\":\"US\",\"kyc\":\"gold\"},"
                + "\"beneficiary\":{\"id\":\"B\",\"country\":\"PH\"},\"label\":{\"osec\":false,\"weight\":3}}";
        ParseOutcome o = TransactionCodec.standard().parse(line, 1);
        assertThat(o).isInstanceOf(ParseOutcome.Parsed.class);
        assertThat(((ParseOutcome.Parsed) o).transaction().label()).isEqualTo(new Label(false, null));
    }

    @Provide
    Arbitrary<List<Transaction>> transactions() {
        return transaction().list().ofMinSize(0).ofMaxSize(20);
    }

    @Provide
    Arbitrary<Transaction> transaction() {
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('!', '~').withChars("é日\u00a0 ").ofMinLength(1)
                .ofMaxLength(30).filter(s -> !s.isBlank());
        Arbitrary<OffsetDateTime> times = Combinators.combine(
                Arbitraries.longs().between(0, 4_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(-18 * 4, 18 * 4),
                Arbitraries.of(0, 1, 2))
                .as((sec, nano, quarter, nanoKind) -> OffsetDateTime.of(
                        LocalDateTime.ofEpochSecond(sec, nanoKind == 0 ? 0 : nanoKind == 1 ? (nano / 1_000_000) * 1_000_000 : nano,
                                ZoneOffset.UTC),
                        ZoneOffset.ofTotalSeconds(quarter * 900)));
        Arbitrary<Money> money = Combinators.combine(
                Arbitraries.longs().between(1, 100_000_000_000L),
                Arbitraries.of("USD", "AUD", "JPY", "KWD", "PHP", "GBP", "EUR", "CLF"))
                .as((minor, code) -> new Money(minor, Currency.getInstance(code)));
        Arbitrary<Party> parties = party(ids);
        Arbitrary<Label> labels = Combinators.combine(Arbitraries.of(true, false), optional(text(64)))
                .as(Label::new).injectNull(0.3);
        return Combinators.combine(ids, times, money, Arbitraries.of(Channel.class).injectNull(0.3),
                        optional(text(500)), parties, parties, labels)
                .as(Transaction::new);
    }

    private static Arbitrary<Party> party(Arbitrary<String> ids) {
        Arbitrary<String> countries = Arbitraries.of("PH", "AU", "US", "GB", "TH", "CO", "XK", "JP");
        return Combinators.combine(
                        Combinators.combine(ids, Arbitraries.of(PartyType.class), optional(text(200)), countries)
                                .as((w, x, y, z) -> java.util.Arrays.<Object>asList(w, x, y, z)),
                        Combinators.combine(optional(text(64)), optional(text(40)), optional(text(64)), optional(text(254)))
                                .as((w, x, y, z) -> java.util.Arrays.<Object>asList(w, x, y, z)),
                        Combinators.combine(optional(text(300)), optional(text(200)), optional(text(128)), optional(text(64)))
                                .as((w, x, y, z) -> java.util.Arrays.<Object>asList(w, x, y, z)))
                .as((a, b, c) -> new Party((String) a.get(0), (PartyType) a.get(1), (String) a.get(2), (String) a.get(3),
                        (String) b.get(0), (String) b.get(1), (String) b.get(2), (String) b.get(3),
                        (String) c.get(0), (String) c.get(1), (String) c.get(2), (String) c.get(3)));
    }

    private static Arbitrary<String> text(int max) {
        return Arbitraries.strings().all().ofMaxLength(Math.min(max, 40))
                .filter(TransactionRoundTripTest::wellFormed);
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static Arbitrary<String> optional(Arbitrary<String> a) {
        return a.injectNull(0.3);
    }
}
