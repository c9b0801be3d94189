package dev.jobintel.source.demo;

import java.util.Objects;

/**
 * One line of the demo JSON Lines data and what is known to be true about it.
 *
 * @param jsonLine the exact line, without a line break (it may be deliberately invalid JSON
 *                 when {@code truth.expected()} is {@link Truth.Expected#REJECT})
 * @param truth    the generator's truth for the line
 */
public record DemoPosting(String jsonLine, Truth truth) {

    public DemoPosting {
        Objects.requireNonNull(jsonLine, "jsonLine");
        Objects.requireNonNull(truth, "truth");
        if (jsonLine.indexOf('\n') >= 0 || jsonLine.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a JSON line must not contain a line break");
        }
    }
}
