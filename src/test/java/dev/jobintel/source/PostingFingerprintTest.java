package dev.jobintel.source;

import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Salary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PostingFingerprintTest {

    private static Posting posting(String title, String company, String description, Hints hints) {
        return new Posting("lever", "1", "https://jobs.lever.co/acme/1", company, title, "London",
                description, Instant.parse("2026-11-01T09:00:00Z"), hints);
    }

    private static final Hints HINTS = new Hints(new Salary(70_000.0, 90_000.0, "GBP", Salary.Period.YEAR), "hybrid",
            false, "full_time", "Data", "senior", List.of("GB"), Map.of("team", "Payments", "level", "L5"));

    @Test
    void theSamePostingHasOneFingerprintAndAnyDifferenceAnother() {
        long same = PostingFingerprint.of(posting("Data Engineer", "Acme", "Build pipelines. 日本語 too.", HINTS));
        assertThat(PostingFingerprint.of(posting("Data Engineer", "Acme", "Build pipelines. 日本語 too.",
                new Hints(HINTS.salary(), "hybrid", false, "full_time", "Data", "senior", List.of("GB"),
                        new java.util.TreeMap<>(Map.of("level", "L5", "team", "Payments")))))).isEqualTo(same);
        List<Posting> others = List.of(
                // What String.hashCode cannot tell apart: "Aa" and "BB".
                posting("Data Engineer Aa", "Acme", "x", HINTS), posting("Data Engineer BB", "Acme", "x", HINTS),
                // A field boundary moved: "Data Engineer" + "Acme" against "Data Engineer A" + "cme".
                posting("Data Engineer A", "cme", "Build pipelines. 日本語 too.", HINTS),
                // Text beyond Latin-1 differs where the rest is the same.
                posting("Data Engineer", "Acme", "Build pipelines. 中国語 too.", HINTS),
                posting("Data Engineer", "Acme", "Build pipelines. 日本語 too.", Hints.NONE),
                posting("Data Engineer", "Acme", "Build pipelines. 日本語 too.",
                        new Hints(new Salary(70_000.0, 90_001.0, "GBP", Salary.Period.YEAR), "hybrid", false, "full_time",
                                "Data", "senior", List.of("GB"), Map.of("team", "Payments", "level", "L5"))));
        assertThat(others.stream().map(PostingFingerprint::of).distinct().toList()).hasSize(others.size())
                .doesNotContain(same);
    }
}
