package org.osecscreener.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskTest {
    @Test
    void phone_e164_keepsCountryOperatorAndLastFour() {
        assertThat(Mask.phone("+639171234567")).isEqualTo("+63917•••4567");
    }

    @Test
    void email_keepsTwoLeadingAndDomainTail() {
        assertThat(Mask.email("maria.santos@example.com")).isEqualTo("ma•••.com");
    }

    @Test
    void account_keepsCountryCodeAndLastFour() {
        assertThat(Mask.account("PH12BANK0001234567")).isEqualTo("PH•••4567");
    }

    @Test
    void text_shortValues_fullyHidden_longValues_partlyShown() {
        assertThat(Mask.text("abcd")).isEqualTo("•••");
        assertThat(Mask.text("device-0001-xyz")).isEqualTo("dev•••xyz");
        assertThat(Mask.text("abcdefgh")).isEqualTo("ab•••gh");
        assertThat(Mask.text(null)).isEmpty();
    }

    @Test
    void masks_neverContainTheWholeValue() {
        for (String v : new String[] {"+639171234567", "PH12BANK0001234567", "x@y.z", "PH|block 5 lot 3"}) {
            assertThat(Mask.text(v)).doesNotContain(v);
            assertThat(Mask.phone(v)).doesNotContain(v);
            assertThat(Mask.account(v)).doesNotContain(v);
            assertThat(Mask.email(v)).doesNotContain(v);
        }
    }
}
