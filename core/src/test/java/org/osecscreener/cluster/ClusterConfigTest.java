package org.osecscreener.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class ClusterConfigTest {
    @Test
    void builder_rejectsOutOfRange_namingSettingAndValue() {
        assertThatThrownBy(() -> ClusterConfig.builder().hubThreshold(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hubThreshold was 0; expected 1 to 1000000");
        assertThatThrownBy(() -> ClusterConfig.builder().maxBeneficiaries(-5))
                .hasMessageContaining("maxBeneficiaries was -5");
        assertThatThrownBy(() -> ClusterConfig.builder().maxIdentifiers(0)).hasMessageContaining("maxIdentifiers was 0");
        assertThatThrownBy(() -> ClusterConfig.builder().defaultRegion("XX"))
                .hasMessageContaining("defaultRegion was 'XX'");
    }

    @Test
    void builder_rejectsSettingTwice() {
        assertThatThrownBy(() -> ClusterConfig.builder().hubThreshold(5).hubThreshold(6))
                .isInstanceOf(IllegalStateException.class).hasMessage("hubThreshold was already set to 5");
        assertThatThrownBy(() -> ClusterConfig.builder().placeholders(List.of("x")).placeholders(List.of("y")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("placeholders was already set");
    }

    @Test
    void placeholders_storedFolded() {
        ClusterConfig c = ClusterConfig.builder().placeholders(List.of("N/A", "Same As Above")).build();
        assertThat(c.placeholders()).containsExactlyInAnyOrder("na", "sameasabove");
    }

    @Test
    void jackson_roundTrip_andBindFromJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ClusterConfig c = ClusterConfig.builder().hubThreshold(7).enable(IdentifierType.PICKUP_LOCATION)
                .defaultRegion("PH").build();
        assertThat(json.readValue(json.writeValueAsString(c), ClusterConfig.class)).isEqualTo(c);
        ClusterConfig bound = json.readValue("{\"linkTypes\":[\"PHONE\",\"WALLET\"],\"hubThreshold\":3,"
                + "\"maxBeneficiaries\":100,\"maxIdentifiers\":200,\"placeholders\":[\"N/A\"],\"defaultRegion\":null}",
                ClusterConfig.class);
        assertThat(bound.linkTypes()).isEqualTo(Set.of(IdentifierType.PHONE, IdentifierType.WALLET));
        assertThat(bound.placeholders()).containsExactly("na");
        assertThatThrownBy(() -> json.readValue("{\"linkTypes\":[],\"hubThreshold\":0,\"maxBeneficiaries\":1,"
                + "\"maxIdentifiers\":1,\"placeholders\":[]}", ClusterConfig.class))
                .hasMessageContaining("hubThreshold was 0");
    }
}
