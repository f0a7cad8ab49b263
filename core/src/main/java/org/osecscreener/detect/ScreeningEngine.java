package org.osecscreener.detect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osecscreener.findings.WatchlistMatches;
import org.osecscreener.model.Transaction;
import org.osecscreener.profile.ClusterAlert;
import org.osecscreener.profile.ClusterProfile;
import org.osecscreener.profile.ClusterRisk;
import org.osecscreener.profile.QueueItem;
import org.osecscreener.profile.Hashing;
import org.osecscreener.profile.PairProfile;
import org.osecscreener.profile.PartyKeys;
import org.osecscreener.profile.SenderProfile;
import org.osecscreener.profile.Traits;
import org.osecscreener.rules.ClusterRiskConfig;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.Suppression;
import org.osecscreener.score.AlertIds;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.AssessmentKind;
import org.osecscreener.score.ClusterAssessment;
import org.osecscreener.score.Screening;
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
    /** The bundle's longest window, computed once (it walks the enabled detectors). */
    private final int longestWindowDays;
    /** The payee-cluster scorer; {@code null} when {@code clusterRisk} is disabled. */
    private final ClusterScorer scorer;
    private final java.util.Set<String> allowList;

    private ScreeningEngine(RuleBundle bundle) {
        this.rules = new CompiledRules(bundle);
        this.longestWindowDays = bundle.longestWindowDays();
        this.scorer = bundle.clusterRisk().enabled() ? new ClusterScorer(bundle.clusterRisk(), rules.baseCurrency) : null;
        this.allowList = bundle.clusterRisk().allowList() == null ? java.util.Set.of()
                : new java.util.HashSet<>(bundle.idList(bundle.clusterRisk().allowList()));
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
        return longestWindowDays;
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
        e.rules = rules;
        e.matches = Objects.requireNonNull(matches, "matches");
        e.base = baseAmount(tx);
        e.tx = tx;
        e.view = view;
        e.sender = sender;
        e.second = tx.timestamp().toEpochSecond();
        e.day = (int) Math.floorDiv(e.second, Evaluation.DAY);
        e.hour = tx.timestamp().getHour(); // the sender's local hour
        e.night = rules.trackNight && rules.isNight(e.hour);
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
        e.crossBorder = !tx.sender().country().equals(tx.beneficiary().country());
        e.personToPersonAbroad = e.crossBorder && tx.sender().type() == org.osecscreener.model.PartyType.PERSON
                && tx.beneficiary().type() == org.osecscreener.model.PartyType.PERSON;
        e.senderSurname = sender.surnameKey(tx.sender().name());
        e.senderAddress = sender.addressKey(tx.sender().address());
        e.senderMiddle = sender.middleKey();
        int payee = view.payeeSurname();
        e.related = (payee != 0 && (payee == e.senderSurname || payee == e.senderMiddle))
                || (e.senderAddress != 0 && e.senderAddress == view.payeeAddress());
        e.round = rules.round.isRound(tx.amount());
        int flags = (e.round ? Traits.ROUND : 0) | (e.related ? Traits.RELATED : 0)
                | (rules.storyCover != null && !e.found(rules.storyCover).isEmpty() ? Traits.COVER : 0)
                | (SextortionRule.purchase(e) ? Traits.PURCHASE : 0);

        if (pair.transfers() == 0) {
            pair.countryWasNew(e.newCountry);
        }
        pair.add(e.second, e.base, tx.id(), Traits.of(e.hour, flags, Traits.beneficiary16(tx.beneficiary().id())));
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
        SextortionRule.Finding victim = rules.sextortion == null ? null : rules.sextortion.evaluate(e, rules.baseCurrency);
        // only a burst at ALERT level marks the sender as a possible victim for the payee cluster: the
        // cluster neither counts it nor alerts it as an offender; two payments are a victim alert only
        // (an offender's first payments to a facilitator can look the same)
        return new PartialAssessment(tx, view, hits, signals(e, victim != null && victim.level() == Level.ALERT),
                victim == null ? null : victim.hit(), victim == null ? null : victim.level());
    }

    /** The transfer's {@link Signals} for the payee cluster's score. */
    private int signals(Evaluation e, boolean victim) {
        Transaction tx = e.tx;
        int s = (tx.sender().type() == org.osecscreener.model.PartyType.PERSON ? Signals.PERSON : 0)
                | (tx.sender().country().equals(tx.beneficiary().country()) ? 0 : Signals.FOREIGN)
                | (e.related ? Signals.RELATED : 0)
                | (victim ? Signals.VICTIM : 0)
                | (e.round ? Signals.ROUND : 0)
                | (tx.beneficiary().type() == org.osecscreener.model.PartyType.ORGANIZATION ? Signals.ORG_PAYEE : 0);
        if (rules.clusterRisk.enabled()) {
            s |= (e.base <= rules.clusterRisk.smallAmount() ? Signals.SMALL : 0)
                    | (rules.clusterRisk.isLate(e.hour) ? Signals.LATE : 0)
                    | (!e.found(rules.clusterCover).isEmpty() ? Signals.COVER : 0);
        }
        return s;
    }

    /**
     * The final step: adds propagation from an ALERT on the cluster by another sender, updates and
     * scores the payee cluster ({@code clusterRisk}), adds the {@code cluster_alert} hit when the
     * cluster is at ALERT, scores, applies suppressions, and assigns queue items; raises the
     * cluster's assessment, look-back assessments of its earlier senders and the sender's
     * sextortion-victim alert where they apply.
     *
     * @param partial      the sender step's result
     * @param clusterAlert the latest ALERT on the transaction's cluster before this transaction,
     *                     or {@code null}
     * @param store        the payee clusters' risk profiles and the queue's open items (updated)
     * @return everything the transaction produced; if its assessment is an ALERT, the caller records
     *         {@link #alertOf} for the cluster
     */
    public Screening finalStep(PartialAssessment partial, ClusterAlert clusterAlert, FinalStore store) {
        Transaction tx = partial.tx();
        ClusterView view = partial.view();
        String clusterId = view.clusterId();
        long second = tx.timestamp().toEpochSecond();
        int day = (int) Math.floorDiv(second, Evaluation.DAY);
        List<Hit> hits = partial.hits();
        if (rules.linked != null) {
            hits = rules.linked.withClusterAlert(hits, tx, clusterId, clusterAlert);
        }
        foldMerged(view, store);

        ClusterRisk risk = null;
        ClusterRisk.Sender slot = null;
        ClusterScorer.Score cluster = null;
        int previous = 0;
        String clusterItem = null;
        boolean clusterOpen = false;
        if (scorer != null) {
            ClusterRiskConfig c = scorer.config();
            risk = store.risk(clusterId);
            if (risk == null) {
                risk = new ClusterRisk();
            }
            // senders beyond the window and the look-back are forgotten here, in event time, so that both
            // shells remember the same senders whatever their own clean-up does
            risk.forgetBefore(second - (long) c.stateDays() * Evaluation.DAY);
            int sig = partial.signals();
            risk.clusterSize(view.clusterSize());
            risk.addPayee(Hashing.hash64(tx.beneficiary().id()), view.payeeSurname(), Signals.has(sig, Signals.ORG_PAYEE));
            slot = risk.add(tx.sender().id(), tx.sender().country(), riskFlags(sig), second,
                    tx.timestamp().getOffset().getTotalSeconds(), tx.id(), tx.beneficiary().id(),
                    Signals.has(sig, Signals.SMALL), Signals.has(sig, Signals.LATE), Signals.has(sig, Signals.ROUND),
                    Signals.has(sig, Signals.COVER));
            previous = risk.level();
            boolean allowed = c.allowList() != null && (allowList.contains(clusterId) || allowList.contains(tx.beneficiary().id()));
            boolean suppressed = rules.suppression("CLUSTER", clusterId, LocalDate.ofEpochDay(day)) != null;
            cluster = allowed || suppressed ? null : scorer.score(risk, second);
            if (cluster != null && cluster.level() != Level.NONE) {
                clusterOpen = open(store, CLUSTER_ITEM + clusterId, second);
                clusterItem = item(store, CLUSTER_ITEM, "CLUSTER", clusterId, second);
                if (cluster.level() == Level.ALERT) {
                    risk.alertAt(second, clusterItem);
                }
            }
        }

        // a payer of a cluster at ALERT (now, or within the look-back days after it last was)
        String followsFrom = null;
        if (risk != null && risk.alertId() != null && ClusterScorer.alertable(slot)
                && risk.alertSecond() > second - scorer.config().lookBackDays() * Evaluation.DAY) {
            followsFrom = risk.alertId();
            hits = withClusterAlertHit(hits, clusterHit(risk, slot, clusterId, cluster, true));
            risk.markLookedBack(slot, second);
        }
        double score = Scorer.score(hits);
        Level level = Scorer.level(score, hits, rules.bundle.scoring());
        String suppressedBy = null;
        if (level != Level.NONE) {
            Suppression s = suppression(tx, clusterId, day);
            if (s != null) {
                suppressedBy = s.kind() + " " + s.id() + ": " + s.reason();
                level = Level.NONE;
            }
        }
        if (risk != null && level == Level.ALERT && ownLevel(hits) == Level.ALERT) {
            risk.markSenderAlert(slot, second);
        }
        String alertId = level == Level.NONE ? null : item(store, SENDER_ITEM, "SENDER", tx.sender().id(), second);
        Assessment a = new Assessment(tx.id(), tx.timestamp(), tx.sender().id(), tx.beneficiary().id(), clusterId, score,
                level, hits, rules.bundle.id(), rules.bundle.version(), alertId, suppressedBy, false,
                AssessmentKind.TRANSACTION, followsFrom);

        Assessment victim = null;
        if (partial.victim() != null) {
            victim = new Assessment(tx.id(), tx.timestamp(), tx.sender().id(), tx.beneficiary().id(), clusterId,
                    partial.victim().subScore(), partial.victimLevel(), List.of(partial.victim()), rules.bundle.id(),
                    rules.bundle.version(), item(store, VICTIM_ITEM, "VICTIM", tx.sender().id(), second), null, false,
                    AssessmentKind.SEXTORTION_VICTIM, null);
        }

        ClusterAssessment clusterAssessment = null;
        List<Assessment> lookBack = List.of();
        if (cluster != null && cluster.level() != Level.NONE) {
            if (cluster.level() == Level.ALERT) {
                lookBack = lookBack(risk, slot, cluster, clusterId, clusterItem, second, store);
            }
            if (cluster.level().ordinal() > previous || !clusterOpen || !lookBack.isEmpty()) {
                List<String> alerted = new ArrayList<>(lookBack.size());
                for (Assessment l : lookBack) {
                    alerted.add(l.senderId());
                }
                clusterAssessment = new ClusterAssessment(clusterItem, clusterId, tx.id(), tx.timestamp(), cluster.score(),
                        cluster.level(), cluster.hits(), rules.bundle.id(), rules.bundle.version(), cluster.senders(),
                        alerted, cluster.related(), cluster.victims(), risk.payees());
            }
        }
        if (risk != null) {
            risk.level(cluster == null ? 0 : cluster.level().ordinal());
            store.putRisk(clusterId, risk);
        }
        return new Screening(a, victim, clusterAssessment, lookBack);
    }

    /** Queue-item key prefixes: a sender's OSEC item, a sender's victim item, a cluster's item. */
    static final String SENDER_ITEM = "S:";
    static final String VICTIM_ITEM = "V:";
    static final String CLUSTER_ITEM = "C:";

    private static int riskFlags(int sig) {
        return (Signals.has(sig, Signals.PERSON) ? ClusterRisk.PERSON : 0)
                | (Signals.has(sig, Signals.FOREIGN) ? ClusterRisk.FOREIGN : 0)
                | (Signals.has(sig, Signals.RELATED) ? ClusterRisk.RELATED : 0)
                | (Signals.has(sig, Signals.VICTIM) ? ClusterRisk.VICTIM : 0);
    }

    /** Moves the risk profiles and queue items of clusters merged into this one onto it. */
    private void foldMerged(ClusterView view, FinalStore store) {
        String clusterId = view.clusterId();
        for (String absorbed : view.absorbedIds()) {
            if (scorer != null) {
                ClusterRisk old = store.risk(absorbed);
                if (old != null) {
                    ClusterRisk survivor = store.risk(clusterId);
                    if (survivor == null) {
                        survivor = new ClusterRisk();
                    }
                    survivor.absorb(old);
                    store.putRisk(clusterId, survivor);
                    store.removeRisk(absorbed);
                }
            }
            QueueItem oldItem = store.item(CLUSTER_ITEM + absorbed);
            if (oldItem != null) {
                QueueItem current = store.item(CLUSTER_ITEM + clusterId);
                if (current == null || oldItem.lastSecond() > current.lastSecond()) {
                    store.putItem(CLUSTER_ITEM + clusterId, oldItem);
                }
                store.removeItem(CLUSTER_ITEM + absorbed);
            }
        }
    }

    /** Whether the item under {@code key} is open at {@code second}. */
    private boolean open(FinalStore store, String key, long second) {
        QueueItem it = store.item(key);
        return it != null && second - it.lastSecond() <= rules.bundle.queue().periodDays() * Evaluation.DAY;
    }

    /**
     * The id of the subject's open item, updated with {@code second}; a new item when none is open
     * (none yet, or no update for {@code queue.periodDays}).
     */
    private String item(FinalStore store, String prefix, String kind, String subject, long second) {
        String key = prefix + subject;
        QueueItem it = store.item(key);
        if (it != null && second - it.lastSecond() <= rules.bundle.queue().periodDays() * Evaluation.DAY) {
            if (second > it.lastSecond()) {
                store.putItem(key, new QueueItem(it.id(), it.openedSecond(), second));
            }
            return it.id();
        }
        String id = AlertIds.item(rules.bundle.id(), kind, subject, Math.floorDiv(second, Evaluation.DAY));
        store.putItem(key, new QueueItem(id, second, second));
        return id;
    }

    /** The level the hits would give without the {@code cluster_alert} hit (the sender's own). */
    private Level ownLevel(List<Hit> hits) {
        List<Hit> own = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            if (!h.ruleId().equals(Scorer.CLUSTER_ALERT)) {
                own.add(h);
            }
        }
        return own.size() == hits.size() ? Scorer.level(Scorer.score(hits), hits, rules.bundle.scoring())
                : Scorer.level(Scorer.score(own), own, rules.bundle.scoring());
    }

    /** {@code hits} with {@code h} after the positive rules, before the mitigating ones. */
    private static List<Hit> withClusterAlertHit(List<Hit> hits, Hit h) {
        List<Hit> out = new ArrayList<>(hits.size() + 1);
        int at = 0;
        while (at < hits.size() && !hits.get(at).mitigating()) {
            at++;
        }
        out.addAll(hits.subList(0, at));
        out.add(h);
        out.addAll(hits.subList(at, hits.size()));
        return out;
    }

    /** The {@code cluster_alert} hit of sender {@code s} of a cluster at ALERT. */
    private Hit clusterHit(ClusterRisk risk, ClusterRisk.Sender s, String clusterId, ClusterScorer.Score now,
                           boolean forward) {
        String alertId = risk.alertId();
        long alertSecond = risk.alertSecond();
        int count = s.count();
        long first = s.firstSecond();
        long last = s.lastSecond();
        int small = s.small();
        int late = s.late();
        String summary = now != null && now.level() == Level.ALERT ? summary(now) : null;
        Hit.Reason why = () -> "payee cluster " + clusterId + (forward ? " is at ALERT (" : " reached ALERT (") + alertId
                + ", " + Fmt.date(alertSecond) + ")" + (summary == null ? "" : ": " + summary)
                + "; this sender paid it " + (count == 1 ? "once, on " + Fmt.date(last)
                : count + " times from " + Fmt.date(first) + " to " + Fmt.date(last))
                + (small > 0 ? ", " + small + " small" : "") + (late > 0 ? ", " + late + " at late hours" : "");
        return new Hit(Scorer.CLUSTER_ALERT, 1.0, scorer.config().propagationWeight(), false, why, s.evidence());
    }

    /** The cluster's pattern facets in words, for the reasons of the alerts it sets off. */
    private static String summary(ClusterScorer.Score cluster) {
        StringBuilder b = new StringBuilder("score " + Fmt.num(cluster.score()));
        for (Hit h : cluster.hits()) {
            if (!h.mitigating() && !h.evidence().isEmpty()) {
                b.append("; ").append(h.reason());
            }
        }
        return b.toString();
    }

    /** Look-back: the cluster is at ALERT; alert every remembered sender who paid it within the look-back days. */
    private List<Assessment> lookBack(ClusterRisk risk, ClusterRisk.Sender current, ClusterScorer.Score cluster,
                                      String clusterId, String clusterItem, long second, FinalStore store) {
        long since = second - scorer.config().lookBackDays() * Evaluation.DAY;
        List<Assessment> out = new ArrayList<>();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(second, Evaluation.DAY));
        for (ClusterRisk.Sender s : risk.senders()) {
            if (s == current || !ClusterScorer.alertable(s) || s.lastSecond() <= since || s.lookedBackSecond() > since) {
                continue;
            }
            if (rules.suppression("SENDER", s.id(), date) != null
                    || (s.lastBeneficiaryId() != null && rules.suppression("BENEFICIARY", s.lastBeneficiaryId(), date) != null)) {
                continue;
            }
            Hit h = clusterHit(risk, s, clusterId, cluster, false);
            List<Hit> hs = List.of(h);
            double score = Scorer.score(hs);
            Level level = Scorer.level(score, hs, rules.bundle.scoring());
            if (level == Level.NONE) {
                continue;
            }
            risk.markLookedBack(s, second);
            OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochSecond(s.lastSecond()),
                    ZoneOffset.ofTotalSeconds(s.lastOffsetSeconds()));
            out.add(new Assessment(s.lastTransactionId(), at, s.id(),
                    s.lastBeneficiaryId() == null ? "" : s.lastBeneficiaryId(), clusterId, score, level, hs,
                    rules.bundle.id(), rules.bundle.version(), item(store, SENDER_ITEM, "SENDER", s.id(), second), null,
                    false, AssessmentKind.LOOK_BACK, clusterItem));
        }
        return out;
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
        if (scorer != null) {
            notPositive *= 1.0 - scorer.config().propagationWeight(); // a payment to a cluster at ALERT
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
