package dev.jobintel.classify.taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The skills dictionary: canonical names with families and aliases, found in text as whole
 * token sequences. Names that are ordinary words ("Go", "R", "Swift", "Excel") match only with
 * their exact case. One pass over the tokens with a first-token index keeps matching linear in
 * the length of the text.
 */
public final class SkillDictionary {

    /** A canonical skill. */
    public record Skill(String name, String family) {
    }

    private record Form(List<String> tokens, boolean exactCase, Skill skill, SkillContext context) {
    }

    public static final int MAX_TOKENS = 4;

    private final Map<String, Skill> byKey = new HashMap<>();
    private final Map<Long, List<Form>> byFirstToken = new HashMap<>();
    private final List<Skill> all = new ArrayList<>();
    /** byFirstToken as open addressing over primitive keys, built on first use: a description has hundreds of tokens. */
    private volatile FirstTokenIndex index;

    /** Forms by the hash of their first token, without boxing a Long per token looked up. */
    private static final class FirstTokenIndex {
        private final long[] keys;
        private final boolean[] used;
        private final Form[][] forms;
        private final int mask;

        FirstTokenIndex(Map<Long, List<Form>> byHash) {
            int capacity = Integer.highestOneBit(Math.max(16, byHash.size() * 2)) << 1;
            keys = new long[capacity];
            used = new boolean[capacity];
            forms = new Form[capacity][];
            mask = capacity - 1;
            byHash.forEach((h, list) -> {
                int slot = slot(h);
                while (used[slot]) {
                    slot = (slot + 1) & mask;
                }
                used[slot] = true;
                keys[slot] = h;
                // Longest first (stable: equal lengths keep their order), so the first form that
                // matches is the longest, as the scan wants, and the rest need no look.
                List<Form> sorted = new java.util.ArrayList<>(list);
                sorted.sort(java.util.Comparator.comparingInt((Form f) -> f.tokens().size()).reversed());
                forms[slot] = sorted.toArray(Form[]::new);
            });
        }

        private int slot(long h) {
            return (int) (h ^ (h >>> 32)) * 0x9E3779B9 >>> 1 & mask;
        }

        Form[] get(long h) {
            for (int slot = slot(h); used[slot]; slot = (slot + 1) & mask) {
                if (keys[slot] == h) {
                    return forms[slot];
                }
            }
            return null;
        }
    }

    private FirstTokenIndex index() {
        FirstTokenIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = new FirstTokenIndex(byFirstToken);
                    index = i;
                }
            }
        }
        return i;
    }

    SkillDictionary() {
    }

    /** Adds a skill; returns the skill already holding one of its forms, else null. */
    Skill add(String name, String family, List<String> aliases, boolean caseSensitive) {
        return add(name, family, aliases, caseSensitive, SkillContext.NONE);
    }

    /** Adds a skill whose forms do not count in the phrases {@code context} lists. */
    Skill add(String name, String family, List<String> aliases, boolean caseSensitive, SkillContext context) {
        return add(name, family, aliases, caseSensitive, context, List.of());
    }

    /**
     * Adds a skill as above, also named by {@code listedAs} as an item of a list of skills ({@link #lookup}), but
     * never found by those names in prose ({@link #find}), where they are ordinary words ("node").
     */
    Skill add(String name, String family, List<String> aliases, boolean caseSensitive, SkillContext context,
              List<String> listedAs) {
        Skill skill = new Skill(name, family);
        all.add(skill);
        Skill clash = addForm(name, caseSensitive, skill, context);
        for (String alias : aliases) {
            Skill c = addForm(alias, false, skill, context);
            if (clash == null) {
                clash = c;
            }
        }
        for (String listed : listedAs) {
            Skill prev = byKey.putIfAbsent(String.join(" ", SkillTokens.of(listed).lowerTokens()), skill);
            if (clash == null && prev != null && prev != skill) {
                clash = prev;
            }
        }
        return clash;
    }

    private Skill addForm(String text, boolean exactCase, Skill skill, SkillContext context) {
        SkillTokens t = SkillTokens.of(text);
        if (t.size() == 0) {
            return null;
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            tokens.add(exactCase ? t.original(i) : t.lower(i));
        }
        String key = String.join(" ", t.lowerTokens());
        Skill prev = byKey.putIfAbsent(key, skill);
        byFirstToken.computeIfAbsent(t.hash(0), k -> new ArrayList<>(1)).add(new Form(tokens, exactCase, skill, context));
        index = null;
        return prev != null && prev != skill ? prev : null;
    }

    /** Token count of a name or alias, for validation. */
    static int tokenCount(String text) {
        return SkillTokens.of(text).size();
    }

    public List<Skill> all() {
        return List.copyOf(all);
    }

    public int size() {
        return all.size();
    }

    /** The canonical skill a free-text name means (any case, any alias), if known. */
    public Optional<Skill> lookup(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKey.get(String.join(" ", SkillTokens.of(text).lowerTokens())));
    }

    /**
     * Every skill mentioned in the texts, in order of first mention. A name that is also an
     * English verb, where it opens a sentence as that verb ("Make sure to apply", "Express your
     * interest", "Go beyond"), or a person's name, where a person is introduced ("Julia, our
     * CTO"), is not a mention of the skill; any other mention is ("Go is our language", the title
     * "Go Engineer").
     */
    public Set<Skill> find(String... texts) {
        Set<Skill> found = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null && !text.isEmpty()) {
                scan(SkillTokens.of(text), found);
            }
        }
        return found;
    }

    private void scan(SkillTokens t, Set<Skill> found) {
        FirstTokenIndex byFirst = index();
        int n = t.size();
        int i = 0;
        while (i < n) {
            Form[] forms = byFirst.get(t.hash(i));
            int advance = 1;
            if (forms != null) {
                for (Form f : forms) {
                    if (matches(f, t, i)) {
                        int end = i + f.tokens().size();
                        boolean word = f.exactCase() && f.tokens().size() == 1
                                && (t.opensSentence(i) && !namedAsTool(t, i, byFirst) || t.namesAPerson(i)
                                || partOfAName(t, i) || inListOfLetters(t, i, byFirst) || surname(t, i, byFirst)
                                || t.namesAPlace(i));
                        // "our leadership team", "trusted by OpenAI, PayPal": the name, not the skill.
                        boolean elsewise = word || f.context().rulesOut(t, i, end) || SkillContext.inListOfNames(t, i);
                        if (!elsewise) {
                            found.add(f.skill());
                        }
                        advance = f.tokens().size();
                        break;
                    }
                }
            }
            i += advance;
        }
    }

    /**
     * Words that, after a sentence's first word, show it names a tool: "Swift is our language",
     * "Spark jobs run nightly", "Excel skills", "Unity developers". Ordinary words capitalised
     * by their place are followed by anything else: "Spark joy", "Excel in a fast-paced team",
     * "Lean teams", "Swift decisions", "Make sure", "Go beyond".
     */
    private static final Set<String> TOOL_FOLLOWERS = Set.of("is", "are", "was", "were", "has", "have", "had", "will",
            "would", "can", "could", "should", "must", "may", "runs", "powers", "experience", "expertise", "knowledge",
            "skills", "skill", "proficiency", "background", "certification", "certified", "developer", "developers",
            "development", "engineer", "engineers", "engineering", "programming", "programmer", "programmers", "code",
            "codebase", "codebases", "application", "applications", "app", "apps", "service", "services", "stack",
            "ecosystem", "framework", "frameworks", "library", "libraries", "platform", "pipeline", "pipelines",
            "cluster", "clusters", "job", "jobs", "queries", "scripts", "scripting", "tests", "testing", "targets",
            "charts", "recipes", "cookbooks", "manifests", "playbooks", "dashboards", "workflows", "dags", "plugins",
            "modules", "packages", "components", "builds", "streaming", "models", "methodology", "methodologies",
            "principles", "practices", "expert", "experts", "specialist", "specialists", "admin", "administration",
            "administrator", "consultant", "architect");

    /**
     * Whether a capitalised name opening a sentence names the tool: it stands alone (the end of
     * the text, of a list item, or punctuation follows), a version or another skill follows it
     * ("Swift 5", "Swift iOS Engineer", "Spark and Kafka"), or a word of {@link #TOOL_FOLLOWERS}.
     * A name that opens its sentence as an ordinary word still counts where it is named again.
     */
    private boolean namedAsTool(SkillTokens t, int i, FirstTokenIndex byFirst) {
        int next = i + 1;
        if (next >= t.size() || t.breakBefore(next) || t.isNumber(next) || TOOL_FOLLOWERS.contains(t.lower(next))) {
            return true;
        }
        String word = t.lower(next);
        if ((word.equals("and") || word.equals("or")) && next + 1 < t.size()
                && !t.breakBefore(next + 1)) {
            next++;
        }
        Form[] forms = byFirst.get(t.hash(next));
        if (forms != null) {
            for (Form f : forms) {
                if (matches(f, t, next)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether an ambiguous name is a person's surname: it follows a capitalised first name in the
     * middle of a sentence ("Contact Maria Jenkins in our Talent team"), one that is neither a
     * skill nor a word of a role ("DevOps Engineer Jenkins"), and no word of a tool follows it.
     */
    private boolean surname(SkillTokens t, int i, FirstTokenIndex byFirst) {
        int prev = i - 1;
        if (prev < 0 || t.breakBefore(i) || t.opensSentence(prev)) {
            return false;
        }
        if (!Character.isUpperCase(t.firstChar(prev))) {
            return false; // most names follow a lower-case word: no allocation for them
        }
        String first = t.original(prev);
        if (first.length() < 2 || !Character.isLowerCase(first.charAt(1))
                || TOOL_FOLLOWERS.contains(t.lower(prev)) || byFirst.get(t.hash(prev)) != null) {
            return false;
        }
        int next = i + 1;
        return next >= t.size() || t.breakBefore(next) || !TOOL_FOLLOWERS.contains(t.lower(next));
    }

    /** Words after which a single letter is a label, not a language: "Series C", "Vitamin C", "Plan B", "Salary band C". */
    private static final Set<String> LABELLED_BY = Set.of("series", "round", "vitamin", "grade", "class", "tier",
            "type", "phase", "part", "level", "section", "category", "option", "plan", "appendix", "exhibit",
            "schedule", "model", "band", "step", "zone", "wave", "block", "group", "shift", "grades", "levels",
            "bands", "tiers", "types", "options", "plans", "classes", "hall", "wing", "gate", "terminal",
            "room", "suite", "lot", "hepatitis");

    /** Words joining the letters of a list of labels: "A, B or C", "A to C", "B and C". */
    private static final Set<String> LETTER_JOINS = Set.of("or", "and", "to", "through", "thru");

    /**
     * Whether a one-letter name stands in a list of letters that name no skill: "Plan A, B or C", "grades A to C",
     * "A/B/C", "C or D". Beside another one-letter skill ("C and R") it is still a language.
     */
    private boolean inListOfLetters(SkillTokens t, int i, FirstTokenIndex byFirst) {
        if (t.original(i).length() != 1) {
            return false;
        }
        return labelLetter(t, listNeighbour(t, i, -1), byFirst) || labelLetter(t, listNeighbour(t, i, 1), byFirst);
    }

    /** The token before ({@code step} -1) or after (+1) token {@code i} in a list, past a comma or a joining word; or -1. */
    private static int listNeighbour(SkillTokens t, int i, int step) {
        int j = i + step;
        if (j < 0 || j >= t.size() || !joined(t, Math.min(i, j), Math.max(i, j))) {
            return -1;
        }
        if (LETTER_JOINS.contains(t.lower(j))) {
            int k = j + step;
            return k >= 0 && k < t.size() && !t.breakBefore(Math.max(j, k)) ? k : -1;
        }
        return j;
    }

    /** Whether nothing or only a comma separates token {@code i} from token {@code j}, the one after it. */
    private static boolean joined(SkillTokens t, int i, int j) {
        return !t.breakBefore(j) || t.commaBetween(i, j);
    }

    /** Whether token {@code j} is a capital letter alone that names no skill ("A", "B"; not "R"). */
    private static boolean labelLetter(SkillTokens t, int j, FirstTokenIndex byFirst) {
        if (j < 0) {
            return false;
        }
        String w = t.original(j);
        if (w.length() != 1 || !Character.isUpperCase(w.charAt(0))) {
            return false;
        }
        Form[] forms = byFirst.get(t.hash(j));
        if (forms != null) {
            for (Form f : forms) {
                if (f.tokens().size() == 1 && matches(f, t, j)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Words after which an ambiguous name is part of a place or a phrase: "Salt Lake City", "Go-Live", "Linear Algebra",
     * "a Go-Getter".
     */
    private static final Set<String> NAME_CONTINUES = Set.of("lake", "live", "algebra", "train", "entry", "building",
            "street", "avenue", "road", "river", "city", "county", "valley", "island", "bay", "lane", "square",
            "getter", "getters");

    /** Whether the ambiguous name at {@code i} is a piece of a longer name or label rather than the tool. */
    private static boolean partOfAName(SkillTokens t, int i) {
        boolean labelled = t.original(i).length() == 1 && i > 0 && !t.breakBefore(i) && LABELLED_BY.contains(t.lower(i - 1));
        boolean continued = i + 1 < t.size() && !t.breakBefore(i + 1) && NAME_CONTINUES.contains(t.lower(i + 1));
        return labelled || continued;
    }

    private static boolean matches(Form f, SkillTokens t, int at) {
        List<String> tokens = f.tokens();
        if (at + tokens.size() > t.size()) {
            return false;
        }
        for (int k = 0; k < tokens.size(); k++) {
            if (k > 0 && t.breakBefore(at + k)) {
                return false;
            }
            if (!t.is(at + k, tokens.get(k), f.exactCase())) {
                return false;
            }
        }
        return true;
    }
}
