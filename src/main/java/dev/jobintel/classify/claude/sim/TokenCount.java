package dev.jobintel.classify.claude.sim;

/**
 * The simulator's tokenizer: one token per four characters, rounded up. It is deliberately
 * simple, so that a test or a benchmark can compute the exact numbers the simulator will
 * report: {@code of("")} is 0, {@code of("abcd")} is 1, {@code of("abcde")} is 2.
 *
 * <p>"Characters" are UTF-16 code units ({@link String#length()}). Every piece of a prompt is
 * counted on its own and the pieces are summed (see {@link MessagesSimulator} for which pieces).
 */
public final class TokenCount {

    private TokenCount() {
    }

    /** ceil(length / 4); 0 for null or empty text. */
    public static int of(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return (text.length() + 3) / 4;
    }
}
