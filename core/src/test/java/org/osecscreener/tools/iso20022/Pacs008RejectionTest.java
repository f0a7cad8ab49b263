package org.osecscreener.tools.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.Rejection;

/** Malformed and non-conforming messages become rejections with a path and a reason. */
class Pacs008RejectionTest {
    static List<ParseOutcome> outcomes;
    static List<Rejection> rejections;

    @BeforeAll
    static void read() {
        outcomes = Pacs008Fixtures.read("nonconforming.xml");
        rejections = Pacs008Fixtures.rejections(outcomes);
    }

    private static Rejection rejectionFor(String field) {
        return rejections.stream().filter(r -> field.equals(r.field())).findFirst()
                .orElseThrow(() -> new AssertionError("no rejection at " + field + " in " + rejections));
    }

    @Test
    void everyTransaction_andTheUnsupportedMessage_giveOneOutcomeEach() {
        assertThat(outcomes).hasSize(8 + 1 + 1);
        assertThat(outcomes).filteredOn(o -> o instanceof ParseOutcome.Parsed).singleElement()
                .satisfies(o -> assertThat(((ParseOutcome.Parsed) o).transaction().id()).isEqualTo("NC-8-valid"));
    }

    @Test
    void missingAmount_isRejected_atItsPath() {
        Rejection r = rejectionFor("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/IntrBkSttlmAmt");
        assertThat(r.reason()).startsWith("required field is missing: the interbank settlement amount");
        assertThat(r.lineNumber()).isEqualTo(7);
        assertThat(r.raw()).contains("PmtId/EndToEndId=NC-1-no-amount");
    }

    @Test
    void unknownCurrency_isRejected_atTheAttribute() {
        Rejection r = rejectionFor("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[2]/IntrBkSttlmAmt/@Ccy");
        assertThat(r.reason()).isEqualTo("'XYZ' is not an ISO 4217 currency code");
        assertThat(r.lineNumber()).isEqualTo(15);
    }

    @Test
    void unknownCountry_isRejected_atItsPath() {
        Rejection r = rejectionFor("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[3]/Cdtr/PstlAdr/Ctry");
        assertThat(r.reason()).startsWith("'XX' is not an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void overPreciseAmount_isRejected() {
        assertThat(rejectionFor("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[4]/IntrBkSttlmAmt").reason())
                .isEqualTo("amount 20.001 has more than 2 fraction digits, the most USD allows");
    }

    @Test
    void timeWithoutOffset_isRejected_asInTheJsonFormat() {
        assertThat(rejectionFor("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[5]/AccptncDtTm").reason())
                .startsWith("'2026-03-01T22:15:00' has no offset");
    }

    @Test
    void missingCountry_isRejected_namingThePostalAddressPath() {
        assertThat(rejectionFor("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[6]/Dbtr/PstlAdr/Ctry").reason())
                .startsWith("required field is missing: the debtor's country");
    }

    @Test
    void missingCurrencyAttribute_isRejected() {
        assertThat(rejectionFor("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[7]/IntrBkSttlmAmt/@Ccy").reason())
                .startsWith("required attribute Ccy is missing");
    }

    @Test
    void unsupportedVersion_isOneRejection_forTheWholeMessage() {
        Rejection r = rejectionFor("/Document[2]");
        assertThat(r.reason()).contains("unsupported version pacs.008.001.07").contains("pacs.008.001.08 to pacs.008.001.13");
        assertThat(r.lineNumber()).isEqualTo(58);
    }

    @Test
    void missingCreationTime_isRejected_atTheGroupHeader() {
        assertThat(rejectionFor("/Document[3]/FIToFICstmrCdtTrf/GrpHdr/CreDtTm").reason())
                .startsWith("required field is missing: the group header's creation date and time");
    }

    @Test
    void malformedXml_keepsWhatCameBefore_thenOneRejection_endsTheInput() {
        List<ParseOutcome> out = Pacs008Fixtures.read("malformed.xml");
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isInstanceOf(ParseOutcome.Parsed.class);
        Rejection r = ((ParseOutcome.Rejected) out.get(1)).rejection();
        assertThat(r.reason()).startsWith("malformed XML: ").contains("IntrBkSttlm").endsWith("the rest of the input was not read");
        assertThat(r.lineNumber()).isEqualTo(13);
        assertThat(r.field()).isEqualTo("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[2]/IntrBkSttlmAmt");
    }

    @Test
    void notXmlAtAll_isOneRejection() {
        List<ParseOutcome> out = read("{\"id\":\"T-1\"}");
        assertThat(out).singleElement().isInstanceOf(ParseOutcome.Rejected.class);
        assertThat(((ParseOutcome.Rejected) out.get(0)).rejection().reason()).startsWith("malformed XML");
    }

    @Test
    void repeatedSingleElement_isNonConforming() {
        String xml = doc("<CdtTrfTxInf><PmtId><EndToEndId>R</EndToEndId></PmtId>"
                + "<IntrBkSttlmAmt Ccy=\"USD\">1.00</IntrBkSttlmAmt><IntrBkSttlmAmt Ccy=\"USD\">2.00</IntrBkSttlmAmt>"
                + "<Dbtr><Nm>A</Nm><PstlAdr><Ctry>US</Ctry></PstlAdr></Dbtr><Cdtr><Nm>B</Nm><PstlAdr><Ctry>PH</Ctry></PstlAdr></Cdtr>"
                + "</CdtTrfTxInf>");
        Rejection r = ((ParseOutcome.Rejected) read(xml).get(0)).rejection();
        assertThat(r.field()).endsWith("CdtTrfTxInf[1]/IntrBkSttlmAmt");
        assertThat(r.reason()).isEqualTo("appears 2 times; the schema allows it once");
    }

    @Test
    void overlongText_isRejected_withTheBound() {
        String name = "N".repeat(Pacs008Reader.MAX_TEXT_CHARS + 1);
        String xml = doc("<CdtTrfTxInf><PmtId><EndToEndId>L</EndToEndId></PmtId>"
                + "<IntrBkSttlmAmt Ccy=\"USD\">1.00</IntrBkSttlmAmt>"
                + "<Dbtr><Nm>" + name + "</Nm><PstlAdr><Ctry>US</Ctry></PstlAdr></Dbtr><Cdtr><Nm>B</Nm><PstlAdr><Ctry>PH</Ctry></PstlAdr></Cdtr>"
                + "</CdtTrfTxInf>");
        Rejection r = ((ParseOutcome.Rejected) read(xml).get(0)).rejection();
        assertThat(r.field()).endsWith("CdtTrfTxInf[1]/Dbtr/Nm");
        assertThat(r.reason()).isEqualTo("text is longer than 2048 characters");
    }

    @Test
    void nameLongerThanThePartyLimit_isRejected() {
        String xml = doc("<CdtTrfTxInf><PmtId><EndToEndId>L</EndToEndId></PmtId>"
                + "<IntrBkSttlmAmt Ccy=\"USD\">1.00</IntrBkSttlmAmt>"
                + "<Dbtr><Nm>" + "N".repeat(201) + "</Nm><PstlAdr><Ctry>US</Ctry></PstlAdr></Dbtr><Cdtr><Nm>B</Nm><PstlAdr><Ctry>PH</Ctry></PstlAdr></Cdtr>"
                + "</CdtTrfTxInf>");
        Rejection r = ((ParseOutcome.Rejected) read(xml).get(0)).rejection();
        assertThat(r.reason()).isEqualTo("is 201 characters long; at most 200 are accepted");
    }

    @Test
    void tooManyTransactions_inOneMessage_areRejected_onceForTheRest() {
        String one = "<CdtTrfTxInf><PmtId><EndToEndId>M</EndToEndId></PmtId><IntrBkSttlmAmt Ccy=\"USD\">1.00</IntrBkSttlmAmt>"
                + "<Dbtr><Nm>A</Nm><PstlAdr><Ctry>US</Ctry></PstlAdr></Dbtr><Cdtr><Nm>B</Nm><PstlAdr><Ctry>PH</Ctry></PstlAdr></Cdtr></CdtTrfTxInf>";
        List<ParseOutcome> out = read(doc(one.repeat(Pacs008Reader.MAX_TRANSACTIONS_PER_MESSAGE + 5)));
        assertThat(out).hasSize(Pacs008Reader.MAX_TRANSACTIONS_PER_MESSAGE + 1);
        Rejection r = ((ParseOutcome.Rejected) out.get(out.size() - 1)).rejection();
        assertThat(r.reason()).contains("more than 10000 credit transfer transactions");
    }

    static String doc(String transactions) {
        return "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf>"
                + "<GrpHdr><MsgId>G</MsgId><CreDtTm>2026-03-01T10:00:00Z</CreDtTm></GrpHdr>"
                + transactions + "</FIToFICstmrCdtTrf></Document>";
    }

    static List<ParseOutcome> read(String xml) {
        try (Pacs008Reader reader = new Pacs008Reader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            List<ParseOutcome> out = new java.util.ArrayList<>();
            ParseOutcome o;
            while ((o = reader.next()) != null) {
                out.add(o);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
