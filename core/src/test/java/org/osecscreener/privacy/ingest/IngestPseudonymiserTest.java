package org.osecscreener.privacy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.IdentifierNormaliser;
import org.osecscreener.cluster.IdentifierType;
import org.osecscreener.cluster.NormalisationFlag;
import org.osecscreener.io.Rejection;
import org.osecscreener.io.TransactionCodec;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.privacy.PseudonymTokens;
import org.osecscreener.privacy.Pseudonymiser;
import org.osecscreener.profile.PartyKeys;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;
import org.osecscreener.screen.Screener;
import org.osecscreener.tools.synth.Generator;
import org.osecscreener.tools.synth.GeneratorConfig;

class IngestPseudonymiserTest {
    static final Pseudonymiser KEY = Pseudonymiser.withKey("test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    static final ClusterConfig ALL_LINKS = ClusterConfig.builder()
            .linkTypes(EnumSet.allOf(IdentifierType.class)).build();

    static List<Transaction> generated(int n) {
        return generated(GeneratorConfig.defaults(), n);
    }

    static List<Transaction> generated(GeneratorConfig c, int n) {
        List<Transaction> out = new ArrayList<>(n);
        Generator.of(c, 42).generate(n, out::add, x -> { });
        return out;
    }

    /**
     * The default mix with 5% offenders instead of 1%: a few thousand transactions of the default
     * mix hold only a handful of offenders, most of them ring customers paying two or three times.
     */
    static GeneratorConfig moreOffenders() {
        GeneratorConfig d = GeneratorConfig.defaults();
        return new GeneratorConfig(d.start(), d.days(), d.transactions(), 0.05, d.victimSenderShare(), d.legitimate(),
                d.osec(), d.victims(), d.offenders(), d.patterns(), d.households(), d.countries());
    }

    /** Hand-made parties for every branch of the normaliser: placeholders, unparseable phones, wallets that are phones. */
    static List<Party> edgeParties() {
        return List.of(
                Party.builder("B1", "PH").name("Dela Cruz, Juan").phone("0917 123 4567").wallet("09171234567")
                        .account("PH12-3456-7890-12").email(" Maria.Santos@Example.com ").address("Blk 5 Lot 3, Brgy. San Isidro")
                        .pickupLocation("SM Mall counter 3").device("dev-1").ip("10.0.0.1").build(),
                Party.builder("B2", "PH").name("N/A").phone("N/A").wallet("gcash-user-7").account("0000000")
                        .email("none").address("unknown").device("xxx").build(),
                Party.builder("B3", "PH").name("Ma. Luisa Peña-Santos").phone("12ab-not-a-phone").wallet("+63 917 765 4321").build(),
                Party.builder("B4", "AU").name("Smith").phone("+61 412 345 678").address("  ").build(),
                Party.builder("B5", "PH").name("   ").phone("0000000000").wallet("000 000 0000").build(),
                Party.of("B6", "PH"));
    }

    @Test
    void normalisedPseudonymisedParty_equalsPseudonymisedRawIdentifiers_forGeneratedAndEdgeParties() {
        for (ClusterConfig config : List.of(ClusterConfig.defaults(), ALL_LINKS,
                ClusterConfig.builder().disable(IdentifierType.PHONE).build())) {
            IngestPseudonymiser ingest = IngestPseudonymiser.of(KEY, config);
            IdentifierNormaliser normaliser = new IdentifierNormaliser(config);
            List<Party> parties = new ArrayList<>(edgeParties());
            for (Transaction t : generated(1_000)) {
                parties.add(t.beneficiary());
                parties.add(t.sender());
            }
            for (Party raw : parties) {
                Party p = ingest.party(raw);
                assertThat(normaliser.normalise(p)).as("identifiers of %s under %s", raw.id(), config.linkTypes())
                        .isEqualTo(normaliser.normalise(raw).pseudonymised(KEY));
                assertThat(p.country()).isEqualTo(raw.country());
                assertThat(p.type()).isEqualTo(raw.type());
                assertThat(p.id()).isEqualTo(KEY.pseudonym("id", raw.id()));
                assertThat(p.ip()).isNull();
            }
        }
        // the edge cases do exercise every flag
        IdentifierNormaliser n = new IdentifierNormaliser(ClusterConfig.defaults());
        IngestPseudonymiser ingest = IngestPseudonymiser.of(KEY, ClusterConfig.defaults());
        Set<NormalisationFlag> seen = EnumSet.noneOf(NormalisationFlag.class);
        for (Party raw : edgeParties()) {
            seen.addAll(n.normalise(ingest.party(raw)).flags());
        }
        assertThat(seen).containsExactlyInAnyOrder(NormalisationFlag.values());
    }

    @Test
    void familyKeys_areEqualExactlyWhenRawSurnamesAndAddressesAre() {
        IngestPseudonymiser ingest = IngestPseudonymiser.of(KEY, ClusterConfig.defaults());
        List<Party> parties = new ArrayList<>(edgeParties());
        for (Transaction t : generated(2_000)) {
            parties.add(t.beneficiary());
            parties.add(t.sender());
        }
        Map<String, Party> distinct = new LinkedHashMap<>();
        parties.forEach(p -> distinct.putIfAbsent(p.name() + "|" + p.address(), p));
        List<Party> ps = new ArrayList<>(distinct.values()).subList(0, Math.min(600, distinct.size()));
        int n = ps.size();
        int[][] keys = new int[n][4];
        for (int i = 0; i < n; i++) {
            Party a = ps.get(i);
            Party pa = ingest.party(a);
            keys[i] = new int[] {PartyKeys.surname(a.name()), PartyKeys.surname(pa.name()), PartyKeys.address(a.address()),
                    PartyKeys.address(pa.address())};
            assertThat(keys[i][1] == 0).isEqualTo(keys[i][0] == 0);
            assertThat(keys[i][3] == 0).isEqualTo(keys[i][2] == 0);
        }
        int sameSurname = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean raw = keys[i][0] == keys[j][0];
                assertThat(keys[i][1] == keys[j][1]).as("surnames of %s vs %s", ps.get(i).id(), ps.get(j).id()).isEqualTo(raw);
                assertThat(keys[i][3] == keys[j][3]).as("addresses of %s vs %s", ps.get(i).id(), ps.get(j).id())
                        .isEqualTo(keys[i][2] == keys[j][2]);
                if (raw && i != j && keys[i][0] != 0) {
                    sameSurname++;
                }
            }
        }
        assertThat(sameSurname).as("pairs sharing a surname (the property is not vacuous)").isPositive();
    }

    @Test
    void pseudonymisedTransaction_holdsNoRawIdentifier_andKeepsTimeAmountPurposeAndLabel() {
        IngestPseudonymiser ingest = IngestPseudonymiser.of(KEY, ALL_LINKS);
        for (Transaction raw : generated(500)) {
            Transaction p = ingest.apply(raw);
            String json = TransactionCodec.standard().toJson(p);
            for (String v : RawValues.of(raw)) {
                assertThat(json).as("pseudonymised %s", raw.id()).doesNotContain(v);
            }
            assertThat(p.id()).isEqualTo(raw.id());
            assertThat(p.timestamp()).isEqualTo(raw.timestamp());
            assertThat(p.amount()).isEqualTo(raw.amount());
            assertThat(p.purpose()).isEqualTo(raw.purpose());
            assertThat(p.label()).isEqualTo(raw.label());
            assertThat(TransactionCodec.standard().parse(json, 1)).as("the pseudonymised form is a valid record")
                    .isInstanceOf(org.osecscreener.io.ParseOutcome.Parsed.class);
        }
    }

    @Test
    void screener_pseudonymised_sameLevelsScoresAndClusters_asRaw_partiesNamedByPseudonyms() throws Exception {
        List<Transaction> txs = generated(moreOffenders(), 8_000);
        Screener raw = Screener.builder().build();
        Screener pseudo = Screener.builder().pseudonymiser(KEY).build();
        assertThat(pseudo.pseudonymising()).isTrue();
        Map<Level, Integer> levels = new HashMap<>();
        int alertIdsDiffer = 0;
        for (Transaction t : txs) {
            Assessment a = raw.screen(t);
            Assessment b = pseudo.screen(t);
            assertThat(b.level()).as("level of %s", t.id()).isEqualTo(a.level());
            assertThat(b.score()).as("score of %s", t.id()).isCloseTo(a.score(), within(1e-12));
            assertThat(b.hits()).extracting(h -> h.ruleId()).isEqualTo(a.hits().stream().map(h -> h.ruleId()).toList());
            assertThat(b.clusterId()).isEqualTo(a.clusterId());
            assertThat(b.senderId()).isEqualTo(KEY.pseudonym("id", t.sender().id()));
            assertThat(b.beneficiaryId()).isEqualTo(KEY.pseudonym("id", t.beneficiary().id()));
            levels.merge(a.level(), 1, Integer::sum);
            if (a.alertId() != null && !a.alertId().equals(b.alertId())) {
                alertIdsDiffer++; // alert ids hash the sender id, which is a pseudonym here
            }
        }
        assertThat(levels.getOrDefault(Level.ALERT, 0)).as("ALERTs in the data").isGreaterThan(5);
        assertThat(levels.getOrDefault(Level.REVIEW, 0)).as("REVIEWs in the data").isPositive();
        assertThat(alertIdsDiffer).isPositive();
        assertThat(pseudo.resolver().beneficiaryCount()).isEqualTo(raw.resolver().beneficiaryCount());
    }

    @Test
    void redact_dropsTheRawRecord_andMasksQuotedValuesInTheReason() {
        Rejection r = new Rejection(7, "{\"id\":\"T1\",\"sender\":{\"name\":\"Maria Santos\"}}", null,
                "malformed JSON: Unrecognized token 'MariaSantos': was expecting \"null\" (at byte 12)");
        Rejection x = IngestPseudonymiser.redact(r);
        assertThat(x.raw()).isEmpty();
        assertThat(x.lineNumber()).isEqualTo(7);
        assertThat(x.reason()).doesNotContain("MariaSantos").startsWith("malformed JSON: Unrecognized token 'Ma•••os'")
                .contains("(at byte 12)");
    }

    @Test
    void pseudonymTokens_recogniseOnlyTheExactForm() {
        String phone = KEY.pseudonym("phone", "+639171234567");
        assertThat(PseudonymTokens.isPseudonymised(phone)).isTrue();
        assertThat(PseudonymTokens.isPseudonymised(phone + " !u")).isTrue();
        assertThat(PseudonymTokens.isPseudonymised("!p")).isTrue();
        for (String raw : List.of("Maria Santos", "+639171234567", "phone:abc", phone + "x", phone + "  !u", "!up",
                "Phone" + phone.substring(5), "", " " + phone)) {
            assertThat(PseudonymTokens.isPseudonymised(raw)).as(raw).isFalse();
        }
        assertThat(PseudonymTokens.find(phone + " " + KEY.pseudonym("surname", "x"), "surname"))
                .isEqualTo(KEY.pseudonym("surname", "x"));
        assertThat(PseudonymTokens.find(phone, "surname")).isNull();
    }
}
