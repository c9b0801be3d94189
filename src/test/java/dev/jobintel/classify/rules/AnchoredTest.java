package dev.jobintel.classify.rules;

import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.posting.HtmlText;
import dev.jobintel.source.demo.DemoDataset;
import dev.jobintel.source.demo.DemoPosting;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The salary and years extractors try their regexes only where a match can begin. That is exact
 * only if every match the plain regex finds begins where they look: checked on the demo
 * descriptions and on text written to sit at the edges.
 */
class AnchoredTest {

    private static final List<String> EDGES = List.of(
            "Salary $120,000 - $150,000 per year", "pay: 55 000 - 65 000 EUR", "USD 45-60/hour", "₹25,00,000 - ₹35,00,000",
            "x$5-6", "_12 years experience", "upto £90k", "Base: CHF 140'000", "compensation:€80k", "from 45.50 - 60 USD",
            "5+ years of experience", "five (5) years experience", "At least four years' experience", "minimum 3 yrs exp",
            "more than 10 years working", "a minimum of 2 years as a lead", "3 to 5 years of relevant experience",
            "over 7 years building", "2-4 yrs experience", "twelve years of professional experience", "(8) years experience",
            "\t9 years\u00a0experience", "1,234,567 - 2,345,678 USD", "12\u00a0000 - 15\u00a0000 €");

    @Test
    void everyMatchStartsWhereTheExtractorsLook() {
        List<String> texts = new ArrayList<>(EDGES);
        for (DemoPosting p : DemoDataset.postings()) {
            texts.add(HtmlText.toText(p.jsonLine()));
        }
        SalaryExtractor salaries = SalaryExtractor.of(Taxonomy.bundled());
        int checked = 0;
        for (String text : texts) {
            checked += allStartWhereAllowed("salary range", salaries.range, text, i -> salaries.rangeCanStart(text, i));
            checked += allStartWhereAllowed("salary bound", salaries.single, text, i -> SalaryExtractor.singleCanStart(text, i));
            for (Pattern p : List.of(YearsExtractor.RANGE, YearsExtractor.AT_LEAST, YearsExtractor.PLUS, YearsExtractor.PLAIN)) {
                checked += allStartWhereAllowed("years", p, text, i -> YearsExtractor.canStart(text, i));
            }
        }
        assertThat(checked).as("matches checked").isGreaterThan(1000);
    }

    @Test
    void findsWhatFindFindsWhenEveryMatchCanStart() {
        Pattern p = Pattern.compile("(?<![a-z])ab+|b");
        for (String text : List.of("ab", "xab", "cab abb b", "", "bbb")) {
            Matcher plain = p.matcher(text);
            Matcher anchored = p.matcher(text).useTransparentBounds(true);
            int next = 0;
            while (plain.find()) {
                assertThat(Anchored.find(anchored, next, text.length(), i -> true)).isTrue();
                assertThat(anchored.start()).isEqualTo(plain.start());
                assertThat(anchored.end()).isEqualTo(plain.end());
                next = anchored.end();
            }
            assertThat(Anchored.find(anchored, next, text.length(), i -> true)).isFalse();
        }
    }

    private static int allStartWhereAllowed(String name, Pattern p, String text, IntPredicate canStart) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            assertThat(canStart.test(m.start())).as("%s matches '%s' at %d", name, m.group(), m.start()).isTrue();
            n++;
        }
        return n;
    }
}
