package org.osecscreener.tools.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;

class CaseExportTest {
    /** Raw values that must never appear in a default (masked) export. */
    static final List<String> RAW = List.of(CaseFixtures.RING_PHONE, "917 123 4567", "9171234567", CaseFixtures.RING_ACCOUNT,
            "Maria Ringpayee", "Offender Sender", "ACC-99887766", "maria.ring@example.com", "San Isidro", "+61412345601");

    @TempDir
    Path dir;

    List<Transaction> txs;
    List<Assessment> alerts;

    @BeforeEach
    void ring() {
        txs = CaseFixtures.ringTransactions(30);
        alerts = new ArrayList<>();
        for (int i = 20; i < 30; i++) {
            alerts.add(CaseFixtures.alert(txs.get(i), "C-1", i % 2 == 0 ? Level.ALERT : Level.REVIEW, 0.6 + i / 100.0,
                    txs.get(i - 9).id(), txs.get(i - 6).id(), txs.get(i - 3).id()));
        }
    }

    @Test
    void defaultExports_maskEveryIdentifier_inHtmlAndJson() throws IOException {
        CaseReport report = CaseReport.builder().build();
        List<Case> cases = report.group(alerts, txs);
        String html = report.html(cases.get(0));
        String index = report.indexHtml(cases);
        String json = json(report, cases);
        for (String raw : RAW) {
            assertThat(html).as("html").doesNotContain(raw);
            assertThat(index).as("index").doesNotContain(raw);
            assertThat(json).as("json").doesNotContain(raw);
        }
        assertThat(html).contains("+63917•••4567").contains("PH•••7890").contains("Identifiers are masked");
        assertThat(json).contains("\"rawIdentifiers\" : false");
    }

    @Test
    void rawIdentifiersFlag_showsRawValues() throws IOException {
        CaseReport report = CaseReport.builder().rawIdentifiers(true).build();
        List<Case> cases = report.group(alerts, txs);
        String html = report.html(cases.get(0));
        String json = json(report, cases);
        assertThat(html).contains(CaseFixtures.RING_PHONE).contains(CaseFixtures.RING_ACCOUNT).contains("Maria Ringpayee 1")
                .contains("Raw identifiers are shown");
        assertThat(json).contains(CaseFixtures.RING_ACCOUNT).contains("Offender Sender 2");
    }

    @Test
    void html_isWellFormed_selfContained_withTheNetworkAndTimelineAsInlineSvg() throws Exception {
        CaseReport report = CaseReport.builder().build();
        Case c = report.group(alerts, txs).get(0);
        String html = report.html(c);
        assertThat(html).startsWith("<!DOCTYPE html>");
        List<String> elements = elements(html);
        assertThat(elements).filteredOn("svg"::equals).hasSize(2);
        assertThat(elements).contains("style", "table", "circle", "line", "path");
        assertThat(elements).doesNotContain("script", "img", "link", "iframe", "object");
        assertThat(html.replace("http://www.w3.org/", "")).doesNotContain("http://").doesNotContain("https://");
        assertThat(html).contains("id=\"network\"").contains("id=\"cluster\"").contains("id=\"senders\"")
                .contains("id=\"hits\"").contains("id=\"transactions\"").contains("id=\"str\"");
        assertThat(html).contains("recurring_small_to_cluster").contains("7 transfers of 35.00 AUD to cluster");
        assertThat(html).contains("B-R2 shares phone".replace(" shares phone", "")).contains(">phone<");
        assertThat(elements(report.indexHtml(List.of(c)))).contains("a", "table");
    }

    @Test
    void strAid_hasDefaultKeyTerms_andANeutralNarrativeFromTheHits() {
        CaseReport report = CaseReport.builder().build();
        Case c = report.group(alerts, txs).get(0);
        String narrative = report.narrative(c);
        assertThat(narrative).startsWith("OCSE-FIN-2021-NTC3. Between 2026-03-05 and 2026-03-11 (UTC), ")
                .contains("3 senders in AU, US made ")
                .contains("transfers totalling ").contains(" AUD and ").contains(" USD to 3 payees in PH")
                .contains("one payee cluster of 3 payees linked by a shared phone")
                .contains("Screening flagged 10 transfers from 3 senders (5 at ALERT level, 5 at REVIEW level; highest score 0.89)")
                .contains("recurring_small_to_cluster on 10 flagged transfers");
        for (String raw : RAW) {
            assertThat(narrative).doesNotContain(raw);
        }
        assertThat(narrative).doesNotContain("S-O1").doesNotContain("B-R1");
        String html = report.html(c);
        assertThat(html).contains("OCSE-FIN-2021-NTC3").contains("38(z)").contains("<code>OCSE</code>")
                .contains("child exploitation").contains("AMLC");
    }

    @Test
    void caseWindow_reachesBackToTheEarliestEvidence_andTheTableMarksAlertedRows() {
        CaseReport report = CaseReport.builder().build();
        Case c = report.group(alerts, txs).get(0);
        assertThat(c.windowStart()).isEqualTo(txs.get(11).timestamp());
        assertThat(c.transactions()).extracting(Transaction::id).first().isEqualTo("T-11");
        assertThat(c.transactions()).hasSize(19);
        assertThat(report.html(c).split("<tr class=\"alerted\">", -1)).hasSize(11);
    }

    @Test
    void writeTo_writesCasesJsonIndexAndOnePagePerCase() throws IOException {
        CaseReport report = CaseReport.builder().build();
        List<Case> cases = report.group(alerts, txs);
        List<Path> files = report.writeTo(dir.resolve("out"), cases);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("cases.json", "index.html", cases.get(0).caseId() + ".html");
        JsonNode root = new ObjectMapper().readTree(files.get(0).toFile());
        assertThat(root.get("caseCount").asInt()).isEqualTo(1);
        JsonNode c = root.get("cases").get(0);
        assertThat(c.get("alertCount").asInt()).isEqualTo(10);
        assertThat(c.get("payees")).hasSize(3);
        assertThat(c.get("links").get(0).get("reason").asText()).contains(" shares phone +63917•••4567 with ");
        assertThat(c.get("str").get("keyTerms").get(0).get("placements").get(0).get("value").asText()).isEqualTo("OCSE-FIN-2021-NTC3");
        assertThat(root.get("senders")).hasSize(3);
        assertThat(Files.readString(files.get(1))).contains(cases.get(0).caseId() + ".html");
    }

    @Test
    void maskedPartyIds_derivedFromIdentifiers_keepTheirPrefixOnly() {
        assertThat(Shown.MASKED.partyId("IBAN:PH12EXAM0000001234567890")).isEqualTo("IBAN:PH•••7890");
        assertThat(Shown.MASKED.partyId("S-O1")).isEqualTo("S-O1");
        assertThat(Shown.RAW.partyId("IBAN:PH12EXAM0000001234567890")).isEqualTo("IBAN:PH12EXAM0000001234567890");
    }

    @Test
    void pacs008Input_derivedPartyIds_areMaskedAfterTheirPrefix_inEveryExport() throws IOException {
        List<Transaction> iso = new ArrayList<>();
        try (var in = getClass().getResourceAsStream("/iso20022/pacs008-v08-full.xml");
             var reader = new org.osecscreener.tools.iso20022.Pacs008Reader(in)) {
            reader.forEach(iso::add, r -> { throw new AssertionError(r.describe()); });
        }
        Assessment a = CaseFixtures.alert(iso.get(0), "C-1", Level.ALERT, 0.9);
        CaseReport report = CaseReport.builder().build();
        List<Case> cases = report.group(List.of(a), iso);
        String all = report.html(cases.get(0)) + report.indexHtml(cases) + json(report, cases);
        assertThat(all).contains("IBAN:PH•••7890").contains("IBAN:AU•••5678")
                .doesNotContain("PH12EXAM0000001234567890").doesNotContain("AU123456789012345678")
                .doesNotContain("Maria Cruz Santos").doesNotContain("maria.santos@example.com");
    }

    private static String json(CaseReport report, List<Case> cases) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.writeJson(cases, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Parses the page as XML (after its HTML5 doctype) and lists element names; fails if not well-formed. */
    static List<String> elements(String html) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader r = f.createXMLStreamReader(new StringReader(html.replaceFirst("^<!DOCTYPE html>", "")));
        List<String> names = new ArrayList<>();
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT) {
                names.add(r.getLocalName());
            }
        }
        return names;
    }
}
