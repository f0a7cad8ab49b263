package org.osecscreener.tools.cases;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

import org.osecscreener.cluster.Link;
import org.osecscreener.io.TransactionCodec;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.ClusterAssessment;
import org.osecscreener.score.Hit;

/** Writes cases as one JSON document ({@code cases.json}); the shape is in {@code docs/cases.md}. */
final class CaseJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private CaseJson() {
    }

    static void write(CaseReport report, List<Case> cases, OutputStream out) throws IOException {
        Shown shown = Shown.of(report.rawIdentifiers());
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeBooleanField("rawIdentifiers", shown.raw);
            g.writeStringField("period", report.period().toString());
            g.writeNumberField("caseCount", cases.size());
            g.writeArrayFieldStart("cases");
            for (Case c : cases) {
                writeCase(report, c, shown, g);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("senders");
            for (SenderSummary s : report.senders(cases)) {
                g.writeStartObject();
                g.writeStringField("senderId", shown.partyId(s.senderId()));
                g.writeStringField("country", s.country());
                strings(g, "caseIds", s.caseIds());
                strings(g, "victimCaseIds", s.victimCaseIds());
                g.writeNumberField("alerts", s.alerts());
                g.writeNumberField("transfers", s.transfers());
                strings(g, "totals", s.totals());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeCase(CaseReport report, Case c, Shown shown, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("caseId", c.caseId());
        g.writeStringField("typology", c.typology().wireName());
        g.writeStringField("clusterId", c.clusterId());
        if (c.isVictimCase()) {
            g.writeFieldName("customer");
            party(g, c.customerId(), c.parties().get(c.customerId()), shown);
        }
        g.writeStringField("opened", TransactionCodec.formatTimestamp(c.opened()));
        g.writeStringField("periodEnd", TransactionCodec.formatTimestamp(c.periodEnd()));
        g.writeStringField("lastAlert", TransactionCodec.formatTimestamp(c.lastAlert()));
        g.writeStringField("windowStart", TransactionCodec.formatTimestamp(c.windowStart()));
        g.writeStringField("level", c.level().name());
        g.writeNumberField("maxScore", c.maxScore());
        strings(g, "bundles", c.bundles());
        g.writeNumberField("alertCount", c.alerts().size());
        g.writeArrayFieldStart("payees");
        for (String id : c.payeeIds()) {
            party(g, id, c.parties().get(id), shown);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("links");
        for (Link l : c.links()) {
            g.writeStartObject();
            g.writeStringField("from", shown.partyId(l.from()));
            g.writeStringField("to", shown.partyId(l.to()));
            g.writeStringField("type", l.type().tag());
            g.writeStringField("value", l.maskedValue());
            g.writeStringField("reason", shown.partyId(l.from()) + " shares " + l.type().tag() + " " + l.maskedValue()
                    + " with " + shown.partyId(l.to()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("senders");
        Set<String> lookBack = c.lookBackSenderIds();
        for (String id : c.senderIds()) {
            g.writeStartObject();
            partyFields(g, id, c.parties().get(id), shown);
            if (lookBack.contains(id)) {
                g.writeBooleanField("lookBack", true);
            }
            if (c.possibleVictims().containsKey(id)) {
                g.writeStringField("possibleVictimCase", c.possibleVictims().get(id));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!c.isVictimCase()) {
            clusterAssessments(g, c, shown);
            g.writeArrayFieldStart("lookBackSenders");
            for (LookBackSender l : c.lookBack()) {
                g.writeStartObject();
                g.writeStringField("senderId", shown.partyId(l.senderId()));
                optional(g, "alertId", l.alertId());
                optional(g, "clusterAlertId", l.clusterAlertId());
                g.writeStringField("raisedAt", TransactionCodec.formatTimestamp(l.raisedAt()));
                g.writeStringField("latestTransfer", l.latestTransfer());
                g.writeStringField("level", l.level().name());
                g.writeNumberField("score", l.score());
                strings(g, "evidence", l.evidence());
                g.writeStringField("reason", l.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("rules");
        for (RuleSummary r : c.rules()) {
            g.writeStartObject();
            g.writeStringField("rule", r.rule());
            g.writeNumberField("alerts", r.alerts());
            g.writeNumberField("maxSubScore", r.maxSubScore());
            g.writeBooleanField("mitigating", r.mitigating());
            g.writeStringField("latestReason", r.latestReason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("alerts");
        for (Assessment a : c.alerts()) {
            g.writeStartObject();
            g.writeStringField("kind", a.kind().wireName());
            if (a.alertId() != null) {
                g.writeStringField("alertId", a.alertId());
            }
            optional(g, "clusterAlertId", a.clusterAlertId());
            g.writeStringField("transactionId", a.transactionId());
            g.writeStringField("timestamp", TransactionCodec.formatTimestamp(a.timestamp()));
            g.writeStringField("senderId", shown.partyId(a.senderId()));
            g.writeStringField("beneficiaryId", shown.partyId(a.beneficiaryId()));
            g.writeStringField("level", a.level().name());
            g.writeNumberField("score", a.score());
            g.writeEndObject();
        }
        g.writeEndArray();
        Set<String> alerted = c.alertedTransactionIds();
        Set<String> lookedBack = c.lookBackTransactionIds();
        g.writeArrayFieldStart("transactions");
        for (Transaction t : c.transactions()) {
            g.writeStartObject();
            g.writeStringField("id", t.id());
            g.writeStringField("timestamp", TransactionCodec.formatTimestamp(t.timestamp()));
            g.writeStringField("amount", t.amount().toPlainString());
            g.writeStringField("currency", t.amount().currency().getCurrencyCode());
            g.writeStringField("senderId", shown.partyId(t.sender().id()));
            g.writeStringField("beneficiaryId", shown.partyId(t.beneficiary().id()));
            if (t.channel() != null) {
                g.writeStringField("channel", t.channel().name());
            }
            if (t.purpose() != null) {
                g.writeStringField("purpose", t.purpose());
            }
            g.writeBooleanField("alerted", alerted.contains(t.id()));
            if (!c.isVictimCase()) {
                g.writeBooleanField("lookBack", lookedBack.contains(t.id()));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("str");
        g.writeStringField("typology", c.typology().wireName());
        g.writeStringField("narrative", report.narrative(c));
        g.writeStringField("keyTermsFrom", report.keyTermsSource());
        g.writeArrayFieldStart("keyTerms");
        for (StrKeyTerms k : report.keyTerms(c.typology())) {
            g.writeStartObject();
            g.writeStringField("jurisdiction", k.jurisdiction());
            g.writeStringField("authority", k.authority());
            g.writeStringField("reference", k.reference());
            g.writeArrayFieldStart("placements");
            for (StrKeyTerms.Placement p : k.placements()) {
                g.writeStartObject();
                g.writeStringField("field", p.field());
                g.writeStringField("value", p.value());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The cluster's own assessments: level, score, alert id, counts and every facet with its reason and evidence. */
    private static void clusterAssessments(JsonGenerator g, Case c, Shown shown) throws IOException {
        g.writeArrayFieldStart("clusterAssessments");
        for (ClusterAssessment a : c.clusterAssessments()) {
            g.writeStartObject();
            g.writeStringField("alertId", a.alertId());
            g.writeStringField("clusterId", a.clusterId());
            g.writeStringField("transactionId", a.transactionId());
            g.writeStringField("timestamp", TransactionCodec.formatTimestamp(a.timestamp()));
            g.writeStringField("level", a.level().name());
            g.writeNumberField("score", a.score());
            g.writeStringField("bundle", a.bundle());
            g.writeArrayFieldStart("senders");
            for (String s : a.senders()) {
                g.writeString(shown.partyId(s));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("lookBack");
            for (String s : a.lookBack()) {
                g.writeString(shown.partyId(s));
            }
            g.writeEndArray();
            g.writeNumberField("relatedSenders", a.relatedSenders());
            g.writeNumberField("victimSenders", a.victimSenders());
            g.writeNumberField("beneficiaries", a.beneficiaries());
            g.writeArrayFieldStart("facets");
            for (Hit h : a.hits()) {
                g.writeStartObject();
                g.writeStringField("rule", h.ruleId());
                g.writeNumberField("subScore", h.subScore());
                g.writeNumberField("weight", h.weight());
                g.writeBooleanField("mitigating", h.mitigating());
                g.writeStringField("reason", h.reason());
                strings(g, "evidence", h.evidence());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void party(JsonGenerator g, String id, Party p, Shown shown) throws IOException {
        g.writeStartObject();
        partyFields(g, id, p, shown);
        g.writeEndObject();
    }

    private static void partyFields(JsonGenerator g, String id, Party p, Shown shown) throws IOException {
        g.writeStringField("id", shown.partyId(id));
        if (p != null) {
            g.writeStringField("type", p.type().name());
            g.writeStringField("country", p.country());
            optional(g, "name", shown.name(p.name()));
            optional(g, "account", shown.account(p.account()));
            optional(g, "phone", shown.phone(p.phone()));
            optional(g, "wallet", shown.account(p.wallet()));
            optional(g, "email", shown.email(p.email()));
            optional(g, "address", shown.address(p.address()));
        }
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
