package org.osecscreener.tools.findings;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.osecscreener.model.Channel;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;

/** Synthetic data: a facilitator ring of three payees sharing a phone, paid by four senders, and an unrelated family. */
final class Ring {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T01:30:00+10:00");
    static final String PHONE = "+639171234567";
    static final String PHONE_NATIONAL = "0917 123 4567";
    static final String ACCOUNT = "PH12 EXAM 0000 0012 3456 7890";
    static final String WALLET = "gcash-ring-77";

    private Ring() {
    }

    static Party payee(int i) {
        Party.Builder b = Party.builder("B-R" + i, "PH").name("Maria Ringpayee " + i).phone(PHONE)
                .address("Blk " + i + " Lot 2, Brgy. San Isidro, Cebu City").device("dev-ring-" + i);
        if (i == 1) {
            b.account(ACCOUNT).email("maria.ring@example.com").wallet(WALLET);
        }
        return b.build();
    }

    static Party sender(int i) {
        return Party.builder("S-O" + i, i % 2 == 0 ? "US" : "AU").name("Offender Sender " + i)
                .account("ACC-99887766" + i).phone("+61412345" + (600 + i)).email("sender" + i + "@example.org").build();
    }

    static Party family() {
        return Party.builder("B-F1", "PH").name("Lorna Family").phone("+639189876543").address("12 Mabini St, Iloilo City")
                .build();
    }

    static Party familySender() {
        return Party.builder("S-F1", "US").name("Jose Family").account("ACC-1112223334").phone("+14155550123").build();
    }

    /** Ring transfers every 9 hours, small, at night, from four senders to three payees; and monthly family support. */
    static List<Transaction> history() {
        List<Transaction> out = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            int s = n % 4 + 1;
            out.add(new Transaction("T-" + n, T0.plusHours(9L * n), Money.of("35.00", Currency.getInstance(s % 2 == 0 ? "USD" : "AUD")),
                    Channel.ONLINE, "school fees", sender(s), payee((n / 4) % 3 + 1), null));
        }
        for (int m = 0; m < 3; m++) {
            out.add(new Transaction("F-" + m, T0.plusDays(30L * m), Money.of("300.00", Currency.getInstance("USD")),
                    Channel.ONLINE, "family support", familySender(), family(), null));
        }
        out.sort(java.util.Comparator.comparing(Transaction::timestamp));
        return out;
    }

    /** Every raw identifier value in {@link #history()}, as given and as normalised. */
    static List<String> rawValues() {
        List<String> v = new ArrayList<>();
        List<Party> parties = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            parties.add(payee(i));
        }
        for (int i = 1; i <= 4; i++) {
            parties.add(sender(i));
        }
        parties.add(family());
        parties.add(familySender());
        for (Party p : parties) {
            for (String s : new String[] {p.name(), p.phone(), p.account(), p.email(), p.address(), p.wallet(), p.device()}) {
                if (s != null) {
                    v.add(s);
                    v.add(s.replace(" ", ""));
                }
            }
        }
        v.add(PHONE);
        v.add("639171234567");
        v.add("PH12EXAM0000001234567890");
        return v;
    }

    static Transaction payment(String id, OffsetDateTime at, Party sender, Party payee) {
        return new Transaction(id, at, Money.of("40.00", Currency.getInstance("AUD")), Channel.ONLINE, "gift", sender,
                payee, null);
    }
}
