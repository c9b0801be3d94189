package dev.jobintel.classify.taxonomy;

import java.util.ArrayList;
import java.util.List;

/**
 * Text as skill tokens: runs of letters and digits plus '+', '#' and inner '.', so that "C++",
 * "C#", "Node.js" and ".NET" stay whole while "CI/CD" and "scikit-learn" split. A sentence's
 * final '.' is not part of a token; "R&amp;D" and "C-level" are single tokens.
 */
public final class SkillTokens {

    private final List<String> original;
    private final List<String> lower;

    private SkillTokens(List<String> original, List<String> lower) {
        this.original = original;
        this.lower = lower;
    }

    public static SkillTokens of(String text) {
        List<String> orig = new ArrayList<>();
        List<String> low = new ArrayList<>();
        if (text == null) {
            return new SkillTokens(orig, low);
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            boolean leadingDot = c == '.' && i + 1 < n && Character.isLetter(text.charAt(i + 1))
                    && (i == 0 || !isTokenChar(text.charAt(i - 1)));
            if (!isWordChar(c) && !leadingDot) {
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
                } else {
                    break;
                }
            }
            String token = text.substring(start, i);
            orig.add(token);
            low.add(token.toLowerCase(java.util.Locale.ROOT));
        }
        return new SkillTokens(orig, low);
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
