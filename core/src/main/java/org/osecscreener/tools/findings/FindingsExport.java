package org.osecscreener.tools.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.Identifier;
import org.osecscreener.cluster.IdentifierNormaliser;
import org.osecscreener.cluster.IdentifierType;
import org.osecscreener.cluster.PayeeIdentifiers;
import org.osecscreener.findings.CoalitionKey;
import org.osecscreener.findings.Finding;
import org.osecscreener.findings.FindingsHeader;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.score.Assessment;
import org.osecscreener.tools.cases.Case;

/**
 * Turns confirmed cases into findings: each identifier of the case's payee cluster members (and
 * optionally of its alerted senders), normalised exactly as the payee-cluster resolver does
 * ({@link IdentifierNormaliser} with the screener's {@link ClusterConfig}) and pseudonymised
 * with the coalition key, so that the token equals {@code Pseudonymiser.pseudonym(type.tag(),
 * normalisedValue)} under that key. Nothing raw leaves: a finding holds the token, the type,
 * the day of the case's last alert, a confidence, the role it was seen in and the case id.
 *
 * <p>A token found in several cases keeps the highest confidence and the latest date. Only OSEC
 * cases are exported: a sextortion case is about a customer who may be the victim, and asking
 * for one is an error. Senders of an OSEC case who are the customer of a sextortion case (its
 * {@code possibleVictims}) are never exported as senders. Immutable and thread-safe.
 *
 * @param key           the coalition key
 * @param clusterConfig the payee-cluster configuration the cases were resolved with (its link
 *                      types and placeholders decide which normalised identifiers exist)
 * @param types         the identifier types exported (default the strong types)
 * @param confidence    the confidence given to every finding, in (0, 1]
 * @param withSenders   whether the identifiers of the case's alerted senders are exported too
 */
public record FindingsExport(CoalitionKey key, ClusterConfig clusterConfig, Set<IdentifierType> types, double confidence,
                             boolean withSenders) {
    /** The types exported by default: the strong ones (phone, wallet, account, e-mail, device). */
    public static final Set<IdentifierType> STRONG = EnumSet.of(IdentifierType.PHONE, IdentifierType.WALLET,
            IdentifierType.ACCOUNT, IdentifierType.EMAIL, IdentifierType.DEVICE);

    /** @throws IllegalArgumentException if the confidence is outside (0, 1] or no type is given */
    public FindingsExport {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(clusterConfig, "clusterConfig");
        types = types.isEmpty() ? Set.of() : EnumSet.copyOf(types);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("types must name at least one identifier type");
        }
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence was " + confidence + "; accepted: (0, 1]");
        }
    }

    /**
     * The findings of cases (as {@code CaseReport.group} builds them from alerts and transactions).
     *
     * @param cases   the cases
     * @param caseIds the confirmed cases to export
     * @return the findings, in case order, one per distinct token
     * @throws IllegalArgumentException if a case id is not among the cases, or names a sextortion case
     */
    public List<Finding> fromCases(List<Case> cases, Collection<String> caseIds) {
        Map<String, Case> byId = new LinkedHashMap<>();
        cases.forEach(c -> byId.put(c.caseId(), c));
        missing(byId.keySet(), caseIds);
        Collector out = new Collector();
        IdentifierNormaliser normaliser = new IdentifierNormaliser(clusterConfig);
        for (Case c : cases) {
            if (!caseIds.contains(c.caseId())) {
                continue;
            }
            if (c.isVictimCase()) {
                throw victimCase(c.caseId());
            }
            LocalDate day = c.lastAlert().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            for (String id : c.payeeIds()) {
                Party p = c.parties().get(id);
                if (p != null) {
                    out.add(normaliser.normalise(p), day, "payee", c.caseId());
                }
            }
            if (withSenders) {
                for (String id : alertedSenders(c.alerts())) {
                    Party p = c.possibleVictims().containsKey(id) ? null : c.parties().get(id);
                    if (p != null) {
                        out.add(normaliser.normalise(p), day, "sender", c.caseId());
                    }
                }
            }
        }
        return out.list();
    }

    /**
     * The findings of cases read from a {@code cases.json} that {@code report --raw-identifiers}
     * wrote (a masked file cannot be hashed). Devices are not in {@code cases.json}: export from
     * alerts and transactions ({@link #fromCases}) to include them.
     *
     * @param casesJson the {@code cases.json} content; not closed
     * @param caseIds   the confirmed cases to export
     * @throws IOException              if the content cannot be read as JSON
     * @throws IllegalArgumentException if the file holds masked identifiers, is not a cases file,
     *                                  a case id is not in it, or names a sextortion case
     */
    public List<Finding> fromCasesJson(InputStream casesJson, Collection<String> caseIds) throws IOException {
        JsonNode root = new ObjectMapper().readTree(casesJson);
        if (root == null || !root.path("cases").isArray()) {
            throw new IllegalArgumentException("not a cases.json written by the report command (no 'cases' list)");
        }
        if (!root.path("rawIdentifiers").asBoolean(false)) {
            throw new IllegalArgumentException("cases.json holds masked identifiers, which cannot be hashed; re-run report"
                    + " with --raw-identifiers, or export from --alerts and --input");
        }
        Set<String> present = new LinkedHashSet<>();
        root.path("cases").forEach(c -> present.add(c.path("caseId").asText()));
        missing(present, caseIds);
        Collector out = new Collector();
        IdentifierNormaliser normaliser = new IdentifierNormaliser(clusterConfig);
        for (JsonNode c : root.path("cases")) {
            String caseId = c.path("caseId").asText();
            if (!caseIds.contains(caseId)) {
                continue;
            }
            if ("sextortion".equals(c.path("typology").asText())) {
                throw victimCase(caseId);
            }
            LocalDate day = java.time.OffsetDateTime.parse(c.path("lastAlert").asText())
                    .withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            for (JsonNode p : c.path("payees")) {
                Party party = party(p, caseId);
                if (party != null) {
                    out.add(normaliser.normalise(party), day, "payee", caseId);
                }
            }
            if (withSenders) {
                Set<String> alerted = new LinkedHashSet<>();
                c.path("alerts").forEach(a -> alerted.add(a.path("senderId").asText()));
                for (JsonNode p : c.path("senders")) {
                    Party party = alerted.contains(p.path("id").asText()) && !p.has("possibleVictimCase") ? party(p, caseId) : null;
                    if (party != null) {
                        out.add(normaliser.normalise(party), day, "sender", caseId);
                    }
                }
            }
        }
        return out.list();
    }

    /**
     * The header of a list of these findings.
     *
     * @param list    the list's name
     * @param source  who made it
     * @param created the day it is written
     * @param count   the number of findings
     */
    public FindingsHeader header(String list, String source, LocalDate created, int count) {
        return new FindingsHeader(list, source, created, key.checkValue(), count);
    }

    private static Party party(JsonNode p, String caseId) {
        if (!p.path("country").isTextual()) {
            return null; // details unknown: nothing to hash
        }
        try {
            return new Party(p.path("id").asText("x"), PartyType.valueOf(p.path("type").asText("PERSON")),
                    text(p, "name"), p.path("country").asText(), text(p, "account"), text(p, "phone"), text(p, "wallet"),
                    text(p, "email"), text(p, "address"), null, null, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("case " + caseId + ": a party in cases.json is not valid: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static IllegalArgumentException victimCase(String caseId) {
        return new IllegalArgumentException("case " + caseId + " is a sextortion case: its customer may be the victim;"
                + " findings lists hold OSEC cases only");
    }

    private static List<String> alertedSenders(List<Assessment> alerts) {
        Set<String> s = new LinkedHashSet<>();
        alerts.forEach(a -> s.add(a.senderId()));
        return new ArrayList<>(s);
    }

    private static void missing(Set<String> present, Collection<String> wanted) {
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("no case selected; name the confirmed cases to export");
        }
        for (String id : wanted) {
            if (!present.contains(id)) {
                throw new IllegalArgumentException("case " + id + " is not among the " + present.size() + " cases");
            }
        }
    }

    /** Distinct tokens, strongest entry kept. */
    private final class Collector {
        private final Map<String, Finding> byToken = new LinkedHashMap<>();

        void add(PayeeIdentifiers ids, LocalDate day, String seenAs, String caseId) {
            for (Identifier id : ids.pseudonymised(key.pseudonymiser()).identifiers()) {
                if (!types.contains(id.type())) {
                    continue;
                }
                Finding f = new Finding(id.value(), id.type(), day, confidence, seenAs, null,
                        Finding.REFERENCE.matcher(caseId).matches() ? caseId : null);
                byToken.merge(f.token(), f, (a, b) -> b.date().isAfter(a.date()) ? b : a);
            }
        }

        List<Finding> list() {
            return new ArrayList<>(byToken.values());
        }
    }
}
