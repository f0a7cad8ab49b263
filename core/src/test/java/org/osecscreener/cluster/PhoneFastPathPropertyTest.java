package org.osecscreener.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The phone fast path gives exactly what libphonenumber alone gives
 * ({@link IdentifierNormaliser#e164Reference}), for phones and for wallets, on generated input
 * ({@link PhoneInputs}): numbers of every region (example numbers, changed: valid, possible,
 * impossible, zero), written with {@code +}, national prefix, bare calling code or international
 * prefix, grouped with spaces, dashes, dots and parentheses, padded with blanks, with letters,
 * extensions, non-ASCII digits or odd characters mixed in, for the generators' countries, every
 * other region and regions libphonenumber rejects; and random hostile text. Where the fast path
 * parses, its number is the one libphonenumber's {@code parse} builds, and its possibility and
 * validity are libphonenumber's. Fixed seeds: the same inputs on every run.
 */
class PhoneFastPathPropertyTest {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** A default region and a number written for it. */
    record Input(String region, String raw) {
    }

    /** A calling code and a national significant number (2 to 17 digits). */
    record Number(int countryCode, String nsn) {
    }

    @Provide
    Arbitrary<Input> inputs() {
        return Arbitraries.randomValue(r -> {
            String region = PhoneInputs.region(r);
            return new Input(region, PhoneInputs.written(r, region));
        });
    }

    @Provide
    Arbitrary<Number> numbers() {
        return Arbitraries.randomValue(r -> {
            String region = PhoneInputs.REGIONS.get(r.nextInt(PhoneInputs.REGIONS.size()));
            String nsn = PhoneInputs.mutate(r, PhoneInputs.exampleNsn(r, region));
            if (nsn.length() < 2 || nsn.length() > 17) {
                nsn = PhoneInputs.digits(r, 2 + r.nextInt(16));
            }
            return new Number(PHONES.getCountryCodeForRegion(region), nsn);
        });
    }

    @Property(tries = 6_000, seed = "20261207")
    void e164_equalsLibphonenumberAlone_forPhonesAndWallets(@ForAll("inputs") Input in) {
        for (boolean wallet : new boolean[] {false, true}) {
            assertThat(IdentifierNormaliser.e164(in.raw(), in.region(), wallet))
                    .as("region %s, wallet %s", in.region(), wallet)
                    .isEqualTo(IdentifierNormaliser.e164Reference(in.raw(), in.region(), wallet));
        }
    }

    @Property(tries = 6_000, seed = "20261208")
    void parsedNumber_isTheOneLibphonenumberParses(@ForAll("inputs") Input in) {
        PhoneFastPath.Parsed p = PhoneFastPath.parse(in.raw(), in.region());
        if (p == null) {
            return;   // falls back: nothing to compare
        }
        PhoneNumber lib;
        try {
            lib = PHONES.parse(in.raw(), in.region());
        } catch (NumberParseException e) {
            throw new AssertionError("fast path parsed what libphonenumber rejects (" + e.getErrorType() + ")", e);
        }
        PhoneNumber fast = p.toPhoneNumber();
        assertThat(fast.exactlySameAs(lib)).as("region %s: %s vs %s", in.region(), fast, lib).isTrue();
        assertThat(PhoneFastPath.possible(p.countryCode, p.nsn)).isEqualTo(PHONES.isPossibleNumber(lib) ? 1 : 0);
        assertThat(PhoneFastPath.valid(p.countryCode, p.nsn)).isEqualTo(PHONES.isValidNumber(lib) ? 1 : 0);
    }

    @Property(tries = 6_000, seed = "20261209")
    void possibleAndValid_areLibphonenumbers_forEveryRegionsNumbers(@ForAll("numbers") Number n) {
        PhoneNumber pn = new PhoneFastPath.Parsed(n.countryCode(), n.nsn()).toPhoneNumber();
        assertThat(PhoneFastPath.possible(n.countryCode(), n.nsn())).as("%s", pn).isEqualTo(PHONES.isPossibleNumber(pn) ? 1 : 0);
        assertThat(PhoneFastPath.valid(n.countryCode(), n.nsn())).as("%s", pn).isEqualTo(PHONES.isValidNumber(pn) ? 1 : 0);
    }
}
