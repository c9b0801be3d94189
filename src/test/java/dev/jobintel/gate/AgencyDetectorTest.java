package dev.jobintel.gate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgencyDetectorTest {

    private static final AgencyDetector DETECTOR = new AgencyDetector(AgencyList.bundled(), 0.7);

    @Test
    void blockListedAgenciesAreCaughtWhateverTheirSuffix() {
        AgencyDetector.Verdict v = DETECTOR.judge("Hays Specialist Recruitment Ltd", "A role.");
        assertThat(v.agency()).isTrue();
        assertThat(v.confidence()).isEqualTo(1.0);
        assertThat(DETECTOR.judge("Robert Half", "").agency()).isTrue();
        assertThat(DETECTOR.judge("RANDSTAD GmbH", "").agency()).isTrue();
        assertThat(DETECTOR.judge("Jobandtalent", "").agency()).as("a staffing platform").isTrue();
        for (String agency : List.of("Express Employment Professionals", "Aquent", "Aquent Talent", "Creative Circle")) {
            assertThat(DETECTOR.judge(agency, "A role.").agency()).as(agency).isTrue();
        }
    }

    @Test
    void anAgencyWrittenWithTheArticleIsStillOnTheList() {
        for (String agency : List.of("The Adecco Group", "The Adecco Group AG", "The Randstad Group", "The Judge Group",
                "The Hays Group")) {
            assertThat(DETECTOR.judge(agency, "A role.").agency()).as(agency).isTrue();
        }
        assertThat(DETECTOR.judge("The Boston Consulting Group", "Our client is a leading bank.").agency())
                .as("allow-listed without the article").isFalse();
        assertThat(DETECTOR.judge("The Reed College Foundation", "A role.").agency()).isFalse();
    }

    @Test
    void listEntriesMatchTheNamesAsTheFirmsWriteThem() {
        // "&" normalises to "and" and dotted initials close up, in names and in list entries alike.
        for (String agency : List.of("Heidrick & Struggles", "Heidrick & Struggles International, Inc.", "S.i. Systems",
                "S.I. Systems Ltd", "Templeton & Partners")) {
            assertThat(DETECTOR.judge(agency, "A role.").agency()).as(agency).isTrue();
        }
        assertThat(DETECTOR.judge("McKinsey & Company", "Our client is a leading bank. The client is a leading name "
                + "in payments.").agency()).as("a consultancy on the allow list").isFalse();
    }

    @Test
    void incident26AgenciesPostingUnderTheirOwnNameAreCaughtBySignals() {
        assertThat(DETECTOR.judge("Acme Recruitment Ltd", "We build software.").agency()).isTrue();
        assertThat(DETECTOR.judge("Tech Staffing Partners", "").agency()).isTrue();
        AgencyDetector.Verdict v = DETECTOR.judge("Blue Fox Talent",
                "Our client is a leading fintech in London. We are acting as an employment agency in relation to this vacancy.");
        assertThat(v.agency()).isTrue();
        assertThat(v.reasons()).isNotEmpty();
        assertThat(v.explain()).contains(String.valueOf(v.reasons().get(0)));
    }

    @Test
    void realEmployersAreNotAgencies() {
        assertThat(DETECTOR.judge("Stripe", "We build payment infrastructure. Our clients use our APIs.").agency()).isFalse();
        assertThat(DETECTOR.judge("Talend", "").agency()).isFalse();
        assertThat(DETECTOR.judge("Acme Solutions", "We are hiring engineers.").agency()).isFalse();
        // On the allow list although the name looks like an agency's.
        assertThat(DETECTOR.judge("SmartRecruiters", "").agency()).isFalse();
        assertThat(DETECTOR.judge("Recruit Holdings Co., Ltd.", "").agency()).isFalse();
        for (String software : List.of("Staffbase", "Recruitee", "TalentLMS", "Personio", "Greenhouse Software")) {
            assertThat(DETECTOR.judge(software, "We build software for HR teams.").agency()).as(software).isFalse();
        }
        assertThat(DETECTOR.judge("", "").agency()).isFalse();
        // Consultancies place their own engineers with "our client": employers, whatever the wording.
        String placement = "Our client is a leading bank. The client is a leading name in payments.";
        for (String consultancy : List.of("Thoughtworks", "EPAM Systems, Inc.", "Accenture")) {
            assertThat(DETECTOR.judge(consultancy, placement).agency()).as(consultancy).isFalse();
        }
        assertThat(DETECTOR.judge("Blue Fox Talent", placement).agency()).as("the same words from anyone else").isTrue();
    }

    @Test
    void anAllowedEmployerIsAllowedUnderTheFormsOfItsName() {
        String placement = "Our client is a leading bank. Our client is looking for a Senior Engineer.";
        for (String employer : List.of("Slalom", "Slalom, LLC", "Slalom Consulting", "Slalom Consulting, LLC",
                "Endava UK", "Globant Technologies", "The Boston Consulting Group, Inc.")) {
            assertThat(DETECTOR.judge(employer, placement).agency()).as(employer).isFalse();
        }
        // Not every consultancy: only the listed employer's names.
        assertThat(DETECTOR.judge("Acme Consulting", placement).agency()).isTrue();
        // Nor an allowed name followed by agency words.
        assertThat(DETECTOR.judge("Recruit Staffing", "").agency()).isTrue();
        assertThat(DETECTOR.judge("Slalom Talent Partners", placement).agency()).isTrue();
        // Nor an allowed name that alone reads as an agency's ("Recruit", Recruit Co., Ltd.) with more words.
        assertThat(DETECTOR.judge("Recruit", "").agency()).isFalse();
        assertThat(DETECTOR.judge("Recruit Global", "").agency()).isTrue();
    }

    @Test
    void anEmployerSayingItIsNoAgencyIsNotOne() {
        for (String text : List.of(
                "A 6-month contract at a day rate of £550. Please note: Acme is not an employment agency and does not "
                        + "accept CVs from agencies.",
                "Immediate start. We do not accept speculative CVs from any employment agency or employment business.",
                "Immediate start available. No employment agency submissions, please.",
                // US employers' disclaimers beside their own contract-to-hire terms.
                "This is a 6-month contract-to-hire role. We will not pay fees for unsolicited resumes from an "
                        + "employment agency.",
                "Contract-to-hire. We do not accept unsolicited resumes from third-party recruiters or an employment agency.",
                "Contract-to-hire. Resumes submitted by an employment agency without a signed agreement become our property.",
                // The employer's own clients, as a customer-facing job names them.
                "Contract-to-hire. You will be the direct client contact for our enterprise accounts.",
                "A contract-to-hire role with direct client-facing work on implementation projects.")) {
            assertThat(DETECTOR.judge("Acme Robotics", text).agency()).as(text).isFalse();
        }
        // The staffing chain's words still count.
        assertThat(DETECTOR.judge("Acme Robotics", "Direct client requirement: Java developer, W2 only.").agency()).isTrue();
        assertThat(DETECTOR.judge("Acme Robotics", "We are hiring for our end client, a major bank. Contract-to-hire.")
                .agency()).isTrue();
        // The agency's own statement still counts.
        assertThat(DETECTOR.judge("Blue Fox", "Immediate start. Blue Fox is an employment agency.").agency()).isTrue();
    }

    @Test
    void aDirectEmployersContractRoleIsNotAnAgencysForItsContractTermsAlone() {
        for (String text : List.of(
                "Monzo is hiring a contract Backend Engineer to join our Payments team for six months. Outside IR35, "
                        + "day rate £500/day, paid via umbrella or Ltd company. Immediate start. You will work with "
                        + "Monzo's platform engineers on our Go microservices.",
                "We are hiring a contract Data Engineer for our Data Platform team. This role is Outside IR35 with a "
                        + "day rate of £550. Immediate start.",
                "A 6-month contract-to-hire role on our own payments team, W2 only. Immediate start.")) {
            assertThat(DETECTOR.judge("Monzo", text).agency()).as(text).isFalse();
        }
        // "Staff" in a place's name is no agency signal for the contract terms to add to.
        for (String employer : List.of("Staffordshire County Council", "Staffordshire University", "Stafford Borough Council")) {
            assertThat(DETECTOR.judge(employer, "Contract Data Analyst for our data team, inside IR35, day rate £400.")
                    .agency()).as(employer).isFalse();
        }
        assertThat(DETECTOR.judge("Blue Staffers", "Outside IR35, day rate £400.").agency()).isTrue();
        // The same terms beside an agency's own words still make an agency.
        assertThat(DETECTOR.judge("Northgate Digital", "My client, a leading bank, needs a Backend Engineer. Outside IR35, "
                + "day rate £500. Immediate start.").agency()).isTrue();
        assertThat(DETECTOR.judge("Northgate Digital", "We are a leading IT recruitment agency. Outside IR35, day rate £500.")
                .agency()).isTrue();
    }

    @Test
    void forOurClientInItsCommonFormsIsAgencyWording() {
        for (String text : List.of("Our client, a fast-growing fintech in Berlin, is looking for a Go engineer.",
                "Für unseren Kunden, ein Softwarehaus in München, suchen wir einen Java-Entwickler.",
                "Pour le compte de notre client, nous recherchons un développeur.",
                "Voor onze opdrachtgever zoeken wij een ontwikkelaar.",
                "Dla naszego klienta poszukujemy programisty.")) {
            AgencyDetector.Verdict v = DETECTOR.judge("Blue Fox Talent", text);
            assertThat(v.agency()).as(text).isTrue();
        }
        assertThat(DETECTOR.judge("Acme", "We build tools for our customers and their clients.").agency()).isFalse();
        // A UK recruiter's ad, in the first person, under a name that says nothing.
        assertThat(DETECTOR.judge("Northgate Digital", "Are you a Java Developer looking for your next challenge? My client, "
                + "a market-leading insurer in Leeds, is looking for a talented developer to join their team. Apply now!")
                .agency()).isTrue();
    }

    @Test
    void aRecruiterNamingTheHiringCompanyAsALeadingClientIsAnAgency() {
        for (String text : List.of("A leading fintech client is looking for a Senior Backend Engineer to join their platform team.",
                "An established insurance client is seeking a Data Engineer for a 6 month project.",
                "A fast-growing SaaS client are hiring a Platform Engineer in Leeds.",
                "My client are a well known retailer looking to hire a backend engineer.")) {
            assertThat(DETECTOR.judge("Northgate Digital", text + " You will build Java services on AWS.").agency())
                    .as(text).isTrue();
        }
        for (String text : List.of("Our client is seeking a Senior Backend Engineer for a 12 month contract.",
                "Our client is looking for an experienced Data Engineer to join their team in Leeds.",
                "Our client are hiring two Platform Engineers.")) {
            assertThat(DETECTOR.judge("Northgate Digital", text + " You will build Java services on AWS.").agency())
                    .as(text).isTrue();
        }
        // An employer's own customers are not a client it recruits for.
        for (String text : List.of("A leading fintech client is using our platform to settle payments in seconds.",
                "Our clients are a diverse group of banks and insurers.",
                "You will help a leading retail client modernise its data platform.",
                "Our client is looking to move its platform to AWS, and you will lead the migration.",
                "Our client is seeking a partner to modernise its data platform, and you will lead that work.",
                "A leading retail client is looking for ways to cut its cloud bill, and our platform does that.")) {
            assertThat(DETECTOR.judge("Northgate Digital", text).agency()).as(text).isFalse();
        }
    }

    @Test
    void anEmployersNameIsJudgedOnceButEachDescriptionOnItsOwn() {
        AgencyDetector d = new AgencyDetector(AgencyList.bundled(), 0.7);
        String agencyText = "Our client is a leading fintech in London. We are acting as an employment agency in relation to this vacancy.";
        assertThat(d.judge("Blue Fox Talent", "We build software.").agency()).isFalse();
        assertThat(d.judge("Blue Fox Talent", agencyText).agency()).isTrue();
        assertThat(d.judge("Blue Fox Talent", "We build software.").agency()).isFalse();
        assertThat(d.judge(null, "").agency()).isFalse();
    }

    @Test
    void aUsersListMatchesWhateverTheCaseItsPatternsAreWrittenIn() {
        AgencyList mine = AgencyList.compile(dev.jobintel.config.YamlDocument.parse("my-agencies.yaml",
                "description_signals:\n  - {pattern: 'Our Client', weight: 0.9}\n"));
        assertThat(new AgencyDetector(mine, 0.7).judge("Blue Fox", "Our client is looking for a Go engineer.").agency())
                .isTrue();
    }

    @Test
    void signalsAddingUpExactlyToTheThresholdReachIt() {
        // 'on behalf of a client' (0.6) and 'inside IR35' (0.3) make 0.9; in binary they summed to 0.8999999999999999.
        String text = "We are hiring on behalf of a client in the insurance sector. This contract is inside IR35.";
        AgencyDetector.Verdict v = new AgencyDetector(AgencyList.bundled(), 0.9).judge("Northwind", text);
        assertThat(v.explain()).startsWith("0.90");
        assertThat(v.agency()).as("a confidence at the threshold is an agency's").isTrue();
        assertThat(new AgencyDetector(AgencyList.bundled(), 0.95).judge("Northwind", text).agency()).isFalse();
    }

    @Test
    void configCanBlockAndAllowMore() {
        AgencyDetector custom = new AgencyDetector(AgencyList.bundled().with(List.of("Globex Talent"), List.of("Hays")), 0.7);
        assertThat(custom.judge("Globex Talent", "").agency()).isTrue();
        assertThat(custom.judge("Hays", "").agency()).isFalse();
    }

    @Test
    void persolAndCplBlockTheirAgenciesNotTheEyewearBrandOrTheFragranceHouse() {
        for (String agency : new String[] {"Persol", "Persol Career", "PERSOL TEMPSTAFF Co., Ltd.", "PersolKelly",
                "Cpl", "Cpl Resources", "CPL Solutions", "Cpl Healthcare", "Cpl Jobs"}) {
            assertThat(DETECTOR.judge(agency, "A role.").agency()).as(agency).isTrue();
        }
        assertThat(DETECTOR.judge("Persol Eyewear", "Persol, the Italian eyewear house, is hiring a Retail Store Manager "
                + "for its Milan boutique.").agency()).isFalse();
        assertThat(DETECTOR.judge("CPL Aromas", "CPL Aromas creates fragrances for global brands. We are hiring a "
                + "Data Analyst in Bishop's Stortford.").agency()).isFalse();
    }

    @Test
    void anAgencyNamedLikeAnotherOrganisationBlocksOnlyItsOwnNameForms() {
        for (String agency : new String[] {"Hays", "Hays plc", "Hays Recruitment", "Hays Specialist Recruitment Ltd",
                "Reed", "Reed Global", "Reed Technology", "Huxley UK", "Crossover for Work", "Jobs via Dice",
                "Reed.co.uk", "reed.co.uk", "Hays.co.uk", "Hays.com", "Hays Poland sp. z o.o.", "Huxley A/S"}) {
            assertThat(DETECTOR.judge(agency, "A role.").agency()).as(agency).isTrue();
        }
        assertThat(DETECTOR.judge("Hays Medical Center", "Hays Medical Center is a 200-bed regional hospital in "
                + "western Kansas. Our ICU is hiring a Registered Nurse.").agency()).isFalse();
        assertThat(DETECTOR.judge("Reed College", "Reed College's Computing & Information Services department is "
                + "hiring a Systems Administrator.").agency()).isFalse();
        assertThat(DETECTOR.judge("DICE", "DICE is the studio behind Battlefield. As Senior Gameplay Programmer "
                + "you'll build weapons and vehicles in C++.").agency()).isFalse();
        // Other block entries still cover every name they start.
        assertThat(DETECTOR.judge("Randstad Sourceright", "").agency()).isTrue();
        // Agencies named with an ordinary word: their own names, not every employer starting with the word.
        for (String agency : List.of("Yacht", "Yacht B.V.", "Yacht Group", "Venturi", "Venturi Ltd", "Venturi Group",
                "Orizon GmbH")) {
            assertThat(DETECTOR.judge(agency, "A role.").agency()).as(agency).isTrue();
        }
        for (String employer : List.of("Yacht Club Games", "Venturi Astrolab, Inc.", "Orizon Aerostructures")) {
            assertThat(DETECTOR.judge(employer, "We are hiring a Software Engineer to join our team.").agency())
                    .as(employer).isFalse();
        }
    }
}
