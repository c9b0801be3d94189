package dev.jobintel.posting;

import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.posting.location.ResolvedLocation;

/**
 * A posting with the deterministic facts the gate and the classifiers both need, computed
 * once: where it is, and its description as lower-case text with a word index.
 */
public record Prepared(Posting posting, ResolvedLocation where, LowerText text) {

    public static Prepared of(Posting p, LocationResolver resolver) {
        return new Prepared(p, resolver.resolve(p.locationText(), p.hints(), p.url()), LowerText.of(p.description()));
    }
}
