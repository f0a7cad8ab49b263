package org.osecscreener.cases;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.osecscreener.model.Channel;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
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

    static Assessment alert(Transaction t, String clusterId, Level level, double score, String... evidence) {
        Hit h = new Hit("recurring_small_to_cluster", 0.9, 0.5, false,
                () -> "7 transfers of 35.00 AUD to cluster " + clusterId + " in 14 days", List.of(evidence));
        Hit o = new Hit("odd_hours", 0.6, 0.3, false, () -> "4 transfers between 00:00 and 05:00 sender local time", List.of());
        return new Assessment(t.id(), t.timestamp(), t.sender().id(), t.beneficiary().id(), clusterId, score, level,
                List.of(h, o), "osec-default", 1, "A-" + t.id(), null, false);
    }
}
