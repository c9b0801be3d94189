package dev.jobintel.classify;

import dev.jobintel.posting.JobHash;
import dev.jobintel.posting.Normalizer;
import dev.jobintel.posting.Posting;

/**
 * What a posting says, as one key: normalised title, employer and description. Two postings
 * with the same key get the same answer from a model, so a key classified once with a model
 * and prompt version is never paid for again (incident 16) — whatever board, id or place the
 * second posting has.
 */
public final class ContentKey {

    private ContentKey() {
    }

    public static String of(Posting p) {
        return JobHash.md5Hex(Normalizer.title(p.title()) + "|" + Normalizer.employer(p.company()) + "|"
                + Normalizer.basic(p.description()));
    }
}
