package dev.jobintel.classify.taxonomy;

import java.util.ArrayList;
import java.util.List;

/**
 * Text as skill tokens: runs of letters and digits plus '+', '#' and inner '.', so that "C++",
 * "C#", "Node.js" and ".NET" stay whole while "CI/CD" and "scikit-learn" split. A sentence's
 * final '.' is not part of a token; "R&amp;D", "C-level" and "C$" are single tokens.
 */
public final class SkillTokens {

    private final List<String> original;
    private final List<String> lower;
    private final List<Boolean> breakBefore;

    private SkillTokens(List<String> original, List<String> lower, List<Boolean> breakBefore) {
        this.original = original;
        this.lower = lower;
        this.breakBefore = breakBefore;
    }

    public static SkillTokens of(String text) {
        List<String> orig = new ArrayList<>();
        List<String> low = new ArrayList<>();
        List<Boolean> breaks = new ArrayList<>();
        if (text == null) {
            return new SkillTokens(orig, low, breaks);
        }
        int n = text.length();
        int i = 0;
        boolean hardBreak = true;
        while (i < n) {
            char c = text.charAt(i);
            boolean leadingDot = c == '.' && i + 1 < n && Character.isLetter(text.charAt(i + 1))
                    && (i == 0 || !isTokenChar(text.charAt(i - 1)));
            if (!isWordChar(c) && !leadingDot) {
                if (HARD.indexOf(c) >= 0) {
                    hardBreak = true;
                }
                i++;
                continue;
            }
            int start = i;
            i++;
            while (i < n) {
                char d = text.charAt(i);
                if (isWordChar(d) || d == '+' || d == '#') {
                    i++;
                } else if (d == '.' && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))) {
                    i++;
                } else if (joins(text, start, i)) {
                    i++;
                } else if (d == '$' && i - start <= 3) {
                    // "C$", "A$", "R$": a currency, not the C or R language.
                    i++;
                    break;
                } else {
                    break;
                }
            }
            String token = text.substring(start, i);
            orig.add(token);
            low.add(token.toLowerCase(java.util.Locale.ROOT));
            breaks.add(hardBreak);
            hardBreak = i < n && text.charAt(i) == '.';
        }
        return new SkillTokens(orig, low, breaks);
    }

    /**
     * '&amp;' between letters ("R&amp;D", "AT&amp;T") and '-' after a single character ("C-level",
     * "e-commerce") keep a word whole, so the one-letter skills R and C are not found inside them.
     */
    private static boolean joins(String text, int start, int i) {
        char d = text.charAt(i);
        if (i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1))) {
            return false;
        }
        if (d == '&') {
            return Character.isLetter(text.charAt(i - 1));
        }
        return d == '-' && i - start == 1;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '+' || c == '#' || c == '.';
    }

    /** Punctuation that ends a phrase: a skill name never spans it ("Spark, SQL" is not Spark SQL). */
    private static final String HARD = ",;:()[]{}!?\n\r\t|•·\"";

    /** Whether punctuation separates token {@code i} from the one before it. */
    public boolean breakBefore(int i) {
        return breakBefore.get(i);
    }

    public int size() {
        return lower.size();
    }

    public String original(int i) {
        return original.get(i);
    }

    public String lower(int i) {
        return lower.get(i);
    }

    public List<String> lowerTokens() {
        return lower;
    }
}
