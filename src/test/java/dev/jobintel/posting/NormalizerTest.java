package dev.jobintel.posting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NormalizerTest {

    @Test
    void basicFoldsCaseAccentsPunctuationAndSpaces() {
        assertThat(Normalizer.basic("  Senior  Back-End   Engineer!! ")).isEqualTo("senior back end engineer");
        assertThat(Normalizer.basic("Ingénieur Logiciel")).isEqualTo("ingenieur logiciel");
        assertThat(Normalizer.basic("Ｆｕｌｌ Stack")).isEqualTo("full stack");
        assertThat(Normalizer.basic("R&D Lead")).isEqualTo("r and d lead");
        assertThat(Normalizer.basic("C++ / C# Developer")).isEqualTo("c++ c# developer");
        assertThat(Normalizer.basic("Straße")).isEqualTo("strasse");
        assertThat(Normalizer.basic(null)).isEmpty();
    }

    @Test
    void employerDropsLegalSuffixesOnly() {
        assertThat(Normalizer.employer("Acme, Inc.")).isEqualTo("acme");
        assertThat(Normalizer.employer("ACME Ltd")).isEqualTo("acme");
        assertThat(Normalizer.employer("Acme GmbH & Co. KG")).isEqualTo("acme");
        assertThat(Normalizer.employer("Northwind Analytics LLC")).isEqualTo("northwind analytics");
        assertThat(Normalizer.employer("Zephyr Travel S.L.")).isEqualTo("zephyr travel");
        assertThat(Normalizer.employer("Blueshift Telecom S.A.")).isEqualTo("blueshift telecom");
        assertThat(Normalizer.employer("Pinecrest Bank N.A.")).isEqualTo("pinecrest bank");
        // A name that is only a suffix word keeps it; "Group" is part of a name, not a legal form.
        assertThat(Normalizer.employer("Co")).isEqualTo("co");
        assertThat(Normalizer.employer("Boston Consulting Group")).isEqualTo("boston consulting group");
    }

    @Test
    void titleDropsGenderMarkersButNotRealSlashes() {
        assertThat(Normalizer.title("Backend Engineer (m/f/d)")).isEqualTo("backend engineer");
        assertThat(Normalizer.title("Softwareentwickler (m/w/d)")).isEqualTo("softwareentwickler");
        assertThat(Normalizer.title("Data Scientist (f/m/x)")).isEqualTo("data scientist");
        assertThat(Normalizer.title("Développeur H/F")).isEqualTo("developpeur");
        assertThat(Normalizer.title("Designer (all genders)")).isEqualTo("designer");
        // German boards spell the third gender out as often as they abbreviate it.
        assertThat(Normalizer.title("Softwareentwickler (m/w/div)")).isEqualTo("softwareentwickler");
        assertThat(Normalizer.title("Softwareentwickler (w/m/divers)")).isEqualTo("softwareentwickler");
        assertThat(Normalizer.title("Softwareentwickler (m/w/div.)")).isEqualTo("softwareentwickler");
        assertThat(Normalizer.title("Softwareentwickler (alle Geschlechter)")).isEqualTo("softwareentwickler");
        assertThat(Normalizer.title("Frontend/Diversity Lead")).isEqualTo("frontend diversity lead");
        assertThat(Normalizer.title("Head/Director of Data")).isEqualTo("head director of data");
        assertThat(Normalizer.title("UI/UX Designer")).isEqualTo("ui ux designer");
    }

    @Test
    void titleSpellsOutTheAbbreviationsBoardsWriteSoOneJobHasOneIdentity() {
        assertThat(Normalizer.title("Sr. Backend Engineer")).isEqualTo(Normalizer.title("Senior Backend Engineer"));
        assertThat(Normalizer.title("Jr Data Analyst")).isEqualTo("junior data analyst");
        assertThat(Normalizer.title("Engineering Mgr, Payments")).isEqualTo("engineering manager payments");
        // Only whole words: "Srinivasan" or "mgrs" are not abbreviations.
        assertThat(Normalizer.title("Srinivasan Fellow")).isEqualTo("srinivasan fellow");
        assertThat(JobHash.of("Acme", "Sr. Backend Engineer", "lon"))
                .isEqualTo(JobHash.of("Acme Inc.", "Senior Backend Engineer", "lon"));
        // The key of a paid answer keeps the words as written: a posting landed before this rule reuses its answer.
        assertThat(Normalizer.titleAsWritten("Sr. Backend Engineer (m/f/d)")).isEqualTo("sr backend engineer");
    }

    @Test
    void aTrailingRequisitionIdIsNotPartOfTheJob() {
        String senior = Normalizer.title("Senior Backend Engineer");
        for (String t : new String[] {"Senior Backend Engineer - R12345", "Senior Backend Engineer (REQ-2026-0042)",
                "Senior Backend Engineer [JR-1234]", "Senior Backend Engineer (JR0012345)", "Sr. Backend Engineer #4521",
                "Senior Backend Engineer - Job ID 123456", "Senior Backend Engineer, Req. 8812", "Senior Backend Engineer 2026-10442"}) {
            assertThat(Normalizer.title(t)).as(t).isEqualTo(senior);
        }
        assertThat(JobHash.of("Acme", "Senior Backend Engineer - R12345", "lon"))
                .isEqualTo(JobHash.of("Acme", "Senior Backend Engineer", "lon"));
        // Numbers that are part of the job stay: levels, a year's cohort, a product, a short team number.
        assertThat(Normalizer.title("Software Engineer 2")).isEqualTo("software engineer 2");
        assertThat(Normalizer.title("Graduate Software Engineer 2026")).isEqualTo("graduate software engineer 2026");
        assertThat(Normalizer.title("Graduate Software Engineer 2027")).isNotEqualTo(Normalizer.title("Graduate Software Engineer 2026"));
        assertThat(Normalizer.title("Engineer L5")).isEqualTo("engineer l5");
        assertThat(Normalizer.title("Developer, Windows 11")).isEqualTo("developer windows 11");
        assertThat(Normalizer.title("Jr Developer")).isEqualTo("junior developer");
        assertThat(Normalizer.title("R12345")).isEqualTo("r12345");
        // A level before the id stays: levels 2 and 3 of one title are two jobs.
        assertThat(Normalizer.title("Software Engineer 2 - R12345")).isEqualTo("software engineer 2");
        assertThat(Normalizer.title("Software Engineer 3 (JR0012346)")).isEqualTo("software engineer 3");
        assertThat(Normalizer.title("Data Engineer 2 #4521")).isEqualTo("data engineer 2");
        assertThat(JobHash.of("Acme", "Software Engineer 2 - R12345", "lon"))
                .isNotEqualTo(JobHash.of("Acme", "Software Engineer 3 - R12346", "lon"));
    }
    @Test
    void aGermanGenderSuffixIsAGenderMarkerLikeMwd() {
        String mwd = Normalizer.title("Softwareentwickler (m/w/d)");
        for (String t : new String[] {"Softwareentwickler*in", "Softwareentwickler:in", "Softwareentwickler_in",
                "Softwareentwickler/in", "Softwareentwickler/-in", "Softwareentwickler(in)", "Softwareentwickler*in (m/w/d)"}) {
            assertThat(Normalizer.title(t)).as(t).isEqualTo(mwd);
        }
        assertThat(Normalizer.title("Senior Entwickler*innen Backend")).isEqualTo("senior entwickler backend");
        assertThat(JobHash.of("Acme", "Data Engineer*in", "ber")).isEqualTo(JobHash.of("Acme", "Data Engineer (m/w/d)", "ber"));
        // English 'in' stays a word.
        assertThat(Normalizer.title("Software Engineer in Test")).isEqualTo("software engineer in test");
        assertThat(Normalizer.title("LinkedIn Ads Specialist")).isEqualTo("linkedin ads specialist");
        assertThat(Normalizer.title("Sales / In-house Counsel")).isEqualTo("sales in house counsel");
    }
    @Test
    void genderMarkersWrittenWithOtherSeparatorsAreGenderMarkers() {
        String mwd = Normalizer.title("Softwareentwickler (m/w/d)");
        for (String t : new String[] {"Softwareentwickler (m|w|d)", "Softwareentwickler (mwd)", "Softwareentwickler (m,w,d)",
                "Softwareentwickler (M-W-D)", "Softwareentwickler [m | f | d]", "Softwareentwickler (MFD)"}) {
            assertThat(Normalizer.title(t)).as(t).isEqualTo(mwd);
        }
        // Not a marker: letters that are words or part of a name.
        assertThat(Normalizer.title("Engineer (MDM)")).isEqualTo("engineer mdm");
        assertThat(Normalizer.title("Engineer (C-D)")).isEqualTo("engineer c d");
        assertThat(Normalizer.title("Engineer, W-2")).isEqualTo("engineer w 2");
    }
}
