package dev.jobintel.posting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a job across sources and re-posts: hex MD5 of
 * {@code employer | title | place}, each normalised. The place is decided by the
 * {@link dev.jobintel.posting.location.LocationResolver}, never by a classifier, and an
 * unresolvable place never collapses distinct jobs (incident 3).
 */
public final class JobHash {

    private JobHash() {
    }

    /**
     * @param place the resolved place key from {@link #placeKey}
     */
    public static String of(String company, String title, String place) {
        String t = Normalizer.title(title);
        t = levelFirst(place.startsWith("remote") ? withoutRemote(t) : t);
        t = levelDigits(t);
        return md5Hex(employer(company) + "|" + t + "|" + place);
    }

    /**
     * The employer as job identity knows it: "The Home Depot" on one board is "Home Depot" on another, and
     * "Acme sp. z o.o." is "ACME Inc.". Reports that count employers group by it too.
     */
    public static String employer(String company) {
        return Normalizer.withoutArticle(Normalizer.withoutLegalForm(Normalizer.employer(company)));
    }

    /**
     * A normalised title with a level written after it first: "Software Engineer, Senior", as some
     * boards order it, is "Senior Software Engineer" (not "semi senior", a mid level, nor a level said twice).
     */
    static String levelFirst(String title) {
        String level = title.endsWith(" senior") ? "senior" : title.endsWith(" junior") ? "junior" : null;
        if (level == null) {
            return title;
        }
        String rest = title.substring(0, title.length() - level.length() - 1);
        if (rest.endsWith(" semi") || rest.equals("semi") || rest.startsWith("senior ") || rest.startsWith("junior ")
                || rest.equals("senior") || rest.equals("junior")) {
            return title;
        }
        return level + " " + rest;
    }

    /**
     * A normalised title with its level in roman numerals written in digits: "Software Engineer II" on
     * one board is "Software Engineer 2" on another. Identity only: the classifier's title rules read
     * the numerals as written. "i" and "v" count only after the first word and not before a single
     * letter ("I.T.", "V.P.").
     */
    static String levelDigits(String title) {
        StringBuilder out = null;
        int n = title.length();
        int start = 0;
        while (start < n) {
            int end = title.indexOf(' ', start);
            if (end < 0) {
                end = n;
            }
            String digit = romanLevel(title, start, end, n);
            if (digit != null) {
                if (out == null) {
                    out = new StringBuilder(n).append(title, 0, start);
                }
                out.append(digit);
            } else if (out != null) {
                out.append(title, start, end);
            }
            if (out != null && end < n) {
                out.append(' ');
            }
            start = end + 1;
        }
        return out == null ? title : out.toString();
    }

    private static String romanLevel(String t, int start, int end, int n) {
        int len = end - start;
        if (len == 0 || len > 3 || (t.charAt(start) != 'i' && t.charAt(start) != 'v')) {
            return null;
        }
        if (len == 1) {
            // Not the first word, and not before a single letter ("i t" is I.T., "v p" V.P.).
            boolean letterNext = end + 2 == n || (end + 2 < n && t.charAt(end + 2) == ' ');
            if (start == 0 || letterNext) {
                return null;
            }
            return t.charAt(start) == 'i' ? "1" : "5";
        }
        if (t.startsWith("iii", start) && len == 3) {
            return "3";
        }
        if (len == 2 && t.startsWith("ii", start)) {
            return "2";
        }
        if (len == 2 && t.startsWith("iv", start)) {
            return "4";
        }
        return null;
    }

    /**
     * A remote job's normalised title without the "Remote" its place already says ("Senior Backend
     * Engineer - Remote", "(100% Remote)", "Remote Senior Backend Engineer").
     */
    static String withoutRemote(String title) {
        String t = title;
        if (t.endsWith(" remote")) {
            t = t.substring(0, t.length() - 7);
            for (String qualifier : new String[] {" fully", " 100"}) {
                if (t.endsWith(qualifier)) {
                    t = t.substring(0, t.length() - qualifier.length());
                }
            }
        } else if (t.startsWith("remote ")) {
            t = t.substring(7);
        }
        return t;
    }

    /**
     * The place part of the hash: the resolved place ("lon", "remote-us") when there is one; else
     * the normalised location text; else the posting's own raw identity, so two postings with no
     * location are two jobs.
     */
    public static String placeKey(String resolvedPlace, String locationText, String rawIdentity) {
        if (resolvedPlace != null && !resolvedPlace.isEmpty()) {
            return resolvedPlace;
        }
        String text = Normalizer.basic(locationText);
        if (!text.isEmpty()) {
            return "text:" + text;
        }
        return "id:" + rawIdentity;
    }

    public static String md5Hex(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the Java platform", e);
        }
    }
}
