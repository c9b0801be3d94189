package dev.jobintel.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Salary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Incidents 1, 12 and 15: nothing from a model reaches the database unvalidated. */
class AnswerValidatorTest {

    private static final Taxonomy TAXONOMY = Taxonomy.bundled();
    private static final AnswerValidator VALIDATOR = new AnswerValidator(TAXONOMY);
    private static final Posting POSTING = new Posting("test", "1", null, "Acme", "Senior Data Engineer", null,
            "We build pipelines.", null, null);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AnswerValidator.Result validate(String json) throws Exception {
        JsonNode n = JSON.readTree(json);
        return VALIDATOR.validate(n, POSTING, "claude", "claude-haiku-4-5", "v1");
    }

    private static final String CLEAN = """
            {"family":"data","subfamily":"data_engineering","seniority":"senior","track":"ic",
             "position_type":"full_time","arrangement":"hybrid",
             "salary":{"min":70000,"max":90000,"currency":"EUR","period":"year"},
             "equity":true,"years_min":5,"years_max":null,"skills":["python","Postgres","apache airflow","Our Secret Tool"],
             "summary":"Builds data pipelines."}""";

    @Test
    void aCleanAnswerBecomesAClassificationWithCanonicalSkills() throws Exception {
        AnswerValidator.Result r = validate(CLEAN);
        assertThat(r.problems()).isEmpty();
        Classification k = r.classification();
        assertThat(k.family()).isEqualTo("data");
        assertThat(k.subfamily()).isEqualTo("data_engineering");
        assertThat(k.salary()).isEqualTo(new Salary(70000.0, 90000.0, "EUR", Salary.Period.YEAR));
        assertThat(k.yearsMin()).isEqualTo(5);
        assertThat(k.yearsMax()).isNull();
        assertThat(k.defaulted()).isEmpty();
        // Known skills get their canonical name and family; an unknown one is kept with no family.
        assertThat(k.skills()).extracting(Classification.SkillMention::name)
                .containsExactly("Python", "PostgreSQL", "Airflow", "Our Secret Tool");
        assertThat(k.skills().get(0).family()).isEqualTo("programming_language");
        assertThat(k.skills().get(3).family()).isNull();
        assertThat(k.promptVersion()).isEqualTo("v1");
    }

    @Test
    void aSubfamilyWrittenAsTheTaxonomysOwnSynonymNoneIsThatSubfamilyNotMissing() throws Exception {
        // The bundled taxonomy lists "none" among the synonyms of out_of_scope/other: an answer that uses it
        // says that subfamily, and asking again would pay a second call for it.
        AnswerValidator.Result r = validate("""
                {"family":"out_of_scope","subfamily":"None","seniority":"mid","track":"ic"}""");
        assertThat(r.problems()).isEmpty();
        assertThat(r.classification().subfamily()).isEqualTo("other");
        // Of a family with no such synonym, "none" is still a subfamily not given.
        assertThat(validate("""
                {"family":"data","subfamily":"none","seniority":"mid","track":"ic"}""").problems())
                .anyMatch(p -> p.startsWith("subfamily is missing"));
    }

    @Test
    void incident1ExplicitNullAndTheStringNullAreTheSameAndAMissingFamilyIsAProblem() throws Exception {
        AnswerValidator.Result r = validate("""
                {"family":null,"subfamily":"null","seniority":"null","track":null,"arrangement":"None",
                 "position_type":null,"salary":null,"equity":null,"skills":null,"summary":null}""");
        assertThat(r.valid()).isFalse();
        assertThat(r.problems()).anyMatch(p -> p.startsWith("family is missing"));
    }

    @Test
    void incident1TheWordsThatMeanNothingAreNoSkills() throws Exception {
        Classification k = validate("""
                {"family":"data","subfamily":"data_engineering","skills":["None","Python","nil"," NULL ",""]}""")
                .classification();
        assertThat(k.skills()).extracting(Classification.SkillMention::name).containsExactly("Python");
        assertThat(validate("""
                {"family":"data","subfamily":"data_engineering","skills":"none"}""").classification().skills()).isEmpty();
    }

    @Test
    void nAIsNothingStatedNotASkillNorAValueToReAsk() throws Exception {
        AnswerValidator.Result r = validate("""
                {"family":"data","subfamily":"data_engineering","seniority":"N/A","salary":"n/a","equity":"N/A",
                 "years_min":"N/A","skills":["N/A","Python"],"summary":"x"}""");
        assertThat(r.problems()).isEmpty();
        Classification k = r.classification();
        assertThat(k.skills()).extracting(Classification.SkillMention::name).containsExactly("Python");
        assertThat(k.salary()).isNull();
        assertThat(k.yearsMin()).isNull();
        assertThat(k.defaulted()).contains("seniority", "equity");
        assertThat(validate("""
                {"family":"data","subfamily":"data_engineering","skills":"N/A"}""").classification().skills()).isEmpty();
    }

    @Test
    void unknownAndNotSpecifiedAreNothingStatedSoAFieldWithADefaultGetsItInsteadOfAReAsk() throws Exception {
        // A model's "Unknown" level is a level the posting does not state: the default, recorded as one, as for
        // null; asking again would pay a second call for the same answer.
        AnswerValidator.Result r = validate("""
                {"family":"data","subfamily":"data_engineering","seniority":"Unknown","track":"unspecified",
                 "position_type":"Not specified","arrangement":"not stated","salary":"Not mentioned","equity":"unknown",
                 "years_min":"not specified","years_max":"Unknown","skills":["Python","Unknown"],"summary":"x"}""");
        assertThat(r.problems()).isEmpty();
        Classification k = r.classification();
        assertThat(k.seniority()).isEqualTo(TAXONOMY.seniority().defaultCode());
        assertThat(k.track()).isEqualTo(TAXONOMY.tracks().defaultCode());
        assertThat(k.positionType()).isEqualTo(TAXONOMY.positionTypes().defaultCode());
        assertThat(k.arrangement()).isEqualTo(TAXONOMY.arrangements().defaultCode());
        assertThat(k.defaulted()).contains("seniority", "track", "position_type", "arrangement", "equity");
        assertThat(k.salary()).isNull();
        assertThat(k.yearsMin()).isNull();
        assertThat(k.yearsMax()).isNull();
        assertThat(k.skills()).extracting(Classification.SkillMention::name).containsExactly("Python");
        // A family is never defaulted: "unknown" is still a family to ask for.
        assertThat(validate("""
                {"family":"Unknown","subfamily":"unknown"}""").problems()).anyMatch(p -> p.startsWith("family is missing"));
    }

    @Test
    void aListOrASalaryGivenAsJsonTextIsReadAsTheJsonItIs() throws Exception {
        // Models sometimes send a nested value of a tool call as its JSON text: not skills named '["Python"'.
        AnswerValidator.Result r = validate("""
                {"family":"data","subfamily":"data_engineering","skills":"[\\"Python\\", \\"Our Secret Tool\\"]",
                 "salary":"{\\"min\\": 70000, \\"max\\": 90000, \\"currency\\": \\"EUR\\", \\"period\\": \\"year\\"}"}""");
        assertThat(r.problems()).isEmpty();
        assertThat(r.classification().skills()).extracting(Classification.SkillMention::name)
                .containsExactly("Python", "Our Secret Tool");
        assertThat(r.classification().salary()).isEqualTo(new Salary(70000.0, 90000.0, "EUR", Salary.Period.YEAR));
    }

    @Test
    void skillsGivenAsOneStringAreSplitAtLineBreaksAndBulletsAsAtCommas() throws Exception {
        // Not one skill named "Python SQL": a list written one a line, as a model writes a list in text.
        Classification k = validate("""
                {"family":"data","subfamily":"data_engineering","skills":"- Python\\n- SQL\\n• Our Secret Tool"}""")
                .classification();
        assertThat(k.skills()).extracting(Classification.SkillMention::name)
                .containsExactly("Python", "SQL", "Our Secret Tool");
    }

    @Test
    void fieldsWithDefaultsAreDefaultedAndRecordedAsSuch() throws Exception {
        AnswerValidator.Result r = validate("""
                {"family":"data","subfamily":"data_engineering","seniority":null,"track":"null","arrangement":null,
                 "position_type":"","salary":null,"equity":null,"skills":[],"summary":null}""");
        assertThat(r.problems()).isEmpty();
        Classification k = r.classification();
        assertThat(k.seniority()).isEqualTo(TAXONOMY.seniority().defaultCode());
        assertThat(k.arrangement()).isEqualTo(TAXONOMY.arrangements().defaultCode());
        assertThat(k.defaulted()).containsExactlyInAnyOrder("seniority", "track", "arrangement", "position_type",
                "equity", "summary");
        assertThat(k.summary()).isEqualTo("Senior Data Engineer at Acme");
    }

    @Test
    void incident12EnumsMatchCaseInsensitivelyAndThroughSynonyms() throws Exception {
        AnswerValidator.Result r = validate("""
                {"family":"DATA","subfamily":"Data Engineering","seniority":"Sr","track":"Individual Contributor",
                 "arrangement":"remote-flexible","position_type":"FullTime",
                 "salary":{"min":"95k","max":"$120,000","currency":"US$","period":"yearly"},"equity":"false",
                 "years_min":"3","skills":"Python, SQL","summary":"x"}""");
        assertThat(r.problems()).isEmpty();
        Classification k = r.classification();
        assertThat(k.seniority()).isEqualTo("senior");
        assertThat(k.arrangement()).isEqualTo("hybrid");
        assertThat(k.positionType()).isEqualTo("full_time");
        assertThat(k.salary()).isEqualTo(new Salary(95000.0, 120000.0, "USD", Salary.Period.YEAR));
        assertThat(k.yearsMin()).isEqualTo(3);
        assertThat(k.skills()).extracting(Classification.SkillMention::name).containsExactly("Python", "SQL");
    }

    @Test
    void incident12OutOfVocabularyValuesAreProblemsNamingTheAllowedCodes() throws Exception {
        AnswerValidator.Result r = validate("""
                {"family":"data","subfamily":"data_engineering","arrangement":"on the moon",
                 "salary":{"min":1,"max":2,"currency":"Bitcoin","period":"year"},"summary":"x"}""");
        assertThat(r.valid()).isFalse();
        assertThat(r.problems()).anyMatch(p -> p.contains("arrangement 'on the moon' is not allowed")
                && p.contains("remote") && p.contains("onsite"));
        assertThat(r.problems()).anyMatch(p -> p.contains("salary.currency 'Bitcoin' is not allowed"));
    }

    @Test
    void incident15PromptTextEchoedIntoAnEnumIsAProblem() throws Exception {
        AnswerValidator.Result r = validate("""
                {"family":"data","subfamily":"data_engineering",
                 "seniority":"one of intern, junior, mid, senior, lead, staff, principal, director, executive",
                 "summary":"x"}""");
        assertThat(r.valid()).isFalse();
        assertThat(r.problems()).singleElement().asString().startsWith("seniority 'one of intern");
    }

    @Test
    void aSubfamilyOfAnotherFamilyIsAProblemButAMissingFamilyIsImpliedByTheSubfamily() throws Exception {
        assertThat(validate("{\"family\":\"design\",\"subfamily\":\"backend\",\"summary\":\"x\"}").problems())
                .anyMatch(p -> p.contains("belongs to family 'software_engineering'"));
        AnswerValidator.Result implied = validate("{\"subfamily\":\"backend\",\"summary\":\"x\"}");
        assertThat(implied.valid()).isTrue();
        assertThat(implied.classification().family()).isEqualTo("software_engineering");
    }

    @Test
    void badNumbersAreProblemsAndASummaryIsCutToFiftyWords() throws Exception {
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"years_min\":-2,\"years_max\":\"lots\"}")
                .problems()).hasSize(2);
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"years_min\":8,\"years_max\":3}")
                .problems()).anyMatch(p -> p.contains("above years_max"));
        String longSummary = "word ".repeat(80);
        Classification k = validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"summary\":\"" + longSummary
                + "\"}").classification();
        assertThat(k.summary().split(" ")).hasSize(AnswerValidator.SUMMARY_WORDS);
    }

    @Test
    void yearsWrittenAsARangeOrWithTheirUnitAreReadEachFieldTakingItsBound() throws Exception {
        Classification k = validate("""
                {"family":"data","subfamily":"data_engineering","years_min":"3-5","years_max":"3–5 years"}""")
                .classification();
        assertThat(k.yearsMin()).isEqualTo(3);
        assertThat(k.yearsMax()).isEqualTo(5);
        k = validate("""
                {"family":"data","subfamily":"data_engineering","years_min":"5+ years","years_max":"7 yrs"}""")
                .classification();
        assertThat(k.yearsMin()).isEqualTo(5);
        assertThat(k.yearsMax()).isEqualTo(7);
        assertThat(validate("""
                {"family":"data","subfamily":"data_engineering","years_min":"3 to 5","years_max":"2 to 1"}""")
                .problems()).singleElement().asString().startsWith("years_max");
    }

    @Test
    void aSalaryWithoutAmountsIsNoSalaryAndOneWithoutAPeriodIsAProblem() throws Exception {
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":{\"min\":null,\"max\":null,"
                + "\"currency\":\"EUR\",\"period\":\"year\"}}").classification().salary()).isNull();
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":{\"min\":5,\"max\":null,"
                + "\"currency\":\"EUR\",\"period\":\"sometimes\"}}").problems()).anyMatch(p -> p.startsWith("salary.period"));
    }

    @Test
    void aPeriodAbbreviatedAfterPerIsReadNotReAsked() throws Exception {
        // "per hr" is as clear as "/hr" and "hourly": asking again pays a second call for the same answer. (In yen,
        // where 3,000-4,000 is someone's pay by the hour and by the year alike.)
        String[][] spellings = {{"per hr", "HOUR"}, {"hrs", "HOUR"}, {"per yr", "YEAR"}, {"per mo", "MONTH"},
                {"/mth", "MONTH"}, {"per mth", "MONTH"}, {"per wk", "WEEK"}, {"p.w.", "WEEK"}, {"per annum", "YEAR"},
                {"an hour", "HOUR"}};
        for (String[] s : spellings) {
            AnswerValidator.Result r = validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":"
                    + "{\"min\":3000,\"max\":4000,\"currency\":\"JPY\",\"period\":\"" + s[0] + "\"}}");
            assertThat(r.problems()).as(s[0]).isEmpty();
            assertThat(r.classification().salary().period()).as(s[0]).isEqualTo(Salary.Period.valueOf(s[1]));
        }
        // Twice or half a period is none of the five, however it is written.
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":{\"min\":3000,"
                + "\"max\":4000,\"currency\":\"USD\",\"period\":\"per fortnight\"}}").problems())
                .anyMatch(p -> p.startsWith("salary.period"));
    }

    @Test
    void aCurrencyNamedInThePluralIsThatCurrencyNotAReAsk() throws Exception {
        // "US dollar" was read and "US Dollars" asked again: a second paid call for the same answer.
        for (String[] c : new String[][] {{"US Dollars", "USD"}, {"Canadian Dollars", "CAD"}, {"Indian Rupees", "INR"},
                {"Swiss francs", "CHF"}, {"Polish zlotys", "PLN"}}) {
            AnswerValidator.Result r = validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":"
                    + "{\"min\":70000,\"max\":90000,\"currency\":\"" + c[0] + "\",\"period\":\"year\"}}");
            assertThat(r.problems()).as(c[0]).isEmpty();
            assertThat(r.classification().salary().currency()).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":{\"min\":70000,"
                + "\"max\":90000,\"currency\":\"Space Credits\",\"period\":\"year\"}}").problems())
                .anyMatch(p -> p.startsWith("salary.currency"));
    }

    @Test
    void aLeastPayWrittenWithAPlusIsThatLeastNotAReAsk() throws Exception {
        AnswerValidator.Result r = validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":"
                + "{\"min\":\"$120k+\",\"max\":null,\"currency\":\"USD\",\"period\":\"year\"}}");
        assertThat(r.problems()).isEmpty();
        assertThat(r.classification().salary()).isEqualTo(new Salary(120_000.0, null, "USD", Salary.Period.YEAR));
        // A most with a plus says no most: asked.
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":{\"min\":100000,"
                + "\"max\":\"150k+\",\"currency\":\"USD\",\"period\":\"year\"}}").problems())
                .anyMatch(p -> p.startsWith("salary.max"));
    }

    @Test
    void amountsWrittenAsTextAreReadAndPayNoOneIsPaidIsAProblemToReAsk() throws Exception {
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":{\"min\":\"$95k\","
                + "\"max\":\"120,000\",\"currency\":\"USD\",\"period\":\"year\"}}").classification().salary())
                .isEqualTo(new Salary(95_000.0, 120_000.0, "USD", Salary.Period.YEAR));
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":{\"min\":\"70.000\","
                + "\"max\":\"90.000\",\"currency\":\"EUR\",\"period\":\"year\"}}").classification().salary())
                .as("European thousands, not seventy euros a year")
                .isEqualTo(new Salary(70_000.0, 90_000.0, "EUR", Salary.Period.YEAR));
        // 90,000 an hour is 187 million a year: the model put a yearly figure under the wrong period.
        AnswerValidator.Result hourly = validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":"
                + "{\"min\":90000,\"max\":1e300,\"currency\":\"USD\",\"period\":\"hour\"}}");
        assertThat(hourly.problems()).singleElement().asString().startsWith("salary ").contains("per hour");
    }

    @Test
    void aZeroIsNoAmountAndPayBelowAnyonesIsAProblemToReAsk() throws Exception {
        // A model's "unknown": no pay stated, not a job paying nothing that drags every pay figure down.
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":{\"min\":0,\"max\":0,"
                + "\"currency\":\"USD\",\"period\":\"year\"}}").classification().salary()).isNull();
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":{\"min\":0,"
                + "\"max\":120000,\"currency\":\"USD\",\"period\":\"year\"}}").classification().salary())
                .as("up to 120,000").isEqualTo(new Salary(null, 120_000.0, "USD", Salary.Period.YEAR));
        // "5-8 years of experience" read as pay, and an hourly rate put under a year.
        AnswerValidator.Result years = validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":"
                + "{\"min\":5,\"max\":8,\"currency\":\"EUR\",\"period\":\"year\"}}");
        assertThat(years.problems()).singleElement().asString().startsWith("salary ").contains("less than anyone is paid");
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":{\"min\":25,"
                + "\"max\":30,\"currency\":\"USD\",\"period\":\"hour\"}}").classification().salary())
                .isEqualTo(new Salary(25.0, 30.0, "USD", Salary.Period.HOUR));
    }

    @Test
    void aLowerBoundBelowAnyonesPayIsAskedAgainEvenBesideAPlausibleUpperOne() throws Exception {
        // "$120-150k" split as min "120" and max "150k": stored, a job paying from 120 dollars a year would drag
        // every minimum and median it joins, as a lone 120 (asked again) would.
        for (String min : new String[] {"120", "\"120\""}) {
            AnswerValidator.Result r = validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":"
                    + "{\"min\":" + min + ",\"max\":\"150k\",\"currency\":\"USD\",\"period\":\"year\"}}");
            assertThat(r.classification()).as(min).isNull();
            assertThat(r.problems()).singleElement().asString().contains("less than anyone is paid");
        }
        // A wide range whose bounds are each someone's pay is kept.
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":{\"min\":15,"
                + "\"max\":150,\"currency\":\"USD\",\"period\":\"hour\"}}").classification().salary())
                .isEqualTo(new Salary(15.0, 150.0, "USD", Salary.Period.HOUR));
    }

    @Test
    void aCurrencyGivenAsItsSymbolIsTheTaxonomysCurrency() throws Exception {
        // The prompt lists each currency with its symbols; "£" and "€" are those of GBP and EUR, not answers to re-ask.
        for (String[] symbolAndCode : new String[][]{{"£", "GBP"}, {"€", "EUR"}, {"₹", "INR"}, {" ₩ ", "KRW"}}) {
            AnswerValidator.Result r = validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":"
                    + "{\"min\":70000,\"max\":90000,\"currency\":\"" + symbolAndCode[0] + "\",\"period\":\"year\"}}");
            assertThat(r.problems()).as(symbolAndCode[0]).isEmpty();
            assertThat(r.classification().salary().currency()).isEqualTo(symbolAndCode[1]);
        }
        // "$" and "¥" are written by several currencies ("C$", "CN¥"): not USD nor JPY for a job in Toronto or Shanghai.
        for (String shared : new String[]{"$", "¥"}) {
            assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":{\"min\":70000,"
                    + "\"max\":90000,\"currency\":\"" + shared + "\",\"period\":\"year\"}}").problems())
                    .as(shared).singleElement().asString().startsWith("salary.currency '" + shared + "' is not allowed");
        }
    }

    @Test
    void payPerTwoWeeksOrHalfAMonthIsNoneOfTheFivePeriodsAndIsAskedAgain() throws Exception {
        // 4,000 every two weeks stored as 4,000 a week would be twice the pay; a period of the five is asked for.
        for (String period : new String[]{"biweekly", "bi-weekly", "fortnightly", "semi-monthly", "bimonthly",
                "semi-annually"}) {
            AnswerValidator.Result r = validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":"
                    + "{\"min\":4000,\"max\":5000,\"currency\":\"USD\",\"period\":\"" + period + "\"}}");
            assertThat(r.problems()).as(period).singleElement().asString().startsWith("salary.period");
        }
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":"
                + "{\"min\":4000,\"max\":5000,\"currency\":\"USD\",\"period\":\"weekly\"}}").classification().salary()
                .period()).isEqualTo(Salary.Period.WEEK);
    }

    @Test
    void aSummaryIsAtMostFiftyWordsOfASaneLength() {
        String words = "word ".repeat(80);
        assertThat(AnswerValidator.firstWords(words, 50).split(" ")).hasSize(50);
        assertThat(AnswerValidator.firstWords("x".repeat(1_000_000), 50)).hasSize(1_500);
        assertThat(AnswerValidator.firstWords("Builds data pipelines.", 50)).isEqualTo("Builds data pipelines.");
    }

    @Test
    void anAnswerThatIsNotAnObjectIsAProblem() throws Exception {
        assertThat(validate("[1,2]").problems()).singleElement().asString().contains("JSON object");
    }

    @Test
    void anOpenBoundIsNoMostAndTheWordsAroundYearsAreRead() throws Exception {
        // "5+" as the most years was read as "at most 5".
        Classification k = validate("""
                {"family":"data","subfamily":"data_engineering","years_min":"5+","years_max":"5+"}""")
                .classification();
        assertThat(k.yearsMin()).isEqualTo(5);
        assertThat(k.yearsMax()).isNull();
        k = validate("""
                {"family":"data","subfamily":"data_engineering","years_min":"at least 3","years_max":"5 years+"}""")
                .classification();
        assertThat(k.yearsMin()).isEqualTo(3);
        assertThat(k.yearsMax()).isNull();
        k = validate("""
                {"family":"data","subfamily":"data_engineering","years_min":"5+ years of experience",
                 "years_max":"8 years of relevant experience"}""").classification();
        assertThat(k.yearsMin()).isEqualTo(5);
        assertThat(k.yearsMax()).isEqualTo(8);
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"years_min\":\"five\"}")
                .problems()).singleElement().asString().startsWith("years_min");
        // "50 years" is a team size or a company's age misread, as the rules' ceiling of 30 says.
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"years_min\":50}")
                .problems()).singleElement().asString().startsWith("years_min must be a whole number of years between 0 and 30");
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"years_min\":30}")
                .classification().yearsMin()).isEqualTo(30);
    }

    @Test
    void theCommonWordingsOfALeastOrAMostYearsAreReadNotReAsked() throws Exception {
        // Each of these was a second paid call for an answer that says one thing.
        String[][] least = {{"3 or more years", "3"}, {"over 5 years", "5"}, {"5 years or more", "5"},
                {"3 years minimum", "3"}, {"more than 3 years", "3"}, {"minimum of 3 years", "3"},
                {"3+ yrs exp", "3"}, {"5 or more years of experience", "5"}, {"a minimum of 2 years", "2"}};
        for (String[] w : least) {
            Classification k = validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"years_min\":\""
                    + w[0] + "\",\"years_max\":\"" + w[0] + "\"}").classification();
            assertThat(k).as(w[0]).isNotNull();
            assertThat(k.yearsMin()).as(w[0]).isEqualTo(Integer.valueOf(w[1]));
            assertThat(k.yearsMax()).as(w[0] + " is no most").isNull();
        }
        for (String most : new String[] {"up to 5", "at most 5", "no more than 5 years"}) {
            Classification k = validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"years_min\":\""
                    + most + "\",\"years_max\":\"" + most + "\"}").classification();
            assertThat(k).as(most).isNotNull();
            assertThat(k.yearsMin()).as(most + " is no least").isNull();
            assertThat(k.yearsMax()).as(most).isEqualTo(5);
        }
        Classification k = validate("""
                {"family":"data","subfamily":"data_engineering","years_min":"3 years' experience",
                 "years_max":"3-6 years’ experience"}""").classification();
        assertThat(k.yearsMin()).isEqualTo(3);
        assertThat(k.yearsMax()).isEqualTo(6);
        // A most over a range, or open, says two things: asked.
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"years_max\":\"up to 3-5\"}")
                .problems()).singleElement().asString().startsWith("years_max");
        // A long run of spaces is no wording of years, and costs no backtracking.
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"years_min\":\"3"
                + " ".repeat(20_000) + "x\"}").problems()).singleElement().asString().startsWith("years_min");
    }

    @Test
    void anAmountWithItsCurrencysCodeAfterItIsReadButNotAWordThatScalesIt() throws Exception {
        Classification k = validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":"
                + "{\"min\":\"120,000 USD\",\"max\":\"150k usd\",\"currency\":\"USD\",\"period\":\"annually\"}}")
                .classification();
        assertThat(k.salary()).isEqualTo(new Salary(120_000.0, 150_000.0, "USD", Salary.Period.YEAR));
        // "mln" is a million in Polish: read as a code it would store 5 for five million.
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":"
                + "{\"min\":\"5 mln\",\"currency\":\"PLN\",\"period\":\"year\"}}").problems())
                .singleElement().asString().startsWith("salary.min");
    }
    private static AnswerValidator.Result withSalary(String salary) throws Exception {
        return validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"salary\":" + salary + "}");
    }

    @Test
    void aRangeInOneAmountFieldIsReadAsTheRangeNotReAsked() throws Exception {
        Salary range = new Salary(120_000.0, 150_000.0, "USD", Salary.Period.YEAR);
        // The whole range in min, max left out, null, the same range, or its top; or the whole range in max.
        for (String salary : new String[] {
                "{\"min\":\"120k-150k\",\"currency\":\"USD\",\"period\":\"year\"}",
                "{\"min\":\"120k - 150k\",\"max\":null,\"currency\":\"USD\",\"period\":\"year\"}",
                "{\"min\":\"$120,000–$150,000\",\"max\":150000,\"currency\":\"USD\",\"period\":\"year\"}",
                "{\"min\":\"120k to 150k\",\"max\":\"120k to 150k\",\"currency\":\"USD\",\"period\":\"year\"}",
                "{\"min\":null,\"max\":\"120,000-150,000 USD\",\"currency\":\"USD\",\"period\":\"year\"}",
                "{\"min\":120000,\"max\":\"120k-150k\",\"currency\":\"USD\",\"period\":\"year\"}"}) {
            AnswerValidator.Result r = withSalary(salary);
            assertThat(r.problems()).as(salary).isEmpty();
            assertThat(r.classification().salary()).as(salary).isEqualTo(range);
        }
        // What the range does not settle is still asked: bounds that disagree with the other field, a bound
        // with a suffix beside one without ("120-150k": 120 or 120,000?), a range upside down.
        for (String salary : new String[] {
                "{\"min\":\"120k-150k\",\"max\":200000,\"currency\":\"USD\",\"period\":\"year\"}",
                "{\"min\":100000,\"max\":\"120k-150k\",\"currency\":\"USD\",\"period\":\"year\"}",
                "{\"min\":\"120-150k\",\"currency\":\"USD\",\"period\":\"year\"}",
                "{\"min\":\"150k-120k\",\"currency\":\"USD\",\"period\":\"year\"}"}) {
            assertThat(withSalary(salary).problems()).as(salary).isNotEmpty()
                    .allMatch(p -> p.startsWith("salary.min") || p.startsWith("salary.max"));
        }
    }

    @Test
    void equityAsOneOrZeroIsTrueOrFalseButOtherNumbersAreAsked() throws Exception {
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"equity\":1}")
                .classification().equity()).isTrue();
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"equity\":0}")
                .classification().equity()).isFalse();
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"equity\":\"1\"}")
                .classification().equity()).isTrue();
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"equity\":2}")
                .problems()).singleElement().asString().startsWith("equity");
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\",\"equity\":0.5}")
                .problems()).singleElement().asString().startsWith("equity");
    }

    @Test
    void aLevelWithAParentheticalIsThatLevelNotAReAsk() throws Exception {
        // "Senior (5+ years)" names one level and glosses it: a second paid call would return "senior".
        for (String[] s : new String[][] {{"Senior (5+ years)", "senior"}, {"Mid-level (3-5 yrs)", "mid"},
                {"senior (IC)", "senior"}, {"Lead [team of 4]", "lead"}}) {
            AnswerValidator.Result r = validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\","
                    + "\"seniority\":\"" + s[0] + "\"}");
            assertThat(r.problems()).as(s[0]).isEmpty();
            assertThat(r.classification().seniority()).as(s[0]).isEqualTo(s[1]);
        }
        // The gloss's years are the model's, often the taxonomy's own ("about 5-8 years"), not the posting's: they
        // fill no stated field, and never replace one.
        Classification k = validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\","
                + "\"seniority\":\"Senior (5+ years)\",\"years_min\":3}").classification();
        assertThat(k.yearsMin()).isEqualTo(3);
        assertThat(k.yearsMax()).isNull();
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\","
                + "\"seniority\":\"Senior (5+ years)\"}").classification().yearsMin()).isNull();
        // Other fields read the same way.
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\","
                + "\"arrangement\":\"Hybrid (2 days in office)\"}").classification().arrangement()).isEqualTo("hybrid");
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\","
                + "\"position_type\":\"Full-time (permanent)\"}").classification().positionType()).isEqualTo("full_time");
    }

    @Test
    void twoLevelsInOneAnswerAreAskedAgainNotReadAsEither() throws Exception {
        // "senior / staff" normalised is "senior staff", a synonym of staff: it was stored as staff unasked.
        for (String level : new String[] {"senior / staff", "Senior/Staff", "mid or senior", "Senior (or Staff)",
                "Senior (Staff)", "senior, lead"}) {
            AnswerValidator.Result r = validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\","
                    + "\"seniority\":\"" + level + "\"}");
            assertThat(r.classification()).as(level).isNull();
            assertThat(r.problems()).as(level).singleElement().asString().startsWith("seniority '");
        }
        // A synonym that is written with a slash is that synonym, and two words for one code are that code.
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\","
                + "\"arrangement\":\"office/remote\"}").classification().arrangement()).isEqualTo("hybrid");
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\","
                + "\"position_type\":\"full-time / permanent\"}").classification().positionType()).isEqualTo("full_time");
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\","
                + "\"seniority\":\"Senior Staff\"}").classification().seniority()).isEqualTo("staff");
        assertThat(validate("{\"family\":\"data\",\"subfamily\":\"data_engineering\","
                + "\"arrangement\":\"remote/hybrid\"}").problems()).singleElement().asString().startsWith("arrangement '");
    }

    @Test
    void anAmountWithItsCurrencyAndPeriodWrittenOnIsReadNotReAsked() throws Exception {
        // The period or currency field left empty takes what the amount states; a field that states it agrees.
        Object[][] forms = {
                {"{\"min\":\"£45k pa\",\"currency\":\"GBP\",\"period\":null}", new Salary(45_000.0, null, "GBP", Salary.Period.YEAR)},
                {"{\"min\":\"£45k pa\"}", new Salary(45_000.0, null, "GBP", Salary.Period.YEAR)},
                {"{\"min\":\"45k GBP per annum\",\"currency\":\"GBP\",\"period\":\"year\"}", new Salary(45_000.0, null, "GBP", Salary.Period.YEAR)},
                {"{\"min\":\"€60.000 p.a.\",\"max\":\"€70.000 p.a.\",\"currency\":\"EUR\"}", new Salary(60_000.0, 70_000.0, "EUR", Salary.Period.YEAR)},
                {"{\"min\":\"$50/hr\",\"currency\":\"USD\"}", new Salary(50.0, null, "USD", Salary.Period.HOUR)},
                {"{\"min\":\"$50/hr\",\"max\":\"$60/hr\",\"currency\":\"CAD\",\"period\":\"hourly\"}", new Salary(50.0, 60.0, "CAD", Salary.Period.HOUR)},
                {"{\"min\":\"€30/h\",\"max\":\"€40/h\"}", new Salary(30.0, 40.0, "EUR", Salary.Period.HOUR)},
                {"{\"min\":\"£45k-£55k pa\",\"currency\":\"GBP\"}", new Salary(45_000.0, 55_000.0, "GBP", Salary.Period.YEAR)},
                {"{\"min\":\"4,000 EUR per month\",\"max\":\"5,000 EUR per month\",\"currency\":null,\"period\":null}", new Salary(4_000.0, 5_000.0, "EUR", Salary.Period.MONTH)},
                {"{\"min\":\"120k+ USD a year\",\"currency\":\"USD\"}", new Salary(120_000.0, null, "USD", Salary.Period.YEAR)},
        };
        for (Object[] f : forms) {
            AnswerValidator.Result r = withSalary((String) f[0]);
            assertThat(r.problems()).as((String) f[0]).isEmpty();
            assertThat(r.classification().salary()).as((String) f[0]).isEqualTo(f[1]);
        }
    }

    @Test
    void anAmountWhoseWrittenCurrencyOrPeriodIsAnotherOrUnclearIsAskedAgain() throws Exception {
        for (String salary : new String[] {
                // Another currency than the field's, or another period.
                "{\"min\":\"£45k pa\",\"currency\":\"USD\",\"period\":\"year\"}",
                "{\"min\":\"45k GBP\",\"currency\":\"EUR\",\"period\":\"year\"}",
                "{\"min\":\"$50/hr\",\"currency\":\"USD\",\"period\":\"year\"}",
                // Bounds that disagree with each other.
                "{\"min\":\"$50/hr\",\"max\":\"$90k/yr\",\"currency\":\"USD\"}",
                "{\"min\":\"£45k\",\"max\":\"€55k\",\"period\":\"year\"}",
                // A "$" alone does not say which dollar.
                "{\"min\":\"$50/hr\"}",
                // Words that are no period nor currency, and twice a period.
                "{\"min\":\"45k plus bonus\",\"currency\":\"GBP\",\"period\":\"year\"}",
                "{\"min\":\"£2k biweekly\",\"currency\":\"GBP\"}",
                "{\"min\":\"45k GBP per annum\",\"currency\":\"GBP\",\"period\":\"per fortnight\"}"}) {
            AnswerValidator.Result r = withSalary(salary);
            assertThat(r.classification()).as(salary).isNull();
            assertThat(r.problems()).as(salary).isNotEmpty().allMatch(p -> p.startsWith("salary"));
        }
    }

    @Test
    void aRangeWhoseBoundsEachCarryTheirPeriodIsReadNotReAsked() throws Exception {
        // The schema asks for numbers, but a forced tool call does not hold the model to it: these come back.
        Object[][] forms = {
                {"{\"min\":\"$50/hr - $60/hr\",\"max\":null,\"currency\":\"USD\",\"period\":\"hour\"}", new Salary(50.0, 60.0, "USD", Salary.Period.HOUR)},
                {"{\"min\":\"$50/hr-$60/hr\",\"currency\":\"USD\",\"period\":null}", new Salary(50.0, 60.0, "USD", Salary.Period.HOUR)},
                {"{\"min\":null,\"max\":\"$50/hr to $60/hr\",\"currency\":\"USD\"}", new Salary(50.0, 60.0, "USD", Salary.Period.HOUR)},
                {"{\"min\":\"£45k pa – £55k pa\"}", new Salary(45_000.0, 55_000.0, "GBP", Salary.Period.YEAR)},
                {"{\"min\":\"40k GBP - 50k GBP per annum\",\"period\":\"year\"}", new Salary(40_000.0, 50_000.0, "GBP", Salary.Period.YEAR)},
                {"{\"min\":\"$50/hr\",\"max\":\"$60/hr\",\"currency\":\"USD\",\"period\":null}", new Salary(50.0, 60.0, "USD", Salary.Period.HOUR)},
        };
        for (Object[] f : forms) {
            AnswerValidator.Result r = withSalary((String) f[0]);
            assertThat(r.problems()).as((String) f[0]).isEmpty();
            assertThat(r.classification().salary()).as((String) f[0]).isEqualTo(f[1]);
        }
        // Bounds per different periods, or a range against the field's period or another currency, are asked.
        for (String salary : new String[] {
                "{\"min\":\"$50/hr - $90k/yr\",\"currency\":\"USD\"}",
                "{\"min\":\"$50/hr - $60/hr\",\"currency\":\"USD\",\"period\":\"year\"}",
                "{\"min\":\"£45k pa - £55k pa\",\"currency\":\"EUR\"}",
                "{\"min\":\"$50/hr - $60/hr\"}"}) {
            AnswerValidator.Result r = withSalary(salary);
            assertThat(r.classification()).as(salary).isNull();
            assertThat(r.problems()).as(salary).isNotEmpty().allMatch(p -> p.startsWith("salary"));
        }
    }

    @Test
    void aWholeSalaryWrittenAsOneStringIsReadAsTheObjectItStands() throws Exception {
        Object[][] forms = {
                {"\"£45k–£55k pa\"", new Salary(45_000.0, 55_000.0, "GBP", Salary.Period.YEAR)},
                {"\"£45k pa\"", new Salary(45_000.0, 45_000.0, "GBP", Salary.Period.YEAR)},
                {"\"45k GBP per annum\"", new Salary(45_000.0, 45_000.0, "GBP", Salary.Period.YEAR)},
                {"\"£45k+ pa\"", new Salary(45_000.0, null, "GBP", Salary.Period.YEAR)},
                {"\"€4,000 - €5,000 per month\"", new Salary(4_000.0, 5_000.0, "EUR", Salary.Period.MONTH)},
                {"\"120,000-150,000 USD per year\"", new Salary(120_000.0, 150_000.0, "USD", Salary.Period.YEAR)},
        };
        for (Object[] f : forms) {
            AnswerValidator.Result r = withSalary((String) f[0]);
            assertThat(r.problems()).as((String) f[0]).isEmpty();
            assertThat(r.classification().salary()).as((String) f[0]).isEqualTo(f[1]);
        }
        // Words for no pay, and a salary with no figure at all, state none: nothing to ask again.
        for (String none : new String[] {"\"Not stated\"", "\"none\"", "\"N/A\"", "\"Competitive\"", "\"DOE\""}) {
            AnswerValidator.Result r = withSalary(none);
            assertThat(r.problems()).as(none).isEmpty();
            assertThat(r.classification().salary()).as(none).isNull();
        }
        // What the string does not settle is asked, quoting it: which dollar, which period, pay in two currencies.
        for (String unclear : new String[] {"\"$120k - $150k per year\"", "\"£45k - £55k\"", "\"£45k or €50k pa\"",
                "\"£45k pa plus bonus\"", "\"up to £60k pa\""}) {
            AnswerValidator.Result r = withSalary(unclear);
            assertThat(r.classification()).as(unclear).isNull();
            assertThat(r.problems()).as(unclear).singleElement().asString()
                    .startsWith("salary must be an object").contains(unclear.substring(1, unclear.length() - 1));
        }
    }

    @Test
    void theCeilingOnPayIsTheCurrencysNotOneForAll() throws Exception {
        // Twelve million yen, two and a half million rupees, a billion dong a year: ordinary pay in their money.
        for (String[] ok : new String[][] {{"12000000", "JPY"}, {"2500000", "INR"}, {"1200000000", "VND"},
                {"30000000000", "VND"}, {"15000000000", "IDR"}, {"900000", "USD"}}) {
            AnswerValidator.Result r = withSalary("{\"min\":" + ok[0] + ",\"currency\":\"" + ok[1] + "\",\"period\":\"year\"}");
            assertThat(r.problems()).as(ok[1] + " " + ok[0]).isEmpty();
        }
        // Twelve million dollars or pounds a year is no posting's pay: a yen figure put under the dollar, or a typo.
        for (String[] bad : new String[][] {{"12000000", "USD"}, {"12000000", "GBP"}, {"1000000000", "INR"}}) {
            AnswerValidator.Result r = withSalary("{\"min\":" + bad[0] + ",\"currency\":\"" + bad[1] + "\",\"period\":\"year\"}");
            assertThat(r.problems()).as(bad[1] + " " + bad[0]).singleElement().asString()
                    .contains("more than anyone is paid").contains(bad[1]);
        }
        // One bound, the taxonomy's, for the rules and the validator.
        assertThat(TAXONOMY.plausiblePay(new Salary(12_000_000.0, null, "JPY", Salary.Period.YEAR))).isTrue();
        assertThat(TAXONOMY.plausiblePay(new Salary(12_000_000.0, null, "USD", Salary.Period.YEAR))).isFalse();
        assertThat(TAXONOMY.plausiblePay(new Salary(10_000.0, null, "USD", Salary.Period.HOUR))).isFalse();
    }
}
