package org.osecscreener.detect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osecscreener.findings.WatchlistMatches;
import org.osecscreener.model.Transaction;
import org.osecscreener.profile.ClusterAlert;
import org.osecscreener.profile.ClusterProfile;
import org.osecscreener.profile.Hashing;
import org.osecscreener.profile.PairProfile;
import org.osecscreener.profile.PartyKeys;
import org.osecscreener.profile.SenderProfile;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.Suppression;
import org.osecscreener.score.AlertIds;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Hit;
import org.osecscreener.score.Level;
import org.osecscreener.score.Scorer;

/**
 * The screening logic, once, as pure steps over explicit state: both shells (the embedded
 * {@code Screener} and the Flink job) call these steps in this order for each transaction, so that
 * the same input in the same order gives the same assessments.
 *
 * <ol>
 *   <li>{@link #clusterStep}: with the payee cluster's profile (the cluster step runs where
 *       payee clusters are resolved): counts the transfer into the cluster and returns a
 *       {@link ClusterView};</li>
 *   <li>{@link #senderStep}: with the sender's profile and its sender → cluster profiles: re-keys
 *       relationships with clusters that were merged, counts the transfer and runs the
 *       detectors, returning a {@link PartialAssessment};</li>
 *   <li>{@link #finalStep}: with the cluster's latest ALERT ({@link ClusterAlert}): adds network
 *       propagation from it, scores, applies suppressions and assigns the alert id; an ALERT is
 *       then recorded for the cluster ({@link #alertOf}).</li>
 * </ol>
 *
 * <p>Why three steps: the cluster step needs a global view of payees (it runs where clusters
 * are resolved), the sender step runs keyed by sender (in Flink, in parallel), and propagation
 * from an alerted cluster needs the outcome of earlier transactions of other senders, which only
 * exists after their sender steps. Running the steps in this order per transaction in both
 * shells makes them agree.
 *
 * <p>Assumptions and guarantees:
 * <ul>
 *   <li>Event time comes from the transaction; days are UTC epoch days. Transfers that arrive
 *       out of order are inserted at their place in time in the bounded profiles.</li>
 *   <li>De-duplication by transaction id is the shell's job: a step called twice counts twice.</li>
 *   <li>Profiles have one writer at a time; the engine itself is immutable and thread-safe.</li>
 *   <li>Every positive hit needs its rule enabled; the label of a transaction is never read.</li>
 * </ul>
 */
public final class ScreeningEngine {
    private final CompiledRules rules;

    private ScreeningEngine(RuleBundle bundle) {
        this.rules = new CompiledRules(bundle);
    }

    /** An engine for {@code bundle}: compiles its lookup tables once. */
    public static ScreeningEngine of(RuleBundle bundle) {
        return new ScreeningEngine(Objects.requireNonNull(bundle, "bundle"));
    }

    /** The bundle this engine screens with. */
    public RuleBundle bundle() {
        return rules.bundle;
    }

    /** The longest window any enabled rule looks back, in days: the state retention to use. */
    public int longestWindowDays() {
        return rules.bundle.longestWindowDays();
    }

    /**
     * Checks that this bundle can screen {@code tx} (its currency has an FX rate).
     *
     * @throws UnscreenableTransactionException if not
     */
    public void checkScreenable(Transaction tx) {
        baseAmount(tx);
    }

    /** The amount of {@code tx} in the bundle's base currency. */
    double baseAmount(Transaction tx) {
        double rate = rules.rate(tx.amount().currency());
        if (Double.isNaN(rate)) {
            throw new UnscreenableTransactionException("currency", "rule bundle " + rules.bundle.id() + "@"
                    + rules.bundle.version() + " has no FX rate for " + tx.amount().currency().getCurrencyCode()
                    + "; add it to fxRates to screen such transfers");
        }
        return tx.amount().toMajorDouble() * rate;
    }

    /**
     * The cluster step: counts {@code tx} into the cluster's profile.
     *
     * @param profile      the profile of the transaction's payee cluster (updated)
     * @param tx           the transaction
     * @param clusterId    its payee cluster
     * @param clusterSize  tracked beneficiaries in the cluster
     * @param payeeSurname {@link #surnameKey} of the beneficiary's name
     * @param payeeAddress {@link #addressKey} of the beneficiary's address
     * @return what the sender step needs to know about the cluster
     */
    public ClusterView clusterStep(ClusterProfile profile, Transaction tx, String clusterId, int clusterSize,
                                   int payeeSurname, int payeeAddress) {
        long second = tx.timestamp().toEpochSecond();
        int day = (int) Math.floorDiv(second, Evaluation.DAY);
        profile.senders().touch(Hashing.hash64(tx.sender().id()), day, CompiledRules.code(tx.sender().country()) + 1, 0);
        profile.count();
        int senders = 0;
        int countries = 0;
        if (rules.fanInWindowDays > 0) {
            int fromDay = day - rules.fanInWindowDays + 1;
            senders = profile.senders().countSince(fromDay);
            countries = profile.senders().distinctAux1Since(fromDay);
        }
        return new ClusterView(clusterId, clusterSize, payeeSurname, payeeAddress, senders, countries,
                profile.absorbedIds());
    }

    /**
     * The sender step: updates the sender's profiles with {@code tx} and runs the detectors.
     * When the hits alone already make an unsuppressed ALERT, the sender is marked as alerted
     * (for propagation to the clusters it pays next).
     *
     * @param sender the sender's profile (updated)
     * @param pairs  the sender's sender → cluster profiles (updated through the store)
     * @param tx     the transaction
     * @param view   the cluster step's view of the transaction's payee cluster
     * @return the hits so far, for {@link #finalStep}
     * @throws UnscreenableTransactionException if the bundle cannot screen the transaction (no state changed)
     */
    public PartialAssessment senderStep(SenderProfile sender, PairStore pairs, Transaction tx, ClusterView view) {
        return senderStep(sender, pairs, tx, view, WatchlistMatches.NONE);
    }

    /**
     * The sender step with the transfer's watchlist matches (found by the shell's
     * {@code WatchlistMatcher}; the {@code watchlist_match} rule filters and scores them).
     *
     * @param matches the matches of the sender's and beneficiary's identifiers, {@link WatchlistMatches#NONE} if none
     * @see #senderStep(SenderProfile, PairStore, Transaction, ClusterView)
     */
    public PartialAssessment senderStep(SenderProfile sender, PairStore pairs, Transaction tx, ClusterView view,
                                        WatchlistMatches matches) {
        Evaluation e = new Evaluation();
        e.matches = Objects.requireNonNull(matches, "matches");
        e.base = baseAmount(tx);
        e.tx = tx;
        e.view = view;
        e.sender = sender;
        e.second = tx.timestamp().toEpochSecond();
        e.day = (int) Math.floorDiv(e.second, Evaluation.DAY);
        e.night = rules.trackNight && rules.isNight(tx.timestamp().getHour()); // the sender's local hour
        String clusterId = view.clusterId();

        PairProfile pair = pairs.get(clusterId);
        for (String absorbed : view.absorbedIds()) {
            PairProfile old = pairs.get(absorbed);
            if (old != null) {
                if (pair == null) {
                    pair = new PairProfile();
                }
                pair.absorb(old);
                pairs.remove(absorbed);
            }
            sender.renameCluster(absorbed, clusterId);
        }
        if (pair == null) {
            pair = new PairProfile();
        }
        e.pair = pair;
        long countryKey = CompiledRules.code(tx.beneficiary().country()) + 1;
        e.newCountry = !sender.countries().contains(countryKey);
        e.toSourceCountry = rules.sourceRisk(tx.beneficiary().country()) > 0;
        e.senderSurname = sender.surnameKey(tx.sender().name());
        e.senderAddress = sender.addressKey(tx.sender().address());

        pair.add(e.second, e.base, tx.id());
        pairs.put(clusterId, pair);
        sender.count(e.second);
        sender.countries().touch(countryKey, e.day, 0, 0);
        if (e.toSourceCountry) {
            sender.clusters().touch(Hashing.hash64(clusterId), e.day, view.payeeSurname(), view.payeeAddress());
        }
        if (e.night) {
            sender.night().add(e.second, e.base, tx.id());
        }

        List<Hit> hits = new ArrayList<>(4);
        for (Detector d : rules.detectors) {
            Hit h = d.evaluate(e);
            if (h != null) {
                hits.add(h);
            }
        }
        double score = Scorer.score(hits);
        if (Scorer.level(score, hits, rules.bundle.scoring()) == Level.ALERT && suppression(tx, clusterId, e.day) == null) {
            sender.markAlert(e.second, clusterId, tx.id());
        }
        return new PartialAssessment(tx, view, hits);
    }

    /**
     * The final step: adds propagation from an ALERT on the cluster by another sender, scores,
     * applies suppressions and assigns the alert id.
     *
     * @param partial      the sender step's result
     * @param clusterAlert the latest ALERT on the transaction's cluster before this transaction,
     *                     or {@code null}
     * @return the assessment; if it is an ALERT, the caller records {@link #alertOf} for the cluster
     */
    public Assessment finalStep(PartialAssessment partial, ClusterAlert clusterAlert) {
        Transaction tx = partial.tx();
        String clusterId = partial.view().clusterId();
        List<Hit> hits = partial.hits();
        if (rules.linked != null) {
            hits = rules.linked.withClusterAlert(hits, tx, clusterId, clusterAlert);
        }
        double score = Scorer.score(hits);
        Level level = Scorer.level(score, hits, rules.bundle.scoring());
        long day = Math.floorDiv(tx.timestamp().toEpochSecond(), Evaluation.DAY);
        String suppressedBy = null;
        if (level != Level.NONE) {
            Suppression s = suppression(tx, clusterId, (int) day);
            if (s != null) {
                suppressedBy = s.kind() + " " + s.id() + ": " + s.reason();
                level = Level.NONE;
            }
        }
        String alertId = level == Level.NONE ? null
                : AlertIds.of(rules.bundle.id(), rules.bundle.version(), tx.sender().id(), clusterId, day);
        return new Assessment(tx.id(), tx.timestamp(), tx.sender().id(), tx.beneficiary().id(), clusterId, score,
                level, hits, rules.bundle.id(), rules.bundle.version(), alertId, suppressedBy, false);
    }

    /**
     * Whether the final step could give {@code partial} at least {@code level}: an upper bound of
     * its score, assuming propagation from an alerted cluster adds its full weight. Lets a shell
     * skip rendering reasons of transactions that cannot reach the level it writes.
     */
    public boolean mayReach(PartialAssessment partial, Level level) {
        if (level == Level.NONE) {
            return true;
        }
        double notPositive = 1.0;
        double kept = 1.0;
        boolean linked = false;
        for (Hit h : partial.hits()) {
            if (h.mitigating()) {
                kept *= 1.0 - h.contribution();
            } else {
                notPositive *= 1.0 - h.contribution();
                linked |= rules.linked != null && h.ruleId().equals(rules.linked.id());
            }
        }
        if (rules.linked != null && !linked) {
            notPositive *= 1.0 - rules.linked.weight();
        }
        double threshold = level == Level.ALERT ? rules.bundle.scoring().alert() : rules.bundle.scoring().review();
        return (1.0 - notPositive) * kept >= threshold;
    }

    /** The cluster alert to record for {@code a}, or {@code null} if it is not an ALERT. */
    public static ClusterAlert alertOf(Assessment a) {
        return a.level() == Level.ALERT
                ? new ClusterAlert(a.timestamp().toEpochSecond(), a.senderId(), a.transactionId()) : null;
    }

    private Suppression suppression(Transaction tx, String clusterId, int day) {
        LocalDate date = LocalDate.ofEpochDay(day);
        Suppression s = rules.suppression("SENDER", tx.sender().id(), date);
        if (s == null) {
            s = rules.suppression("BENEFICIARY", tx.beneficiary().id(), date);
        }
        if (s == null) {
            s = rules.suppression("CLUSTER", clusterId, date);
        }
        return s;
    }

    /** A non-zero key of the folded surname of {@code name}, or 0 when there is none ({@link PartyKeys#surname}). */
    public static int surnameKey(String name) {
        return PartyKeys.surname(name);
    }

    /** A non-zero key of the normalised {@code address}, or 0 when there is none ({@link PartyKeys#address}). */
    public static int addressKey(String address) {
        return PartyKeys.address(address);
    }
}
