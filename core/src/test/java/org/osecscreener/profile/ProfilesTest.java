package org.osecscreener.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ProfilesTest {
    @Test
    void profiles_roundTripThroughBytes_andKeepBehaving() {
        SplittableRandom r = new SplittableRandom(3);
        SenderProfile s = new SenderProfile();
        ClusterProfile c = new ClusterProfile();
        PairProfile p = new PairProfile();
        for (int i = 0; i < 500; i++) {
            int day = 20_000 + i / 5;
            s.clusters().touch(r.nextLong(1, 200), day, r.nextInt(5), r.nextInt(5));
            s.countries().touch(r.nextLong(1, 40), day, 0, 0);
            s.night().add(day * 86_400L + r.nextInt(86_400), r.nextDouble() * 100, "T-" + i);
            s.count(day * 86_400L);
            c.senders().touch(r.nextLong(1, 300), day, r.nextInt(10) + 1, 0);
            p.add(day * 86_400L + r.nextInt(86_400), r.nextDouble() * 100, "T-" + i);
        }
        s.markAlert(20_050 * 86_400L, "C-9", "T-77");
        s.surnameKey("Maria Cruz Santos");
        c.absorb("C-2", new ClusterProfile());
        c.markAlert(new ClusterAlert(20_060 * 86_400L, "S-1", "T-88"));

        SenderProfile s2 = ProfileIo.senderFrom(ProfileIo.toBytes(s));
        ClusterProfile c2 = ProfileIo.clusterFrom(ProfileIo.toBytes(c));
        PairProfile p2 = ProfileIo.pairFrom(ProfileIo.toBytes(p));
        assertThat(s2).isEqualTo(s);
        assertThat(c2).isEqualTo(c);
        assertThat(p2).isEqualTo(p);
        assertThat(s2.clusters().size()).isEqualTo(SenderProfile.CLUSTERS);
        assertThat(s2.clusters().countSince(20_090)).isEqualTo(s.clusters().countSince(20_090));
        assertThat(c2.alert()).isEqualTo(new ClusterAlert(20_060 * 86_400L, "S-1", "T-88"));
        assertThat(c2.absorbedIds()).containsExactly("C-2");
        // a restored set keeps working: a new key evicts the least recently seen
        assertThat(s2.clusters().touch(9_999, 20_200, 0, 0)).isTrue();
        assertThat(s2.clusters().size()).isEqualTo(SenderProfile.CLUSTERS);
        assertThat(s2.clusters().contains(9_999)).isTrue();
    }

    /**
     * A sender profile keeps its name and address as hashes (format 4): the bytes hold neither
     * text, the keys survive the trip, and a profile written by the build before (format 3, name
     * and address as text) is read with the same keys and recognises the same name and address.
     */
    @Test
    void senderProfile_keepsNoNameOrAddressText_andReadsTheFormatOfTheBuildBefore() throws Exception {
        String name = "Maria Cruz Santos";
        String address = "12 Rizal Street, Quezon City";
        SenderProfile s = new SenderProfile();
        s.count(20_000 * 86_400L);
        int surname = s.surnameKey(name);
        int middle = s.middleKey();
        int addr = s.addressKey(address);
        assertThat(surname).isNotZero();
        assertThat(addr).isNotZero();
        byte[] bytes = ProfileIo.toBytes(s);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Santos").doesNotContain("Rizal");
        SenderProfile back = ProfileIo.senderFrom(bytes);
        assertThat(back.middleKey()).isEqualTo(middle);
        assertThat(back.surnameKey(name)).isEqualTo(surname);
        assertThat(back.addressKey(address)).isEqualTo(addr);
        assertThat(back.surnameKey(null)).isZero();
        assertThat(back.surnameKey("Ana Reyes")).isEqualTo(PartyKeys.surname("Ana Reyes"));

        // format 3, as the build before wrote it: ..., alert tx id, name, surname key, address, address key
        java.io.ByteArrayOutputStream old = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(old);
        out.writeByte(3);
        new RecentKeys(SenderProfile.CLUSTERS).writeTo(out, true);
        new RecentKeys(SenderProfile.COUNTRIES).writeTo(out, true);
        new TransferRing(SenderProfile.NIGHT).writeTo(out);
        out.writeLong(20_000 * 86_400L);
        out.writeLong(1);
        out.writeLong(Long.MIN_VALUE);
        ProfileIo.writeNullable(out, null);
        ProfileIo.writeNullable(out, null);
        ProfileIo.writeNullable(out, name);
        out.writeInt(surname);
        ProfileIo.writeNullable(out, address);
        out.writeInt(addr);
        SenderProfile read = ProfileIo.senderFrom(old.toByteArray());
        assertThat(read).isEqualTo(back);
        assertThat(read.middleKey()).isEqualTo(middle);
        assertThat(read.transfers()).isEqualTo(1);
        assertThat(ProfileIo.toBytes(read)).as("rewritten in format 4, the same bytes as this build's").isEqualTo(bytes);
        assertThat(read.surnameKey(name)).isEqualTo(surname);
        assertThat(read.addressKey(address)).isEqualTo(addr);
    }

    @Test
    void recentKeys_countDistinctWithinWindow_andSaturateAtCapacity() {
        RecentKeys k = new RecentKeys(4);
        k.touch(1, 10, 1, 0);
        k.touch(2, 11, 1, 0);
        k.touch(3, 12, 2, 0);
        k.touch(1, 13, 1, 0);
        assertThat(k.countSince(11)).isEqualTo(3);
        assertThat(k.distinctAux1Since(10)).isEqualTo(2);
        k.touch(4, 14, 3, 0);
        k.touch(5, 15, 3, 0); // evicts key 2 (least recently seen, day 11)
        assertThat(k.contains(2)).isFalse();
        assertThat(k.countSince(0)).isEqualTo(4);
        k.rename(5, 1);
        assertThat(k.contains(5)).isFalse();
        assertThat(k.lastDay(1)).isEqualTo(15);
    }
}
