package org.osecscreener.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.osecscreener.model.Party;

class NormalisationTest {
    private final IdentifierNormaliser all = new IdentifierNormaliser(ClusterConfig.builder()
            .enable(IdentifierType.NAME).enable(IdentifierType.PICKUP_LOCATION).build());

    private PayeeIdentifiers norm(Party p) {
        return all.normalise(p);
    }

    private static String value(PayeeIdentifiers ids, IdentifierType type) {
        return ids.identifiers().stream().filter(i -> i.type() == type).map(Identifier::value).findFirst().orElse(null);
    }

    @ParameterizedTest
    @CsvSource({
            "0917 123 4567, PH, +639171234567",
            "+63 917-123-4567, PH, +639171234567",
            "(0917) 1234567, PH, +639171234567",
            "0063 917 123 4567, PH, +639171234567",
            "+61 412 345 678, PH, +61412345678",
            "0412 345 678, AU, +61412345678"})
    void phone_toE164_withPartyCountryAsDefaultRegion(String raw, String country, String e164) {
        PayeeIdentifiers ids = norm(Party.builder("B-1", country).phone(raw).build());
        assertThat(value(ids, IdentifierType.PHONE)).isEqualTo(e164);
        assertThat(ids.flags()).isEmpty();
    }

    @Test
    void phone_configuredDefaultRegion_overridesPartyCountry() {
        IdentifierNormaliser ph = new IdentifierNormaliser(ClusterConfig.builder().defaultRegion("PH").build());
        PayeeIdentifiers ids = ph.normalise(Party.builder("B-1", "US").phone("0917 123 4567").build());
        assertThat(value(ids, IdentifierType.PHONE)).isEqualTo("+639171234567");
    }

    @Test
    void unparseablePhone_keptRawFolded_andFlagged_neverThrows() {
        PayeeIdentifiers ids = norm(Party.builder("B-1", "PH").phone("call me ABC").build());
        assertThat(value(ids, IdentifierType.PHONE)).isEqualTo("callmeabc");
        assertThat(ids.has(NormalisationFlag.UNPARSEABLE_PHONE)).isTrue();
    }

    @Test
    void walletThatIsAPhoneNumber_becomesThatPhone() {
        PayeeIdentifiers ids = norm(Party.builder("B-1", "PH").wallet("09171234567").build());
        assertThat(ids.identifiers()).containsExactly(new Identifier(IdentifierType.PHONE, "+639171234567"));
        assertThat(ids.has(NormalisationFlag.WALLET_IS_PHONE)).isTrue();
    }

    @Test
    void walletNotAPhone_lowerCasedWithoutWhitespace() {
        PayeeIdentifiers ids = norm(Party.builder("B-1", "PH").wallet(" GCash ID 7781 ").build());
        assertThat(value(ids, IdentifierType.WALLET)).isEqualTo("gcashid7781");
        assertThat(ids.has(NormalisationFlag.WALLET_IS_PHONE)).isFalse();
    }

    @Test
    void walletPhone_phoneLinksOff_staysWalletTyped() {
        IdentifierNormaliser n = new IdentifierNormaliser(ClusterConfig.builder().disable(IdentifierType.PHONE).build());
        PayeeIdentifiers ids = n.normalise(Party.builder("B-1", "PH").wallet("0917-123-4567").phone("0917 000 1111").build());
        assertThat(ids.identifiers()).containsExactly(new Identifier(IdentifierType.WALLET, "+639171234567"));
    }

    @Test
    void account_separatorsStripped_upperCased() {
        PayeeIdentifiers ids = norm(Party.builder("B-1", "PH").account(" ph12-bank 0001.2345/67 ").build());
        assertThat(value(ids, IdentifierType.ACCOUNT)).isEqualTo("PH12BANK000123456" + "7");
    }

    @Test
    void email_trimmedAndLowerCased_device_trimmedAsGiven() {
        PayeeIdentifiers ids = norm(Party.builder("B-1", "PH").email("  Maria.Santos@Example.COM ")
                .device(" Dev-AbC-01 ").build());
        assertThat(value(ids, IdentifierType.EMAIL)).isEqualTo("maria.santos@example.com");
        assertThat(value(ids, IdentifierType.DEVICE)).isEqualTo("Dev-AbC-01");
    }

    @Test
    void address_abbreviationsUnified_caseAndPunctuationFolded() {
        String a = AddressNormaliser.normalise("Blk 5 Lot 3, Brgy. San Isidro, Rizal St.");
        String b = AddressNormaliser.normalise("BLOCK 5  LOT 3 BARANGAY SAN ISIDRO RIZAL STREET");
        assertThat(a).isEqualTo(b).isEqualTo("block 5 lot 3 barangay san isidro rizal street");
        assertThat(AddressNormaliser.normalise("Sta. Cruz, Peñafrancia Ave.")).isEqualTo("santa cruz penafrancia avenue");
        assertThat(AddressNormaliser.abbreviations()).containsEntry("brgy", "barangay").containsEntry("blk", "block");
    }

    @Test
    void address_qualifiedByCountry() {
        PayeeIdentifiers ids = norm(Party.builder("B-1", "PH").address("12 Rizal St").build());
        assertThat(value(ids, IdentifierType.ADDRESS)).isEqualTo("PH|12 rizal street");
    }

    @Test
    void name_foldedAndOrderInsensitive() {
        assertThat(NameNormaliser.key("SANTOS, María Clara")).isEqualTo(NameNormaliser.key("maria clara santos"));
        assertThat(NameNormaliser.key("Ma. Luisa Peña-Reyes")).isEqualTo("luisa ma pena reyes");
        PayeeIdentifiers ids = norm(Party.builder("B-1", "PH").name("Santos Maria").build());
        assertThat(value(ids, IdentifierType.NAME)).isEqualTo("PH|maria santos");
    }

    @ParameterizedTest
    @CsvSource({
            "Maria Clara Reyes Santos, santos, reyes",
            "Juan dela Cruz, delacruz, ''",
            "Juan De La Cruz Jr., delacruz, ''",
            "Ana Mae Bautista Dela Cruz, delacruz, bautista",
            "'Dela Cruz, Juan', delacruz, ''",
            "'Santos, Maria Clara Reyes', santos, reyes",
            "José Ma. Sta. Maria, santamaria, ''",
            "Pedro Delos Santos III, delossantos, ''",
            "Madonna, madonna, ''"})
    void surname_copesWithFilipinoNames(String full, String surname, String middle) {
        FoldedName n = NameNormaliser.fold(full);
        assertThat(n.surname()).isEqualTo(surname);
        assertThat(n.middleName()).isEqualTo(middle);
    }

    @Test
    void familyNames_maternalMiddleName_sharedWithRelativeSurname() {
        FoldedName payee = NameNormaliser.fold("Ana Reyes Santos");
        assertThat(payee.sharesFamilyName(NameNormaliser.fold("Jose Reyes"))).isTrue();
        assertThat(payee.sharesFamilyName(NameNormaliser.fold("Liza Santos"))).isTrue();
        assertThat(payee.sharesFamilyName(NameNormaliser.fold("Liza Garcia"))).isFalse();
        assertThat(payee.toString()).doesNotContain("santos");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "N/A", "none", "NULL", "-", "000000", "0000-0000-00", "unknown"})
    void placeholders_neverProduceIdentifiers(String placeholder) {
        Party p = Party.builder("B-1", "PH").phone(placeholder).wallet(placeholder).account(placeholder)
                .email(placeholder).device(placeholder).address(placeholder).name(placeholder)
                .pickupLocation(placeholder).build();
        PayeeIdentifiers ids = norm(p);
        assertThat(ids.size()).isZero();
        assertThat(ids.has(NormalisationFlag.PLACEHOLDER_IGNORED)).isTrue();
    }

    @Test
    void placeholders_configurable_andAllZeroPhoneAfterCountryCode() {
        IdentifierNormaliser n = new IdentifierNormaliser(ClusterConfig.builder().placeholders(List.of("Same As Above")).build());
        assertThat(n.normalise(Party.builder("B-1", "PH").address("same as above").build()).size()).isZero();
        assertThat(n.normalise(Party.builder("B-1", "PH").address("none").build()).size()).isEqualTo(1);
        assertThat(norm(Party.builder("B-1", "PH").phone("+63 000 000 0000").build()).size()).isZero();
    }

    @Test
    void disabledTypes_notEmitted_pickupAndNameOffByDefault() {
        IdentifierNormaliser defaults = new IdentifierNormaliser(ClusterConfig.defaults());
        PayeeIdentifiers ids = defaults.normalise(Party.builder("B-1", "PH").name("Maria Santos")
                .pickupLocation("Agent 7, SM Mall").phone("09171234567").build());
        assertThat(ids.identifiers()).extracting(Identifier::type).containsExactly(IdentifierType.PHONE);
    }

    @Test
    void identifierToString_isMasked() {
        Identifier id = new Identifier(IdentifierType.PHONE, "+639171234567");
        assertThat(id.toString()).isEqualTo("phone +63917•••4567");
        assertThat(PayeeIdentifiers.of(id).toString()).doesNotContain("1234567");
    }
}
