package org.osecscreener.detect;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osecscreener.cluster.IdentifierType;
import org.osecscreener.findings.Role;
import org.osecscreener.findings.WatchlistMatch;
import org.osecscreener.rules.WatchlistMatchConfig;
import org.osecscreener.score.Hit;

/**
 * {@code watchlist_match}: filters the transfer's watchlist matches (found by the shell's
 * {@code WatchlistMatcher}, once per party) by the rule's lists, roles, identifier types and
 * minimum confidence; the sub-score is the highest remaining confidence. With no match (always,
 * when no watchlist is supplied) it returns at the first check.
 */
final class WatchlistMatchDetector implements Detector {
    private static final int MAX_LISTED = 3;
    private final WatchlistMatchConfig c;
    private final Set<String> lists;
    private final Set<IdentifierType> types = EnumSet.noneOf(IdentifierType.class);

    WatchlistMatchDetector(WatchlistMatchConfig c) {
        this.c = c;
        this.lists = new HashSet<>(c.lists());
        for (String t : c.types()) {
            types.add(IdentifierType.ofTag(t));
        }
    }

    @Override
    public String id() {
        return WatchlistMatchConfig.TYPE;
    }

    @Override
    public Hit evaluate(Evaluation e) {
        if (e.matches.isEmpty()) {
            return null;
        }
        List<WatchlistMatch> kept = null;
        double best = 0;
        for (WatchlistMatch m : e.matches.matches()) {
            if ((m.role() == Role.SENDER ? !c.checkSender() : !c.checkBeneficiary())
                    || (!lists.isEmpty() && !lists.contains(m.list())) || !types.contains(m.type())
                    || m.confidence() < c.minConfidence()) {
                continue;
            }
            if (kept == null) {
                kept = new ArrayList<>(2);
            }
            kept.add(m);
            best = Math.max(best, m.confidence());
        }
        if (kept == null) {
            return null;
        }
        List<WatchlistMatch> evidence = kept;
        Hit.Reason why = () -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < evidence.size() && i < MAX_LISTED; i++) {
                sb.append(i == 0 ? "" : "; ").append(evidence.get(i).describe());
            }
            if (evidence.size() > MAX_LISTED) {
                sb.append("; and ").append(evidence.size() - MAX_LISTED).append(" more");
            }
            return sb.toString();
        };
        return new Hit(id(), best, c.weight(), false, why, List.of(e.tx.id()));
    }
}
