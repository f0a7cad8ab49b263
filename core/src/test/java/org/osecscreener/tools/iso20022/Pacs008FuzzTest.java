package org.osecscreener.tools.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.osecscreener.fuzz.Guard;
import org.osecscreener.fuzz.Mutator;
import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.Rejection;
import org.osecscreener.io.TransactionCodec;

/**
 * Fuzzes the pacs.008 reader: mutated messages (bytes, markup, leaf values) only ever become
 * transactions that the JSON-lines format accepts back, or located rejections; never another
 * exception, never a hang, never an allocation out of proportion to the input.
 */
class Pacs008FuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    private static final int CASES = Integer.getInteger("fuzz.pacs008.cases", 2_500);
    private static final long TIMEOUT_MILLIS = 10_000;
    /**
     * Allocation bound per input: a fixed allowance (the StAX parser's buffers, about 300 KiB)
     * plus this many bytes per input byte. Ordinary markup costs a few bytes per byte; a tag
     * with thousands of attributes costs the JDK parser about 40, the worst seen.
     */
    static final long ALLOC_BASE = 512 * 1024;
    static final long ALLOC_PER_BYTE = 64;

    private static final List<byte[]> SEEDS = List.of(
            resource("pacs008-v08-full.xml"), resource("pacs008-v13-envelopes.xml"), resource("nonconforming.xml"));

    private static final Mutator MUTATOR = new Mutator(List.of(
            Mutator.utf8("<"), Mutator.utf8(">"), Mutator.utf8("</"), Mutator.utf8("/>"), Mutator.utf8("&amp;"),
            Mutator.utf8("&#0;"), Mutator.utf8("&#x110000;"), Mutator.utf8("&#xD800;"), Mutator.utf8("&#99999999999;"),
            Mutator.utf8("&xxe;"), Mutator.utf8("&"), Mutator.utf8("<!DOCTYPE d [<!ENTITY x \"y\">]>"),
            Mutator.utf8("<!DOCTYPE Document SYSTEM \"http://127.0.0.1:9/x.dtd\">"), Mutator.utf8("<![CDATA[x]]>"),
            Mutator.utf8("<![CDATA["), Mutator.utf8("]]>"), Mutator.utf8("<?xml version=\"1.0\" encoding=\"UTF-16\"?>"),
            Mutator.utf8("<?xml version=\"1.1\" encoding=\"EBCDIC-XYZ\"?>"), Mutator.utf8("<?pi x?>"),
            Mutator.utf8("<!--"), Mutator.utf8("-->"), Mutator.utf8(" xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09\""),
            Mutator.utf8(" xmlns:a=\"x\""), Mutator.utf8(" xmlns=\"\""), Mutator.utf8(" Ccy=\"USD\""), Mutator.utf8(" Ccy=\"\""),
            Mutator.utf8(" a=\"1\" a=\"2\""), Mutator.utf8("<CdtTrfTxInf>"), Mutator.utf8("</CdtTrfTxInf>"),
            Mutator.utf8("<IntrBkSttlmAmt Ccy=\"USD\">1</IntrBkSttlmAmt>"), Mutator.utf8("<InstdAmt Ccy=\"JPY\">1e-999999999</InstdAmt>"),
            Mutator.utf8("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\">"), Mutator.utf8("</Document>"),
            Mutator.utf8("<a:Document xmlns:a=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.13\">"),
            Mutator.utf8("<Nm>"), Mutator.utf8("</Nm>"), Mutator.utf8("<Ctry>PH</Ctry>")));

    private static final String[] LEAF_VALUES = {
        "", " ", "0", "-1", "1e-999999999", "1e999999999", "1000000000000.01", "00000000000000000000000000000000000000045",
        "45.001", "NaN", "2026-03-01T22:15:00", "2026-02-30T10:00:00Z", "+999999999-12-31T23:59:59+18:00", "XAU", "usd",
        "ZZ", "NOTPROVIDED", "&#xD800;", "&#x1F600;", "\u202E\u2028", "e\u0301", "&lt;&gt;&amp;&quot;&apos;",
        "<![CDATA[<Nm>x</Nm>]]>", "../../etc/passwd",
    };

    @Test
    void mutatedMessages_becomeTransactionsOrLocatedRejections() {
        SplittableRandom r = new SplittableRandom(SEED);
        long maxFixed = 0;
        try (Guard guard = new Guard(TIMEOUT_MILLIS)) {
            for (byte[] seed : SEEDS) {
                guard.run("warm-up", () -> readAll(seed));
            }
            for (int i = 0; i < CASES; i++) {
                byte[] seed = SEEDS.get(r.nextInt(SEEDS.size()));
                byte[] input = switch (r.nextInt(3)) {
                    case 0 -> MUTATOR.mutate(seed, r, 1 << 20);
                    case 1 -> replaceLeaf(seed, r);
                    default -> MUTATOR.mutate(replaceLeaf(seed, r), r, 1 << 20);
                };
                String what = "case " + i + " (seed " + SEED + ") " + Mutator.show(input);
                boolean whole = r.nextBoolean();
                java.util.concurrent.Callable<List<ParseOutcome>> task = whole
                        ? () -> Pacs008Reader.parseMessage(input, 7) : () -> readAll(input);
                Guard.Measured<List<ParseOutcome>> m = guard.runWithin(what, task, ALLOC_BASE, ALLOC_PER_BYTE, input.length);
                check(m.value(), what);
                long allocated = m.allocatedBytes();
                maxFixed = Math.max(maxFixed, allocated - ALLOC_PER_BYTE * input.length);
            }
        }
        if (Boolean.getBoolean("fuzz.report")) {
            System.out.println("fuzz pacs.008: largest allocation beyond the per-byte share: " + maxFixed + " bytes");
        }
    }

    static void check(List<ParseOutcome> out, String what) {
        assertThat(out).as("outcomes of %s", what).isNotNull().doesNotContainNull();
        for (ParseOutcome o : out) {
            assertThat(o.lineNumber()).as("line of %s in %s", o, what).isPositive();
            if (o instanceof ParseOutcome.Rejected rej) {
                Rejection x = rej.rejection();
                assertThat(x.reason()).as("reason in %s", what).isNotBlank();
                if (x.field() != null) {
                    assertThat(x.field()).as("field in %s", what).startsWith("/Document");
                }
                if (Boolean.getBoolean("fuzz.reasons")) {
                    System.out.println("REASON " + x.field() + " | " + x.reason());
                }
            } else {
                assertThat(o).isInstanceOf(ParseOutcome.Parsed.class);
                var tx = ((ParseOutcome.Parsed) o).transaction();
                String json = TransactionCodec.standard().toJson(tx);
                ParseOutcome back = TransactionCodec.standard().parse(json, 1);
                assertThat(back).as("the JSON-lines codec re-reading a transaction of %s: %s", what, json)
                        .isInstanceOf(ParseOutcome.Parsed.class);
                assertThat(((ParseOutcome.Parsed) back).transaction()).isEqualTo(tx);
            }
        }
    }

    private static final Pattern LEAF = Pattern.compile(">([^<>]+)</");

    /** The seed with one leaf text replaced by a hostile value (callers mutate further). */
    private static byte[] replaceLeaf(byte[] seed, SplittableRandom r) {
        String xml = new String(seed, StandardCharsets.UTF_8);
        List<int[]> spans = new ArrayList<>();
        Matcher m = LEAF.matcher(xml);
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1)});
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        String v = r.nextInt(4) == 0 ? "x".repeat(Pacs008Reader.MAX_TEXT_CHARS - 1 + r.nextInt(3))
                : LEAF_VALUES[r.nextInt(LEAF_VALUES.length)];
        return new StringBuilder(xml).replace(s[0], s[1], v).toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<ParseOutcome> readAll(byte[] bytes) throws IOException {
        List<ParseOutcome> out = new ArrayList<>();
        try (Pacs008Reader reader = new Pacs008Reader(new ByteArrayInputStream(bytes))) {
            ParseOutcome o;
            while ((o = reader.next()) != null) {
                out.add(o);
            }
            assertThat(reader.valid() + reader.rejected()).isEqualTo(out.size());
        }
        return out;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Pacs008FuzzTest.class.getResourceAsStream("/iso20022/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
