package dev.jobintel.classify.rules;

import dev.jobintel.posting.Chars;

import java.util.function.IntPredicate;
import java.util.regex.Matcher;

/**
 * {@link Matcher#find()} over a region, attempting a match only at the positions where one can
 * begin. java.util.regex tries every position of the region; for a pattern that starts with a
 * large alternation that is most of the cost, while the positions where a number, a currency or
 * a keyword begins are a handful.
 */
final class Anchored {

    private Anchored() {
    }

    /**
     * Finds the first match starting in [{@code from}, {@code to}) and ending by {@code to}, as
     * find() would, provided every match of the pattern starts at a position {@code canStart}
     * accepts. The matcher's bounds settings are kept; on success it holds the match.
     */
    static boolean find(Matcher m, int from, int to, IntPredicate canStart) {
        return find(m, from, to, to, canStart);
    }

    /** As {@link #find(Matcher, int, int, IntPredicate)}, for matches starting before {@code startsBefore}. */
    static boolean find(Matcher m, int from, int startsBefore, int to, IntPredicate canStart) {
        for (int i = from; i < startsBefore; i++) {
            if (canStart.test(i) && m.region(i, to).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a \b lies before position {@code i} of {@code text} when a word character is at {@code i}. */
    static boolean wordStart(String text, int i) {
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        return !Chars.isLetterOrDigit(before) && before != '_';
    }
}
