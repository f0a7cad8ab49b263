package org.osecscreener.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osecscreener.model.Channel;
import org.osecscreener.model.Label;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.model.Transaction;
import org.osecscreener.tools.synth.Generator;
import org.osecscreener.tools.synth.GeneratorConfig;

/** The byte encoder writes exactly what Jackson's generator writes, or steps aside. */
class LineEncoderTest {
    private static final TransactionCodec CODEC = TransactionCodec.standard();

    static List<Transaction> transactions() {
        List<Transaction> all = new ArrayList<>();
        Generator.of(GeneratorConfig.defaults(), 5).generate(3_000, all::add, x -> { });
        OffsetDateTime t = OffsetDateTime.parse("2026-03-01T22:15:00.120+10:00");
        Currency jpy = Currency.getInstance("JPY");
        for (String text : List.of("plain", "quote \" inside", "back\\slash", "tab\there", "new\nline", "del\u007f",
                "ñame Peña", "emoji \uD83D\uDE00", "lone \uD800 surrogate", "ctrl \u0001", "slash / ok", "")) {
            Party s = new Party("S-" + text.length(), PartyType.BUSINESS, text, "AU", text, null, null, null, text, null,
                    null, "203.0.113.9");
            Party b = new Party("B-1", PartyType.ORGANIZATION, "Maria", "PH", null, "+639171234567", "09171234567",
                    "a@b.ph", null, text, "dev", null);
            all.add(new Transaction("T-" + text.hashCode(), t, new Money(4550, jpy), Channel.AGENT, text, s, b,
                    new Label(text.length() % 2 == 0, text)));
            all.add(new Transaction(text.isEmpty() ? "T-x" : text, t.minusYears(3000), Money.of("45.50",
                    Currency.getInstance("USD")), null, null, b, s, null));
        }
        return all;
    }

    @Test
    void encodedLinesEqualJacksonsByteForByte_orTheEncoderStepsAside() {
        LineEncoder e = new LineEncoder();
        int fast = 0;
        List<Transaction> all = transactions();
        for (Transaction tx : all) {
            if (e.encode(tx)) {
                fast++;
                String line = new String(e.buffer(), 0, e.length(), StandardCharsets.UTF_8);
                assertThat(line).isEqualTo(CODEC.toJson(tx) + "\n");
            }
        }
        assertThat(fast).as("generated traffic is plain ASCII: the encoder writes it").isGreaterThan(2_900);
        assertThat(fast).as("texts that need escaping, non-ASCII and years before 0000 go to Jackson").isLessThan(all.size());
    }

    @Test
    void theWriterWritesWhatTheCodecWrites_andTheReaderReadsItBack() throws IOException {
        List<Transaction> all = transactions();
        ByteArrayOutputStream viaWriter = new ByteArrayOutputStream();
        try (TransactionWriter w = new TransactionWriter(viaWriter)) {
            for (Transaction tx : all) {
                w.write(tx);
            }
        }
        StringBuilder viaJackson = new StringBuilder();
        for (Transaction tx : all) {
            viaJackson.append(CODEC.toJson(tx)).append('\n');
        }
        assertThat(viaWriter.toString(StandardCharsets.UTF_8)).isEqualTo(viaJackson.toString());
    }
}
