package org.osecscreener.rules;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds text that looks like a file path or a URL in a rule file's string values.
 *
 * <p>Why: a rule file is data and refers to nothing outside itself, and no field of the format
 * is a path or an address. A value such as {@code ../../etc/passwd}, {@code file:///x},
 * {@code https://host/x}, {@code C:\x}, {@code ~/x} or {@code ${jndi:ldap://x}} is at best a
 * mistake and at worst bait for some downstream tool that resolves it, so the loader refuses
 * it wherever it appears, free text included. Ordinary prose is left alone: the check works on
 * whitespace-separated words, and {@code and/or}, {@code 5/month} or {@code e.g.:} are not
 * paths. Stateless and thread-safe.
 */
final class PathLike {
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:[\\\\/].*");
    private static final Pattern SCHEME_SLASH = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[/\\\\].*");
    private static final Set<String> SCHEMES = Set.of("file", "jar", "classpath", "http", "https", "ftp", "sftp",
            "smb", "jndi", "ldap", "ldaps", "rmi", "dns", "iiop", "corba", "nis", "nds", "netdoc", "gopher",
            "javascript", "vbscript");

    private PathLike() {
    }

    /**
     * The first word of {@code text} that looks like a path or URL, or {@code null}.
     */
    static String find(String text) {
        for (String raw : text.split("\\s+")) {
            String w = strip(raw);
            if (!w.isEmpty() && isPathLike(w)) {
                return raw.length() > 80 ? raw.substring(0, 80) + "..." : raw;
            }
        }
        return null;
    }

    private static boolean isPathLike(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        if (w.contains("../") || w.contains("..\\") || w.equals("..") || lower.contains("%2e%2e")) {
            return true; // a relative path climbing out of a directory
        }
        if ((w.startsWith("/") && w.length() > 1 && !w.startsWith("//")) || w.startsWith("\\\\")) {
            return true; // an absolute Unix path, a Windows share
        }
        if (w.startsWith("~/") || w.startsWith("~\\") || DRIVE.matcher(w).matches()) {
            return true; // a home directory, a Windows drive
        }
        if (w.contains("://") || w.startsWith("//") || SCHEME_SLASH.matcher(w).matches()) {
            return true; // a URL
        }
        int colon = lower.indexOf(':');
        return colon > 0 && SCHEMES.contains(lower.substring(0, colon)); // file:x, jndi:x, http:x
    }

    /** Drops quotes, brackets and a lookup's "${" around a word. */
    private static String strip(String w) {
        int from = 0;
        int to = w.length();
        while (from < to && "\"'([{<$`".indexOf(w.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && "\"')]}>,;.`".indexOf(w.charAt(to - 1)) >= 0) {
            to--;
        }
        return w.substring(from, to);
    }
}
