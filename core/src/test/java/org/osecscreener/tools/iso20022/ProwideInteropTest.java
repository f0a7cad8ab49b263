package org.osecscreener.tools.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.AppHdrFactory;
import com.prowidesoftware.swift.model.mx.MxPacs00800108;
import com.prowidesoftware.swift.model.mx.MxPacs00800109;
import com.prowidesoftware.swift.model.mx.MxPacs00800110;
import com.prowidesoftware.swift.model.mx.MxPacs00800111;
import com.prowidesoftware.swift.model.mx.MxPacs00800112;
import com.prowidesoftware.swift.model.mx.MxPacs00800113;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.MxWriteParams;
import com.prowidesoftware.swift.model.mx.adapters.IsoDateTimeAdapter;
import com.prowidesoftware.swift.model.mx.adapters.TypeAdaptersConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.Contact4;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction39;
import com.prowidesoftware.swift.model.mx.dic.FIToFICustomerCreditTransferV08;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader93;
import com.prowidesoftware.swift.model.mx.dic.OrganisationIdentification29;
import com.prowidesoftware.swift.model.mx.dic.Party38Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification7;
import com.prowidesoftware.swift.model.mx.dic.PostalAddress24;
import com.prowidesoftware.swift.model.mx.dic.ProxyAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.Purpose2Choice;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.SettlementInstruction7;
import com.prowidesoftware.swift.model.mx.dic.SettlementMethod1Code;
import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.Rejection;
import org.osecscreener.model.Channel;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.model.Transaction;

/**
 * Interoperability: pacs.008 messages written by an independent ISO 20022 library, Prowide's
 * {@code pw-iso20022}, for every supported version (.08 to .13), bare and inside a Business
 * Application Header envelope ({@code AppHdr}, head.001.001.02, as Prowide writes it), with
 * date-times with an offset and without one (as many bank systems send them), read by
 * {@link Pacs008Reader} and compared field by field with the transactions they describe.
 *
 * <p>The message is described once with Prowide's typed model of pacs.008.001.08, carried to each
 * version's own typed model by Prowide's JSON mapping ({@code MxPacs0080010N.fromJson}) and written
 * as XML by Prowide's JAXB marshaller; date-times without an offset come from Prowide's date-time
 * adapter hook ({@link IsoDateTimeAdapter}) set to print the local date and time. Prowide's model of
 * pacs.008.001.13 has no {@code AccptncDtTm}, so in that version both transactions take the group
 * header's {@code CreDtTm}. All values are synthetic.
 */
class ProwideInteropTest {
    static final ZoneId MANILA = ZoneId.of("Asia/Manila");
    static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-03-02T10:00:00+08:00");
    static final OffsetDateTime ACCEPTED_1 = OffsetDateTime.parse("2026-03-01T22:15:00+08:00");
    static final OffsetDateTime ACCEPTED_2 = OffsetDateTime.parse("2026-03-02T09:30:00+08:00");
    static final String UETR = "8a562c67-ca16-48ba-b074-65581be6f011";

    /** The message in Prowide's typed model of pacs.008.001.08: two credit transfers. */
    static MxPacs00800108 message() {
        GroupHeader93 header = new GroupHeader93().setMsgId("MSG-INTEROP-1").setCreDtTm(CREATED).setNbOfTxs("2")
                .setSttlmInf(new SettlementInstruction7().setSttlmMtd(SettlementMethod1Code.INDA));
        FIToFICustomerCreditTransferV08 doc = new FIToFICustomerCreditTransferV08().setGrpHdr(header);

        CreditTransferTransaction39 one = new CreditTransferTransaction39()
                .setPmtId(new PaymentIdentification7().setInstrId("INSTR-1").setEndToEndId("E2E-1").setUETR(UETR))
                .setIntrBkSttlmAmt(new ActiveCurrencyAndAmount().setCcy("AUD").setValue(new BigDecimal("45.00")))
                .setInstdAmt(new ActiveOrHistoricCurrencyAndAmount().setCcy("USD").setValue(new BigDecimal("30.00")))
                .setAccptncDtTm(ACCEPTED_1)
                .setChrgBr(ChargeBearerType1Code.SHAR)
                .setDbtr(new PartyIdentification135().setNm("Test Sender One")
                        .setPstlAdr(new PostalAddress24().setCtry("AU").addAdrLine("1 Example Street").addAdrLine("Sydney"))
                        .setCtctDtls(new Contact4().setMobNb("+61-412345678").setEmailAdr("sender.one@example.org")))
                .setDbtrAcct(new CashAccount38().setId(new AccountIdentification4Choice().setIBAN("GB33BUKB20201555555555")))
                .setDbtrAgt(agent("AAAAAU2SXXX"))
                .setCdtrAgt(agent("BBBBPHMMXXX"))
                .setCdtr(new PartyIdentification135().setNm("Test Beneficiary One").setCtryOfRes("PH")
                        .setCtctDtls(new Contact4().setEmailAdr("beneficiary.one@example.org")))
                .setCdtrAcct(new CashAccount38().setId(new AccountIdentification4Choice()
                        .setOthr(new GenericAccountIdentification1().setId("PH-ACCT-0001"))))
                .setPurp(new Purpose2Choice().setCd("GIFT"));
        RemittanceInformation16 remittance = new RemittanceInformation16();
        remittance.getUstrd().add("school fees");
        one.setRmtInf(remittance);

        CreditTransferTransaction39 two = new CreditTransferTransaction39()
                .setPmtId(new PaymentIdentification7().setEndToEndId("E2E-2"))
                .setIntrBkSttlmAmt(new ActiveCurrencyAndAmount().setCcy("USD").setValue(new BigDecimal("1250.00")))
                .setAccptncDtTm(ACCEPTED_2)
                .setChrgBr(ChargeBearerType1Code.DEBT)
                .setDbtr(new PartyIdentification135().setNm("Example Trading LLC")
                        .setPstlAdr(new PostalAddress24().setStrtNm("Example Avenue").setBldgNb("12").setTwnNm("New York")
                                .setCtry("US"))
                        .setId(new Party38Choice().setOrgId(new OrganisationIdentification29().setAnyBIC("CCCCUS33XXX"))))
                .setDbtrAgt(agent("CCCCUS33XXX"))
                .setCdtrAgt(agent("BBBBPHMMXXX"))
                .setCdtr(new PartyIdentification135().setNm("Test Beneficiary Two")
                        .setPstlAdr(new PostalAddress24().setCtry("PH")))
                .setCdtrAcct(new CashAccount38().setPrxy(new ProxyAccountIdentification1().setId("+639171234567")));
        doc.addCdtTrfTxInf(one).addCdtTrfTxInf(two);
        return new MxPacs00800108().setFIToFICstmrCdtTrf(doc);
    }

    static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
        return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(bic));
    }

    /** What the reader must make of the two transfers (docs/iso20022.md), with the timestamps given. */
    static List<Transaction> expected(OffsetDateTime first, OffsetDateTime second) {
        Party senderOne = Party.builder("IBAN:GB33BUKB20201555555555", "AU").type(PartyType.PERSON).name("Test Sender One")
                .account("GB33BUKB20201555555555").phone("+61-412345678").email("sender.one@example.org")
                .address("1 Example Street, Sydney").build();
        Party beneficiaryOne = Party.builder("ACCT:PH-ACCT-0001", "PH").type(PartyType.PERSON).name("Test Beneficiary One")
                .account("PH-ACCT-0001").email("beneficiary.one@example.org").build();
        Party senderTwo = Party.builder("BIC:CCCCUS33XXX", "US").type(PartyType.BUSINESS).name("Example Trading LLC")
                .address("Example Avenue, 12, New York").build();
        Party beneficiaryTwo = Party.builder("PRXY:+639171234567", "PH").type(PartyType.PERSON).name("Test Beneficiary Two")
                .wallet("+639171234567").build();
        return List.of(
                new Transaction(UETR, first, Money.of(new BigDecimal("30.00"), Currency.getInstance("USD")), Channel.BANK,
                        "GIFT: school fees", senderOne, beneficiaryOne, null),
                new Transaction("E2E-2", second, Money.of(new BigDecimal("1250.00"), Currency.getInstance("USD")), Channel.BANK,
                        null, senderTwo, beneficiaryTwo, null));
    }

    record Version(String id, Function<String, AbstractMX> fromJson) {
        @Override
        public String toString() {
            return "pacs.008.001." + id;
        }
    }

    static final List<Version> VERSIONS = List.of(
            new Version("08", MxPacs00800108::fromJson), new Version("09", MxPacs00800109::fromJson),
            new Version("10", MxPacs00800110::fromJson), new Version("11", MxPacs00800111::fromJson),
            new Version("12", MxPacs00800112::fromJson), new Version("13", MxPacs00800113::fromJson));

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Version v : VERSIONS) {
            for (boolean envelope : new boolean[] {true, false}) {
                for (boolean offsets : new boolean[] {true, false}) {
                    out.add(Arguments.of(v, envelope, offsets));
                }
            }
        }
        return out.stream();
    }

    /** The message as Prowide writes it in {@code version}, with or without the AppHdr envelope and offsets. */
    static String written(Version version, boolean envelope, boolean offsets) {
        String json = message().toJson().replace("pacs.008.001.08", "pacs.008.001." + version.id());
        AbstractMX mx = version.fromJson().apply(json);
        mx.setAppHdr(AppHdrFactory.createBusinessAppHdrV02("AAAAAU2SXXX", "BBBBPHMMXXX", "BIZ-MSG-1", mx.getMxId()));
        TypeAdaptersConfiguration adapters = new TypeAdaptersConfiguration();
        if (!offsets) {
            adapters.dateTimeAdapter = new IsoDateTimeAdapter(new LocalDateTimeAdapter());
        }
        if (envelope) {
            MxWriteConfiguration conf = new MxWriteConfiguration();
            conf.adapters = adapters;
            return mx.message(conf);
        }
        MxWriteParams params = new MxWriteParams();
        params.adapters = adapters;
        params.includeXMLDeclaration = true;
        return mx.document(params);
    }

    /** Prints an ISO date-time without its offset, as systems that keep local times do. */
    static final class LocalDateTimeAdapter extends XmlAdapter<String, OffsetDateTime> {
        @Override
        public OffsetDateTime unmarshal(String s) {
            return OffsetDateTime.parse(s);
        }

        @Override
        public String marshal(OffsetDateTime t) {
            return t.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
    }

    static List<ParseOutcome> read(String xml, ZoneId zone) throws Exception {
        List<ParseOutcome> out = new ArrayList<>();
        try (Pacs008Reader r = new Pacs008Reader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), zone)) {
            ParseOutcome o;
            while ((o = r.next()) != null) {
                out.add(o);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}, AppHdr envelope {1}, offsets {2}")
    @MethodSource("cases")
    void prowideMessage_everyVersion_envelope_offsets_mapsToTheTransactionsItDescribes(Version version, boolean envelope,
                                                                                      boolean offsets) throws Exception {
        String xml = written(version, envelope, offsets);
        assertThat(xml).contains("urn:iso:std:iso:20022:tech:xsd:pacs.008.001." + version.id());
        assertThat(xml.contains("AppHdr")).isEqualTo(envelope);
        assertThat(xml.contains("+08:00")).isEqualTo(offsets);
        boolean hasAcceptance = !version.id().equals("13");
        assertThat(xml.contains("AccptncDtTm>")).isEqualTo(hasAcceptance);
        List<Transaction> expected = hasAcceptance ? expected(ACCEPTED_1, ACCEPTED_2) : expected(CREATED, CREATED);

        // read in the zone the sender's times are in: the same transactions, with or without offsets
        List<ParseOutcome> zoned = read(xml, MANILA);
        assertThat(zoned).allSatisfy(o -> assertThat(o).as("outcome %s", o).isInstanceOf(ParseOutcome.Parsed.class));
        assertThat(zoned.stream().map(o -> ((ParseOutcome.Parsed) o).transaction()).toList())
                .containsExactlyElementsOf(expected);

        // without a default zone: offsets are enough; local times are rejected, saying what to do
        List<ParseOutcome> plain = read(xml, null);
        if (offsets) {
            assertThat(plain.stream().map(o -> ((ParseOutcome.Parsed) o).transaction()).toList())
                    .containsExactlyElementsOf(expected);
        } else {
            assertThat(plain).hasSize(2).allSatisfy(o -> {
                Rejection r = ((ParseOutcome.Rejected) o).rejection();
                assertThat(r.field()).endsWith(hasAcceptance ? "/AccptncDtTm" : "/GrpHdr/CreDtTm");
                assertThat(r.reason()).contains("has no offset").contains("--default-zone");
            });
        }
    }
}
