package org.osecscreener.bench;

/** Synthetic JSON lines shaped like the documented example; deterministic per index. */
final class SampleLines {
    private SampleLines() {
    }

    static String typical(int i) {
        int cents = 1000 + (i * 7919) % 20000;
        return "{\"id\":\"T-" + String.format("%07d", i) + "\",\"timestamp\":\"2026-03-"
                + String.format("%02d", 1 + i % 28) + "T" + String.format("%02d", i % 24) + ":15:00+10:00\","
                + "\"amount\":\"" + (cents / 100) + "." + String.format("%02d", cents % 100) + "\",\"currency\":\"AUD\","
                + "\"channel\":\"ONLINE\",\"purpose\":\"school fees\","
                + "\"sender\":{\"id\":\"S-" + (i % 997) + "\",\"type\":\"PERSON\",\"name\":\"John Smith\",\"country\":\"AU\","
                + "\"account\":\"062-000 1234 5678\",\"phone\":\"+61 412 345 678\",\"email\":\"j.smith@example.com\","
                + "\"address\":\"1 George St, Sydney\",\"device\":\"d-77\",\"ip\":\"203.0.113.9\"},"
                + "\"beneficiary\":{\"id\":\"B-" + (i % 1999) + "\",\"type\":\"PERSON\",\"name\":\"Maria Cruz Santos\","
                + "\"country\":\"PH\",\"account\":\"PH-1234567890\",\"phone\":\"0917 123 4567\",\"wallet\":\"09171234567\","
                + "\"email\":null,\"address\":\"Blk 4 Lot 2, Brgy. San Isidro, Cebu City\","
                + "\"pickupLocation\":\"Agent 2231 Cebu Colon\"},"
                + "\"label\":{\"osec\":false,\"scenario\":\"family_support\"}}";
    }
}
