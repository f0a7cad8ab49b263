package org.osecscreener.tools.secondopinion;

import static org.osecscreener.tools.secondopinion.SecondOpinionScenario.*;

import java.util.List;

/**
 * Builds every actor of a run and its sealed plan, sized from the number of transactions: each
 * scenario has {@link SecondOpinionScenario#senders(long)} senders; rings, shops, charities,
 * freelancers, hubs and households are sized from their senders; the domestic filler then adds
 * senders until the total is exactly the number asked for. When the scenarios alone plan more
 * than that (below a few thousand transactions), the merge stops at the number asked for.
 */
final class Population {
    private Population() {
    }

    /** The facilitator rings per ring customer: one ring for every 12.5 customers (12 rings at 150 customers). */
    static final double CUSTOMERS_PER_RING = 12.5;

    static List<Actor> build(long seed, long transactions) {
        World w = new World(seed);
        w.agentPoolSize((int) Math.min(50_000, transactions / 250));
        int customers = RING_CUSTOMER.senders(transactions);
        int ringCount = customers + PROLIFIC_PAYER.senders(transactions) > 0
                ? Math.max(1, (int) Math.round(customers / CUSTOMERS_PER_RING)) : 0;
        List<Offenders.Ring> rings = Offenders.rings(w, ringCount);
        double[] ringWeights = ringCount == 0 ? new double[0] : Rng.zipf(ringCount, 0.9);

        Offenders.ringCustomers(w, rings, ringWeights, customers);
        Offenders.prolific(w, rings, ringWeights, PROLIFIC_PAYER.senders(transactions));
        Offenders.escalation(w, rings, ringWeights, ESCALATION.senders(transactions));
        Offenders.fanOut(w, rings, ringWeights, FAN_OUT.senders(transactions));
        Offenders.lowAndSlow(w, rings, ringWeights, LOW_AND_SLOW.senders(transactions));
        Offenders.coverStory(w, rings, ringWeights, COVER_STORY.senders(transactions));
        Offenders.mixed(w, rings, ringWeights, MIXED_OFFENDER.senders(transactions));
        Victims.victims(w, SEXTORTION_VICTIM.senders(transactions));
        Families.monthly(w, FAMILY_MONTHLY.senders(transactions));
        Families.weekly(w, FAMILY_WEEKLY.senders(transactions));
        Families.inlaws(w, INLAW_SUPPORT.senders(transactions));
        Families.nightShift(w, NIGHT_SHIFT_WORKER.senders(transactions));
        Families.seafarers(w, SEAFARER.senders(transactions));
        Families.tuitionSchool(w, TUITION_SCHOOL.senders(transactions));
        Families.tuitionRelative(w, TUITION_RELATIVE.senders(transactions));
        Families.medical(w, MEDICAL_BILLS.senders(transactions));
        Families.december(w, DECEMBER_GIFTS.senders(transactions));
        LookAlikes.shopBuyers(w, SHOP_BUYER.senders(transactions));
        LookAlikes.payroll(w, PAYROLL.senders(transactions));
        LookAlikes.donors(w, CHARITY_DONOR.senders(transactions));
        LookAlikes.freelanceClients(w, FREELANCE_CLIENT.senders(transactions));
        LookAlikes.hubFamilies(w, HUB_AGENT_FAMILY.senders(transactions));
        LookAlikes.siblings(w, SIBLINGS_SHARED_PHONE.senders(transactions));
        LookAlikes.newPartners(w, NEW_PARTNER_SUPPORT.senders(transactions));
        Background.otherCorridors(w, OTHER_CORRIDOR.senders(transactions));

        long planned = 0;
        for (Actor a : w.actors) {
            a.plan.seal();
            planned += a.size();
        }
        Rng counts = w.rng(World.S_FILLER, -1);
        long filler = 0;
        while (planned < transactions) {
            int k = (int) Math.min(transactions - planned, Background.domesticCount(counts));
            Background.domestic(w, filler++, k);
            Actor a = w.actors.get(w.actors.size() - 1);
            a.plan.seal();
            planned += a.size();
        }
        return w.actors;
    }
}
