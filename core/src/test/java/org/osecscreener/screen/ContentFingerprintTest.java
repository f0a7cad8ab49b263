package org.osecscreener.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osecscreener.io.TransactionCodec;
import org.osecscreener.model.Label;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;

/** What counts as the same content for de-duplication (docs/time-and-order.md). */
class ContentFingerprintTest {
    static final String LINE = "{\"id\":\"T-1\",\"timestamp\":\"2026-03-01T22:15:00+10:00\",\"amount\":\"45.00\",\"currency\":\"AUD\","
            + "\"channel\":\"ONLINE\",\"purpose\":\"school fees\",\"sender\":{\"id\":\"S-1\",\"name\":\"John Smith\",\"country\":\"AU\"},"
            + "\"beneficiary\":{\"id\":\"B-1\",\"name\":\"Maria Santos\",\"country\":\"PH\",\"phone\":\"0917 123 4567\"}}";

    static Transaction parse(String line) {
        return ((org.osecscreener.io.ParseOutcome.Parsed) TransactionCodec.standard().parse(line, 1)).transaction();
    }

    @Test
    void formattingTheLabelAndUnknownFields_doNotChangeIt() {
        long f = ContentFingerprint.of(parse(LINE));
        String reformatted = "{ \"beneficiary\" : {\"country\":\"PH\",\"phone\":\"0917 123 4567\",\"name\":\"Maria Santos\",\"id\":\"B-1\"},"
                + " \"amount\": 45, \"id\":\"T-1\",\"currency\":\"AUD\",\"timestamp\":\"2026-03-01T22:15:00.000+10:00\",\"channel\":\"ONLINE\","
                + "\"purpose\":\"school fees\",\"sender\":{\"id\":\"S-1\",\"type\":\"PERSON\",\"name\":\"John Smith\",\"country\":\"AU\"},"
                + "\"label\":{\"osec\":true,\"scenario\":\"x\"},\"unknownField\":[1,2]}";
        assertThat(ContentFingerprint.of(parse(reformatted))).isEqualTo(f);
        Transaction t = parse(LINE);
        assertThat(ContentFingerprint.of(new Transaction(t.id(), t.timestamp(), t.amount(), t.channel(), t.purpose(), t.sender(),
                t.beneficiary(), new Label(true, "small_frequent")))).isEqualTo(f);
        assertThat(f).isNotZero();
    }

    @Test
    void anyFieldChanged_changesIt() {
        Transaction t = parse(LINE);
        Party s = t.sender();
        Party b = t.beneficiary();
        List<Transaction> variants = List.of(t,
                new Transaction("T-2", t.timestamp(), t.amount(), t.channel(), t.purpose(), s, b, null),
                new Transaction(t.id(), t.timestamp().plusSeconds(1), t.amount(), t.channel(), t.purpose(), s, b, null),
                new Transaction(t.id(), t.timestamp().withOffsetSameInstant(ZoneOffset.UTC), t.amount(), t.channel(), t.purpose(), s, b, null),
                new Transaction(t.id(), t.timestamp(), Money.of("45.01", t.amount().currency()), t.channel(), t.purpose(), s, b, null),
                new Transaction(t.id(), t.timestamp(), Money.of("45.00", java.util.Currency.getInstance("NZD")), t.channel(), t.purpose(), s, b, null),
                new Transaction(t.id(), t.timestamp(), t.amount(), null, t.purpose(), s, b, null),
                new Transaction(t.id(), t.timestamp(), t.amount(), t.channel(), null, s, b, null),
                new Transaction(t.id(), t.timestamp(), t.amount(), t.channel(), "", s, b, null),
                new Transaction(t.id(), t.timestamp(), t.amount(), t.channel(), t.purpose(), Party.of("S-1", "AU"), b, null),
                new Transaction(t.id(), t.timestamp(), t.amount(), t.channel(), t.purpose(), s,
                        Party.builder("B-1", "PH").name("Maria Santos").phone("0917 123 4568").build(), null),
                new Transaction(t.id(), t.timestamp(), t.amount(), t.channel(), t.purpose(), b, s, null));
        Set<Long> seen = new HashSet<>();
        for (Transaction v : variants) {
            assertThat(seen.add(ContentFingerprint.of(v))).as("fingerprint of %s is new", v).isTrue();
        }
        assertThat(OffsetDateTime.parse("2026-03-01T12:15:00Z").toInstant()).isEqualTo(t.timestamp().toInstant());
    }
}
