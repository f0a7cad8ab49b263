package org.osecscreener.tools.secondopinion;

import java.util.Locale;

import org.osecscreener.tools.secondopinion.Places.Style;

/**
 * Synthetic person names, built from syllables and short invented lists, never from lists of
 * real people. Filipino names follow the conventions the typology warns about: one or two given
 * names, the mother's maiden surname as a middle name (written in full, as an initial or left
 * out), nicknames ("Tess", "Bong", "Jun-Jun"), spelling variants ("Jhon", "Kristine",
 * "Ma." for Maria) and all-capital or "SURNAME, Given" forms. A married woman's middle name is
 * her own maiden surname, so her parents share her middle name, not her surname.
 *
 * <p>Names carry no sex, age or nationality field: a name is only text on a party.
 */
final class Names {
    private Names() {
    }

    /**
     * A person's name parts.
     *
     * @param given   one or two given names
     * @param middle  the middle name (Filipino: mother's maiden surname), or {@code null}
     * @param surname the surname (Hispanic: paternal and maternal surnames)
     * @param style   the naming style
     */
    record Name(String given, String middle, String surname, Style style) {
        /** The family name a relative would share: the first word of a Hispanic double surname. */
        String family() {
            int sp = surname.indexOf(' ');
            return style == Style.HISPANIC && sp > 0 ? surname.substring(0, sp) : surname;
        }
    }

    // ---- Filipino ----------------------------------------------------------------------------

    private static final String[] PH_GIVEN = {"Maria", "Ana", "Rosa", "Cristina", "Josephine", "Marites", "Liza", "Grace", "Joy",
            "Rhea", "Kristine", "Angelica", "Jasmine", "Lorna", "Evelyn", "Teresita", "Leonora", "Mylene", "Rowena", "Shiela",
            "Jovelyn", "Analyn", "Marivic", "Luz", "Carmela", "Precious", "Princess", "Janelle", "Rochelle", "Mary", "Lovely",
            "Jose", "Juan", "Mark", "John", "Paul", "Rodel", "Ramil", "Arnel", "Jomar", "Reynaldo", "Eduardo", "Ronaldo", "Rolando",
            "Danilo", "Christian", "Jerome", "Ryan", "Kevin", "Jayson", "Romeo", "Noel", "Rogelio", "Dennis", "Rey", "Anthony", "Michael"};
    private static final String[] PH_SECOND = {"Luisa", "Cristina", "Grace", "Joy", "Ann", "Rose", "Jane", "Mae", "Fe", "Paul", "Anthony",
            "Rey", "Carlo", "Miguel", "Antonio", "Jose", "Angelo", "Louie", "Lyn", "Bel"};
    private static final String[][] PH_NICK = {{"Teresita", "Tess"}, {"Josephine", "Jo"}, {"Rowena", "Weng"}, {"Rodel", "Dodong"},
            {"Reynaldo", "Rey"}, {"Eduardo", "Edong"}, {"Ronaldo", "Bong"}, {"Rolando", "Lando"}, {"Danilo", "Danny"}, {"Marivic", "Vic"},
            {"Leonora", "Nora"}, {"Analyn", "Lyn"}, {"Jovelyn", "Jov"}, {"Rogelio", "Roger"}, {"Cristina", "Tina"}, {"Jomar", "Jom"}};
    private static final String[][] PH_SPELLING = {{"John", "Jhon"}, {"Kristine", "Christine"}, {"Cristina", "Kristina"},
            {"Jayson", "Jaysen"}, {"Shiela", "Sheila"}, {"Jomar", "Jhomar"}, {"Jovelyn", "Jovilyn"}, {"Rhea", "Ria"},
            {"Mylene", "Mylen"}, {"Rochelle", "Rochel"}, {"Janelle", "Jannel"}, {"Michael", "Micheal"}, {"Jasmine", "Jazmin"}};
    private static final String[] PH_S1 = {"Ba", "Ca", "Da", "Ga", "Ma", "Pa", "Sa", "Ta", "La", "Na", "Bu", "Cu", "Du", "Lu", "Mu", "Pu",
            "Tu", "Di", "Li", "Si", "Ti", "Ag", "Al", "Am", "An", "Ar", "Bal", "Ban", "Cal", "Dag", "Dal", "Gal", "Lab", "Mag", "Mal",
            "Man", "Pag", "Pan", "Sal", "Tab", "Tam", "Tan", "Ya", "Bi", "Gu"};
    private static final String[] PH_S2 = {"ba", "ca", "da", "ga", "la", "ma", "na", "pa", "ra", "sa", "ta", "ya", "li", "lo", "nu",
            "go", "bi", "ngu", "ti", "hi", "bu", "ku", "mi"};
    private static final String[] PH_S3 = {"nao", "tan", "ngan", "wag", "yon", "bas", "bat", "git", "lan", "nog", "pit", "dog", "ras",
            "yao", "hay", "ong", "ay", "ig", "og", "on", "an", "in", "uy", "ul", "ag", "ao", "co", "to", "do", "lo", "sing", "bay"};
    private static final String[] ES_ROOT = {"Val", "Mont", "Ros", "Cast", "Fern", "Gal", "Torr", "Ben", "Sol", "Mir", "Nav", "Quint",
            "Ver", "Alv", "Esp", "Bel", "Cab", "Ped", "Riv", "Sarm", "Vill", "Yb", "Lor", "Mend", "Paj", "Sev", "Ocamp", "Marq"};
    private static final String[] ES_END = {"ez", "ado", "ino", "era", "ana", "illo", "oza", "ales", "ejo", "ite", "uela", "anes",
            "aro", "ente", "osa", "ares", "iño", "eña"};

    static String filipinoSurname(Rng r) {
        if (r.chance(0.3)) {
            String s = r.pick(ES_ROOT) + r.pick(ES_END);
            return r.chance(0.08) ? "Dela " + s : s;
        }
        return r.pick(PH_S1) + (r.chance(0.6) ? r.pick(PH_S2) : "") + r.pick(PH_S3);
    }

    static Name filipino(Rng r) {
        return filipino(r, filipinoSurname(r));
    }

    static Name filipino(Rng r, String surname) {
        String given = r.pick(PH_GIVEN);
        if (r.chance(0.55)) {
            String second = r.pick(PH_SECOND);
            if (!second.equals(given)) {
                given = given + " " + second;
            }
        }
        return new Name(given, filipinoSurname(r), surname, Style.FILIPINO);
    }

    /** A Filipino name whose middle name is {@code middle} (the child of a mother born {@code middle}). */
    static Name filipino(Rng r, String surname, String middle) {
        Name n = filipino(r, surname);
        return new Name(n.given(), middle, surname, Style.FILIPINO);
    }

    // ---- Other styles --------------------------------------------------------------------------

    private static final String[] W_GIVEN = {"Arlen", "Brennic", "Calder", "Dace", "Elric", "Fenn", "Garrick", "Halden", "Ivo", "Jaren",
            "Kell", "Loran", "Marek", "Niall", "Orrin", "Perrin", "Quill", "Rowan", "Soren", "Tobin", "Ulric", "Vance", "Wyatt", "Yorick",
            "Adela", "Brielle", "Cora", "Delia", "Elsa", "Freya", "Greta", "Hana", "Ilse", "Jora", "Kaia", "Lise", "Mira", "Nora",
            "Odile", "Petra", "Rina", "Sela", "Tilde", "Una", "Vera", "Wren", "Yara", "Dale", "Glen", "Bram", "Ciaran", "Emrys"};
    private static final String[] W_ROOT = {"Har", "Ash", "Brom", "Cal", "Dun", "Ell", "Fair", "Gil", "Hol", "Kent", "Lind", "Mar", "Nor",
            "Pem", "Ross", "Stan", "Thorn", "Wal", "Whit", "Wick", "Brad", "Cran", "Elm", "Farn", "Hart", "Lang", "Oak", "Rad", "Shel", "Tal"};
    private static final String[] W_END = {"ford", "ley", "ton", "wood", "by", "well", "more", "ridge", "stead", "ham", "croft", "wick",
            "field", "son", "er", "den", "low", "worth", "combe"};
    private static final String[] HS_GIVEN = {"Luis", "Carlos", "Alejandro", "Yesenia", "Mariela", "Daniela", "Jorge", "Andres", "Camila",
            "Valentina", "Diego", "Wilmer", "Yuliana", "Esteban", "Rosaura", "Nelson", "Yaneth", "Fredy", "Lucia", "Ramon"};
    private static final String[] WA_GIVEN = {"Chinedu", "Emeka", "Kwame", "Kofi", "Ama", "Adaeze", "Tunde", "Yaw", "Seun", "Ife", "Koffi",
            "Aya", "Moussa", "Efua", "Kelechi", "Abena", "Segun", "Awa", "Ibrahim", "Nneka", "Fatou", "Yao"};
    private static final String[] WA_ROOT = {"O", "A", "E", "Ade", "Oke", "Nwa", "Chi", "Ama", "Ko", "Ba", "Kou", "Ya", "Ose", "Ola", "Di", "Tra"};
    private static final String[] WA_END = {"kafor", "bayo", "nkwo", "femi", "ttara", "dou", "fosu", "boah", "lade", "chukwu", "kolo",
            "wusu", "mah", "sah", "kue", "gbe", "mide", "nye", "ore", "ore"};
    private static final String[] SA_GIVEN = {"Ravi", "Anil", "Priya", "Sunita", "Deepak", "Kavya", "Arjun", "Meena", "Suresh", "Lakshmi",
            "Vikram", "Pooja", "Rahul", "Nisha", "Imran", "Farah", "Sanjay", "Anjali"};
    private static final String[] SA_ROOT = {"Ra", "Kri", "Shar", "Ve", "Na", "Pa", "Su", "Ba", "Deva", "Mu", "Chan", "Go", "Ha", "Ka", "Tha"};
    private static final String[] SA_END = {"jan", "shnan", "rma", "thy", "yar", "dra", "ndran", "lkar", "pta", "vedi", "nath", "ppan", "reddy", "war"};
    private static final String[] TH_GIVEN = {"Somchai", "Malee", "Niran", "Kanya", "Sakda", "Ratana", "Wichai", "Pim", "Anong", "Chai",
            "Suda", "Prasert", "Nok", "Arun"};
    private static final String[] TH_S = {"Sri", "Won", "Chai", "Kaew", "Boon", "Suk", "Thong", "Rat", "Sang", "Phan", "Jai", "Pra", "Mee"};
    private static final String[] TH_END = {"wong", "sak", "porn", "chai", "kul", "siri", "rat", "thong", "sawat", "ngam"};
    private static final String[] VN_FAMILY = {"Tran", "Le", "Pham", "Hoang", "Vo", "Dang", "Bui", "Do", "Ngo", "Duong", "Huynh", "Phan"};
    private static final String[] VN_MIDDLE = {"Van", "Thi", "Minh", "Ngoc", "Duc", "Thanh", "Huu"};
    private static final String[] VN_GIVEN = {"An", "Binh", "Chi", "Dung", "Hai", "Lan", "Mai", "Nam", "Phuong", "Quan", "Thao", "Tuan",
            "Hoa", "Khanh", "Linh", "Son"};
    private static final String[] MY_GIVEN = {"Budi", "Siti", "Agus", "Dewi", "Rina", "Wahyu", "Putri", "Hendra", "Nur", "Aisyah",
            "Farid", "Indah", "Rizal", "Ayu", "Hafiz"};
    private static final String[] MY_ROOT = {"Sur", "Wi", "Har", "Pra", "Set", "Kus", "Sap", "Mul", "Rah", "Ism", "Yus", "Had"};
    private static final String[] MY_END = {"yanto", "anto", "wati", "di", "tono", "man", "mah", "ono", "iah", "ari"};
    private static final String[] EE_GIVEN = {"Ion", "Andrei", "Elena", "Ioana", "Mihai", "Olena", "Taras", "Iryna", "Dmytro", "Oksana",
            "Vasile", "Mariana", "Bogdan", "Halyna", "Piotr", "Agata", "Arben", "Teuta"};
    private static final String[] EE_ROOT = {"Pop", "Ion", "Dum", "Stoi", "Mar", "Kov", "Shev", "Bond", "Tkach", "Mel", "Rad", "Pet",
            "Lis", "Hor", "Nowak", "Krav"};
    private static final String[] EE_END = {"escu", "eanu", "enko", "chuk", "uk", "ovych", "an", "ache", "ciuc", "ski", "icz", "aj"};
    private static final String[] AR_GIVEN = {"Omar", "Khalid", "Fatima", "Aisha", "Yousef", "Huda", "Saeed", "Noura", "Hamad", "Layla",
            "Tariq", "Mariam", "Karim", "Salma"};
    private static final String[] AR_ROOT = {"Harb", "Qahtan", "Mansour", "Saleh", "Zahr", "Otaib", "Shamr", "Falah", "Rash", "Nu'aim",
            "Hadd", "Suwaid"};
    private static final String[] JP_GIVEN = {"Haruto", "Yui", "Sota", "Aoi", "Ren", "Mei", "Kaito", "Hina", "Riku", "Sakura", "Daiki", "Nanami"};
    private static final String[] JP_S = {"Ta", "Ka", "Mi", "Yo", "Su", "Na", "Ha", "Ko", "Ma", "Fu", "Ishi", "Ao", "Ki"};
    private static final String[] JP_END = {"naka", "mura", "kawa", "moto", "yama", "shita", "hara", "zaki", "da", "no", "gawa", "saki"};
    private static final String[] KR_FAMILY = {"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Yoon", "Han", "Seo", "Shin"};
    private static final String[] KR_S = {"Min", "Ji", "Seo", "Hyun", "Woo", "Jin", "Yeon", "Su", "Hye", "Jun", "Eun", "Ho"};
    private static final String[] CN_FAMILY = {"Chan", "Wong", "Lee", "Tan", "Lim", "Ng", "Lau", "Cheung", "Ho", "Chua", "Goh", "Teo"};
    private static final String[] CN_S = {"Wai", "Man", "Siu", "Ling", "Kar", "Ming", "Hui", "Mei", "Kok", "Seng", "Boon", "Yee", "Chun"};

    static String surname(Rng r, Style s) {
        return switch (s) {
            case FILIPINO -> filipinoSurname(r);
            case WESTERN -> r.pick(W_ROOT) + r.pick(W_END);
            case HISPANIC -> r.pick(ES_ROOT) + r.pick(ES_END) + " " + r.pick(ES_ROOT) + r.pick(ES_END);
            case WEST_AFRICAN -> r.pick(WA_ROOT) + r.pick(WA_END);
            case SOUTH_ASIAN -> r.pick(SA_ROOT) + r.pick(SA_END);
            case THAI -> r.pick(TH_S) + r.pick(TH_S).toLowerCase(Locale.ROOT) + r.pick(TH_END);
            case VIETNAMESE -> r.pick(VN_FAMILY);
            case MALAY -> r.pick(MY_ROOT) + r.pick(MY_END);
            case EAST_EUROPEAN -> r.pick(EE_ROOT) + r.pick(EE_END);
            case ARABIC -> "Al " + r.pick(AR_ROOT) + (r.chance(0.6) ? "i" : "");
            case JAPANESE -> r.pick(JP_S) + r.pick(JP_END);
            case KOREAN -> r.pick(KR_FAMILY);
            case CHINESE -> r.pick(CN_FAMILY);
        };
    }

    /** A name in the given style with a fresh surname. */
    static Name of(Rng r, Style s) {
        return withSurname(r, s, surname(r, s));
    }

    /** A name in the given style sharing {@code surname} (a relative). */
    static Name withSurname(Rng r, Style s, String surname) {
        return switch (s) {
            case FILIPINO -> filipino(r, surname);
            case WESTERN -> new Name(r.pick(W_GIVEN), r.chance(0.15) ? r.pick(W_GIVEN).substring(0, 1) + "." : null, surname, s);
            case HISPANIC -> new Name(r.pick(HS_GIVEN), null, surname.indexOf(' ') > 0 ? surname
                    : surname + " " + r.pick(ES_ROOT) + r.pick(ES_END), s);
            case WEST_AFRICAN -> new Name(r.pick(WA_GIVEN), null, surname, s);
            case SOUTH_ASIAN -> new Name(r.pick(SA_GIVEN), null, surname, s);
            case THAI -> new Name(r.pick(TH_GIVEN), null, surname, s);
            case VIETNAMESE -> new Name(r.pick(VN_GIVEN), r.pick(VN_MIDDLE), surname, s);
            case MALAY -> new Name(r.pick(MY_GIVEN), null, surname, s);
            case EAST_EUROPEAN -> new Name(r.pick(EE_GIVEN), null, surname, s);
            case ARABIC -> new Name(r.pick(AR_GIVEN), null, surname, s);
            case JAPANESE -> new Name(r.pick(JP_GIVEN), null, surname, s);
            case KOREAN -> new Name(r.pick(KR_S) + "-" + r.pick(KR_S).toLowerCase(Locale.ROOT), null, surname, s);
            case CHINESE -> new Name(r.pick(CN_S) + " " + r.pick(CN_S), null, surname, s);
        };
    }

    // ---- Writing a name ------------------------------------------------------------------------

    /** The name as a source system would hold it: one of the written forms, fixed per party by the caller. */
    static String written(Rng r, Name n) {
        String text;
        switch (n.style()) {
            case FILIPINO -> {
                String given = n.given();
                if (given.startsWith("Maria ") && r.chance(0.5)) {
                    given = "Ma. " + given.substring(6);
                }
                double x = r.unit();
                if (x < 0.35) {
                    text = given + " " + n.middle() + " " + n.surname();
                } else if (x < 0.62) {
                    text = given + " " + n.middle().charAt(0) + ". " + n.surname();
                } else if (x < 0.80) {
                    text = firstWord(given) + " " + n.surname();
                } else {
                    text = given + " " + n.surname();
                }
                if (r.chance(0.04)) {
                    return plainEnye(r, n.surname() + ", " + given + " " + n.middle().charAt(0) + ".").toUpperCase(Locale.ROOT);
                }
            }
            case KOREAN, CHINESE, VIETNAMESE -> text = n.surname() + (n.middle() != null ? " " + n.middle() : "") + " " + n.given();
            default -> text = n.given() + (n.middle() != null ? " " + n.middle() : "") + " " + n.surname();
        }
        text = plainEnye(r, text);
        return r.chance(0.08) ? text.toUpperCase(Locale.ROOT) : text;
    }

    /** Many systems drop the tilde: "Peña" is written "Pena" three times in five. */
    static String plainEnye(Rng r, String s) {
        return s.indexOf('ñ') >= 0 && r.chance(0.6) ? s.replace('ñ', 'n') : s;
    }

    /**
     * Another written form of the same person: a nickname, a spelling variant, a dropped or
     * abbreviated middle name. What a facilitator gives a second customer, or what a relative types.
     */
    static String variant(Rng r, Name n) {
        if (n.style() != Style.FILIPINO) {
            return r.chance(0.5) ? n.given() + " " + n.surname() : n.given().charAt(0) + ". " + n.surname();
        }
        String first = firstWord(n.given());
        for (String[] nick : PH_NICK) {
            if (nick[0].equals(first) && r.chance(0.6)) {
                return nick[1] + " " + n.surname();
            }
        }
        for (String[] sp : PH_SPELLING) {
            if (sp[0].equals(first)) {
                return sp[1] + n.given().substring(first.length()) + " " + n.middle().charAt(0) + ". " + n.surname();
            }
        }
        if (first.equals("Maria")) {
            return "Ma." + n.given().substring(5) + " " + n.surname();
        }
        return r.chance(0.5) ? n.given() + " " + n.middle() + " " + n.surname()
                : first + " " + n.middle().charAt(0) + ". " + n.surname();
    }

    static String firstWord(String s) {
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }

    /** Letters only, lower case, ASCII: for e-mail local parts and handles. */
    static String ascii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                sb.append(c);
            } else if (c == 'ñ') {
                sb.append('n');
            }
        }
        return sb.toString();
    }
}
