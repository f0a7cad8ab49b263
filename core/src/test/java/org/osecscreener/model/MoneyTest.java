package org.osecscreener.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class MoneyTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");

    @Test
    void of_decimal_usesTheCurrencysExponent() {
        assertThat(Money.of("45.5", USD).minorUnits()).isEqualTo(4550);
        assertThat(Money.of("1500", JPY).minorUnits()).isEqualTo(1500);
        assertThat(Money.of("1.25", KWD).minorUnits()).isEqualTo(1250);
        assertThat(Money.of("45.5", USD).toPlainString()).isEqualTo("45.50");
        assertThat(Money.of("0.05", USD).toPlainString()).isEqualTo("0.05");
        assertThat(Money.of("1.25", KWD).toString()).isEqualTo("1.250 KWD");
        assertThat(Money.of("1.25", KWD).toBigDecimal()).isEqualByComparingTo(new BigDecimal("1.250"));
    }

    @Test
    void of_overPrecise_isRefused_evenWithTrailingZeros() {
        assertThatThrownBy(() -> Money.of("1.001", USD)).hasMessageContaining("more than 2 fraction digits");
        assertThatThrownBy(() -> Money.of("1.0", JPY)).hasMessageContaining("more than 0 fraction digits");
    }

    @Test
    void constructor_refusesNegativeAndMetalCurrencies() {
        assertThatThrownBy(() -> new Money(-1, USD)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new Money(1, Currency.getInstance("XAU"))).hasMessageContaining("no minor unit");
    }

    @Test
    void countries_acceptIsoAlpha2Only() {
        assertThat(Countries.isValid("PH")).isTrue();
        assertThat(Countries.isValid("XK")).isTrue();
        assertThat(Countries.isValid("XX")).isFalse();
        assertThat(Countries.isValid("ph")).isFalse();
        assertThat(Countries.isValid("PHL")).isFalse();
        assertThat(Countries.isValid(null)).isFalse();
    }

    @Test
    void party_defaultsTypeToPerson_andRejectsBadCountry() {
        assertThat(new Party("B-1", null, null, "PH", null, null, null, null, null, null, null, null).type())
                .isEqualTo(PartyType.PERSON);
        assertThatThrownBy(() -> Party.of("B-1", "ZZ")).hasMessageContaining("'ZZ' is not");
        assertThatThrownBy(() -> Party.builder("B-1", "PH").name("x".repeat(Limits.NAME + 1)).build())
                .hasMessageContaining("name is 201 characters long");
    }
}
