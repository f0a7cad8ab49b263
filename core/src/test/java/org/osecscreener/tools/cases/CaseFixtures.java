package org.osecscreener.tools.cases;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.osecscreener.model.Channel;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.AssessmentKind;
import org.osecscreener.score.ClusterAssessment;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;

/** A synthetic ring: three payees sharing one phone, paid by three senders; and one unrelated family. */
final class CaseFixtures {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T22:00:00+10:00");
    static final String RING_PHONE = "+639171234567";
    static final String RING_ACCOUNT = "PH12EXAM0000001234567890";

    private CaseFixtures() {
    }

    static Party payee(int i) {
        Party.Builder b = Party.builder("B-R" + i, "PH").name("Maria Ringpayee " + i).phone(RING_PHONE)
                .address("Blk " + i + " Lot 2, Brgy. San Isidro, Cebu City");
        if (i == 1) {
            b.account(RING_ACCOUNT).email("maria.ring@example.com");
        }
        return b.build();
    }

    static Party sender(int i) {
        return Party.builder("S-O" + i, i == 2 ? "US" : "AU").name("Offender Sender " + i)
                .account("ACC-99887766" + i).phone("+61412345" + (600 + i)).build();
    }

    static Transaction tx(int n, int sender, int payee, OffsetDateTime at) {
        return new Transaction("T-" + n, at, Money.of("35.00", Currency.getInstance(sender == 2 ? "USD" : "AUD")),
                Channel.ONLINE, "school fees", sender(sender), payee(payee), null);
    }

    /** Ring transfers every 8 hours from three senders to three payees, starting at {@link #T0}. */
    static List<Transaction> ringTransactions(int count) {
        List<Transaction> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            out.add(tx(n, n % 3 + 1, (n / 3) % 3 + 1, T0.plusHours(8L * n)));
        }
        return out;
    }

    /** A payee cluster's assessment raised by {@code t}, with one pattern facet and one context facet. */
    static ClusterAssessment clusterAssessment(Transaction t, String alertId, Level level, double score, List<String> lookBack,
                                               int related, int victims, String... evidence) {
        Hit late = new Hit("cluster_late_hours", 1.0, 0.35, false,
                () -> "100% of the transfers were sent between 21:00 and 05:00 in the sender's local time", List.of(evidence));
        Hit names = new Hit("cluster_payee_names", 0.5, 0.45, false,
                () -> "3 payee surnames behind shared identifiers", List.of(evidence));
        Hit senders = new Hit("cluster_senders", 0.5, 0.3, false, () -> "3 unrelated senders paid the cluster in 90 days", List.of());
        return new ClusterAssessment(alertId, "C-1", t.id(), t.timestamp(), score, level, List.of(senders, late, names),
                "osec-default", 1, List.of("S-O1", "S-O2", "S-O3"), lookBack, related, victims, 3);
    }

    /** A look-back alert of {@code latest}'s sender, following from the cluster alert {@code clusterAlertId}. */
    static Assessment lookBack(Transaction latest, String clusterAlertId, String... evidence) {
        Hit h = new Hit("cluster_alert", 1.0, 0.8, false,
                () -> "payee cluster C-1 reached ALERT (" + clusterAlertId + "); this sender paid it " + evidence.length + " times",
                List.of(evidence));
        return new Assessment(latest.id(), latest.timestamp(), latest.sender().id(), latest.beneficiary().id(), "C-1", 0.8,
                Level.ALERT, List.of(h), "osec-default", 1, "A-LB-" + latest.sender().id(), null, false,
                AssessmentKind.LOOK_BACK, clusterAlertId);
    }

    /** A customer who may be a sextortion victim: {@code S-V1} in GB. */
    static Party victim() {
        return Party.builder("S-V1", "GB").name("Young Customer").account("GB-ACC-5550001").build();
    }

    /** A recipient in PH that the victim had never paid. */
    static Party extortionRecipient() {
        return Party.builder("B-X1", "PH").name("Unknown Recipient").wallet("+639990001111").build();
    }

    /** The victim's burst: {@code count} payments of 40.00 GBP to {@link #extortionRecipient()}, two hours apart. */
    static List<Transaction> burst(int first, int count, OffsetDateTime at) {
        List<Transaction> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Transaction("T-V" + (first + i), at.plusHours(2L * i), Money.of("40.00", Currency.getInstance("GBP")),
                    Channel.MOBILE_WALLET, null, victim(), extortionRecipient(), null));
        }
        return out;
    }

    /** A sextortion-victim alert on {@code t}'s sender, citing the burst so far. */
    static Assessment victimAlert(Transaction t, Level level, String... evidence) {
        Hit h = new Hit("sextortion_victim", level == Level.ALERT ? 1.0 : 0.5, 1.0, false,
                () -> "POSSIBLE SEXTORTION VICTIM: " + evidence.length + " person-to-person payments within hours to a new recipient in PH",
                List.of(evidence));
        return new Assessment(t.id(), t.timestamp(), t.sender().id(), t.beneficiary().id(), "C-9", level == Level.ALERT ? 1.0 : 0.5,
                level, List.of(h), "osec-default", 1, "A-V-" + t.sender().id(), null, false, AssessmentKind.SEXTORTION_VICTIM, null);
    }

    static Assessment alert(Transaction t, String clusterId, Level level, double score, String... evidence) {
        Hit h = new Hit("recurring_small_to_cluster", 0.9, 0.5, false,
                () -> "7 transfers of 35.00 AUD to cluster " + clusterId + " in 14 days", List.of(evidence));
        Hit o = new Hit("odd_hours", 0.6, 0.3, false, () -> "4 transfers between 00:00 and 05:00 sender local time", List.of());
        return new Assessment(t.id(), t.timestamp(), t.sender().id(), t.beneficiary().id(), clusterId, score, level,
                List.of(h, o), "osec-default", 1, "A-" + t.id(), null, false);
    }
}
