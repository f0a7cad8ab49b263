package org.osecscreener.tools.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.Rejection;

/**
 * Hostile documents (XXE, entity expansion, external DTD, parameter entities, XInclude, schema
 * locations, oversized markup, bytes invalid in the encoding) are rejected or ignored, never
 * resolved, and never held in memory whole.
 */
class Pacs008HostileXmlTest {
    @ParameterizedTest
    @ValueSource(strings = {"hostile-xxe.xml", "hostile-billion-laughs.xml", "hostile-external-dtd.xml",
        "hostile-parameter-entity.xml", "hostile-quadratic-blowup.xml"})
    @Timeout(5)
    void documentWithADtd_isOneRejection_andNothingIsParsed(String fixture) {
        List<ParseOutcome> out = Pacs008Fixtures.read(fixture);
        assertThat(out).singleElement().isInstanceOf(ParseOutcome.Rejected.class);
        Rejection r = ((ParseOutcome.Rejected) out.get(0)).rejection();
        assertThat(r.reason()).contains("document type declaration (DTD) is not accepted");
        assertThat(r.lineNumber()).as("where the DTD ends, before the Document").isBetween(1L, 13L);
        assertThat(r.raw()).doesNotContain("root:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hostile-xxe.xml", "hostile-billion-laughs.xml", "hostile-external-dtd.xml",
        "hostile-parameter-entity.xml", "hostile-quadratic-blowup.xml"})
    @Timeout(5)
    void kafkaRecordWithADtd_isRejected_too(String fixture) throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/iso20022/" + fixture)) {
            bytes = in.readAllBytes();
        }
        List<ParseOutcome> out = Pacs008Reader.parseMessage(bytes, 1);
        assertThat(out).singleElement().isInstanceOf(ParseOutcome.Rejected.class);
    }

    @Test
    void entityReferenceWithoutADtd_isRejected_notResolved() {
        List<ParseOutcome> out = Pacs008RejectionTest.read(Pacs008RejectionTest.doc(
                "<CdtTrfTxInf><PmtId><EndToEndId>&xxe;</EndToEndId></PmtId></CdtTrfTxInf>"));
        assertThat(out).singleElement().isInstanceOf(ParseOutcome.Rejected.class);
        Rejection r = ((ParseOutcome.Rejected) out.get(0)).rejection();
        assertThat(r.reason()).containsAnyOf("xxe", "entity");
    }

    @Test
    void factory_hasDtdsAndExternalEntitiesSwitchedOff() {
        var f = Pacs008Reader.newFactory();
        assertThat(f.getProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD)).isEqualTo(false);
        assertThat(f.getProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES)).isEqualTo(false);
        assertThat(f.getProperty(javax.xml.stream.XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES)).isEqualTo(false);
    }

    @Test
    @Timeout(10)
    void deeplyNestedElements_areRejected() {
        String deep = "<a>".repeat(Pacs008Reader.MAX_DEPTH + 10) + "</a>".repeat(Pacs008Reader.MAX_DEPTH + 10);
        List<ParseOutcome> out = Pacs008RejectionTest.read(deep);
        assertThat(out).singleElement().isInstanceOf(ParseOutcome.Rejected.class);
        assertThat(((ParseOutcome.Rejected) out.get(0)).rejection().reason()).contains("nested");
    }

    @Test
    @Timeout(30)
    void messageLongerThanTheBound_isCutWithOneRejection_afterTheTransactionsBeforeIt() {
        String one = "<CdtTrfTxInf><PmtId><EndToEndId>M</EndToEndId></PmtId><IntrBkSttlmAmt Ccy=\"USD\">1.00</IntrBkSttlmAmt>"
                + "<Dbtr><Nm>A</Nm><PstlAdr><Ctry>US</Ctry></PstlAdr></Dbtr><Cdtr><Nm>B</Nm><PstlAdr><Ctry>PH</Ctry></PstlAdr></Cdtr>"
                + "<SplmtryData>" + "x".repeat(2000) + "</SplmtryData></CdtTrfTxInf>\n";
        int count = Pacs008Reader.MAX_MESSAGE_CHARS / one.length() + 50;
        List<ParseOutcome> out = Pacs008RejectionTest.read(Pacs008RejectionTest.doc(one.repeat(count)));
        ParseOutcome last = out.get(out.size() - 1);
        assertThat(out.size()).isLessThan(count);
        assertThat(out.subList(0, out.size() - 1)).allMatch(o -> o instanceof ParseOutcome.Parsed);
        Rejection r = ((ParseOutcome.Rejected) last).rejection();
        assertThat(r.field()).isEqualTo("/Document");
        assertThat(r.reason()).isEqualTo("message is longer than 8388608 characters; the rest of it was not read");
    }

    @Test
    @Timeout(10)
    void xincludeAndSchemaLocation_areIgnored_nothingIsFetched() {
        List<ParseOutcome> out = Pacs008Fixtures.read("hostile-xinclude.xml");
        assertThat(out).hasSize(1);
        assertThat(out.toString()).doesNotContain("root:").doesNotContain("/bin/");
        // the include element is markup inside Nm: the debtor has no name text, so no party id can be derived
        Rejection r = ((ParseOutcome.Rejected) out.get(0)).rejection();
        assertThat(r.field()).isEqualTo("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Dbtr/Nm");
        assertThat(r.reason()).startsWith("cannot derive a party id");
    }

    @Test
    @Timeout(10)
    void byteInvalidInTheEncoding_isARejection_afterTheTransactionsBeforeIt_notAnIoFailure() throws IOException {
        // fuzz regression: the reader threw the parser's MalformedByteSequenceException as an IOException
        List<ParseOutcome> out = Pacs008Fixtures.read("fuzz-invalid-utf8.xml");
        assertThat(out).hasSize(2);
        assertThat(((ParseOutcome.Parsed) out.get(0)).transaction().id()).isEqualTo("U8-1");
        Rejection r = ((ParseOutcome.Rejected) out.get(1)).rejection();
        assertThat(r.reason()).startsWith("malformed XML: Invalid byte 1 of 1-byte UTF-8 sequence")
                .endsWith("the rest of the input was not read");
        assertThat(r.lineNumber()).isEqualTo(15);
        assertThat(r.field()).isEqualTo("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[2]/Dbtr/Nm");

        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/iso20022/fuzz-invalid-utf8.xml")) {
            bytes = in.readAllBytes();
        }
        List<ParseOutcome> record = Pacs008Reader.parseMessage(bytes, 3); // threw IllegalStateException
        assertThat(record).hasSize(2);
        assertThat(record.get(1)).isInstanceOf(ParseOutcome.Rejected.class);
    }

    @Test
    @Timeout(10)
    void kafkaRecordDeclaringAsciiWithANonAsciiCharacter_isARejection_notAnException() {
        // The Flink job re-encodes each record as UTF-8 before parseMessage, so invalid UTF-8 cannot
        // reach it there, but a declared encoding the bytes do not match can; parseMessage threw
        // IllegalStateException, which would fail the job on every replay of the record.
        String xml = "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>" + Pacs008RejectionTest.doc(
                "<CdtTrfTxInf><PmtId><EndToEndId>A-1</EndToEndId></PmtId><IntrBkSttlmAmt Ccy=\"USD\">1.00</IntrBkSttlmAmt>"
                        + "<Dbtr><Nm>Jos\u00e9</Nm><PstlAdr><Ctry>US</Ctry></PstlAdr></Dbtr>"
                        + "<Cdtr><Nm>B</Nm><PstlAdr><Ctry>PH</Ctry></PstlAdr></Cdtr></CdtTrfTxInf>");
        List<ParseOutcome> out = Pacs008Reader.parseMessage(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), 42);
        assertThat(out).singleElement().isInstanceOf(ParseOutcome.Rejected.class);
        assertThat(((ParseOutcome.Rejected) out.get(0)).rejection().reason())
                .startsWith("malformed XML: Byte \"195\" is not a member of the (7-bit) ASCII character set");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attribute", "comment", "processing instruction", "CDATA", "attributes"})
    @Timeout(30)
    void markupBiggerThanTheTokenBound_isRejected_withoutHoldingItWhole(String kind) {
        int n = 4 * Pacs008Reader.MAX_TOKEN_BYTES;
        String filler = "x".repeat(n);
        String markup = switch (kind) {
            case "attribute" -> "<SplmtryData a=\"" + filler + "\"/>";
            case "comment" -> "<!--" + filler + "-->";
            case "processing instruction" -> "<?pi " + filler + "?>";
            case "CDATA" -> "<SplmtryData><![CDATA[" + filler + "]]></SplmtryData>";
            default -> null; // built below
        };
        if ("attributes".equals(kind)) {
            StringBuilder sb = new StringBuilder("<SplmtryData");
            for (int i = 0; sb.length() < n; i++) {
                sb.append(" a").append(i).append("=\"v\"");
            }
            markup = sb.append("/>").toString();
        }
        byte[] doc = Pacs008RejectionTest.doc(markup).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (org.osecscreener.fuzz.Guard guard = new org.osecscreener.fuzz.Guard(20_000)) {
            var m = guard.run(kind, () -> Pacs008FuzzTest.readAll(doc));
            List<ParseOutcome> out = m.value();
            Rejection r = ((ParseOutcome.Rejected) out.get(out.size() - 1)).rejection();
            if ("attributes".equals(kind)) {
                // the JDK parser's own limit (10,000 attributes per element) may come first
                assertThat(r.reason()).containsAnyOf("is longer than " + Pacs008Reader.MAX_TOKEN_BYTES + " bytes",
                        "elementAttributeLimit", "attributes");
            } else {
                assertThat(r.reason()).isEqualTo("a single piece of XML markup (a tag with its attributes, a comment, a"
                        + " processing instruction or a CDATA section) is longer than " + Pacs008Reader.MAX_TOKEN_BYTES
                        + " bytes; the rest of the input was not read");
            }
            assertThat(m.allocatedBytes()).as("bytes allocated reading %s bytes", doc.length)
                    .isLessThan(Pacs008FuzzTest.ALLOC_BASE + 8L * Pacs008Reader.MAX_TOKEN_BYTES);
        }
    }
}
