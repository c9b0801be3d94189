package dev.jobintel.pipeline;

import dev.jobintel.posting.HintsJson;
import dev.jobintel.posting.JobHash;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.store.Landing;

import java.net.URI;

/**
 * Computes what identifies a posting before it lands: the resolved place, the job_hash and
 * the content hash. Deterministic: the same posting always lands with the same identity.
 */
public final class Identities {

    private final LocationResolver resolver;

    public Identities(LocationResolver resolver) {
        this.resolver = resolver;
    }

    public Landing prepare(Posting p) {
        String hintsJson = HintsJson.write(p.hints());
        String resolved = resolver.resolve(p.locationText(), p.hints(), p.url()).place();
        String place = JobHash.placeKey(resolved, p.locationText(), p.identity());
        String jobHash = JobHash.of(employerKey(p), p.title(), place);
        String content = JobHash.md5Hex(String.join("\u0001", p.title(), p.company(), nz(p.url()),
                nz(p.locationText()), p.description(), nz(hintsJson)));
        return new Landing(p, hintsJson, content, jobHash, place);
    }

    /** The employer for identity; with no company name, the posting's host stands in. */
    static String employerKey(Posting p) {
        if (!p.company().isBlank()) {
            return p.company();
        }
        if (p.url() != null) {
            try {
                String host = URI.create(p.url()).getHost();
                if (host != null) {
                    return "host " + host;
                }
            } catch (IllegalArgumentException ignored) {
                // fall through to the source name
            }
        }
        return "source " + p.source();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
