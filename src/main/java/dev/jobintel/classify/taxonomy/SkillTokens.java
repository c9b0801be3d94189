package dev.jobintel.classify.taxonomy;

import dev.jobintel.posting.Chars;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Text as skill tokens: runs of letters and digits plus '+', '#' and inner '.', so that "C++",
 * "C#", "Node.js" and ".NET" stay whole while "CI/CD" and "scikit-learn" split. A sentence's
 * final '.' is not part of a token; "R&amp;D", "C-level" and "C$" are single tokens.
 *
 * <p>Tokens are kept as spans of the text with a hash of their lower-case form, so scanning a
 * long description allocates nothing per token.
 */
public final class SkillTokens {

    /** Punctuation that ends a phrase: a skill name never spans it ("Spark, SQL" is not Spark SQL). */
    private static final String HARD = ",;:()[]{}!?\n\r\t|•·\"";
    /** {@link #HARD} as a lookup by character, for the ASCII ones. */
    private static final boolean[] HARD_ASCII = new boolean[128];

    static {
        for (char c : HARD.toCharArray()) {
            if (c < 128) {
                HARD_ASCII[c] = true;
            }
        }
    }

    private final String text;
    private int size;
    private int[] starts;
    private int[] ends;
    private long[] hashes;
    private boolean[] breakBefore;

    private SkillTokens(String text, int capacity) {
        this.text = text;
        this.starts = new int[capacity];
        this.ends = new int[capacity];
        this.hashes = new long[capacity];
        this.breakBefore = new boolean[capacity];
    }

    public static SkillTokens of(String text) {
        String s = text == null ? "" : text;
        SkillTokens t = new SkillTokens(s, Math.max(8, s.length() / 5));
        int n = s.length();
        char[] a = s.toCharArray(); // array reads, not charAt's checks per character
        int i = 0;
        boolean hardBreak = true;
        while (i < n) {
            char c = a[i];
            boolean leadingDot = c == '.' && i + 1 < n && Chars.isLetter(a[i + 1])
                    && (i == 0 || !isTokenChar(a[i - 1]));
            if (!Chars.isLetterOrDigit(c) && !leadingDot) {
                if (c < 128 ? HARD_ASCII[c] : HARD.indexOf(c) >= 0) {
                    hardBreak = true;
                }
                i++;
                continue;
            }
            int start = i;
            // The token's hash is computed as it is read: the same as lowerHash(s, start, i).
            long h = (FNV_OFFSET ^ Chars.toLowerCase(c)) * FNV_PRIME;
            i++;
            while (i < n) {
                char d = a[i];
                boolean take;
                boolean last = false;
                if (Chars.isLetterOrDigit(d) || d == '+' || d == '#') {
                    take = true;
                } else if (d == '.' && i + 1 < n && Chars.isLetterOrDigit(a[i + 1])) {
                    take = true;
                } else if (joins(s, start, i)) {
                    take = true;
                } else if (d == '$' && i - start <= 3) {
                    // "C$", "A$", "R$": a currency, not the C or R language.
                    take = true;
                    last = true;
                } else {
                    take = false;
                }
                if (!take) {
                    break;
                }
                h = (h ^ Chars.toLowerCase(d)) * FNV_PRIME;
                i++;
                if (last) {
                    break;
                }
            }
            t.add(start, i, hardBreak, h);
            hardBreak = i < n && a[i] == '.';
        }
        return t;
    }

    private void add(int start, int end, boolean hardBreak, long hash) {
        if (size == starts.length) {
            int cap = size * 2;
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
            hashes = Arrays.copyOf(hashes, cap);
            breakBefore = Arrays.copyOf(breakBefore, cap);
        }
        starts[size] = start;
        ends[size] = end;
        hashes[size] = hash;
        breakBefore[size] = hardBreak;
        size++;
    }

    /** Hash of the lower-case form of {@code s[from, to)}; equal for equal lower-case strings. */
    static long lowerHash(String s, int from, int to) {
        long h = FNV_OFFSET;
        for (int i = from; i < to; i++) {
            h = (h ^ Chars.toLowerCase(s.charAt(i))) * FNV_PRIME;
        }
        return h;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /**
     * '&amp;' between letters ("R&amp;D", "AT&amp;T") and '-' after a single character ("C-level",
     * "e-commerce") keep a word whole, so the one-letter skills R and C are not found inside them.
     */
    private static boolean joins(String text, int start, int i) {
        char d = text.charAt(i);
        // Most token ends are a space or punctuation: the cheap test first.
        if (d != '&' && (d != '-' || i - start != 1)) {
            return false;
        }
        if (i + 1 >= text.length() || !Chars.isLetter(text.charAt(i + 1))) {
            return false;
        }
        return d == '-' || Chars.isLetter(text.charAt(i - 1));
    }

    private static boolean isTokenChar(char c) {
        return Chars.isLetterOrDigit(c) || c == '+' || c == '#' || c == '.';
    }

    public int size() {
        return size;
    }

    public String original(int i) {
        return text.substring(starts[i], ends[i]);
    }

    public String lower(int i) {
        return original(i).toLowerCase(Locale.ROOT);
    }

    long hash(int i) {
        return hashes[i];
    }

    /** Whether token {@code i} is {@code word}, exactly or ignoring case. */
    boolean is(int i, String word, boolean exactCase) {
        int len = ends[i] - starts[i];
        return len == word.length() && text.regionMatches(!exactCase, starts[i], word, 0, len);
    }

    /**
     * Whether token {@code i} opens a sentence, a list item or what a heading introduces: only
     * white space since the text's start, a '.', '!', '?', ':', a line break or a bullet before it. There a word is capitalised
     * whatever it means, so the capital says nothing about "Spark" the engine.
     */
    boolean opensSentence(int i) {
        for (int k = starts[i] - 1; k >= 0; k--) {
            char c = text.charAt(k);
            if (c == ' ' || c == '\t' || c == '\u00a0') {
                continue;
            }
            return c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '\r' || c == '-' || c == '*'
                    || c == '•' || c == '·';
        }
        return true;
    }

    /** Whether token {@code i} is a number, such as a version ("Swift 5", "Unity 2022"). */
    boolean isNumber(int i) {
        for (int k = starts[i]; k < ends[i]; k++) {
            char c = text.charAt(k);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Words that open an apposition about a person: "Julia, our CTO", "Ruby, who leads recruiting". */
    private static final java.util.Set<String> APPOSITION = java.util.Set.of("our", "your", "their", "the", "who", "a",
            "an", "my");

    /**
     * Whether token {@code i} names a person: a comma and one of {@link #APPOSITION} follow it, as
     * in "Julia, our CTO, will interview you", or it stands between commas after a {@link #ROLE}
     * ("our CEO, Julia, founded"). Lists never read so ("Python, Go and Julia").
     */
    boolean namesAPerson(int i) {
        if (i + 1 >= size || !breakBefore[i + 1]) {
            return false;
        }
        // In lower case as written: "Excel, A/B testing" is a list.
        if (APPOSITION.contains(original(i + 1))) {
            return commaBetween(i, i + 1);
        }
        // The role before the name, both between commas, and the sentence going on in lower case: "our CEO, Julia,
        // founded…" (not the list "a team lead, Go, Kubernetes").
        return i > 0 && commaBetween(i, i + 1) && commaBetween(i - 1, i) && Character.isLowerCase(firstChar(i + 1))
                && ROLE.contains(lower(i - 1));
    }

    /** Words of a role that, before a comma, introduce a person's name: "our CEO, Julia,", "head of talent, Ruby,". */
    private static final java.util.Set<String> ROLE = java.util.Set.of("ceo", "cto", "cpo", "coo", "cfo", "cmo", "ciso",
            "founder", "cofounder", "president", "director", "manager", "lead", "recruiter", "talent");

    /**
     * The US states, by their postal codes and names, which follow a town's name after a comma: "Cypress, TX". Not
     * Arkansas's "AR", which in a list of skills is augmented reality ("Unity, AR, VR").
     */
    private static final java.util.Set<String> US_STATES = java.util.Set.of("AL", "AK", "AZ", "CA", "CO", "CT",
            "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO",
            "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX",
            "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "Alabama", "Alaska", "Arizona", "Arkansas", "California",
            "Colorado", "Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
            "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
            "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
            "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "Wisconsin", "Wyoming");

    /**
     * Whether token {@code i} names a town: a comma and a US state follow it, and then the text ends, a sentence or
     * a clause does, or a zip code follows ("Cypress, TX 77429", "Cypress, Texas, near Houston"). A list of skills
     * goes on otherwise ("Unity, AR/VR toolkits").
     */
    boolean namesAPlace(int i) {
        int state = i + 1;
        if (state >= size || !commaBetween(i, state) || !US_STATES.contains(original(state))) {
            return false;
        }
        int next = state + 1;
        return next >= size || breakBefore[next] || isNumber(next);
    }

    /** Whether only a comma (and spaces) stands between token {@code i} and token {@code j}, the one after it. */
    boolean commaBetween(int i, int j) {
        return breakBefore[j] && text.substring(ends[i], starts[j]).strip().equals(",");
    }

    /** The first character of token {@code i}, as written. */
    char firstChar(int i) {
        return text.charAt(starts[i]);
    }

    /** Whether a sentence ends between token {@code i} and the one before it ('.', '!', '?' or a line break). */
    boolean sentenceBreakBefore(int i) {
        if (i <= 0 || i >= size || !breakBefore[i]) {
            return false;
        }
        for (int k = ends[i - 1]; k < starts[i]; k++) {
            char c = text.charAt(k);
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Whether an opening bracket, and nothing else but spaces, separates token {@code i} from the one before it. */
    boolean openingBracketBefore(int i) {
        if (i <= 0 || i >= size || !breakBefore[i]) {
            return false;
        }
        boolean bracket = false;
        for (int k = ends[i - 1]; k < starts[i]; k++) {
            char c = text.charAt(k);
            if (c == '(' && !bracket) {
                bracket = true;
            } else if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return bracket;
    }

    /** Whether punctuation separates token {@code i} from the one before it. */
    public boolean breakBefore(int i) {
        return breakBefore[i];
    }

    public List<String> lowerTokens() {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(lower(i));
        }
        return out;
    }
}
