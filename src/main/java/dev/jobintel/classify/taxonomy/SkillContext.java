package dev.jobintel.classify.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words next to a skill's name that make it something else: "our leadership team" is a group of
 * people, "Express Scripts" a pharmacy company, "in line with the GDPR" a privacy notice's
 * boilerplate, "DSP and SSP platforms" ad tech. Each phrase is a sequence of lower-case tokens
 * that must stand right before ({@code notPrecededBy}) or right after ({@code notFollowedBy}) the
 * name, with no punctuation between. Checked only where a name matched, so it costs nothing per
 * token of a description.
 */
record SkillContext(List<List<String>> notPrecededBy, List<List<String>> notFollowedBy) {

    static final SkillContext NONE = new SkillContext(List.of(), List.of());

    static SkillContext of(List<String> notPrecededBy, List<String> notFollowedBy) {
        if (notPrecededBy.isEmpty() && notFollowedBy.isEmpty()) {
            return NONE;
        }
        return new SkillContext(tokens(notPrecededBy), tokens(notFollowedBy));
    }

    private static List<List<String>> tokens(List<String> phrases) {
        List<List<String>> out = new ArrayList<>();
        for (String p : phrases) {
            out.add(List.copyOf(SkillTokens.of(p).lowerTokens()));
        }
        return List.copyOf(out);
    }

    /** Whether the name at tokens [{@code start}, {@code end}) stands in one of the phrases that rule it out. */
    boolean rulesOut(SkillTokens t, int start, int end) {
        for (List<String> p : notPrecededBy) {
            if (precededBy(t, start, p)) {
                return true;
            }
        }
        for (List<String> p : notFollowedBy) {
            if (followedBy(t, end, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean precededBy(SkillTokens t, int start, List<String> phrase) {
        int from = start - phrase.size();
        if (from < 0) {
            return false;
        }
        for (int k = 0; k < phrase.size(); k++) {
            if (t.breakBefore(from + k + 1) || !t.is(from + k, phrase.get(k), false)) {
                return false;
            }
        }
        return true;
    }

    private static boolean followedBy(SkillTokens t, int end, List<String> phrase) {
        if (end + phrase.size() > t.size()) {
            return false;
        }
        for (int k = 0; k < phrase.size(); k++) {
            if (t.breakBefore(end + k) || !t.is(end + k, phrase.get(k), false)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Words that, before "by", introduce the names of customers or investors: "trusted by", "used by".
     * Not "backed by", which as often names a service's database ("backed by PostgreSQL and Kafka").
     */
    private static final Set<String> BEFORE_BY = Set.of("trusted", "used", "loved", "funded", "chosen");
    /**
     * Words that, before "include", "including" or "like", introduce customers or partners; "companies (including
     * OpenAI, Coinbase, and Ramp)" are the users of the employer's product.
     */
    private static final Set<String> WHO = Set.of("customers", "clients", "partners", "investors", "brands",
            "companies", "organizations", "organisations");
    /**
     * A word and the one before it that introduce the team's former employers or the company's partners:
     * "worked at OpenAI", "engineers from Stripe", "partner with OpenAI".
     */
    private static final Map<String, Set<String>> EMPLOYERS_AFTER = Map.of(
            "at", Set.of("worked", "work", "working", "previously", "formerly"),
            "from", Set.of("engineers", "alumni", "founders", "people", "veterans", "researchers", "leaders", "folks"),
            "with", Set.of("partner", "partners", "partnered", "partnering", "partnership", "partnerships"));
    /** How far back a list's introduction is looked for. */
    private static final int LIST_REACH = 12;

    /**
     * Whether the name at {@code i} is one in a list of customers, backers or values rather than
     * a tool: "trusted by OpenAI, PayPal and Stripe", "customers include Shopify", "companies (including
     * OpenAI)", "previously worked at OpenAI, DeepMind", "engineers from Stripe", "partner with OpenAI", "Our values:
     * Unity, Courage". Between the introduction and the name there are only other capitalised
     * names and "and"/"or" (at most a dozen tokens back), so "tools used by our engineers: Python" stays a list of tools.
     */
    static boolean inListOfNames(SkillTokens t, int i) {
        // Most names follow a lower-case word that is none of these: one look and no allocation.
        for (int j = i - 1; j >= 0 && j >= i - LIST_REACH; j--) {
            if (t.sentenceBreakBefore(j + 1)) {
                return false; // "Trusted by Stripe. Python is our language."
            }
            if (t.is(j, "values", false)) {
                return j == i - 1 && t.breakBefore(i);
            }
            if (t.is(j, "by", false)) {
                return j > 0 && !t.breakBefore(j) && BEFORE_BY.contains(t.lower(j - 1));
            }
            if (t.is(j, "include", false) || t.is(j, "includes", false) || t.is(j, "including", false)
                    || t.is(j, "like", false)) {
                return j > 0 && (!t.breakBefore(j) || t.openingBracketBefore(j)) && WHO.contains(t.lower(j - 1));
            }
            for (Map.Entry<String, Set<String>> e : EMPLOYERS_AFTER.entrySet()) {
                if (t.is(j, e.getKey(), false)) {
                    return j > 0 && !t.breakBefore(j) && e.getValue().contains(t.lower(j - 1));
                }
            }
            if (!t.is(j, "and", false) && !t.is(j, "or", false) && !Character.isUpperCase(t.firstChar(j))) {
                return false;
            }
        }
        return false;
    }
}
