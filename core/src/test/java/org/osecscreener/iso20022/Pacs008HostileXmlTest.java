package org.osecscreener.iso20022;

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

/** Hostile documents (XXE, entity expansion, external DTD) are rejected, never resolved. */
class Pacs008HostileXmlTest {
    @ParameterizedTest
    @ValueSource(strings = {"hostile-xxe.xml", "hostile-billion-laughs.xml", "hostile-external-dtd.xml"})
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
    @ValueSource(strings = {"hostile-xxe.xml", "hostile-billion-laughs.xml", "hostile-external-dtd.xml"})
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
}
