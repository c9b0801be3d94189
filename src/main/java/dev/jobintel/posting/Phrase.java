package dev.jobintel.posting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regex run over long lower-cased text without scanning all of it. Two facts are read once
 * from the pattern itself, per top-level alternative: the whole words every match needs (text
 * lacking them is skipped with a few hash lookups), and the literal prefixes a match can begin
 * with (the regex is then tried anchored at their occurrences only). Taxonomy phrases and
 * agency signals run over every description, so this is what keeps them cheap.
 *
 * <p>Required words are the whole words of an alternative's literal text outside optional
 * parts and character classes; a required group of alternatives requires one of their first
 * words. Where the start is not known (a dot, an escape), the regex runs in windows around the
 * alternative's most selective word; where neither is known, over the whole text.
 */
public final class Phrase {

    /**
     * One top-level alternative: the words it needs (with their hashes; empty when none is
     * known), the requirement searched for when running the regex in windows, and how its
     * matches start (null when that is not known from the pattern).
     */
    private record Branch(List<Set<String>> words, long[][] hashes, Set<String> anchor, Starts starts) {
    }

    private final Pattern pattern;
    private final List<Branch> branches;
    /** Whether every match is short and unanchored, so it can be searched for near its anchor word. */
    private final boolean windowSafe;

    public Phrase(Pattern pattern) {
        this.pattern = pattern;
        this.branches = branches(pattern.pattern());
        this.windowSafe = windowSafe(pattern.pattern());
    }

    private static List<Branch> branches(String regex) {
        List<Branch> out = new ArrayList<>();
        for (String alternative : splitTopLevel(regex)) {
            List<Set<String>> words = new ArrayList<>();
            if (!collect(alternative, words)) {
                words.clear();
            }
            long[][] hashes = new long[words.size()][];
            for (int k = 0; k < words.size(); k++) {
                hashes[k] = words.get(k).stream().mapToLong(LowerText::wordHash).toArray();
            }
            out.add(new Branch(List.copyOf(words), hashes, words.isEmpty() ? null : anchor(words),
                    starts(alternative, 0)));
        }
        return List.copyOf(out);
    }

    static boolean windowSafe(String regex) {
        return walk(regex, 0, (i, c, depth) -> !(c == '^' || c == '$' || c == '*' || c == '+'
                || (c == '{' && regex.indexOf(',', i) >= 0 && regex.indexOf(',', i) < regex.indexOf('}', i)
                && regex.indexOf('}', i) == regex.indexOf(',', i) + 1))) < 0;
    }

    public Pattern pattern() {
        return pattern;
    }

    /** The words each alternative needs (for tests and diagnostics); null when some alternative needs none. */
    public List<List<Set<String>>> guard() {
        return branches.stream().anyMatch(b -> b.words().isEmpty()) ? null
                : branches.stream().map(Branch::words).toList();
    }

    /**
     * Per alternative, the hashes of the words one of which it needs ({@link LowerText#wordHash});
     * an empty array where an alternative needs no known word. For {@link PhraseSet}.
     */
    long[][] firstRequirements() {
        long[][] out = new long[branches.size()][];
        for (int b = 0; b < out.length; b++) {
            long[][] h = branches.get(b).hashes();
            out[b] = h.length == 0 ? new long[0] : h[0];
        }
        return out;
    }

    /** The literal prefixes each alternative's matches start with (for tests); null entries where unknown. */
    List<Set<String>> starts() {
        return branches.stream().map(b -> b.starts() == null ? null : b.starts().prefixes()).toList();
    }

    /** Characters a phrase match may extend around its anchor word. */
    static final int WINDOW = 120;

    /**
     * Whether the pattern occurs in the text. An alternative runs only when the text has all
     * the words it needs; then the regex is tried only where a match of it could begin (at its
     * literal prefixes), or else in windows around its most selective word.
     */
    public boolean foundIn(LowerText text) {
        Matcher m = null;
        String t = text.text();
        for (Branch branch : branches) {
            if (!possible(branch.hashes(), text)) {
                continue;
            }
            if (m == null) {
                m = pattern.matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
            }
            if (branch.starts() != null) {
                if (matchesAtStarts(m, t, branch.starts())) {
                    return true;
                }
            } else if (branch.anchor() == null || !windowSafe) {
                return m.reset().find();
            } else if (matchesNearAnchor(m, t, branch.anchor())) {
                return true;
            }
        }
        return false;
    }

    /** Tries the regex anchored where a match of the branch could begin. */
    private static boolean matchesAtStarts(Matcher m, String t, Starts starts) {
        if (starts.atTextStart()) {
            return m.region(0, t.length()).lookingAt();
        }
        for (String prefix : starts.prefixes()) {
            for (int at = t.indexOf(prefix); at >= 0; at = t.indexOf(prefix, at + 1)) {
                // The prefix starts with a word character, so a \b before it needs a non-word one.
                if (starts.bounded() && at > 0 && isWordChar(t.charAt(at - 1))) {
                    continue;
                }
                if (m.region(at, t.length()).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs the regex in windows around whole-word occurrences of the anchor's words. */
    private static boolean matchesNearAnchor(Matcher m, String t, Set<String> anchor) {
        for (String word : anchor) {
            int scannedTo = -1;
            for (int at = t.indexOf(word); at >= 0; at = t.indexOf(word, at + 1)) {
                int after = at + word.length();
                // Guard words are whole words of every match: an occurrence inside a longer word is none.
                if ((at > 0 && Character.isLetterOrDigit(t.charAt(at - 1)))
                        || (after < t.length() && Character.isLetterOrDigit(t.charAt(after)))) {
                    continue;
                }
                int from = Math.max(Math.max(0, at - WINDOW), scannedTo);
                int to = Math.min(t.length(), after + WINDOW);
                if (from < to) {
                    if (m.region(from, to).find()) {
                        return true;
                    }
                    // A match overlapping the window's end is found from the next window on.
                    scannedTo = Math.max(from, to - WINDOW);
                }
            }
        }
        return false;
    }

    /** A character {@code \b} counts as part of a word (ASCII letters and digits, any letter or digit, '_'). */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean possible(long[][] branch, LowerText text) {
        for (long[] anyOf : branch) {
            boolean found = false;
            for (long h : anyOf) {
                if (text.hasWord(h)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * What every match of a regex (from {@code i}) starts with.
     *
     * @param prefixes    lower-case literal text, one of which each match begins with
     * @param bounded     whether each match begins at a {@code \b}
     * @param atTextStart whether each match begins at the start of the text ({@code ^}); then
     *                    there are no prefixes
     */
    record Starts(Set<String> prefixes, boolean bounded, boolean atTextStart) {
        Starts(Set<String> prefixes, boolean bounded) {
            this(prefixes, bounded, false);
        }
    }

    /**
     * Reads the start of {@code re} from {@code i}: leading {@code \b} and lookarounds consume
     * nothing; then a literal word ("days?" starts with "day"), or a group whose alternatives
     * all have known starts (an optional group adds the starts of what follows it), or a small
     * class of letters or digits ("[1-4]", "\\d"). Anything else (a dot, another escape, flags)
     * gives null.
     */
    static Starts starts(String re, int i) {
        int n = re.length();
        boolean bounded = false;
        while (i < n) {
            if (re.startsWith("\\b", i)) {
                bounded = true;
                i += 2;
            } else if (re.startsWith("(?=", i) || re.startsWith("(?!", i) || re.startsWith("(?<=", i)
                    || re.startsWith("(?<!", i)) {
                int close = closingParen(re, i);
                if (close < 0) {
                    return null;
                }
                i = close + 1;
            } else {
                break;
            }
        }
        if (i >= n) {
            return null;
        }
        char c = re.charAt(i);
        if (c == '^') {
            return new Starts(Set.of(), false, true);
        }
        if (Character.isLetterOrDigit(c)) {
            int end = i;
            while (end < n && Character.isLetterOrDigit(re.charAt(end))) {
                end++;
            }
            if (end < n && "?*{".indexOf(re.charAt(end)) >= 0) {
                end--; // the quantifier makes the run's last character optional
            }
            return end <= i ? null : new Starts(Set.of(re.substring(i, end).toLowerCase(Locale.ROOT)), bounded);
        }
        if (c == '[' || re.startsWith("\\d", i)) {
            int close = c == '[' ? closingBracket(re, i) : i + 1;
            Set<String> chars = close < 0 ? null : c == '[' ? classChars(re.substring(i + 1, close)) : classChars("0-9");
            boolean optional = close + 1 < n && "?*{".indexOf(re.charAt(close + 1)) >= 0;
            return chars == null || optional ? null : new Starts(chars, bounded);
        }
        if (c != '(' || (re.startsWith("(?", i) && !re.startsWith("(?:", i))) {
            return null;
        }
        int close = closingParen(re, i);
        if (close < 0) {
            return null;
        }
        Set<String> prefixes = new HashSet<>();
        boolean allBounded = true;
        for (String alt : splitTopLevel(re.substring(re.startsWith("(?:", i) ? i + 3 : i + 1, close))) {
            Starts s = starts(alt, 0);
            if (s == null || s.atTextStart()) {
                return null;
            }
            prefixes.addAll(s.prefixes());
            allBounded &= s.bounded();
        }
        int after = close + 1;
        boolean optional = after < n && (re.charAt(after) == '?' || re.charAt(after) == '*' || re.startsWith("{0", after));
        if (optional) {
            Starts rest = starts(re, skipQuantifier(re, after));
            if (rest == null || rest.atTextStart()) {
                return null;
            }
            prefixes.addAll(rest.prefixes());
            allBounded &= rest.bounded();
        }
        return new Starts(Set.copyOf(prefixes), bounded || allBounded);
    }

    /**
     * The characters of a small class of letters and digits ("1-4", "0-9", "ab"), lower-cased,
     * or null for anything else (negation, escapes, more than a dozen characters).
     */
    private static Set<String> classChars(String body) {
        Set<String> out = new HashSet<>();
        for (int k = 0; k < body.length(); k++) {
            char from = body.charAt(k);
            char to = from;
            if (k + 2 < body.length() && body.charAt(k + 1) == '-') {
                to = body.charAt(k + 2);
                k += 2;
            }
            if (!Character.isLetterOrDigit(from) || !Character.isLetterOrDigit(to) || to < from || to - from > 12) {
                return null;
            }
            for (char ch = from; ch <= to; ch++) {
                out.add(String.valueOf(ch).toLowerCase(Locale.ROOT));
            }
        }
        return out.isEmpty() || out.size() > 12 ? null : Set.copyOf(out);
    }

    /**
     * The branch's most selective requirement, judged by length (short strings such as "on"
     * occur inside many words): the requirement whose shortest word is longest.
     */
    static Set<String> anchor(List<Set<String>> branch) {
        Set<String> best = branch.get(0);
        double bestScore = -1;
        for (Set<String> anyOf : branch) {
            int shortest = Integer.MAX_VALUE;
            for (String w : anyOf) {
                shortest = Math.min(shortest, w.length());
            }
            // A single word beats a choice of words of the same length.
            double score = shortest + (anyOf.size() == 1 ? 0.5 : 0);
            if (score > bestScore) {
                best = anyOf;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Adds the required words of {@code re} (no top-level '|') to {@code need}; false if the
     * regex is beyond this simple reading.
     */
    private static boolean collect(String re, List<Set<String>> need) {
        StringBuilder run = new StringBuilder();
        boolean runStartsAtBoundary = true;
        int n = re.length();
        int i = 0;
        while (i < n) {
            char c = re.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    return false;
                }
                char e = re.charAt(i + 1);
                if (e == 'b') {
                    words(run, runStartsAtBoundary, true, need);
                    runStartsAtBoundary = true;
                    i += 2;
                    continue;
                }
                if (Character.isLetterOrDigit(e)) {
                    words(run, runStartsAtBoundary, false, need);
                    runStartsAtBoundary = false;
                    i = skipQuantifier(re, i + 2);
                    continue;
                }
                run.append(e);
                i += 2;
            } else if (c == '[') {
                int close = closingBracket(re, i);
                if (close < 0) {
                    return false;
                }
                boolean separator = nonWordClass(re.substring(i + 1, close));
                int after = skipQuantifier(re, close + 1);
                boolean required = after == close + 1 || re.charAt(close + 1) == '+';
                // "on[ -]site": "on" is a word; "on[ -]?site" may be "onsite", so it is not.
                words(run, runStartsAtBoundary, separator && required, need);
                runStartsAtBoundary = separator && required;
                i = after;
            } else if (c == '(') {
                int close = closingParen(re, i);
                if (close < 0) {
                    return false;
                }
                boolean lookaround = re.startsWith("(?=", i) || re.startsWith("(?!", i) || re.startsWith("(?<=", i)
                        || re.startsWith("(?<!", i);
                boolean flags = !lookaround && re.startsWith("(?", i) && !re.startsWith("(?:", i);
                if (flags) {
                    i = close + 1;
                    continue;
                }
                if (lookaround) {
                    // A lookaround ends a run at a point of unknown boundary.
                    words(run, runStartsAtBoundary, false, need);
                    runStartsAtBoundary = false;
                    i = close + 1;
                    continue;
                }
                String inner = re.substring(re.startsWith("(?:", i) ? i + 3 : i + 1, close);
                List<String> alternatives = splitTopLevel(inner);
                boolean endedWithSpace = run.length() > 0 ? run.charAt(run.length() - 1) == ' ' : runStartsAtBoundary;
                // "scien(ce|tist)": a group glued to a word continues it; its alternatives are not words.
                boolean groupAtBoundary = run.length() > 0 ? !Character.isLetterOrDigit(run.charAt(run.length() - 1))
                        : runStartsAtBoundary;
                int after = close + 1;
                boolean optional = after < n && (re.charAt(after) == '?' || re.charAt(after) == '*'
                        || re.startsWith("{0", after));
                words(run, runStartsAtBoundary, !optional && alternatives.stream().allMatch(Phrase::startsNonWord), need);
                if (!optional && groupAtBoundary) {
                    if (alternatives.size() == 1) {
                        if (!collect(inner, need)) {
                            return false;
                        }
                    } else {
                        Set<String> anyOf = new HashSet<>();
                        for (String alt : alternatives) {
                            Set<String> w = firstWords(alt);
                            if (w == null) {
                                anyOf = null;
                                break;
                            }
                            anyOf.addAll(w);
                        }
                        if (anyOf != null) {
                            need.add(Set.copyOf(anyOf));
                        }
                    }
                }
                // After "in (the )?" the next word still starts at a space either way.
                runStartsAtBoundary = alternatives.stream().allMatch(a -> a.endsWith(" ") || a.endsWith("\\b"))
                        && (!optional || endedWithSpace);
                i = skipQuantifier(re, after);
            } else if (".^$".indexOf(c) >= 0) {
                words(run, runStartsAtBoundary, false, need);
                runStartsAtBoundary = false;
                i++;
            } else if (c == '?' && run.length() > 0 && Character.isLetter(run.charAt(run.length() - 1))
                    && (i + 1 >= n || re.charAt(i + 1) == ' ' || re.startsWith("\\b", i + 1))) {
                // "days?" needs "day" or "days".
                String full = run.toString();
                int space = full.lastIndexOf(' ');
                String last = full.substring(space + 1);
                run.setLength(space + 1);
                words(run, runStartsAtBoundary, true, need);
                if ((space >= 0 || runStartsAtBoundary) && last.length() >= 3 && isWord(last)) {
                    String w = last.toLowerCase(Locale.ROOT);
                    need.add(Set.of(w, w.substring(0, w.length() - 1)));
                }
                runStartsAtBoundary = true;
                i++;
            } else if (c == '?' || c == '*' || c == '{') {
                // The previous character is optional: the word it ends is not required.
                if (run.length() > 0) {
                    run.setLength(run.length() - 1);
                }
                words(run, runStartsAtBoundary, false, need);
                runStartsAtBoundary = false;
                i = skipQuantifier(re, i);
            } else if (c == '+') {
                words(run, runStartsAtBoundary, false, need);
                runStartsAtBoundary = false;
                i++;
            } else {
                run.append(c);
                i++;
            }
        }
        words(run, runStartsAtBoundary, true, need);
        return true;
    }

    /** Whether a group alternative starts with something that cannot continue a word. */
    private static boolean startsNonWord(String alt) {
        if (alt.isEmpty()) {
            return false;
        }
        if (alt.startsWith("\\b")) {
            return true;
        }
        if (alt.startsWith("[")) {
            int close = closingBracket(alt, 0);
            return close > 0 && nonWordClass(alt.substring(1, close));
        }
        char c = alt.charAt(0);
        if (c == '\\') {
            return alt.length() > 1 && !Character.isLetterOrDigit(alt.charAt(1));
        }
        return !Character.isLetterOrDigit(c) && c != '(' && c != '.';
    }

    /** Whether a character class holds only characters that separate words ("[ -]"). */
    private static boolean nonWordClass(String body) {
        if (body.isEmpty() || body.startsWith("^")) {
            return false;
        }
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == '\\') {
                if (k + 1 < body.length() && Character.isLetterOrDigit(body.charAt(k + 1))) {
                    return false;
                }
                k++;
            } else if (Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The whole words of a literal run: a word counts when both its ends are known boundaries
     * (a space, a \b, or an end of the pattern).
     */
    private static void words(StringBuilder run, boolean startBounded, boolean endBounded, List<Set<String>> need) {
        String s = run.toString().toLowerCase(Locale.ROOT);
        run.setLength(0);
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            boolean left = start > 0 || startBounded;
            boolean right = i < n || endBounded;
            if (left && right && i - start >= 2) {
                need.add(Set.of(s.substring(start, i)));
            }
        }
    }

    /**
     * The first whole word of a plain alternative ("talent acquisition" gives talent; "rsus?"
     * gives rsus or rsu; "corp[ -]to" gives corp), or null when it does not start with one.
     */
    private static Set<String> firstWords(String alt) {
        String a = alt.startsWith("\\b") ? alt.substring(2) : alt;
        int end = 0;
        while (end < a.length() && Character.isLetterOrDigit(a.charAt(end))) {
            end++;
        }
        if (end < 2) {
            return null;
        }
        String w = a.substring(0, end).toLowerCase(Locale.ROOT);
        boolean optionalNext = end + 1 < a.length() && "?*{".indexOf(a.charAt(end + 1)) >= 0;
        if (end == a.length() || (a.charAt(end) == ' ' && !optionalNext) || a.startsWith("\\b", end)) {
            return Set.of(w);
        }
        if (a.charAt(end) == '?' && end >= 3 && (end + 1 == a.length() || a.charAt(end + 1) == ' '
                || a.startsWith("\\b", end + 1))) {
            return Set.of(w, w.substring(0, w.length() - 1));
        }
        if (a.charAt(end) == '[') {
            int close = closingBracket(a, end);
            boolean required = close > 0 && (close + 1 == a.length() || "?*{".indexOf(a.charAt(close + 1)) < 0);
            if (close > 0 && required && nonWordClass(a.substring(end + 1, close))) {
                return Set.of(w);
            }
        }
        return null;
    }

    private static boolean isWord(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isLetterOrDigit(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int skipQuantifier(String re, int i) {
        int n = re.length();
        if (i < n && re.charAt(i) == '{') {
            int close = re.indexOf('}', i);
            i = close < 0 ? n : close + 1;
        } else if (i < n && "?*+".indexOf(re.charAt(i)) >= 0) {
            i++;
        }
        if (i < n && (re.charAt(i) == '?' || re.charAt(i) == '+')) {
            i++; // lazy or possessive
        }
        return i;
    }

    private static List<String> splitTopLevel(String regex) {
        List<String> parts = new ArrayList<>();
        int[] start = {0};
        walk(regex, 0, (i, c, depth) -> {
            if (c == '|' && depth == 0) {
                parts.add(regex.substring(start[0], i));
                start[0] = i + 1;
            }
            return true;
        });
        parts.add(regex.substring(start[0]));
        return parts;
    }

    private static int closingBracket(String re, int open) {
        int i = open + 1;
        if (i < re.length() && re.charAt(i) == '^') {
            i++;
        }
        if (i < re.length() && re.charAt(i) == ']') {
            i++;
        }
        for (; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    private static int closingParen(String regex, int open) {
        return walk(regex, open, (i, c, depth) -> !(c == ')' && depth == 0));
    }

    /** Sees a regex's structural characters, with the group depth they stand at; false stops the walk. */
    @FunctionalInterface
    private interface Structure {
        boolean at(int index, char c, int depth);
    }

    /**
     * Walks {@code regex} from {@code from}, showing {@code visitor} each character outside escapes
     * and character classes, with its group depth (a parenthesis at the depth outside its group);
     * returns where the visitor stopped the walk, or -1 when it never did.
     */
    private static int walk(String regex, int from, Structure visitor) {
        int depth = 0;
        boolean inClass = false;
        for (int i = from; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else {
                if (c == ')') {
                    depth--;
                }
                if (!visitor.at(i, c, depth)) {
                    return i;
                }
                if (c == '(') {
                    depth++;
                }
            }
        }
        return -1;
    }
}
