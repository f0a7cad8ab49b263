package org.osecscreener.tools.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.IdentifierNormaliser;
import org.osecscreener.cluster.IdentifierType;
import org.osecscreener.findings.CoalitionKey;
import org.osecscreener.findings.Finding;
import org.osecscreener.findings.FindingsFile;
import org.osecscreener.findings.FindingsHeader;
import org.osecscreener.findings.IdentifierForm;
import org.osecscreener.findings.Watchlist;
import org.osecscreener.findings.WatchlistException;
import org.osecscreener.findings.WatchlistMatch;
import org.osecscreener.findings.WatchlistMatcher;
import org.osecscreener.findings.WatchlistMatches;
import org.osecscreener.findings.Watchlists;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;
import org.osecscreener.screen.Screener;
import org.osecscreener.tools.cases.Case;
import org.osecscreener.tools.cases.CaseReport;

/** The issue's round trip: one screener exports a case's identifiers, another imports them and matches the same payees. */
class FindingsRoundTripTest {
    static final CoalitionKey KEY = key(1);
    static final CoalitionKey OTHER_KEY = key(2);
    static List<Transaction> history;
    static List<Case> cases;
    static Case ringCase;
    static byte[] exported;

    static CoalitionKey key(long seed) {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return CoalitionKey.of(k);
    }

    @BeforeAll
    static void instanceA_screens_groups_andExports() throws Exception {
        history = Ring.history();
        Screener a = Screener.builder().build();
        List<Assessment> alerts = new ArrayList<>();
        for (Transaction t : history) {
            Assessment as = a.screen(t);
            if (as.level() != Level.NONE) {
                alerts.add(as);
            }
        }
        assertThat(alerts).as("the ring raises alerts on instance A").isNotEmpty();
        cases = CaseReport.builder().build().group(alerts, history);
        ringCase = cases.stream().filter(c -> c.payeeIds().contains("B-R1")).findFirst().orElseThrow();
        assertThat(ringCase.payeeIds()).containsExactly("B-R1", "B-R2", "B-R3");
        FindingsExport export = new FindingsExport(KEY, ClusterConfig.defaults(), FindingsExport.STRONG, 0.9, true);
        List<Finding> findings = export.fromCases(cases, List.of(ringCase.caseId()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FindingsFile.write(out, export.header("coalition_ph", "Remitter A OSEC unit", LocalDate.of(2026, 4, 1),
                findings.size()), findings);
        exported = out.toByteArray();
    }

    static Watchlist load(byte[] file, CoalitionKey key) throws Exception {
        return FindingsFile.load("coalition.jsonl", new ByteArrayInputStream(file), key);
    }

    @Test
    void export_holdsNoRawIdentifier_onlyPseudonyms() {
        String text = new String(exported, StandardCharsets.UTF_8);
        for (String raw : Ring.rawValues()) {
            assertThat(text).as("raw value of length %d", raw.length()).doesNotContain(raw);
        }
        String[] lines = text.split("\n");
        assertThat(lines[0]).contains("\"format\":\"osec-findings\"").contains(KEY.checkValue());
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).matches("\\{\"token\":\"[a-z_]+:[A-Za-z0-9_-]{22}\",.*\"reference\":\"CASE-[0-9a-f]{16}\"}");
        }
    }

    @Test
    void export_tokensEqualThePseudonymsOfTheResolversNormalisedForms() throws Exception {
        IdentifierNormaliser n = new IdentifierNormaliser(ClusterConfig.defaults());
        Set<String> expected = new java.util.HashSet<>();
        for (int i = 1; i <= 3; i++) {
            n.normalise(Ring.payee(i)).pseudonymised(KEY.pseudonymiser()).identifiers().stream()
                    .filter(id -> FindingsExport.STRONG.contains(id.type())).forEach(id -> expected.add(id.value()));
        }
        String text = new String(exported, StandardCharsets.UTF_8);
        for (String token : expected) {
            assertThat(text).contains("\"token\":\"" + token + "\"");
        }
        assertThat(expected).contains(KEY.pseudonymiser().pseudonym("phone", Ring.PHONE));
        // four payee tokens (phone, wallet, account, email, three devices) and the alerted senders'
        assertThat(load(exported, KEY).size()).isGreaterThan(expected.size());
    }

    @Test
    void instanceB_withTheSameKey_matchesTheSamePayees_andFires() throws Exception {
        Watchlists lists = Watchlists.of(KEY, List.of(load(exported, KEY)));
        Screener b = Screener.builder().watchlists(lists).build();
        // a new sender pays a payee with another id who writes the ring's phone in national format
        Party newPayee = Party.builder("X-77", "PH").name("Someone Else").phone(Ring.PHONE_NATIONAL).build();
        Party newSender = Party.builder("S-NEW", "GB").name("New Sender").account("GB-ACC-1").build();
        Assessment hit = b.screen(Ring.payment("N-1", Ring.T0.plusDays(60), newSender, newPayee));
        Hit w = hit.hits().stream().filter(h -> h.ruleId().equals("watchlist_match")).findFirst().orElseThrow();
        assertThat(w.subScore()).isEqualTo(0.9);
        assertThat(w.reason()).startsWith("beneficiary phone on list coalition_ph (source Remitter A OSEC unit, ")
                .contains("confidence 0.90, seen as payee, ref " + ringCase.caseId());
        assertThat(w.reason()).doesNotContain("917").doesNotContain("Ringpayee");
        // every ring payee matches; the unrelated family does not
        for (int i = 1; i <= 3; i++) {
            Assessment a = b.screen(Ring.payment("N-R" + i, Ring.T0.plusDays(61), newSender, Ring.payee(i)));
            assertThat(a.hits()).extracting(Hit::ruleId).contains("watchlist_match");
        }
        Assessment family = b.screen(Ring.payment("N-F", Ring.T0.plusDays(62), Ring.familySender(), Ring.family()));
        assertThat(family.hits()).extracting(Hit::ruleId).doesNotContain("watchlist_match");
        // an alerted ring sender paying someone new is matched as a sender
        Assessment sender = b.screen(Ring.payment("N-S", Ring.T0.plusDays(63), Ring.sender(1), Ring.family()));
        assertThat(sender.hits()).filteredOn(h -> h.ruleId().equals("watchlist_match")).singleElement()
                .satisfies(h -> assertThat(h.reason()).startsWith("sender "));
    }

    @Test
    void aScreenerPseudonymisingAtIngestWithTheCoalitionKey_matchesExactlyLikeARawOne() throws Exception {
        Watchlists lists = Watchlists.of(KEY, List.of(load(exported, KEY)));
        Screener raw = Screener.builder().watchlists(lists).build();
        Screener pseudonymising = Screener.builder().watchlists(lists).pseudonymiser(KEY.pseudonymiser()).build();
        Party newPayee = Party.builder("X-77", "PH").name("Someone Else").phone(Ring.PHONE_NATIONAL).build();
        Party newSender = Party.builder("S-NEW", "GB").name("New Sender").account("GB-ACC-1").build();
        List<Transaction> probe = List.of(
                Ring.payment("P-1", Ring.T0.plusDays(60), newSender, newPayee),
                Ring.payment("P-2", Ring.T0.plusDays(61), newSender, Ring.payee(2)),
                Ring.payment("P-3", Ring.T0.plusDays(62), Ring.familySender(), Ring.family()),
                Ring.payment("P-4", Ring.T0.plusDays(63), Ring.sender(1), Ring.family()));
        int matched = 0;
        for (Transaction t : probe) {
            List<Hit> a = raw.screen(t).hits().stream().filter(h -> h.ruleId().equals("watchlist_match")).toList();
            List<Hit> b = pseudonymising.screen(t).hits().stream().filter(h -> h.ruleId().equals("watchlist_match")).toList();
            assertThat(b).extracting(Hit::subScore).as(t.id()).isEqualTo(a.stream().map(Hit::subScore).toList());
            matched += a.size();
        }
        assertThat(matched).as("the probe includes matching payees and a matching sender").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aScreenerPseudonymisingWithAnotherKey_isRefused_becauseNothingCouldMatch() throws Exception {
        Watchlists lists = Watchlists.of(KEY, List.of(load(exported, KEY)));
        assertThatThrownBy(() -> Screener.builder().watchlists(lists).pseudonymiser(OTHER_KEY.pseudonymiser()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the pseudonymisation key must be the coalition key");
    }

    @Test
    void aDifferentKey_isRefusedAtImport_withTheReason() {
        assertThatThrownBy(() -> load(exported, OTHER_KEY)).isInstanceOf(WatchlistException.class)
                .hasMessageContaining("coalition.jsonl:1: keyCheck: the list was made with a different coalition key");
    }

    @Test
    void aDifferentKey_matchesNothing_evenIfTheCheckIsForged() throws Exception {
        String forged = new String(exported, StandardCharsets.UTF_8).replace(KEY.checkValue(), OTHER_KEY.checkValue());
        Watchlist list = load(forged.getBytes(StandardCharsets.UTF_8), OTHER_KEY);
        assertThat(list.size()).isPositive();
        Screener b = Screener.builder().watchlists(Watchlists.of(OTHER_KEY, List.of(list))).build();
        for (Transaction t : history) {
            assertThat(b.screen(t).hits()).extracting(Hit::ruleId).doesNotContain("watchlist_match");
        }
    }

    @Test
    void tipList_isNormalisedAndHashed_likeTheResolver() throws Exception {
        String csv = "type,value,country,date,source,confidence\n"
                + "phone,0917 123 4567,PH,2026-03-20,Hotline PH,0.5\n"
                + "email, Maria.Ring@Example.com ,,2026-03-21,Hotline PH,\n"
                + "wallet,0917-123-4567,PH,2026-03-22,Hotline PH,0.4\n";
        TipList.Result r = TipList.read("tips.csv", new StringReader(csv), KEY, "Hotline PH",
                new TipList.Defaults(null, LocalDate.of(2026, 3, 1), 0.6));
        assertThat(r.errors()).isEmpty();
        assertThat(r.rows()).isEqualTo(3);
        // the wallet written as a phone number is the same phone token: one entry, the stronger row kept
        assertThat(r.findings()).extracting(Finding::token).containsExactly(
                KEY.pseudonymiser().pseudonym("phone", Ring.PHONE),
                KEY.pseudonymiser().pseudonym("email", "maria.ring@example.com"));
        assertThat(r.findings().get(0).confidence()).isEqualTo(0.5);
        assertThat(r.findings().get(1).confidence()).isEqualTo(0.6);
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.seenAs()).isEqualTo("tip"));
        Watchlist tips = Watchlist.of(new FindingsHeader("hotline_tips", "Hotline PH", LocalDate.of(2026, 3, 22),
                KEY.checkValue(), r.findings().size()), r.findings());
        Screener b = Screener.builder().watchlists(Watchlists.of(KEY, List.of(tips))).build();
        Assessment a = b.screen(Ring.payment("N-T", Ring.T0, Ring.sender(1), Ring.payee(2)));
        assertThat(a.hits()).filteredOn(h -> h.ruleId().equals("watchlist_match")).singleElement()
                .satisfies(h -> assertThat(h.subScore()).isEqualTo(0.5));
    }

    @Test
    void pseudonymisedIdentifiers_matchTheSameLists_withoutHashing() throws Exception {
        Watchlists lists = Watchlists.of(KEY, List.of(load(exported, KEY)), IdentifierForm.PSEUDONYMISED);
        IdentifierNormaliser n = new IdentifierNormaliser(ClusterConfig.defaults());
        // the contract with pseudonymisation at ingest: identifiers = pseudonym(type.tag(), normalised value) under the key
        WatchlistMatcher m = new WatchlistMatcher(lists, p -> n.normalise(p).pseudonymised(KEY.pseudonymiser()), 16);
        WatchlistMatches hit = m.match(Ring.payment("P-1", Ring.T0, Ring.familySender(), Ring.payee(3)));
        assertThat(hit.matches()).extracting(WatchlistMatch::type)
                .containsExactlyInAnyOrder(IdentifierType.PHONE, IdentifierType.DEVICE);
        // a matcher told to expect pseudonyms skips values that are not
        WatchlistMatcher raw = new WatchlistMatcher(lists, n::normalise, 16);
        assertThat(raw.match(Ring.payment("P-2", Ring.T0, Ring.familySender(), Ring.payee(3))).isEmpty()).isTrue();
    }

    @Test
    void withoutWatchlists_theRuleNeverFires_andABundleNamingAMissingListIsRefused() throws Exception {
        Screener plain = Screener.builder().build();
        for (Transaction t : history) {
            assertThat(plain.screen(t).hits()).extracting(Hit::ruleId).doesNotContain("watchlist_match");
        }
        String yaml = new String(org.osecscreener.rules.RuleBundleLoader.class.getResourceAsStream("default-bundle.yaml")
                .readAllBytes(), StandardCharsets.UTF_8).replace("lists: []               # every", "lists: [partner_x]  # every");
        var bundle = new org.osecscreener.rules.RuleBundleLoader().load("b.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Screener.builder().bundle(bundle).watchlists(Watchlists.of(KEY, List.of(load(exported, KEY))))
                .build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("watchlist_match.lists names 'partner_x', which was not supplied; supplied lists: coalition_ph");
    }
}
