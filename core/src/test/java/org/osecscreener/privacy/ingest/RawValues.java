package org.osecscreener.privacy.ingest;

import java.util.ArrayList;
import java.util.List;

import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;

/** The raw identifier values of a transaction that a pseudonymised run must never write or log. */
final class RawValues {
    private RawValues() {
    }

    static List<String> of(Transaction t) {
        List<String> out = new ArrayList<>();
        add(out, t.sender());
        add(out, t.beneficiary());
        return out;
    }

    private static void add(List<String> out, Party p) {
        for (String v : new String[] {p.id(), p.name(), p.account(), p.phone(), p.wallet(), p.email(), p.address(),
                p.pickupLocation(), p.device(), p.ip()}) {
            if (v != null && v.length() >= 4) {
                out.add(v);
            }
        }
    }
}
