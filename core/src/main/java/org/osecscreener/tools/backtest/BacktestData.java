package org.osecscreener.tools.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osecscreener.model.Transaction;

/** Per-transaction facts shared by all runs. */
final class BacktestData {
    final Map<String, Integer> senderIndex = new HashMap<>();
    final List<String> senderIds = new ArrayList<>();
    final Map<String, Integer> beneficiaryIndex = new HashMap<>();
    final List<String> beneficiaryIds = new ArrayList<>();
    final Map<String, Integer> scenarioIndex = new TreeMap<>();
    final List<String> scenarios = new ArrayList<>();
    final BitSet osecScenario = new BitSet();
    int[] sender = new int[1024];
    int[] beneficiary = new int[1024];
    int[] day = new int[1024];
    /** Per transaction: its sender's transfers before it. */
    int[] ordinal = new int[1024];
    /** Per sender: transfers so far. */
    int[] senderTransfers = new int[1024];
    final BitSet osec = new BitSet();
    int n;
    // per sender
    int[] senderScenario = new int[1024];
    final BitSet osecSender = new BitSet();
    /** Senders labelled as possible sextortion victims (a scenario named {@code sextortion...}, not OSEC). */
    final BitSet victimSender = new BitSet();
    /** Transaction id → index (look-back assessments name an earlier transaction). */
    final Map<String, Integer> txIndex = new HashMap<>();

    /** Senders that are neither OSEC nor victims. */
    BitSet legitSenders() {
        BitSet b = new BitSet();
        b.set(0, senderIds.size());
        b.andNot(osecSender);
        b.andNot(victimSender);
        return b;
    }

    int add(Transaction tx) {
        if (n == sender.length) {
            sender = Arrays.copyOf(sender, n * 2);
            beneficiary = Arrays.copyOf(beneficiary, n * 2);
            day = Arrays.copyOf(day, n * 2);
            ordinal = Arrays.copyOf(ordinal, n * 2);
        }
        int known = senderIds.size();
        int s = senderIndex.computeIfAbsent(tx.sender().id(), k -> {
            senderIds.add(k);
            return senderIds.size() - 1;
        });
        boolean newSender = senderIds.size() > known;
        if (s >= senderScenario.length) {
            senderScenario = Arrays.copyOf(senderScenario, senderScenario.length * 2);
            senderTransfers = Arrays.copyOf(senderTransfers, senderTransfers.length * 2);
        }
        int bi = beneficiaryIndex.computeIfAbsent(tx.beneficiary().id(), k -> {
            beneficiaryIds.add(k);
            return beneficiaryIds.size() - 1;
        });
        boolean isOsec = tx.label() != null && tx.label().osec();
        String scenario = tx.label() == null || tx.label().scenario() == null
                ? (isOsec ? "osec" : "unlabelled") : tx.label().scenario();
        int sc = scenarioIndex.computeIfAbsent(scenario, k -> {
            scenarios.add(k);
            return scenarios.size() - 1;
        });
        if (isOsec) {
            osecScenario.set(sc);
        }
        if (newSender) {
            senderScenario[s] = sc;     // a legitimate sender counts in the scenario of its first transfer
        }
        if (isOsec && !osecSender.get(s)) {
            osecSender.set(s);
            victimSender.clear(s);
            senderScenario[s] = sc;   // an OSEC sender counts in its OSEC scenario
        }
        if (!isOsec && !osecSender.get(s) && scenario.startsWith(Backtest.VICTIM_PREFIX) && !victimSender.get(s)) {
            victimSender.set(s);
            senderScenario[s] = sc;   // a victim counts in its victim scenario
        }
        int i = n++;
        txIndex.putIfAbsent(tx.id(), i);
        ordinal[i] = senderTransfers[s]++;
        sender[i] = s;
        beneficiary[i] = bi;
        day[i] = (int) Math.floorDiv(tx.timestamp().toEpochSecond(), 86_400L);
        if (isOsec) {
            osec.set(i);
        }
        return i;
    }
}
