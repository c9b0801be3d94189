package dev.jobintel.classify.taxonomy;

import dev.jobintel.posting.HtmlText;
import dev.jobintel.source.demo.DemoDataset;
import dev.jobintel.source.demo.DemoPosting;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SkillTokensTest {

    @Test
    void keepsSkillNamesWholeAndSplitsTheRest() {
        assertThat(SkillTokens.of("C++, C#, Node.js and .NET; CI/CD with scikit-learn. R&D at AT&T, C-level, C$ 100")
                .lowerTokens())
                .containsExactly("c++", "c#", "node.js", "and", ".net", "ci", "cd", "with", "scikit", "learn", "r&d", "at",
                        "at&t", "c-level", "c$", "100");
    }

    @Test
    void eachTokensHashIsTheHashOfItsLowerCaseForm() {
        List<String> texts = new ArrayList<>(List.of("Ünïcode İstanbul ÉCOLE C$ A$5 Go/Golang", "Node.JS — React.js!"));
        for (DemoPosting p : DemoDataset.postings()) {
            texts.add(HtmlText.toText(p.jsonLine()));
        }
        for (String text : texts) {
            SkillTokens t = SkillTokens.of(text);
            for (int i = 0; i < t.size(); i++) {
                String token = t.original(i);
                assertThat(t.hash(i)).as("%s in %s", token, text).isEqualTo(SkillTokens.lowerHash(token, 0, token.length()));
            }
        }
    }
}
