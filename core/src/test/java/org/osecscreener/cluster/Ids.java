package org.osecscreener.cluster;

import java.util.ArrayList;
import java.util.List;

/** Test helpers: synthetic identifiers. */
final class Ids {
    private Ids() {
    }

    static Identifier phone(String v) {
        return new Identifier(IdentifierType.PHONE, v);
    }

    static Identifier wallet(String v) {
        return new Identifier(IdentifierType.WALLET, v);
    }

    static Identifier account(String v) {
        return new Identifier(IdentifierType.ACCOUNT, v);
    }

    static Identifier address(String v) {
        return new Identifier(IdentifierType.ADDRESS, v);
    }

    static PayeeIdentifiers of(Identifier... ids) {
        return PayeeIdentifiers.of(ids);
    }

    static ClusterConfig allLinks() {
        return ClusterConfig.builder().linkTypes(List.of(IdentifierType.values())).build();
    }

    static List<String> clusterIds(ClusterResolver r, List<String> beneficiaries) {
        List<String> out = new ArrayList<>();
        for (String b : beneficiaries) {
            out.add(r.clusterOf(b));
        }
        return out;
    }
}
