package org.osecscreener.tools.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osecscreener.io.ParseOutcome;
import org.osecscreener.model.Channel;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.model.Transaction;

/** One test per mapped field, over the hand-written v08 and v13 fixtures. */
class Pacs008MappingTest {
    static List<Transaction> v08;
    static List<Transaction> v13;

    @BeforeAll
    static void read() {
        v08 = Pacs008Fixtures.transactions("pacs008-v08-full.xml");
        v13 = Pacs008Fixtures.transactions("pacs008-v13-envelopes.xml");
    }

    @Test
    void everyTransaction_ofEveryMessage_becomesOneTransaction_inOrder() {
        assertThat(v08).extracting(Transaction::id).containsExactly("8a562c67-ca16-48ba-b074-65581be6f001", "E2E-0002");
        assertThat(v13).extracting(Transaction::id)
                .containsExactly("TX-13-1", "E2E-13-2", "0f7e3c1a-2b4d-4e5f-8a9b-0c1d2e3f4a5b");
    }

    @Test
    void id_isUetr_elseEndToEndId_elseTxId_whenEndToEndIdIsNotProvided() {
        assertThat(v08.get(0).id()).isEqualTo("8a562c67-ca16-48ba-b074-65581be6f001");
        assertThat(v08.get(1).id()).isEqualTo("E2E-0002");
        assertThat(v13.get(0).id()).isEqualTo("TX-13-1");
    }

    @Test
    void timestamp_isGroupHeaderCreationTime_keepingItsOffset() {
        assertThat(v08.get(0).timestamp()).isEqualTo(OffsetDateTime.parse("2026-03-01T22:15:00+10:00"));
        assertThat(v08.get(0).timestamp().getOffset().getTotalSeconds()).isEqualTo(36_000);
        assertThat(v13.get(0).timestamp()).isEqualTo(OffsetDateTime.parse("2026-03-05T10:00:00.250Z"));
        assertThat(v13.get(2).timestamp()).isEqualTo(OffsetDateTime.parse("2026-03-06T01:05:00+08:00"));
    }

    @Test
    void timestamp_isAcceptanceTime_whenTheTransactionHasOne() {
        assertThat(v08.get(1).timestamp()).isEqualTo(OffsetDateTime.parse("2026-03-01T03:40:00-05:00"));
    }

    @Test
    void amount_isInstructedAmount_whenPresent_elseSettlementAmount_exact() {
        assertThat(v08.get(0).amount().toString()).isEqualTo("45.00 AUD");
        assertThat(v08.get(1).amount().toString()).isEqualTo("25.00 USD");
        assertThat(v13.get(1).amount().toString()).isEqualTo("1500 JPY");
        assertThat(v13.get(2).amount().minorUnits()).isEqualTo(1990);
    }

    @Test
    void channel_isBank() {
        assertThat(v08).extracting(Transaction::channel).containsOnly(Channel.BANK);
    }

    @Test
    void purpose_joinsPurposeCode_andUnstructuredRemittanceLines() {
        assertThat(v08.get(0).purpose()).isEqualTo("GIFT: school fees March AT&T load");
        assertThat(v08.get(1).purpose()).isEqualTo("FAMILY");
        assertThat(v13.get(0).purpose()).isEqualTo("for load & snacks");
        assertThat(v13.get(1).purpose()).isNull();
    }

    @Test
    void sender_mapsDebtor_nameCountryAddressLinesContactsAndIban() {
        Party s = v08.get(0).sender();
        assertThat(s.name()).isEqualTo("John Example Smith");
        assertThat(s.country()).isEqualTo("AU");
        assertThat(s.address()).isEqualTo("1 George St, Sydney NSW 2000");
        assertThat(s.phone()).as("mobile preferred over landline").isEqualTo("+61-412-345-678");
        assertThat(s.email()).isEqualTo("j.smith@example.com");
        assertThat(s.account()).isEqualTo("AU12 3456 7890 1234 5678");
        assertThat(s.type()).isEqualTo(PartyType.PERSON);
        assertThat(s.id()).isEqualTo("IBAN:AU123456789012345678");
    }

    @Test
    void sender_structuredAddress_landline_andOtherAccountId() {
        Party s = v08.get(1).sender();
        assertThat(s.address()).isEqualTo("Main Street, 12, 10001, New York, NY");
        assertThat(s.phone()).isEqualTo("+1-212-555-0100");
        assertThat(s.account()).isEqualTo("000123456789");
        assertThat(s.id()).isEqualTo("ACCT:000123456789");
        assertThat(s.country()).isEqualTo("US");
    }

    @Test
    void beneficiary_mapsCreditor_likeTheDebtor() {
        Party b = v08.get(0).beneficiary();
        assertThat(b.name()).isEqualTo("Maria Cruz Santos");
        assertThat(b.country()).isEqualTo("PH");
        assertThat(b.address()).isEqualTo("Blk 4 Lot 2, Brgy. San Isidro, Cebu City");
        assertThat(b.phone()).isEqualTo("+63-917-123-4567");
        assertThat(b.email()).isEqualTo("maria.santos@example.com");
        assertThat(b.account()).isEqualTo("PH12EXAM0000001234567890");
        assertThat(b.id()).isEqualTo("IBAN:PH12EXAM0000001234567890");
        assertThat(v08.get(1).beneficiary().address()).isEqualTo("Davao City");
        assertThat(v08.get(1).beneficiary().id()).isEqualTo("ACCT:09171234567");
    }

    @Test
    void proxy_becomesWallet_andPartyId_whenThereIsNoAccount() {
        Party b = v13.get(0).beneficiary();
        assertThat(b.wallet()).isEqualTo("09181234567");
        assertThat(b.account()).isNull();
        assertThat(b.id()).isEqualTo("PRXY:09181234567");
        assertThat(v13.get(2).beneficiary().id()).as("same proxy, same id").isEqualTo(b.id());
    }

    @Test
    void country_fallsBackToCountryOfResidence() {
        assertThat(v13.get(0).sender().country()).isEqualTo("US");
    }

    @Test
    void organisationId_makesABusiness_andItsLeiTheId() {
        Party s = v13.get(1).sender();
        assertThat(s.type()).isEqualTo(PartyType.BUSINESS);
        assertThat(s.id()).isEqualTo("LEI:5493001KJTIIGC8Y1R12");
    }

    @Test
    void partyId_withoutAccountOrId_isDerivedFromCountryAndFoldedName_deterministically() {
        Party harold = v13.get(0).sender();
        assertThat(harold.id()).startsWith("NAME:US:").hasSize("NAME:US:".length() + 20);
        assertThat(harold.id()).isEqualTo("NAME:US:" + Pacs008Mapping.nameDigest("harold   EXAMPLE"));
        assertThat(v13.get(1).beneficiary().id()).isEqualTo("NAME:PH:" + Pacs008Mapping.nameDigest("Lito Bautista"));
        assertThat(harold.id()).doesNotContain("Harold");
    }

    @Test
    void label_isNeverSet() {
        assertThat(v08).extracting(Transaction::label).containsOnlyNulls();
    }

    @Test
    void parseMessage_oneKafkaRecord_givesTheSameTransactions_withXmlLineNumbers() throws Exception {
        byte[] bytes;
        try (var in = getClass().getResourceAsStream("/iso20022/pacs008-v08-full.xml")) {
            bytes = in.readAllBytes();
        }
        List<ParseOutcome> outcomes = Pacs008Reader.parseMessage(bytes, 42);
        assertThat(outcomes).hasSize(2).allMatch(o -> o instanceof ParseOutcome.Parsed);
        assertThat(((ParseOutcome.Parsed) outcomes.get(0)).transaction()).isEqualTo(v08.get(0));
        assertThat(outcomes.get(0).lineNumber()).isEqualTo(11);
    }

    @Test
    void parseMessage_withoutADocument_isOneRejection_namingThePosition() {
        List<ParseOutcome> outcomes = Pacs008Reader.parseMessage("<Other/>".getBytes(StandardCharsets.UTF_8), 7);
        assertThat(outcomes).singleElement().isInstanceOf(ParseOutcome.Rejected.class);
        assertThat(((ParseOutcome.Rejected) outcomes.get(0)).rejection().reason()).contains("record 7 holds no pacs.008 Document");
    }
}
