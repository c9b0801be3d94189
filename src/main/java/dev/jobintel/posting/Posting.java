package dev.jobintel.posting;

import dev.jobintel.internal.Clip;

import java.time.Instant;
import java.util.Objects;

/**
 * One posting as a source delivered it, already reduced to clean text. Identity is
 * (source, sourceJobId); everything else may change between sightings.
 *
 * @param source       the source name ("greenhouse", "lever", "import"...)
 * @param sourceJobId  the source's id as text (Greenhouse ids exceed 32 bits); for sources without
 *                     one, the canonical URL
 * @param url          canonical posting URL, tracking parameters removed; may be null
 * @param company      employer display name
 * @param title        job title as posted
 * @param locationText every location the source gives, joined with "; "; may be null
 * @param description  the description as plain text (never null, possibly empty)
 * @param postedAt     when the source says it was posted or last published; may be null
 * @param hints        structured facts from the source
 */
public record Posting(
        String source,
        String sourceJobId,
        String url,
        String company,
        String title,
        String locationText,
        String description,
        Instant postedAt,
        Hints hints) {

    public Posting {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceJobId, "sourceJobId");
        Objects.requireNonNull(title, "title");
        // One-line fields are shown in terminals, tables and prompts: no line breaks, and none of
        // the control characters (ESC sequences) or bidi overrides a board may send in them.
        title = Clip.line(title);
        // An imported file names its own source: shown in status like the rest.
        source = Clip.line(source);
        // A NUL is stored as U+FFFD (PostgreSQL holds no NUL): the id kept in memory is the stored one.
        sourceJobId = sourceJobId.indexOf('\u0000') >= 0 ? sourceJobId.replace('\u0000', '\uFFFD') : sourceJobId;
        company = company == null ? "" : Clip.line(company);
        locationText = Clip.line(locationText);
        description = description == null ? "" : description;
        hints = hints == null ? Hints.NONE : hints;
    }

    /** The raw identity as one string, used where a posting must be named or hashed on its own. */
    public String identity() {
        return source + ":" + sourceJobId;
    }
}
