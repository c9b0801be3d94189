package dev.jobintel.posting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A regex run over long lower-cased text, guarded by the words every match must contain, found
 * once from the pattern itself. Text lacking them is skipped with a few set lookups instead of
 * a regex scan; taxonomy phrases and agency signals run over every description, so this is what
 * keeps them cheap.
 *
 * <p>For each top-level alternative of the regex, the whole words of its literal text outside
 * optional parts and character classes are required, and a required group of alternatives
 * requires one of their first words. The alternatives are OR-ed. When some alternative yields
 * no word, the regex always runs.
 */
public final class Phrase {

    private final Pattern pattern;
    /** Per top-level alternative: groups of words, each group needing one of its words. */
    private final List<List<Set<String>>> guard;

    public Phrase(Pattern pattern) {
        this.pattern = pattern;
        this.guard = guard(pattern.pattern());
        this.windowSafe = windowSafe(pattern.pattern());
    }

    /** Whether every match is short and unanchored, so it can be searched for near its anchor word. */
    private final boolean windowSafe;

    static boolean windowSafe(String regex) {
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '^' || c == '$' || c == '*' || c == '+'
                    || (c == '{' && regex.indexOf(',', i) >= 0 && regex.indexOf(',', i) < regex.indexOf('}', i)
                    && regex.indexOf('}', i) == regex.indexOf(',', i) + 1)) {
                return false;
            }
        }
        return true;
    }

    public Pattern pattern() {
        return pattern;
    }

    /** The word guard (for tests and diagnostics); null when the regex always runs. */
    public List<List<Set<String>>> guard() {
        return guard;
    }

    /** Characters a phrase match may extend around its anchor word. */
    static final int WINDOW = 120;

    /**
     * Whether the pattern occurs in the text. When a branch's words are all present, the regex
     * runs only in windows around that branch's longest required word.
     */
    public boolean foundIn(LowerText text) {
        if (guard == null) {
            return pattern.matcher(text.text()).find();
        }
        java.util.regex.Matcher m = null;
        String t = text.text();
        for (List<Set<String>> branch : guard) {
            if (!possible(branch, text)) {
                continue;
            }
            if (!windowSafe) {
                return pattern.matcher(t).find();
            }
            Set<String> anchor = anchor(branch);
            for (String word : anchor) {
                int at = t.indexOf(word);
                int scannedTo = -1;
                while (at >= 0) {
                    int from = Math.max(Math.max(0, at - WINDOW), scannedTo);
                    int to = Math.min(t.length(), at + word.length() + WINDOW);
                    if (from < to) {
                        if (m == null) {
                            m = pattern.matcher(t);
                        }
                        m.region(from, to).useTransparentBounds(true).useAnchoringBounds(false);
                        if (m.find()) {
                            return true;
                        }
                        // A match overlapping the window's end is found from the next window on.
                        scannedTo = Math.max(from, to - WINDOW);
                    }
                    at = t.indexOf(word, at + word.length());
                }
            }
        }
        return false;
    }

    private static boolean possible(List<Set<String>> branch, LowerText text) {
        for (Set<String> anyOf : branch) {
            boolean found = false;
            for (String w : anyOf) {
                if (text.hasWord(w)) {
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

    static List<List<Set<String>>> guard(String regex) {
        List<List<Set<String>>> out = new ArrayList<>();
        for (String branch : splitTopLevel(regex)) {
            List<Set<String>> need = new ArrayList<>();
            if (!collect(branch, need) || need.isEmpty()) {
                return null;
            }
            out.add(List.copyOf(need));
        }
        return out.isEmpty() ? null : List.copyOf(out);
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
        int depth = 0;
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(regex.substring(start));
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
        int depth = 0;
        boolean inClass = false;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
