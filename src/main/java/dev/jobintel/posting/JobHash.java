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
        // "The Home Depot" on one board is "Home Depot" on another.
        return md5Hex(Normalizer.withoutArticle(Normalizer.employer(company)) + "|" + t + "|" + place);
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
