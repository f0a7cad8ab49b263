package org.osecscreener.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osecscreener.tools.iso20022.Pacs008Reader;

/**
 * Date-times without an offset: rejected unless a default zone is configured, then read in that
 * zone, the same in JSON lines and pacs.008; daylight-saving gaps and overlaps are never guessed.
 */
class DefaultZoneTest {
    static final ZoneId MANILA = ZoneId.of("Asia/Manila");
    static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    static String json(String timestamp) {
        return "{\"id\":\"T-1\",\"timestamp\":\"" + timestamp + "\",\"amount\":\"45.00\",\"currency\":\"AUD\","
                + "\"sender\":{\"id\":\"S-1\",\"country\":\"AU\"},\"beneficiary\":{\"id\":\"B-1\",\"country\":\"PH\"}}";
    }

    static String pacs008(String creDtTm, String accptncDtTm) {
        return "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf>"
                + "<GrpHdr><MsgId>G</MsgId><CreDtTm>" + creDtTm + "</CreDtTm><NbOfTxs>1</NbOfTxs></GrpHdr>"
                + "<CdtTrfTxInf><PmtId><EndToEndId>E-1</EndToEndId></PmtId>"
                + "<IntrBkSttlmAmt Ccy=\"AUD\">45.00</IntrBkSttlmAmt>"
                + (accptncDtTm == null ? "" : "<AccptncDtTm>" + accptncDtTm + "</AccptncDtTm>")
                + "<Dbtr><Nm>A</Nm><PstlAdr><Ctry>AU</Ctry></PstlAdr></Dbtr>"
                + "<Cdtr><Nm>B</Nm><PstlAdr><Ctry>PH</Ctry></PstlAdr></Cdtr></CdtTrfTxInf>"
                + "</FIToFICstmrCdtTrf></Document>";
    }

    static ParseOutcome readJson(String line, ZoneId zone) {
        return TransactionCodec.withDefaultZone(zone).parse(line, 1);
    }

    static ParseOutcome readXml(String xml, ZoneId zone) throws Exception {
        List<ParseOutcome> out = new ArrayList<>();
        try (Pacs008Reader r = new Pacs008Reader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), zone)) {
            ParseOutcome o;
            while ((o = r.next()) != null) {
                out.add(o);
            }
        }
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    static OffsetDateTime time(ParseOutcome o) {
        assertThat(o).as("outcome %s", o).isInstanceOf(ParseOutcome.Parsed.class);
        return ((ParseOutcome.Parsed) o).transaction().timestamp();
    }

    static Rejection rejection(ParseOutcome o) {
        assertThat(o).as("outcome %s", o).isInstanceOf(ParseOutcome.Rejected.class);
        return ((ParseOutcome.Rejected) o).rejection();
    }

    @Test
    void withoutADefaultZone_aLocalTime_isRejected_sayingToSetTheZone() throws Exception {
        assertThat(rejection(readJson(json("2026-03-01T22:15:00"), null)).reason())
                .isEqualTo("'2026-03-01T22:15:00' has no offset; write it as ISO-8601 with an offset or Z, for example"
                        + " 2026-03-01T22:15:00+10:00, or name the zone of such times with --default-zone"
                        + " (docs/time-and-order.md)");
        Rejection x = rejection(readXml(pacs008("2026-03-01T10:00:00Z", "2026-03-01T22:15:00"), null));
        assertThat(x.field()).isEqualTo("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/AccptncDtTm");
        assertThat(x.reason()).isEqualTo("'2026-03-01T22:15:00' has no offset, so its instant is unknown: set the zone"
                + " of date-times without an offset with --default-zone (for example --default-zone Asia/Manila or"
                + " +08:00), or write it with an offset, for example 2026-03-01T22:15:00+10:00");
        Rejection cre = rejection(readXml(pacs008("2026-03-01T10:00:00", null), null));
        assertThat(cre.field()).isEqualTo("/Document/FIToFICstmrCdtTrf/GrpHdr/CreDtTm");
        assertThat(cre.reason()).contains("--default-zone");
    }

    @Test
    void withADefaultZone_aLocalTime_isReadInThatZone_inBothFormats() throws Exception {
        OffsetDateTime manila = OffsetDateTime.of(2026, 3, 1, 22, 15, 0, 0, ZoneOffset.ofHours(8));
        assertThat(time(readJson(json("2026-03-01T22:15:00"), MANILA))).isEqualTo(manila);
        assertThat(time(readXml(pacs008("2026-03-01T10:00:00Z", "2026-03-01T22:15:00"), MANILA))).isEqualTo(manila);
        // the group header's creation time, when the transaction has no acceptance time
        assertThat(time(readXml(pacs008("2026-03-01T22:15:00", null), MANILA))).isEqualTo(manila);
        // an offset zone, and fractions of a second
        assertThat(time(readJson(json("2026-03-01T22:15:00.250"), ZoneOffset.ofHours(-5))))
                .isEqualTo(OffsetDateTime.of(2026, 3, 1, 22, 15, 0, 250_000_000, ZoneOffset.ofHours(-5)));
        // the zone's offset on that date: Sydney is +11:00 in summer, +10:00 in winter
        assertThat(time(readJson(json("2026-01-15T09:00:00"), SYDNEY)).getOffset()).isEqualTo(ZoneOffset.ofHours(11));
        assertThat(time(readJson(json("2026-07-15T09:00:00"), SYDNEY)).getOffset()).isEqualTo(ZoneOffset.ofHours(10));
    }

    @Test
    void withADefaultZone_aTimeWithAnOffset_keepsItsOwnOffset() throws Exception {
        OffsetDateTime written = OffsetDateTime.of(2026, 3, 1, 22, 15, 0, 0, ZoneOffset.ofHours(10));
        assertThat(time(readJson(json("2026-03-01T22:15:00+10:00"), MANILA))).isEqualTo(written);
        assertThat(time(readXml(pacs008("2026-03-01T10:00:00Z", "2026-03-01T22:15:00+10:00"), MANILA))).isEqualTo(written);
    }

    @Test
    void daylightSavingGapAndOverlap_areRejected_neverGuessed() throws Exception {
        // Sydney: clocks back from 03:00 (+11:00) to 02:00 (+10:00) on 2026-04-05, forward at 02:00 on 2026-10-04
        Rejection twice = rejection(readJson(json("2026-04-05T02:30:00"), SYDNEY));
        assertThat(twice.reason()).isEqualTo("'2026-04-05T02:30:00' has no offset and happens twice in Australia/Sydney"
                + " (the clocks moved back from +11:00 to +10:00 at 2026-04-05T03:00), so its instant is ambiguous;"
                + " write it with an offset");
        Rejection never = rejection(readXml(pacs008("2026-03-01T10:00:00Z", "2026-10-04T02:30:00"), SYDNEY));
        assertThat(never.reason()).isEqualTo("'2026-10-04T02:30:00' has no offset and does not exist in Australia/Sydney"
                + " (the clocks moved forward from +10:00 to +11:00 at 2026-10-04T02:00); write it with an offset");
    }

    @Test
    void garbage_isStillRejectedAsNotADateTime_whateverTheZone() throws Exception {
        assertThat(rejection(readJson(json("yesterday"), MANILA)).reason()).startsWith("'yesterday' is not an ISO-8601 date-time");
        assertThat(rejection(readXml(pacs008("2026-03-01T10:00:00Z", "yesterday"), MANILA)).reason())
                .startsWith("'yesterday' is not an ISO-8601 date-time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Manila", "+08:00", "Z", "UTC", "Europe/London"})
    void parseZone_acceptsIanaIdsAndOffsets(String text) {
        assertThat(LocalTimes.parseZone(text)).isEqualTo(ZoneId.of(text));
    }

    @Test
    void parseZone_refusesAnythingElse_namingWhatIsAccepted() {
        assertThatThrownBy(() -> LocalTimes.parseZone("Asia/Manilla"))
                .hasMessage("'Asia/Manilla' is not a time zone: give an IANA time zone such as Asia/Manila or"
                        + " Australia/Sydney, or an offset such as +08:00 or Z");
        assertThatThrownBy(() -> LocalTimes.parseZone("+25:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
