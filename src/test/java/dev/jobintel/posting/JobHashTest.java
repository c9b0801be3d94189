package dev.jobintel.posting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobHashTest {

    @Test
    void sameJobAcrossSourcesAndFormattingHasOneHash() {
        String a = JobHash.of("Acme, Inc.", "Senior Back-End Engineer (m/f/d)", "lon");
        String b = JobHash.of("ACME", "senior  back end engineer", "lon");
        assertThat(a).isEqualTo(b).hasSize(32).matches("[0-9a-f]{32}");
    }

    @Test
    void aLevelInRomanNumeralsIsTheSameLevelInDigits() {
        for (String[] pair : new String[][] {{"Software Engineer I", "Software Engineer 1"},
                {"Software Engineer II", "Software Engineer 2"}, {"Software Engineer III", "Software Engineer 3"},
                {"Software Engineer IV, Payments", "Software Engineer 4, Payments"}, {"Data Analyst V", "Data Analyst 5"},
                {"Engineer I/II", "Engineer 1/2"}}) {
            assertThat(JobHash.of("Acme", pair[0], "lon")).as(pair[0]).isEqualTo(JobHash.of("Acme", pair[1], "lon"));
        }
        assertThat(JobHash.of("Acme", "Software Engineer II", "lon"))
                .isNotEqualTo(JobHash.of("Acme", "Software Engineer III", "lon"));
        // Not a level: I.T., V.P., a word starting with the letters.
        assertThat(JobHash.levelDigits("head of i t")).isEqualTo("head of i t");
        assertThat(JobHash.levelDigits("v p of engineering")).isEqualTo("v p of engineering");
        assertThat(JobHash.levelDigits("ivy league recruiter")).isEqualTo("ivy league recruiter");
        assertThat(JobHash.levelDigits("software engineer ii backend")).isEqualTo("software engineer 2 backend");
    }

    @Test
    void aJobInSeveralCitiesIsOneJobWhateverOrderTheBoardListsThem() {
        dev.jobintel.posting.location.LocationResolver resolver = new dev.jobintel.posting.location.LocationResolver(
                dev.jobintel.posting.location.Gazetteer.bundled());
        String[][] orders = {{"London; New York", "New York; London"}, {"London, UK or New York, NY", "New York, NY | London, UK"},
                {"Berlin / Munich", "Munich; Berlin"},
                // Cities listed with commas are such a list too.
                {"Berlin, Munich", "Munich, Berlin"}, {"Berlin, Munich, Hamburg", "Hamburg, Berlin, Munich"},
                {"London, Manchester", "Manchester, London"}, {"Munich, Berlin", "Berlin; Munich"},
                {"New York, NY, Los Angeles, CA", "Los Angeles, CA; New York, NY"}};
        for (String[] o : orders) {
            String a = resolver.resolve(o[0]).place();
            String b = resolver.resolve(o[1]).place();
            assertThat(a).as(o[0]).isEqualTo(b).isNotNull();
            assertThat(JobHash.of("Acme", "Backend Engineer", JobHash.placeKey(a, o[0], "greenhouse:1")))
                    .isEqualTo(JobHash.of("Acme", "Backend Engineer", JobHash.placeKey(b, o[1], "lever:2")));
        }
        assertThat(resolver.resolve("New York; London").place()).isEqualTo("lon");
        // The job is in that city (and its country) whichever board's posting created it.
        assertThat(resolver.resolve("New York; London").city().code()).isEqualTo("lon");
        assertThat(resolver.resolve("New York; London").country()).isEqualTo("GB");
        assertThat(resolver.resolve("London; New York").country()).isEqualTo("GB");
        assertThat(resolver.resolve("Munich, Berlin").city().code()).isEqualTo("ber");
        assertThat(resolver.resolve("Manchester, London").place()).isEqualTo("lon");
        // A metro area, one segment, is its principal city's, as another board names it alone.
        assertThat(resolver.resolve("Washington DC-Baltimore Area").place()).isEqualTo(resolver.resolve("Washington, DC").place());
    }

    @Test
    void anEmployerIsOneEmployerWhateverLegalFormItsCountryWrites() {
        String acme = JobHash.of("Acme", "Backend Engineer", "waw");
        for (String name : new String[] {"Acme sp. z o.o.", "Acme Sp. z o. o.", "ACME Spółka z o.o.", "Acme A/S",
                "Acme S.A. de C.V.", "Acme S.à r.l.", "Acme AB (publ)", "Acme Ltda", "Acme Kft.", "Acme Sdn. Bhd.",
                "Acme Polska sp. z o.o."}) {
            String expected = name.contains("Polska") ? JobHash.of("Acme Polska", "Backend Engineer", "waw") : acme;
            assertThat(JobHash.of(name, "Backend Engineer", "waw")).as(name).isEqualTo(expected);
        }
        assertThat(Normalizer.withoutLegalForm("z o o")).isEqualTo("z o o");
    }

    @Test
    void differentTitleEmployerOrPlaceAreDifferentJobs() {
        String base = JobHash.of("Acme", "Backend Engineer", "lon");
        assertThat(JobHash.of("Acme", "Frontend Engineer", "lon")).isNotEqualTo(base);
        assertThat(JobHash.of("Globex", "Backend Engineer", "lon")).isNotEqualTo(base);
        assertThat(JobHash.of("Acme", "Backend Engineer", "ber")).isNotEqualTo(base);
        assertThat(JobHash.of("Acme", "Backend Engineer", "remote-us")).isNotEqualTo(base);
    }

    @Test
    void placeKeyPrefersResolvedPlaceThenTextThenIdentity() {
        assertThat(JobHash.placeKey("lon", "London, UK", "greenhouse:1")).isEqualTo("lon");
        assertThat(JobHash.placeKey(null, "Springfield Campus", "greenhouse:1")).isEqualTo("text:springfield campus");
        assertThat(JobHash.placeKey(null, "  ", "greenhouse:1")).isEqualTo("id:greenhouse:1");
        assertThat(JobHash.placeKey(null, null, "greenhouse:1")).isEqualTo("id:greenhouse:1");
    }

    @Test
    void incident3UnknownPlacesNeverCollapseDistinctJobs() {
        // The old system hashed every unresolved place as "unk": these two distinct postings collapsed.
        String one = JobHash.of("Acme", "Backend Engineer", JobHash.placeKey(null, null, "lever:aaa"));
        String two = JobHash.of("Acme", "Backend Engineer", JobHash.placeKey(null, null, "lever:bbb"));
        assertThat(one).isNotEqualTo(two);
        // And an unresolved text place never equals a real city code.
        assertThat(JobHash.placeKey(null, "lon", "x:1")).isNotEqualTo("lon");
    }
    @Test
    void remoteInTheTitleOfARemoteJobIsNotAnotherJob() {
        String plain = JobHash.of("Acme", "Senior Backend Engineer", "remote-us");
        for (String t : new String[] {"Senior Backend Engineer - Remote", "Senior Backend Engineer (Remote)",
                "Senior Backend Engineer, Fully Remote", "Senior Backend Engineer (100% Remote)", "Remote Senior Backend Engineer"}) {
            assertThat(JobHash.of("Acme", t, "remote-us")).as(t).isEqualTo(plain);
        }
        // Where the place is not remote, the word tells the jobs apart; and remote scopes stay apart.
        assertThat(JobHash.of("Acme", "Senior Backend Engineer (Remote)", "lon"))
                .isNotEqualTo(JobHash.of("Acme", "Senior Backend Engineer", "lon"));
        assertThat(JobHash.of("Acme", "Senior Backend Engineer (Remote)", "remote-de")).isNotEqualTo(plain);
        assertThat(JobHash.of("Acme", "Remote", "remote-us")).isNotEqualTo(JobHash.of("Acme", "", "remote-us"));
    }
    @Test
    void anEmployerWrittenWithOrWithoutTheArticleIsOneEmployer() {
        assertThat(JobHash.of("The Home Depot", "Senior Data Engineer", "atl"))
                .isEqualTo(JobHash.of("Home Depot, Inc.", "Senior Data Engineer", "atl"));
        assertThat(JobHash.of("THE TRADE DESK", "Software Engineer", "nyc"))
                .isEqualTo(JobHash.of("Trade Desk", "Software Engineer", "nyc"));
        assertThat(JobHash.of("Theorem", "Software Engineer", "nyc")).isNotEqualTo(JobHash.of("Orem", "Software Engineer", "nyc"));
    }
    @Test
    void aSeniorityWrittenAfterTheTitleIsTheSameJob() {
        String senior = JobHash.of("Acme", "Senior Software Engineer", "sea");
        for (String t : new String[] {"Software Engineer, Senior", "Software Engineer (Senior)", "Software Engineer - Sr.",
                "Software Engineer, Senior (m/w/d)"}) {
            assertThat(JobHash.of("Acme", t, "sea")).as(t).isEqualTo(senior);
        }
        assertThat(JobHash.of("Acme", "Software Engineer, Senior - Remote", "remote-us"))
                .isEqualTo(JobHash.of("Acme", "Senior Software Engineer", "remote-us"));
        assertThat(JobHash.of("Acme", "Data Analyst, Junior", "sea")).isEqualTo(JobHash.of("Acme", "Junior Data Analyst", "sea"));
        // Still different jobs: another level, a "semi senior" (mid-level), or the level said twice.
        assertThat(JobHash.of("Acme", "Software Engineer (Junior)", "sea")).isNotEqualTo(senior);
        assertThat(JobHash.of("Acme", "Desarrollador Semi Senior", "sea"))
                .isNotEqualTo(JobHash.of("Acme", "Senior Desarrollador Semi", "sea"));
        assertThat(JobHash.of("Acme", "Senior Software Engineer, Senior", "sea")).isNotEqualTo(senior);
        assertThat(JobHash.of("Acme", "Senior", "sea")).isNotEqualTo(JobHash.of("Acme", "", "sea"));
    }
}
