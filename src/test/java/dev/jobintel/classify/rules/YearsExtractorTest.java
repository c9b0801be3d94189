package dev.jobintel.classify.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class YearsExtractorTest {

    @Test
    void findsStatedExperience() {
        assertThat(YearsExtractor.find("You have 5+ years of experience with Java.")).isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("3-5 years of professional experience")).isEqualTo(new YearsExtractor.Years(3, 5));
        assertThat(YearsExtractor.find("At least four years' experience building APIs")).isEqualTo(new YearsExtractor.Years(4, null));
        assertThat(YearsExtractor.find("minimum of 7 years relevant experience")).isEqualTo(new YearsExtractor.Years(7, null));
        assertThat(YearsExtractor.find("2 to 4 years working in data")).isEqualTo(new YearsExtractor.Years(2, 4));
        assertThat(YearsExtractor.find("8 years as a software engineer")).isEqualTo(new YearsExtractor.Years(8, null));
    }

    @Test
    void aBandWrittenBetweenOneNumberAndAnotherIsTheWholeBand() {
        // Not "five years of experience" alone, which read a mid-level band as senior.
        assertThat(YearsExtractor.find("Between three and five years of experience in backend development."))
                .isEqualTo(new YearsExtractor.Years(3, 5));
        assertThat(YearsExtractor.find("You have between 2 and 4 years of professional experience."))
                .isEqualTo(new YearsExtractor.Years(2, 4));
    }

    @Test
    void findsExperienceStatedInGermanSpanishPortugueseAndFrench() {
        // The boards of Germany, Spain, Latin America, Brazil and France, whose titles the taxonomy reads.
        assertThat(YearsExtractor.find("Du bringst 2 Jahre Berufserfahrung mit Java mit.")).isEqualTo(new YearsExtractor.Years(2, null));
        assertThat(YearsExtractor.find("Mindestens 3 Jahre Erfahrung in der Softwareentwicklung"))
                .isEqualTo(new YearsExtractor.Years(3, null));
        assertThat(YearsExtractor.find("3-5 Jahre einschlägige Berufserfahrung")).isEqualTo(new YearsExtractor.Years(3, 5));
        assertThat(YearsExtractor.find("Berufserfahrung von mindestens 5 Jahren")).isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("Experiencia mínima de 3 años en desarrollo backend."))
                .isEqualTo(new YearsExtractor.Years(3, null));
        assertThat(YearsExtractor.find("Al menos 4 años de experiencia con Python.")).isEqualTo(new YearsExtractor.Years(4, null));
        assertThat(YearsExtractor.find("De 3 a 5 años de experiencia.")).isEqualTo(new YearsExtractor.Years(3, 5));
        assertThat(YearsExtractor.find("Mínimo de 4 anos de experiência com Java.")).isEqualTo(new YearsExtractor.Years(4, null));
        assertThat(YearsExtractor.find("5+ anos de experiência em desenvolvimento.")).isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("Vous avez au moins 5 ans d'expérience en développement."))
                .isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("Vous justifiez de 3 à 5 ans d’expérience.")).isEqualTo(new YearsExtractor.Years(3, 5));
        assertThat(YearsExtractor.find("Was wir uns wünschen: mindestens 3 Jahre Berufserfahrung.")).isEqualTo(new YearsExtractor.Years(3, null));
        assertThat(YearsExtractor.find("Berufserfahrung: 4+ Jahre")).isEqualTo(new YearsExtractor.Years(4, null));
        assertThat(YearsExtractor.find("Profesional con más de 5 años de experiencia en Java.")).isEqualTo(new YearsExtractor.Years(5, null));
        // Still only the candidate's experience: the company's years, or years of something else, are none.
        assertThat(YearsExtractor.find("Wir haben über 20 Jahre Erfahrung im Handel.")).isNull();
        assertThat(YearsExtractor.find("Seit 15 Jahren am Markt. Erfahrung mit Kotlin ist ein Plus.")).isNull();
        assertThat(YearsExtractor.find("Contamos con 25 años de experiencia en el sector.")).isNull();
        assertThat(YearsExtractor.find("Unbefristeter Vertrag, 30 Tage Urlaub, Erfahrung mit Go.")).isNull();
    }

    @Test
    void aCeilingOnTheYearsIsABandFromNone() {
        // Early-career postings: "up to 2 years" is at most two, not two or more.
        assertThat(YearsExtractor.find("Up to 2 years of experience in software development.")).isEqualTo(new YearsExtractor.Years(0, 2));
        assertThat(YearsExtractor.find("Graduates with no more than 3 years of experience.")).isEqualTo(new YearsExtractor.Years(0, 3));
        assertThat(YearsExtractor.find("Ideal for someone with less than 2 years of professional experience."))
                .isEqualTo(new YearsExtractor.Years(0, 2));
        // The plus as a word: that many years or more.
        assertThat(YearsExtractor.find("Three-plus years of experience with Kotlin.")).isEqualTo(new YearsExtractor.Years(3, null));
        assertThat(YearsExtractor.find("5 plus years of experience with AWS.")).isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("Surplus years of experience")).isNull();
        // The plus after the word: that many years or more.
        assertThat(YearsExtractor.find("5 years+ experience with Java.")).isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("You bring 8 yrs+ of experience in backend development.")).isEqualTo(new YearsExtractor.Years(8, null));
        // A band from some months: under the years, not that many years or more.
        assertThat(YearsExtractor.find("6 months to 2 years of experience with Python.")).isEqualTo(new YearsExtractor.Years(0, 2));
        assertThat(YearsExtractor.find("Experience: 6 months - 1 year of professional experience"))
                .isEqualTo(new YearsExtractor.Years(0, 1));
        assertThat(YearsExtractor.find("You have 6-12 months to 2 years of experience in QA.")).isEqualTo(new YearsExtractor.Years(0, 2));
    }

    @Test
    void numbersNotAboutExperienceAreIgnored() {
        assertThat(YearsExtractor.find("Founded 12 years ago, we have 300 employees.")).isNull();
        assertThat(YearsExtractor.find("10 years of company history")).isNull();
        assertThat(YearsExtractor.find("99 years of experience")).isNull();
        assertThat(YearsExtractor.find(null)).isNull();
    }

    @Test
    void aMentionOfYearsWithNoNumberBeforeItIsPassedOverButLaterOnesAreFound() {
        assertThat(YearsExtractor.find("We review pay twice a year. You bring six (6) years of experience."))
                .isEqualTo(new YearsExtractor.Years(6, null));
        assertThat(YearsExtractor.find("Yearly bonus; 4 + years experience")).isEqualTo(new YearsExtractor.Years(4, null));
        assertThat(YearsExtractor.find("Someone with years of experience")).isNull();
        assertThat(YearsExtractor.numberBefore("twice a year", 9)).isFalse();
        assertThat(YearsExtractor.numberBefore("5+ years", 3)).isTrue();
        assertThat(YearsExtractor.numberBefore("ten (10) + years", 10)).isTrue();
        assertThat(YearsExtractor.numberBefore("someone years", 8)).isFalse();
    }

    @Test
    void findsCommonPhrasingsBeyondTheListedQualifiers() {
        assertThat(YearsExtractor.find("What you bring: 7+ years of backend development experience, solid SQL."))
                .isEqualTo(new YearsExtractor.Years(7, null));
        assertThat(YearsExtractor.find("You have 5 or more years of experience building data pipelines."))
                .isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("5+ years in a similar role. £65,000 - £80,000."))
                .isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("Experience: 6+ years.\n\nHybrid.")).isEqualTo(new YearsExtractor.Years(6, null));
        assertThat(YearsExtractor.find("Experience required: 3-5 years")).isEqualTo(new YearsExtractor.Years(3, 5));
        // Still only experience: a history, or a number far from the word, is none.
        assertThat(YearsExtractor.find("10 years of company history and experience")).isNull();
        assertThat(YearsExtractor.find("We have grown for 9 years in a row.")).isNull();
    }

    @Test
    void yearsInAFieldOrWithTheirMinimumAfterThemAreExperience() {
        assertThat(YearsExtractor.find("You have 4+ years in backend development, ideally with Go."))
                .isEqualTo(new YearsExtractor.Years(4, null));
        assertThat(YearsExtractor.find("3-5 years in software engineering, two of them on payments."))
                .isEqualTo(new YearsExtractor.Years(3, 5));
        assertThat(YearsExtractor.find("2 years minimum of commercial experience with React."))
                .isEqualTo(new YearsExtractor.Years(2, null));
        assertThat(YearsExtractor.find("Requirements: 5 years minimum experience in a product team."))
                .isEqualTo(new YearsExtractor.Years(5, null));
        // Years in the trade itself.
        assertThat(YearsExtractor.find("You have 10+ years in the industry, ideally in payments."))
                .isEqualTo(new YearsExtractor.Years(10, null));
        assertThat(YearsExtractor.find("5+ years in tech, two of them at a startup.")).isEqualTo(new YearsExtractor.Years(5, null));
        // Years in something that is not a field of work, or the company's, are still none.
        assertThat(YearsExtractor.find("We have 20 years in the industry.")).isNull();
        assertThat(YearsExtractor.find("Acme: 25 years in the industry and counting.")).isNull();
        assertThat(YearsExtractor.find("We have been profitable 6 years in a row.")).isNull();
        assertThat(YearsExtractor.find("We've spent 10 years in software development for banks.")).isNull();
        assertThat(YearsExtractor.find("A 2 years minimum commitment to the programme.")).isNull();
    }

    @Test
    void findsTheBandWrittenAsALabelAParenthesisOrAnAbbreviation() {
        assertThat(YearsExtractor.find("Experience of 3 to 5 years in a product company.")).isEqualTo(new YearsExtractor.Years(3, 5));
        assertThat(YearsExtractor.find("Requirements:\n- Backend development (5+ years)\n- SQL")).isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("Java (3-5 yrs), Spring Boot")).isEqualTo(new YearsExtractor.Years(3, 5));
        assertThat(YearsExtractor.find("Product design (4 years of experience)")).isEqualTo(new YearsExtractor.Years(4, null));
        assertThat(YearsExtractor.find("Must have: 5+ yrs. exp. with Kubernetes.")).isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("Years of experience: 5+\nLocation: Remote")).isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("Years of relevant experience: 3-5.")).isEqualTo(new YearsExtractor.Years(3, 5));
        assertThat(YearsExtractor.find("Minimum experience: 3 years")).isEqualTo(new YearsExtractor.Years(3, null));
        // The company's years, a contract's length or a year are no band of experience.
        assertThat(YearsExtractor.find("10+ years in business and still growing.")).isNull();
        assertThat(YearsExtractor.find("A trusted partner since 2004 (20+ years).")).isNull();
        assertThat(YearsExtractor.find("Fixed-term contract (1-2 years), full time.")).isNull();
        assertThat(YearsExtractor.find("Our team has experience of 20 years in logistics.")).isNull();
        assertThat(YearsExtractor.find("Backend development (5 years)")).as("a bare length is not a requirement").isNull();
        assertThat(YearsExtractor.find("Years of experience: 2019 - 2023 at Acme.")).isNull();
    }

    @Test
    void theCompanysOwnYearsAreNotTheCandidates() {
        assertThat(YearsExtractor.find("For over 10 years as an industry leader, Acme has helped thousands of teams.")).isNull();
        assertThat(YearsExtractor.find("We've spent 15 years building the best payroll software on the market.")).isNull();
        assertThat(YearsExtractor.find("We have 10+ years of experience serving enterprise customers.")).isNull();
        assertThat(YearsExtractor.find("In the last 5 years building our product, we learned a lot.")).isNull();
        assertThat(YearsExtractor.find("The company has 10 years of experience in logistics.")).isNull();
        assertThat(YearsExtractor.find("Our engineers have 10+ years of experience each.")).isNull();
        assertThat(YearsExtractor.find("Our consultants bring 15 years of experience in SAP.")).isNull();
        assertThat(YearsExtractor.find("The agency has over 12 years of experience designing for retail brands.")).isNull();
        assertThat(YearsExtractor.find("The company has 10 years of experience in logistics; you have 3+ years of "
                + "experience with Go.")).isEqualTo(new YearsExtractor.Years(3, null));
        // The candidate's years after the company's are still found, and "we" asking for years is no history.
        assertThat(YearsExtractor.find("Our founders bring 20+ years of experience in fintech. You have 3+ years of "
                + "experience with React.")).isEqualTo(new YearsExtractor.Years(3, null));
        assertThat(YearsExtractor.find("We're looking for 5+ years of experience in Java."))
                .isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("Candidates should have worked for 5+ years as a developer."))
                .isEqualTo(new YearsExtractor.Years(5, null));
    }

    @Test
    void theEmployerNamedAsTheSubjectStatesItsOwnYears() {
        assertThat(YearsExtractor.find("Acme has 15 years of experience building payment systems.")).isNull();
        assertThat(YearsExtractor.find("Founded in 2009, Acme Payments has over 15 years of experience in payments.",
                "Acme Payments, Inc.")).isNull();
        assertThat(YearsExtractor.find("Acme has 15 years of experience building payment systems; you have 4+ years of "
                + "experience with Kotlin.", "Acme")).isEqualTo(new YearsExtractor.Years(4, null));
        // The company's leaders, the candidate's future manager, a team so described, a team's years summed.
        assertThat(YearsExtractor.find("Our CTO brings 20+ years of experience in distributed systems.")).isNull();
        assertThat(YearsExtractor.find("Our head of engineering has 15 years of experience.")).isNull();
        assertThat(YearsExtractor.find("Your manager has 12 years of experience leading teams.")).isNull();
        assertThat(YearsExtractor.find("You will report to our VP, who has 20 years of experience in SaaS.")).isNull();
        assertThat(YearsExtractor.find("You'll join a team with 20 years of experience in payments.")).isNull();
        assertThat(YearsExtractor.find("Led by a team with 30 years of combined experience.")).isNull();
        assertThat(YearsExtractor.find("We're looking for someone with 5+ years of experience in Go."))
                .isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("A candidate with 3-5 years of experience leading a team."))
                .isEqualTo(new YearsExtractor.Years(3, 5));
        assertThat(YearsExtractor.find("You'll join our team with 4+ years of backend development experience."))
                .isEqualTo(new YearsExtractor.Years(4, null));
        // The candidate as the subject, or no subject at all, is a requirement.
        assertThat(YearsExtractor.find("You have 5+ years of experience.")).isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("With 15 years of experience in payments, you will lead the team.", "Acme"))
                .isEqualTo(new YearsExtractor.Years(15, null));
        assertThat(YearsExtractor.find("Has 5+ years of experience with Python.")).isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("• Has 5+ years of experience with Python.")).isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("Candidate has 5+ years of experience.")).isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("Ideally has 5+ years of experience with Go.")).isEqualTo(new YearsExtractor.Years(5, null));
        assertThat(YearsExtractor.find("The ideal candidate has 5+ years of experience with Go."))
                .isEqualTo(new YearsExtractor.Years(5, null));
    }
}
