package org.osecscreener.tools.synth;

import java.util.SplittableRandom;

/**
 * Synthetic name and address pools. Filipino names follow the usual convention: one or two given
 * names, the mother's maiden surname as middle name, then the surname. All combinations are
 * synthetic; none is meant to denote a real person.
 */
final class Names {
    static final String[] PH_GIVEN = {"Maria", "Jose", "Juan", "Ana", "Mark", "John", "Michael", "Angel", "Princess",
            "Joy", "Rose", "Cristina", "Jericho", "Rodel", "Marites", "Lourdes", "Rowena", "Jonathan", "Ramon", "Teresa",
            "Carlo", "Paolo", "Jasmine", "Kristine", "Rhea", "Arnel", "Edgar", "Liza", "Grace", "Mary", "Joseph", "Ronald",
            "Jennifer", "Analyn", "Mylene", "Rodrigo", "Emmanuel", "Benjie", "Ricardo", "Elena", "Imelda", "Nestor",
            "Lorna", "Aileen", "Marvin", "Jayson", "Rachelle", "Charmaine", "Dante", "Gloria", "Bong", "Junjun",
            "Lea", "Divina", "Ernesto", "Felicidad", "Vilma", "Noel", "Reynaldo", "Shiela"};
    static final String[] PH_SURNAME = {"Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Torres",
            "Tomas", "Andrada", "Castillo", "Flores", "Villanueva", "Ramos", "Castro", "Rivera", "Aquino", "Navarro",
            "Salazar", "Mercado", "Dela Cruz", "De Leon", "Gonzales", "Lopez", "Hernandez", "Aguilar", "Pascual",
            "Domingo", "Soriano", "Manalo", "Fernandez", "Valdez", "Gutierrez", "Dizon", "Santiago", "Corpuz", "Padilla",
            "Marquez", "Robles", "Macaraeg", "Lim", "Tan", "Sy", "Magbanua", "Dimaculangan", "Panganiban", "Buenaventura",
            "Evangelista", "Sison", "Cabrera", "Manalastas", "Lacson", "Dumlao", "Bernardo", "Del Rosario", "Estrada",
            "Francisco", "Ignacio", "Jimenez", "Legaspi", "Miranda", "Natividad", "Ortega", "Perez", "Quiambao",
            "Sarmiento", "Umali", "Vergara", "Yap", "Zamora"};
    static final String[] WEST_GIVEN = {"John", "David", "Michael", "James", "Robert", "William", "Richard", "Thomas",
            "Mark", "Paul", "Steven", "Andrew", "Peter", "Gary", "Kevin", "Brian", "Daniel", "Scott", "Ian", "Craig",
            "Susan", "Linda", "Karen", "Sarah", "Emma", "Julia", "Anna", "Claire", "Laura", "Helen", "Hans", "Jurgen",
            "Stefan", "Klaus", "Pierre", "Luc", "Erik", "Lars", "Kenji", "Hiroshi", "Wei", "Min-jun"};
    static final String[] WEST_SURNAME = {"Smith", "Johnson", "Brown", "Taylor", "Wilson", "Anderson", "Thompson", "White",
            "Harris", "Martin", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker",
            "Adams", "Nelson", "Campbell", "Mitchell", "Roberts", "Turner", "Phillips", "Evans", "Collins", "Stewart",
            "Murphy", "Kelly", "OBrien", "Muller", "Schmidt", "Schneider", "Fischer", "Weber", "Dubois", "Lefevre",
            "Jansen", "de Vries", "Larsen", "Johansson", "Tanaka", "Suzuki", "Sato", "Kim", "Park", "Chen", "Wong"};
    static final String[] OTHER_GIVEN = {"Luis", "Carlos", "Jorge", "Miguel", "Sofia", "Lucia", "Ana", "Rahul", "Priya",
            "Amit", "Sunita", "Kwame", "Ama", "Olena", "Andriy", "Ioana", "Andrei", "Somchai", "Nok", "Thabo", "Lerato",
            "Dwayne", "Keisha", "Budi", "Siti", "Minh", "Lan", "Aziz", "Nur"};
    static final String[] OTHER_SURNAME = {"Garcia", "Martinez", "Rodriguez", "Hernandez", "Gomez", "Diaz", "Sharma",
            "Patel", "Singh", "Kumar", "Mensah", "Owusu", "Shevchenko", "Kovalenko", "Popescu", "Ionescu", "Saetang",
            "Wongsawat", "Nkosi", "Dlamini", "Campbell", "Brown", "Santoso", "Wijaya", "Nguyen", "Tran", "Rahman",
            "Abdullah"};
    static final String[] PH_CITY = {"Quezon City", "Cebu City", "Davao City", "Manila", "Caloocan", "Pasig",
            "Taguig", "Iloilo City", "Bacolod", "Cagayan de Oro", "Zamboanga City", "Angeles City", "Dasmarinas",
            "Antipolo", "General Santos", "Lapu-Lapu City", "Tacloban", "Baguio", "Naga City", "Tarlac City"};
    static final String[] PH_BARANGAY = {"San Isidro", "Mabini", "San Roque", "Poblacion", "Santo Nino", "San Jose",
            "Bagong Silang", "Malvar", "Rizal", "San Antonio", "Bagumbayan", "Magsaysay", "Del Pilar", "Burgos",
            "Santa Cruz", "San Miguel", "Lourdes", "Kalayaan", "Maligaya", "Pag-asa", "Tondo", "Talisay", "Lahug",
            "Banilad", "Matina", "Buhangin", "Jaro", "Molo", "Mandurriao", "Carmen"};
    static final String[] STREET = {"Main", "Oak", "Church", "High", "Station", "Park", "Mill", "King", "Queen",
            "Victoria", "Lake", "River", "Hill", "Garden", "Market", "Bridge", "School", "Cedar", "Maple", "Pine"};
    static final String[] PH_MOBILE = {"917", "918", "919", "920", "927", "928", "939", "945", "955", "956", "966",
            "977", "995", "997", "998"};

    // West Africa (recipients of sextortion payments; synthetic combinations).
    static final String[] NG_GIVEN = {"Chinedu", "Emeka", "Tunde", "Babajide", "Oluwaseun", "Ifeanyi", "Chukwuemeka",
            "Uche", "Ngozi", "Adaeze", "Funmilayo", "Yusuf", "Aminu", "Segun", "Kelechi", "Obinna", "Tobi", "Damilola",
            "Chiamaka", "Ikenna"};
    static final String[] NG_SURNAME = {"Okafor", "Adebayo", "Okonkwo", "Eze", "Nwosu", "Ogunleye", "Balogun", "Bello",
            "Abubakar", "Okoro", "Adeyemi", "Olawale", "Nnamdi", "Obi", "Afolabi", "Chukwu", "Onyekachi", "Ogundipe",
            "Ibekwe", "Salisu"};
    static final String[] NG_STREET = {"Unity", "Freedom", "Market", "Church", "Mosque", "Station", "School", "Palm",
            "Hospital", "Independence", "Mission", "Stadium"};
    static final String[] NG_STREET_KIND = {"Street", "Road", "Close", "Crescent", "Avenue"};
    static final String[] NG_AREA = {"Ikeja, Lagos", "Surulere, Lagos", "Yaba, Lagos", "Lekki, Lagos", "Wuse, Abuja",
            "Garki, Abuja", "Kubwa, Abuja", "Bodija, Ibadan", "GRA, Port Harcourt", "Ugbowo, Benin City",
            "Independence Layout, Enugu", "Sabon Gari, Kano"};
    static final String[] NG_MOBILE = {"0803", "0806", "0703", "0706", "0813", "0816", "0810", "0814", "0903", "0906",
            "0802", "0808", "0708", "0812", "0701", "0902", "0805", "0807", "0705", "0815", "0905"};
    static final String[] CI_GIVEN = {"Kouassi", "Yao", "Konan", "Kouadio", "Aya", "Adjoua", "Amenan", "Affoue", "Koffi",
            "Mamadou", "Seydou", "Awa", "Fatou", "Jean-Marc", "Serge", "Didier", "Franck", "Christelle", "Mariam",
            "Brice"};
    static final String[] CI_SURNAME = {"Kouame", "Kone", "Traore", "Coulibaly", "Ouattara", "Nguessan", "Bamba",
            "Diabate", "Toure", "Brou", "Aka", "Gnagne", "Zadi", "Dago", "Tape", "Soro", "Fofana", "Kacou", "Assi",
            "Yeo"};
    static final String[] CI_QUARTER = {"Cocody, Abidjan", "Yopougon, Abidjan", "Abobo, Abidjan", "Marcory, Abidjan",
            "Treichville, Abidjan", "Koumassi, Abidjan", "Adjame, Abidjan", "Port-Bouet, Abidjan", "Commerce, Bouake",
            "Habitat, Yamoussoukro", "Bardot, San-Pedro"};
    static final String[] CI_MOBILE = {"01", "05", "07"};
    static final String[] GH_GIVEN = {"Kwame", "Kofi", "Kwabena", "Yaw", "Kojo", "Kwesi", "Ama", "Akosua", "Abena",
            "Efua", "Esi", "Nana", "Yaa", "Adwoa"};
    static final String[] GH_SURNAME = {"Mensah", "Owusu", "Boateng", "Asante", "Osei", "Agyeman", "Appiah", "Darko",
            "Addo", "Amoah", "Ofori", "Quaye", "Tetteh", "Ansah"};

    private Names() {
    }

    static String pick(String[] pool, SplittableRandom r) {
        return pool[r.nextInt(pool.length)];
    }

    /** A Filipino full name: given name(s), maternal middle name, surname. */
    static String filipino(String surname, String maternal, SplittableRandom r) {
        String given = pick(PH_GIVEN, r);
        if (r.nextDouble() < 0.45) {
            String second = pick(PH_GIVEN, r);
            if (!second.equals(given)) {
                given = given + " " + second;
            }
        }
        return maternal == null || maternal.equals(surname) ? given + " " + surname : given + " " + maternal + " " + surname;
    }

    /** A bijective scramble of {@code n} in [0, 10^7): unique numbers without a set. */
    static long scramble7(long n) {
        return Math.floorMod(n * 7_919L + 1_234_567L, 10_000_000L);
    }

    private static String pad7(long v) {
        String d = Long.toString(v);
        return d.length() >= 7 ? d : "0000000".substring(d.length()) + d;
    }

    /** A unique Philippine mobile number for person number {@code n}, written the local way. */
    static String phMobile(long n) {
        // Unique while n < 10^7 (the seven digits alone are a bijection of n); the prefix varies too.
        String p = PH_MOBILE[(int) ((n * 7 + n / 10_000_000L) % PH_MOBILE.length)];
        String d = pad7(scramble7(n));
        return "0" + p + " " + d.substring(0, 3) + " " + d.substring(3);
    }

    /** A unique Nigerian mobile number for person {@code n}, written the local way ({@code 0803 123 4567}). */
    static String ngMobile(long n) {
        String p = NG_MOBILE[(int) ((n * 7 + n / 10_000_000L) % NG_MOBILE.length)];
        String d = pad7(scramble7(n));
        return p + " " + d.substring(0, 3) + " " + d.substring(3);
    }

    /** A unique Ivorian mobile number for person {@code n}, written the local way ({@code 07 01 23 45 67}). */
    static String ciMobile(long n) {
        String p = CI_MOBILE[(int) ((n * 7 + n / 10_000_000L) % CI_MOBILE.length)];
        String d = (n / 10_000_000L) % 10 + pad7(scramble7(n));
        return p + " " + d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4, 6) + " " + d.substring(6);
    }

    /** A unique address for household {@code n} in Nigeria or Côte d'Ivoire, in the local style. */
    static String westAfricaAddress(String country, long n0) {
        long n = n0 < 10_000_000L ? scramble7(n0) : n0;
        if (country.equals("CI")) {
            long lot = n % 90 + 1;
            long ilot = (n / 90) % 400 + 1;
            long rest = n / 36_000;
            String q = CI_QUARTER[(int) (rest % CI_QUARTER.length)];
            long phase = rest / CI_QUARTER.length;
            return "Lot " + lot + ", Ilot " + ilot + (phase > 0 ? ", Tranche " + (phase + 1) : "") + ", " + q;
        }
        long no = n % 200 + 1;
        long s = n / 200;
        String street = NG_STREET[(int) (s % NG_STREET.length)];
        s /= NG_STREET.length;
        String kind = NG_STREET_KIND[(int) (s % NG_STREET_KIND.length)];
        s /= NG_STREET_KIND.length;
        String area = NG_AREA[(int) (s % NG_AREA.length)];
        long phase = s / NG_AREA.length;
        return "No. " + no + " " + street + " " + kind + (phase > 0 ? ", Phase " + phase : "") + ", " + area;
    }

    /** A unique phone number for person {@code n} in a country with the given prefix. */
    static String intlPhone(String prefix, long n) {
        String d = pad7(scramble7(n));
        return prefix + " 555 " + d.substring(0, 3) + " " + d.substring(3);
    }

    /** A unique Philippine household address for household {@code n}. */
    static String phAddress(long n0, SplittableRandom r) {
        long n = n0 < 10_000_000L ? scramble7(n0) : n0;   // spread neighbours over the country, still unique
        long lot = n % 40 + 1;
        long blk = (n / 40) % 150 + 1;
        long rest = n / 6000;
        String brgy = PH_BARANGAY[(int) (rest % PH_BARANGAY.length)];
        String city = PH_CITY[(int) ((rest / PH_BARANGAY.length) % PH_CITY.length)];
        long phase = rest / (PH_BARANGAY.length * (long) PH_CITY.length);
        String style = r.nextBoolean() ? "Blk " + blk + " Lot " + lot : "Block " + blk + ", Lot " + lot;
        return style + (phase > 0 ? ", Phase " + (phase + 1) : "") + ", Brgy. " + brgy + ", " + city;
    }

    /** A unique street address for household {@code n} outside the Philippines. */
    static String streetAddress(long n0, String city) {
        long n = n0 < 10_000_000L ? scramble7(n0) : n0;
        long no = n % 300 + 1;
        long s = n / 300;
        String street = STREET[(int) (s % STREET.length)];
        long block = s / STREET.length;
        return no + (block > 0 ? "-" + block : "") + " " + street + " St, " + city;
    }
}
