package org.osecscreener.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.tools.secondopinion.SecondOpinionGenerator;
import org.osecscreener.tools.synth.Generator;
import org.osecscreener.tools.synth.GeneratorConfig;

/**
 * Hand-picked cases for the phone fast path: what it answers itself (the forms the generators
 * write, for several numbering plans), what it leaves to libphonenumber, and that the answer is
 * libphonenumber's either way; and every phone and wallet of two generated sets.
 */
class PhoneFastPathTest {

    private static void sameAsLibphonenumber(String raw, String region) {
        for (boolean wallet : new boolean[] {false, true}) {
            assertThat(IdentifierNormaliser.e164(raw, region, wallet)).as("'%s' %s wallet=%s", raw, region, wallet)
                    .isEqualTo(IdentifierNormaliser.e164Reference(raw, region, wallet));
        }
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // the Philippine forms of the generators
            "0917 123 4567        | PH | +639171234567",
            "+63 917 123 4567     | PH | +639171234567",
            "639171234567         | PH | +639171234567",
            "09171234567          | PH | +639171234567",
            "+639171234567        | PH | +639171234567",
            "0917-123-4567        | PH | +639171234567",
            "(0917) 123-4567      | PH | +639171234567",
            "+63 (917) 123.4567   | PH | +639171234567",
            "+63 917 123 4567     | US | +639171234567",
            "+63 917 123 4567     | XX | +639171234567",
            // other numbering plans
            "+1 555 948 8430      | US | +15559488430",
            "(201) 555-0123       | US | +12015550123",
            "1 201 555 0123       | US | +12015550123",
            "12015550123          | CA | +12015550123",
            "+1 876 555 0123      | JM | +18765550123",
            "07700 900123         | GB | +447700900123",
            "+44 7700 900123      | GB | +447700900123",
            "0412 345 678         | AU | +61412345678",
            "+61 412 345 678      | PH | +61412345678",
            "0803 123 4567        | NG | +2348031234567",
            "07 01 23 45 67       | CI | +2250701234567",
            "+225 07 01 23 45 67  | CI | +2250701234567",
            "06 1234 5678         | IT | +390612345678",
            "+49 151 23456789     | DE | +4915123456789",
            "030 123456           | DE | +4930123456",
            "+971 50 123 4567     | AE | +971501234567",
            "+91 98765 43210      | IN | +919876543210",
            "'  0917 123 4567  --- ' | PH | +639171234567"})
    void commonForms_answeredByTheFastPath_asLibphonenumber(String raw, String region, String e164) {
        assertThat(PhoneFastPath.e164(raw, region, false)).isNotSameAs(PhoneFastPath.UNSURE).isEqualTo(e164);
        assertThat(IdentifierNormaliser.e164Reference(raw, region, false)).isEqualTo(e164);
        sameAsLibphonenumber(raw, region);
    }

    @ParameterizedTest(name = "''{0}'' in {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "0063 917 123 4567         | PH",     // international prefix
            "011 63 917 123 4567       | US",
            "+639171234567 x12         | PH",     // extensions
            "+639171234567;ext=12      | PH",
            "0917 123 4567 #           | PH",
            "+63 917 123 4567 ext. 7   | PH",
            "\u0660\u0669\u0661\u0667\u0661\u0662\u0663\u0664\u0665\u0666\u0667 | PH",   // Arabic-Indic digits
            "\uFF10\uFF19\uFF11\uFF17\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17 | PH",   // full-width digits
            "\uFF0B63 917 123 4567     | PH",     // full-width plus
            "0917\u00A0123\u00A04567   | PH",     // no-break spaces
            "0917\t123\t4567           | PH",
            "1-800-FLOWERS             | US",     // vanity number
            "call me 0917 123 4567     | PH",
            "tel:+63-917-123-4567      | PH",
            "+800 1234 5678            | PH",     // non-geographic calling code
            "+0917 123 4567            | PH",     // '+' then 0
            "+999 123 4567             | PH",     // unknown calling code
            "++63 917 123 4567         | PH",
            "0917+1234567              | PH",
            "0917 123 4567             | XX",     // unknown region, no '+'
            "0917 123 4567             | ph",
            "0917 123 4567             | NULL",
            "0917 123 4567             | 001",
            "+                         | PH",
            "''                        | PH",
            "'   '                     | PH",
            "12                        | PH",
            "0917-123-4567------------------------------------------------------------ | PH",   // longer than 64 characters
            "123456789012345678901     | PH",     // 21 digits
            "0 15 11 91234 5678        | BR",     // national prefix with a carrier code, rewritten
            "NULL                      | PH"})
    void oddInput_leftToLibphonenumber(String raw, String region) {
        assertThat(PhoneFastPath.e164(raw, region, false)).isSameAs(PhoneFastPath.UNSURE);
        assertThat(PhoneFastPath.e164(raw, region, true)).isSameAs(PhoneFastPath.UNSURE);
        sameAsLibphonenumber(raw, region);
    }

    @ParameterizedTest(name = "''{0}'' in {1}")
    @CsvSource(delimiter = '|', value = {
            "000 000 0000       | PH",    // placeholder: national number zero -> ""
            "+63 000 000 0000   | PH",
            "0000000000         | US",
            "0917 123           | PH",    // too short
            "0917 123 4567 89   | PH",    // too long for a Philippine mobile
            "+63 917 123 4567 8 | PH",
            "+1 201 555 012     | US",
            "+44 1              | GB",
            "555                | US",
            "123                | PH",
            "0 917 123 4567     | PH",
            "+63 0917 123 4567  | PH",    // national prefix after the calling code
            "63 0917 123 4567   | PH",
            "6363 917 123 4567  | PH",
            "+1 (0)201 555 0123 | US",
            "1 1 201 555 0123   | US",
            "4 1234             | IT",    // Italian leading zeros and none
            "00 1234 5678       | IT",
            "000012345          | IT",
            "001 201 555 0123   | CI",
            "+39 06 698 12345   | PH",    // +39 shared by Italy and the Vatican
            "+39 06 698 1234    | VA",
            "+7 912 345 6789    | RU",    // +7: Russia and Kazakhstan
            "+7 701 234 5678    | KZ",
            "+44 7781 123456    | GB",    // +44: Jersey, Guernsey, Isle of Man
            "+44 1624 456789    | IM",
            "+1 268 464 1234    | AG",    // NANPA islands: leading digits
            "464 1234           | AG",
            "(02) 1234 5678     | AU",
            "0 183 1 2345 678   | AU",
            "(11) 91234-5678    | BR",
            "0 11 15 1234 5678  | AR",
            "011 15 1234 5678   | AR",
            "090 1234 5678      | JP"})
    void edgeCases_sameAsLibphonenumber_whoeverAnswers(String raw, String region) {
        sameAsLibphonenumber(raw, region);
    }

    /**
     * A calling code written without {@code +} in a region that shares it (Jersey, Isle of Man:
     * +44): once the code is taken off, the national prefix is stripped by the rules of the
     * code's main region (GB), not the default region's.
     */
    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "4400212345678 | JE | +44212345678",
            "4400669812345 | IM | +44669812345"})
    void sharedCallingCodeWithoutPlus_thenTheMainRegionsRules(String raw, String region, String e164) {
        assertThat(PhoneFastPath.e164(raw, region, false)).isNotSameAs(PhoneFastPath.UNSURE).isEqualTo(e164);
        sameAsLibphonenumber(raw, region);
    }

    @Test
    void placeholder_isEmpty_walletInvalid_isNull() {
        assertThat(IdentifierNormaliser.e164("000 000 0000", "PH", false)).isEmpty();
        assertThat(IdentifierNormaliser.e164("0917 1234 5678 9012", "PH", false)).isNull();   // too long
        // possible (ten digits) but not a valid Philippine number: a phone, not a wallet
        assertThat(IdentifierNormaliser.e164("0117 123 4567", "PH", false)).isEqualTo("+631171234567");
        assertThat(IdentifierNormaliser.e164("0117 123 4567", "PH", true)).isNull();
        assertThat(IdentifierNormaliser.e164Reference("0117 123 4567", "PH", true)).isNull();
    }

    /**
     * Every phone and phone-like wallet of the main generator and of the second-opinion set (5,000
     * transactions each), read with the party's country as normalise does: the fast path answers
     * all of them itself, and its answer is libphonenumber's.
     */
    @Test
    void generatedSets_everyPhoneAndWallet_fastAndExact() {
        List<Party> parties = new ArrayList<>();
        Consumer<Transaction> both = t -> {
            parties.add(t.sender());
            parties.add(t.beneficiary());
        };
        Generator.of(GeneratorConfig.defaults(), 42).generate(5_000, both, x -> { });
        SecondOpinionGenerator.of(14).generate(5_000, both::accept, null);
        int phones = 0;
        int wallets = 0;
        for (Party p : parties) {
            if (p.phone() != null) {
                phones++;
                assertThat(PhoneFastPath.e164(p.phone(), p.country(), false)).isNotSameAs(PhoneFastPath.UNSURE)
                        .isEqualTo(IdentifierNormaliser.e164Reference(p.phone(), p.country(), false));
            }
            if (p.wallet() != null && IdentifierNormaliser.looksLikePhone(p.wallet())) {
                wallets++;
                assertThat(PhoneFastPath.e164(p.wallet(), p.country(), true)).isNotSameAs(PhoneFastPath.UNSURE)
                        .isEqualTo(IdentifierNormaliser.e164Reference(p.wallet(), p.country(), true));
            }
        }
        assertThat(phones).isGreaterThan(10_000);
        assertThat(wallets).isGreaterThan(500);
    }
}
