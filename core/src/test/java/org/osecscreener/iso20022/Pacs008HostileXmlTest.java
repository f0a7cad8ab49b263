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
}
