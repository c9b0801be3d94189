package dev.jobintel.posting;

import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.gate.AgencyList;
import dev.jobintel.source.demo.DemoDataset;
import dev.jobintel.source.demo.DemoPosting;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PhraseTest {

    private static Phrase phrase(String regex) {
        return new Phrase(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    @Test
    void guardsAreTheWholeWordsEveryMatchNeeds() {
        assertThat(phrase("\\bfully remote\\b").guard()).isEqualTo(List.of(List.of(Set.of("fully"), Set.of("remote"))));
        assertThat(phrase("\\bremote[ -]first\\b").guard()).isEqualTo(List.of(List.of(Set.of("remote"), Set.of("first"))));
        // "on[ -]?site" may be "onsite": "on" is not a word it needs.
        assertThat(phrase("\\bon[ -]?site (role|job)\\b").guard()).isEqualTo(List.of(List.of(Set.of("role", "job"))));
        // A group glued to a word continues it.
        assertThat(phrase("\\bdata scien(tist|ce)\\b").guard()).isEqualTo(List.of(List.of(Set.of("data"))));
        assertThat(phrase("\\b([1-4]|two) days? in (the )?office\\b").guard())
                .isEqualTo(List.of(List.of(Set.of("days", "day"), Set.of("in"), Set.of("office"))));
        assertThat(phrase("\\bhybrid\\b|\\bremote\\b").guard())
                .isEqualTo(List.of(List.of(Set.of("hybrid")), List.of(Set.of("remote"))));
        assertThat(phrase("c\\+\\+").guard()).isNull();
    }

    @Test
    void aGuardNeverHidesAMatch() {
        List<String> texts = new ArrayList<>(List.of(
                "This is a fully remote role.", "We are remote-first and remote first.", "onsite role", "on-site role",
                "on site position", "This role is onsite.", "3 days a week in the office", "two days in office",
                "in the office 2 days per week", "days in the office", "partly remote", "remote-flexible",
                "100% remote", "100 % remote", "100 remote", "work from home", "work remotely from anywhere",
                "This position is remote", "part-time role", "parttime job", "we offer a part time contract",
                "Data Scientist", "data science", "senior data scientists", "Director of Data Science",
                "our client is a leading bank", "on behalf of our client", "acting as an employment agency",
                "outside IR35", "inside ir 35", "c2c only", "corp-to-corp", "w2 only", "on our w2",
                "day rate: £500", "rate: €400", "rate £450", "contract-to-hire", "send your updated CV",
                "freelancers welcome", "maternity cover", "parental leave cover", "fixed-term contract",
                "6 months contract", "internship", "working student", "stock options and RSUs", "RSU grants"));
        for (DemoPosting p : DemoDataset.postings()) {
            texts.add(p.jsonLine());
        }
        List<Phrase> phrases = new ArrayList<>();
        Taxonomy t = Taxonomy.bundled();
        t.subfamilyRules().forEach(r -> {
            phrases.addAll(r.title());
            phrases.addAll(r.description());
        });
        t.levels().forEach(l -> phrases.addAll(l.markers()));
        t.trackRules().forEach(r -> phrases.addAll(r.markers()));
        t.arrangementRules().forEach(r -> phrases.addAll(r.phrases()));
        t.positionTypeRules().forEach(r -> phrases.addAll(r.phrases()));
        AgencyList.bundled().descriptionSignals().forEach(s -> phrases.add(s.phrase()));
        for (String raw : texts) {
            LowerText text = LowerText.of(HtmlText.toText(raw));
            for (Phrase ph : phrases) {
                assertThat(ph.foundIn(text)).as("%s on %s", ph.pattern(), text.text())
                        .isEqualTo(ph.pattern().matcher(text.text()).find());
            }
        }
    }
}
