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
        source = stored(Clip.line(source));
        // The identity kept in memory is the stored one, or a lookup by it finds nothing and the posting
        // lands again over itself.
        sourceJobId = stored(sourceJobId);
        company = company == null ? "" : Clip.line(company);
        locationText = Clip.line(locationText);
        description = description == null ? "" : description;
        hints = hints == null ? Hints.NONE : hints;
    }

    /**
     * {@code s} as the database gives it back: a NUL as U+FFFD (PostgreSQL holds no NUL), and half of a
     * surrogate pair (an emoji cut in two by a producer counting UTF-16 units) as '?', which is what
     * UTF-8 encoding writes for one on both engines.
     */
    private static String stored(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char keep = c;
            if (c == '\u0000') {
                keep = '\uFFFD';
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            } else if (Character.isSurrogate(c)) {
                keep = '?';
            }
            if (keep != c && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(keep);
            }
        }
        return out == null ? s : out.toString();
    }

    /** At four bytes a character at worst, a source and an id this long fit PostgreSQL's 2,704-byte index entry. */
    public static final int MAX_ID_CHARS = 500;
    public static final int MAX_SOURCE_CHARS = 100;

    /**
     * Why this posting's source and id do not fit the identity index (an {@code id_too_long} reject), or
     * null when they do. PostgreSQL's index takes 2,704 bytes an entry: a longer (source, id) failed the
     * whole batch there, so both engines refuse it alike (a SQLite file must copy to PostgreSQL whole).
     */
    public String identityTooLong() {
        String what = source.length() > MAX_SOURCE_CHARS ? "source name" : sourceJobId.length() > MAX_ID_CHARS ? "id" : null;
        if (what == null) {
            return null;
        }
        String value = what.equals("id") ? sourceJobId : source;
        return String.format("the posting's %s holds %,d characters, more than the %d an identity may (\"%s\"; \"%s\")",
                what, value.length(), what.equals("id") ? MAX_ID_CHARS : MAX_SOURCE_CHARS, Clip.oneLine(value, 40),
                Clip.oneLine(title, 80));
    }

    /** The raw identity as one string, used where a posting must be named or hashed on its own. */
    public String identity() {
        return source + ":" + sourceJobId;
    }
}
