package org.osecscreener.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

class PackedPartyTest {
    /** Short values from a small alphabet (with the prefix chars and empty strings), so that near-equal parties are common. */
    private static Arbitrary<String> field() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just(""),
                Arbitraries.strings().withChars('a', 'b', ' ', '\u0000', '\u0001', '\u0002', 'ñ', '\uFFFF').ofMaxLength(4));
    }

    @Provide
    Arbitrary<List<Party>> pairs() {
        Arbitrary<Party> party = Combinators.combine(
                Combinators.combine(Arbitraries.of("B1", "B2"), Arbitraries.of(PartyType.values()), field(),
                        Arbitraries.of("PH", "GB"), field(), field()).as((id, t, name, c, acc, phone) -> new Object[] {id, t, name, c, acc, phone}),
                Combinators.combine(field(), field(), field(), field(), field(), field()).as((w, e, a, pl, d, ip) -> new String[] {w, e, a, pl, d, ip}))
                .as((x, y) -> new Party((String) x[0], (PartyType) x[1], (String) x[2], (String) x[3], (String) x[4], (String) x[5],
                        y[0], y[1], y[2], y[3], y[4], y[5]));
        return party.list().ofSize(2);
    }

    @Property(tries = 3000, seed = "20261207")
    void packedMatch_isPartyEquality(@ForAll("pairs") List<Party> two) {
        Party a = two.get(0);
        Party b = two.get(1);
        String packed = PackedParty.of(a);
        assertThat(PackedParty.matches(packed, b)).as("%s vs %s", a, b).isEqualTo(a.equals(b));
        assertThat(PackedParty.matches(packed, a)).isTrue();
        assertThat(PackedParty.matches(packed, new Party(a.id(), a.type(), a.name(), a.country(), a.account(), a.phone(),
                a.wallet(), a.email(), a.address(), a.pickupLocation(), a.device(), a.ip()))).isTrue();
    }

    @Test
    void fieldsThatShiftContentBetweenThemselves_doNotMatch() {
        Party a = Party.builder("B1", "PH").name("ab").account("c").build();
        Party b = Party.builder("B1", "PH").name("a").account("bc").build();
        Party c = Party.builder("B1", "PH").name("").build();
        Party d = Party.builder("B1", "PH").build();
        assertThat(PackedParty.matches(PackedParty.of(a), b)).isFalse();
        assertThat(PackedParty.matches(PackedParty.of(c), d)).as("empty is not absent").isFalse();
        assertThat(PackedParty.matches(null, d)).isFalse();
    }
}
