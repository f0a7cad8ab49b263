package org.osecscreener.tools.secondopinion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;

/** One run of the second-opinion set at 110,000 transactions (seed 11), shared by the tests of this package. */
final class Generated {
    static final long N = 110_000;
    static final long SEED = 11;

    private static List<Transaction> sample;
    private static Map<String, List<Transaction>> bySender;

    private Generated() {
    }

    static synchronized List<Transaction> sample() {
        if (sample == null) {
            List<Transaction> out = new ArrayList<>((int) N);
            SecondOpinionGenerator.of(SEED).generate(N, out::add, null);
            sample = Collections.unmodifiableList(out);
        }
        return sample;
    }

    /** Each sender's transactions in event-time order, senders in order of first appearance. */
    static synchronized Map<String, List<Transaction>> bySender() {
        if (bySender == null) {
            Map<String, List<Transaction>> m = new LinkedHashMap<>();
            for (Transaction t : sample()) {
                m.computeIfAbsent(t.sender().id(), k -> new ArrayList<>()).add(t);
            }
            bySender = m;
        }
        return bySender;
    }

    /** The senders of one scenario, with their transactions. */
    static Map<String, List<Transaction>> senders(SecondOpinionScenario s) {
        Map<String, List<Transaction>> m = new LinkedHashMap<>();
        bySender().forEach((id, txs) -> {
            if (txs.get(0).label().scenario().equals(s.scenarioName())) {
                m.put(id, txs);
            }
        });
        return m;
    }

    /**
     * A phone or e-wallet reduced to its last nine digits, or null: enough to tell the set's
     * numbers apart whatever the prefix written (0, 63, +63, the dialling code).
     */
    static String digits(String id) {
        if (id == null) {
            return null;
        }
        String d = id.replaceAll("[^0-9]", "");
        return d.length() < 9 ? null : d.substring(d.length() - 9);
    }

    /** The phone and wallet numbers of a party, reduced to their last nine digits. */
    static List<String> numbers(Party p) {
        List<String> out = new ArrayList<>(2);
        for (String s : new String[] {p.phone(), p.wallet()}) {
            String d = digits(s);
            if (d != null && !out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /** Words of a name of three letters or more, upper case, without punctuation. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (String w : name.toUpperCase(java.util.Locale.ROOT).replace('Ñ', 'N').split("[^A-Z'\\-]+")) {
            if (w.length() >= 3) {
                out.add(w);
            }
        }
        return out;
    }

    /** US dollars, by the set's own rough rates. */
    static double usd(Transaction t) {
        return t.amount().toMajorDouble() / Places.of(t.sender().country()).perUsd();
    }
}
