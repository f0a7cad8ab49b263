package org.osecscreener.tools.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.findings.CoalitionKey;
import org.osecscreener.findings.Finding;
import org.osecscreener.model.Channel;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.AssessmentKind;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;
import org.osecscreener.tools.cases.Case;
import org.osecscreener.tools.cases.CaseReport;

/** A customer who may be a sextortion victim never goes into a findings list, neither as a case nor as a sender. */
class FindingsFromVictimCasesTest {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T22:00:00+10:00");
    static final String VICTIM_PHONE = "+447700900123";
    static final String OFFENDER_PHONE = "+61412345601";

    final FindingsExport export = new FindingsExport(key(), ClusterConfig.defaults(), FindingsExport.STRONG, 0.9, true);
    List<Transaction> txs;
    List<Assessment> alerts;
    List<Case> cases;
    Case osec;
    Case victim;

    static CoalitionKey key() {
        byte[] k = new byte[32];
        new Random(7).nextBytes(k);
        return CoalitionKey.of(k);
    }

    /** S-O1 and S-V1 both pay the ring payee B-R1 and are alerted there; S-V1 also shows the victim pattern towards B-X1. */
    @BeforeEach
    void ringAndVictim() {
        Party offender = Party.builder("S-O1", "AU").phone(OFFENDER_PHONE).build();
        Party customer = Party.builder("S-V1", "GB").phone(VICTIM_PHONE).build();
        Party ring = Party.builder("B-R1", "PH").phone("+639171234567").build();
        Party recipient = Party.builder("B-X1", "PH").wallet("+639990001111").build();
        txs = List.of(tx("T-1", 0, offender, ring), tx("T-2", 1, customer, ring), tx("T-3", 2, customer, recipient),
                tx("T-4", 3, customer, recipient));
        alerts = new ArrayList<>(List.of(alert(txs.get(0), AssessmentKind.TRANSACTION), alert(txs.get(1), AssessmentKind.TRANSACTION),
                alert(txs.get(3), AssessmentKind.SEXTORTION_VICTIM)));
        cases = CaseReport.builder().build().group(alerts, txs);
        osec = cases.stream().filter(c -> !c.isVictimCase()).findFirst().orElseThrow();
        victim = cases.stream().filter(Case::isVictimCase).findFirst().orElseThrow();
        assertThat(osec.possibleVictims()).containsKey("S-V1");
    }

    @Test
    void senderWhoIsAPossibleVictim_isNotExportedAsASender_fromCasesOrFromCasesJson() throws Exception {
        String victimToken = key().pseudonymiser().pseudonym("phone", VICTIM_PHONE);
        String offenderToken = key().pseudonymiser().pseudonym("phone", OFFENDER_PHONE);
        List<Finding> findings = export.fromCases(cases, List.of(osec.caseId()));
        assertThat(findings).extracting(Finding::token).contains(offenderToken).doesNotContain(victimToken);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        CaseReport.builder().rawIdentifiers(true).build().writeJson(cases, json);
        List<Finding> fromJson = export.fromCasesJson(new ByteArrayInputStream(json.toByteArray()), List.of(osec.caseId()));
        assertThat(fromJson).extracting(Finding::token).contains(offenderToken).doesNotContain(victimToken);
    }

    @Test
    void askingForASextortionCase_isAnError_namingIt() throws Exception {
        assertThatThrownBy(() -> export.fromCases(cases, List.of(victim.caseId())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case " + victim.caseId() + " is a sextortion case: its customer may be the victim;"
                        + " findings lists hold OSEC cases only");
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        CaseReport.builder().rawIdentifiers(true).build().writeJson(cases, json);
        assertThatThrownBy(() -> export.fromCasesJson(new ByteArrayInputStream(json.toByteArray()), List.of(victim.caseId())))
                .hasMessageContaining("is a sextortion case");
    }

    private static Transaction tx(String id, int hours, Party from, Party to) {
        return new Transaction(id, T0.plusHours(hours), Money.of("40.00", Currency.getInstance("USD")), Channel.ONLINE, null,
                from, to, null);
    }

    private static Assessment alert(Transaction t, AssessmentKind kind) {
        Hit h = new Hit(kind == AssessmentKind.SEXTORTION_VICTIM ? "sextortion_victim" : "cluster_fan_in", 0.9, 0.5, false,
                () -> "synthetic", List.of(t.id()));
        return new Assessment(t.id(), t.timestamp(), t.sender().id(), t.beneficiary().id(), "C-1", 0.9, Level.ALERT, List.of(h),
                "osec-default", 1, "A-" + t.id(), null, false, kind, null);
    }
}
