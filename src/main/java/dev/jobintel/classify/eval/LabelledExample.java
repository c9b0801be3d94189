package dev.jobintel.classify.eval;

import dev.jobintel.posting.Posting;

import java.util.Objects;

/**
 * One line of a labelled set: a posting in the JSON Lines import format and its labels.
 *
 * @param line the line number in its file (1-based), for messages
 */
public record LabelledExample(int line, Posting posting, Labels labels) {

    public LabelledExample {
        Objects.requireNonNull(posting, "posting");
        Objects.requireNonNull(labels, "labels");
    }

    /** The posting's raw identity ({@code source:id}), as mismatches name it. */
    public String id() {
        return posting.identity();
    }
}
