package dev.jobintel.classify;

import dev.jobintel.posting.HintsJson;
import dev.jobintel.posting.JobHash;
import dev.jobintel.posting.Normalizer;
import dev.jobintel.posting.Posting;

/**
 * What a posting says to a model, as one key: normalised title, employer, location, the
 * source's hints and the description — everything the prompt carries except the board's name.
 * A key answered once with a model and prompt version is never paid for again: a re-queued
 * posting (retry, backfill, a rerun after a crash) reuses the answer.
 *
 * <p>The location and hints are part of the key, not only title, employer and description: the
 * answer's working arrangement and pay depend on them, so a "Berlin" answer must not be reused
 * for the same text posted as "Remote - US". Postings of one job on several boards are merged
 * before classification (same employer, title and place), so they are not asked twice either.
 */
public final class ContentKey {

    private ContentKey() {
    }

    public static String of(Posting p) {
        return JobHash.md5Hex(Normalizer.titleAsWritten(p.title()) + "|" + Normalizer.employer(p.company()) + "|"
                + Normalizer.basic(p.locationText()) + "|" + (p.hints().isEmpty() ? "" : HintsJson.write(p.hints()))
                + "|" + Normalizer.basic(p.description()));
    }
}
