package dev.jobintel.classify.rules;

import dev.jobintel.classify.Classification;
import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Prepared;
import dev.jobintel.posting.Salary;
import dev.jobintel.posting.location.Gazetteer;
import dev.jobintel.posting.location.LocationResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RulesClassifierTest {

    private static final Taxonomy TAXONOMY = Taxonomy.bundled();
    private static final RulesClassifier RULES = new RulesClassifier(TAXONOMY);
    private static final LocationResolver RESOLVER = new LocationResolver(Gazetteer.bundled());

    private static Classification classify(String title, String location, String description, Hints hints) {
        Posting p = new Posting("test", "1", "https://example.com/1", "Acme", title, location, description, null, hints);
        return RULES.classify(Prepared.of(p, RESOLVER));
    }

    private static Classification classify(String title, String description) {
        return classify(title, null, description, Hints.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Senior Backend Engineer              | software_engineering | backend             | senior    | ic",
            "Staff Analytics Engineer             | data                 | analytics_engineering | staff   | ic",
            "Data Engineer II                     | data                 | data_engineering    | mid       | ic",
            "Machine Learning Engineer            | software_engineering | ml_engineering      | mid       | ic",
            "Engineering Manager, Payments        | software_engineering | engineering_general | mid       | management",
            "Technical Program Manager            | delivery             | program_management  | mid       | ic",
            "Senior Product Designer              | design               | product_design      | senior    | ic",
            "Associate Product Manager            | product              | product_management  | junior    | ic",
            "Front-End Developer (m/f/d)          | software_engineering | frontend            | mid       | ic",
            "iOS Engineer                         | software_engineering | mobile              | mid       | ic",
            "Software Engineer in Test            | software_engineering | qa_test             | mid       | ic",
            "Principal Site Reliability Engineer  | software_engineering | devops_sre          | principal | ic",
            "Director of Data Science             | data                 | data_science        | director  | management",
            "VP Engineering                       | software_engineering | engineering_general | executive | management",
            "Software Engineering Intern          | software_engineering | engineering_general | intern    | ic",
            "Recruiter                            | out_of_scope         | operations_admin    | mid       | ic",
            "Account Executive                    | out_of_scope         | sales               | mid       | ic",
            // The team after the role: as common on real boards as before it.
            "Staff Engineer, Platform             | software_engineering | devops_sre          | staff     | ic",
            "Senior Software Engineer - iOS       | software_engineering | mobile              | senior    | ic",
            "Engineer II (Backend)                | software_engineering | backend             | mid       | ic",
            "Senior Engineer, Payments            | software_engineering | engineering_general | senior    | ic",
            "Developer Advocate                   | out_of_scope         | marketing           | mid       | ic",
            "Werkstudent Softwareentwicklung (m/w/d) | software_engineering | engineering_general | intern | ic",
            "Praktikum Softwareentwicklung (m/w/d) | software_engineering | engineering_general | intern   | ic",
            "Group Product Manager                | product              | product_management  | lead      | management",
            // The manager before the function, German team leads, five-level ladders, bank grades.
            "Manager, Engineering                 | software_engineering | engineering_general | mid       | management",
            "Senior Manager, Engineering          | software_engineering | engineering_general | senior    | management",
            "Teamleiter Softwareentwicklung (m/w/d) | software_engineering | engineering_general | lead    | management",
            "Software Engineer IV                 | software_engineering | engineering_general | senior    | ic",
            "Assistant Vice President - Java Developer | software_engineering | backend | mid          | ic",
            // A bank's vice president on an engineer's or analyst's title is a senior individual contributor's grade.
            "Software Engineer III - Java - Vice President | software_engineering | backend | senior | ic",
            "Vice President, Java Developer       | software_engineering | backend             | senior    | ic",
            "Data Engineer - Vice President       | data                 | data_engineering    | senior    | ic",
            "VP, Developer Relations              | out_of_scope         | marketing           | executive | management",
            "Java Developer - Assistant Vice President | software_engineering | backend | mid          | ic",
            // "Team" between the function and the lead.
            "Engineering Team Lead                | software_engineering | engineering_general | lead     | management",
            "Software Team Lead                   | software_engineering | engineering_general | lead     | management",
            // A comma instead of "of", as in "VP, Product".
            "VP, Data                             | data | data_architecture_governance | executive   | management",
            "Director, Analytics                  | data                 | data_analysis       | director  | management",
            // AI leadership reads as machine-learning leadership does ("Head of Machine Learning").
            "Head of AI                           | software_engineering | ml_engineering      | director  | management",
            // Whom a role works for is not its level or function.
            "Executive Assistant to the CEO       | out_of_scope         | operations_admin    | mid       | ic",
            "Assistant to the CTO                 | out_of_scope         | other               | mid       | ic",
            "Executive Assistant to the VP of Engineering | out_of_scope | operations_admin    | mid       | ic",
            "Software Engineer, Office of the CTO | software_engineering | engineering_general | mid       | ic",
            "Founder's Associate                  | out_of_scope         | other               | junior    | ic",
            "CTO & Co-Founder                     | software_engineering | engineering_general | executive | management",
            // A growth team's engineer builds the product's funnel in code; growth marketing stays marketing.
            "Growth Engineer                      | software_engineering | engineering_general | mid       | ic",
            "Senior Growth Engineer               | software_engineering | engineering_general | senior    | ic",
            "Growth Marketing Manager             | out_of_scope         | marketing           | mid       | ic",
            // Leading an engineering function names that function, as "Head of Frontend" does.
            "Head of Infrastructure               | software_engineering | infrastructure_cloud | director | management",
            "Director of Cloud                    | software_engineering | infrastructure_cloud | director | management",
            "Head of Platform                     | software_engineering | devops_sre          | director  | management",
            "VP, Site Reliability                 | software_engineering | devops_sre          | executive | management",
            "Head of Mobile                       | software_engineering | mobile              | director  | management",
            "Head of Infrastructure Investments   | out_of_scope         | other               | director  | management",
            "Director of Platform Partnerships    | out_of_scope         | other               | director  | management",
            // Projects on a building site are not the delivery of technical work.
            "Construction Project Manager         | out_of_scope         | other               | mid       | ic",
            "Senior Project Manager, Construction | out_of_scope         | other               | senior    | ic",
            "IT Project Manager                   | delivery             | project_management  | mid       | ic",
            // Spanish and Portuguese titles, as the German and French ones above.
            "Ingeniero de Software Senior         | software_engineering | engineering_general | senior    | ic",
            "Ingeniera de Software                | software_engineering | engineering_general | mid       | ic",
            "Engenheiro de Software               | software_engineering | engineering_general | mid       | ic",
            "Ingeniero/a de Datos                 | data                 | data_engineering    | mid       | ic",
            "Engenheiro de Dados Sênior           | data                 | data_engineering    | senior    | ic",
            "Científico de Datos                  | data                 | data_science        | mid       | ic",
            "Analista de Datos Jr.                | data                 | data_analysis       | junior    | ic",
            // Identity and access management, and leading security, are security engineering.
            "IAM Engineer                         | software_engineering | security_engineering | mid      | ic",
            "Identity and Access Management Engineer | software_engineering | security_engineering | mid   | ic",
            "Head of Security                     | software_engineering | security_engineering | director | management",
            "Director of Security Services        | out_of_scope         | other               | director  | management",
            // Project, product, data-analyst, administrator, tester and security titles in the languages of European boards.
            "IT-Projektleiter (m/w/d)             | delivery             | project_management  | mid       | ic",
            "Projektleiter Hochbau (m/w/d)        | out_of_scope         | other               | mid       | ic",
            "Chef de projet IT (H/F)              | delivery             | project_management  | mid       | ic",
            "Jefe de Proyecto IT                  | delivery             | project_management  | mid       | ic",
            "Gerente de Projetos de TI            | delivery             | project_management  | mid       | ic",
            "Projectleider ICT                    | delivery             | project_management  | mid       | ic",
            "Kierownik Projektu IT                | delivery             | project_management  | mid       | ic",
            "Produktmanager (m/w/d)               | product              | product_management  | mid       | ic",
            "Chef de produit (H/F)                | product              | product_management  | mid       | ic",
            "Chef de produit marketing            | out_of_scope         | marketing           | mid       | ic",
            "Datenanalyst (m/w/d)                 | data                 | data_analysis       | mid       | ic",
            "Data-analist                         | data                 | data_analysis       | mid       | ic",
            "Analityk Danych                      | data                 | data_analysis       | mid       | ic",
            "Systemadministrator (m/w/d)          | software_engineering | infrastructure_cloud | mid      | ic",
            "Administrateur systèmes et réseaux (H/F) | software_engineering | infrastructure_cloud | mid  | ic",
            "Fachinformatiker für Systemintegration (m/w/d) | software_engineering | infrastructure_cloud | mid | ic",
            "Fachinformatiker für Anwendungsentwicklung (m/w/d) | software_engineering | engineering_general | mid | ic",
            "Softwaretester (m/w/d)               | software_engineering | qa_test             | mid       | ic",
            "IT-Sicherheitsexperte (m/w/d)        | software_engineering | security_engineering | mid      | ic",
            // Programmers, their levels and internships in Spanish, Portuguese, Polish, Dutch and German.
            "Analista Programador                 | software_engineering | engineering_general | mid       | ic",
            "Starszy Programista Java             | software_engineering | engineering_general | senior    | ic",
            "Młodszy Programista                  | software_engineering | engineering_general | junior    | ic",
            "Inżynier Oprogramowania              | software_engineering | engineering_general | mid       | ic",
            "Softwareontwikkelaar                 | software_engineering | engineering_general | mid       | ic",
            "Stagiair Software Development        | software_engineering | engineering_general | intern    | ic",
            "Estágio em Desenvolvimento de Software | software_engineering | engineering_general | intern  | ic",
            "Becario Desarrollo de Software       | software_engineering | engineering_general | intern    | ic",
            "Ausbildung Fachinformatiker Anwendungsentwicklung | software_engineering | engineering_general | intern | ic",
            "Ingénieur Data (H/F)                 | data                 | data_engineering    | mid       | ic",
            "Programador CNC                      | out_of_scope         | other               | mid       | ic",
            // French programmers, as Montreal and Paris game studios title them, and French SRE.
            "Programmeur(se) gameplay senior      | software_engineering | game_development    | senior    | ic",
            "Programmeuse IA                      | software_engineering | game_development    | mid       | ic",
            "Programmeur/Programmeuse Outils      | software_engineering | game_development    | mid       | ic",
            "Développeur(se) jeux vidéo           | software_engineering | game_development    | mid       | ic",
            "Concepteur(trice) de niveaux         | software_engineering | game_development    | mid       | ic",
            "Programmeur(se) Java                 | software_engineering | engineering_general | mid       | ic",
            "Programmeur CNC                      | out_of_scope         | other               | mid       | ic",
            "Ingénieur(e) fiabilité des sites (SRE) | software_engineering | devops_sre        | mid       | ic",
            "Spécialiste Fiabilité outils et infrastructures | software_engineering | devops_sre | mid     | ic",
            // Engineers named after the data platform they build on.
            "Databricks Engineer                  | data                 | data_engineering    | mid       | ic",
            "Kafka Engineer                       | data                 | data_engineering    | mid       | ic",
            "Snowflake Developer                  | data                 | data_engineering    | mid       | ic",
            // Professional services implement the product for customers, as implementation engineers do.
            "Professional Services Engineer       | out_of_scope         | customer_support    | mid       | ic",
            "Professional Services Consultant     | out_of_scope         | customer_support    | mid       | ic",
            // A chief of staff runs a leader's office: no C-level title, no reports of their own, no staff level.
            "Chief of Staff                       | out_of_scope         | other               | mid       | ic",
            "Chief of Staff, Engineering          | out_of_scope         | other               | mid       | ic",
            // "ML" leads as "AI" does, and the ML team after the role names it as "Machine Learning" does.
            "Head of ML                           | software_engineering | ml_engineering      | director  | management",
            "Chief AI Officer                     | software_engineering | ml_engineering      | executive | management",
            "Software Engineer, Applied ML        | software_engineering | ml_engineering      | mid       | ic",
            "Software Engineer, LLM               | software_engineering | ml_engineering      | mid       | ic",
            "Head of ML Partnerships              | out_of_scope         | other               | director  | management",
            // Leading software reads as leading engineering; selling or licensing it does not.
            "Head of Software                     | software_engineering | engineering_general | director  | management",
            "Software Director                    | software_engineering | engineering_general | director  | management",
            "Head of Software Sales               | out_of_scope         | sales               | director  | management",
            "Director, Software Licensing         | out_of_scope         | other               | director  | management",
            // Heading delivery or agile reads as "Delivery Manager" does; a courier fleet's delivery does not.
            "Head of Delivery                     | delivery             | scrum_agile         | director  | management",
            "Head of Agile                        | delivery             | scrum_agile         | director  | management",
            "Head of Delivery Drivers             | out_of_scope         | other               | director  | management",
            // Architects of a warehouse, lake or data platform are data architects.
            "Data Warehouse Architect             | data                 | data_architecture_governance | mid | ic",
            "Data Platform Architect              | data                 | data_architecture_governance | mid | ic",
            // A language, framework or team after the role reads as it does before it ("Python Developer" is backend).
            "Software Engineer (Python)           | software_engineering | backend             | mid       | ic",
            "Senior Software Engineer - Java/Spring | software_engineering | backend           | senior    | ic",
            "Software Engineer, .NET              | software_engineering | backend             | mid       | ic",
            "Software Engineer - React            | software_engineering | frontend            | mid       | ic",
            "Software Engineer, React Native      | software_engineering | mobile              | mid       | ic",
            "Software Engineer, Design Systems    | software_engineering | frontend            | mid       | ic",
            "Software Engineer, Observability     | software_engineering | devops_sre          | mid       | ic",
            "Software Engineer, Privacy           | software_engineering | security_engineering | mid      | ic",
            "Software Engineer, Go-To-Market      | software_engineering | engineering_general | mid       | ic",
            // Out-of-scope functions by their usual names: people and talent leads, growth marketing, renewals.
            "Head of People                       | out_of_scope         | operations_admin    | director  | management",
            "Head of Talent                       | out_of_scope         | operations_admin    | director  | management",
            "Head of Growth                       | out_of_scope         | marketing           | director  | management",
            "Growth Manager                       | out_of_scope         | marketing           | mid       | ic",
            "Renewals Manager                     | out_of_scope         | sales               | mid       | ic",
            // A manager's grade between the manager and the function, as in "Manager II, Engineering".
            "Manager II, Engineering              | software_engineering | engineering_general | mid       | management",
            // A German "Leiter" heads a department (director); a "Teamleiter" leads a team.
            "Leiter Softwareentwicklung (m/w/d)   | software_engineering | engineering_general | director  | management",
            "Leiterin Data Science                | data                 | data_science        | director  | management",
            // Latin American "Semi Senior" ("Ssr") is the level between junior and senior.
            "Desarrollador Semi Senior            | software_engineering | engineering_general | mid       | ic",
            "Analista de Datos Semi Sr            | data                 | data_analysis       | mid       | ic",
            // French "Stage" opening a title is an internship; a "Directeur" is a director.
            "Stage - Développeur Full Stack       | software_engineering | fullstack           | intern    | ic",
            "Stage Data Scientist (H/F)           | data                 | data_science        | intern    | ic",
            "Stage Manager                        | out_of_scope         | other               | mid       | management",
            "Directeur Technique                  | software_engineering | engineering_general | director  | management",
            // Software, cloud and solutions architects in French, Spanish, Portuguese, German and Polish.
            "Architecte logiciel                  | software_engineering | engineering_general | mid       | ic",
            "Arquitecto de Software               | software_engineering | engineering_general | mid       | ic",
            "Softwarearchitekt (m/w/d)            | software_engineering | engineering_general | mid       | ic",
            "Architekt Oprogramowania             | software_engineering | engineering_general | mid       | ic",
            "Cloud Architekt (m/w/d)              | software_engineering | infrastructure_cloud | mid      | ic",
            "Architecte Cloud (H/F)               | software_engineering | infrastructure_cloud | mid      | ic",
            "Arquiteta de Soluções                | out_of_scope         | sales               | mid       | ic",
            "Architekt (m/w/d) Hochbau            | out_of_scope         | other               | mid       | ic",
            // Information security in French, Spanish, Portuguese and Polish; a guard is not.
            "Ingénieur Sécurité (H/F)             | software_engineering | security_engineering | mid      | ic",
            "Analista de Ciberseguridad           | software_engineering | security_engineering | mid      | ic",
            "Analista de Segurança da Informação  | software_engineering | security_engineering | mid      | ic",
            "Specjalista ds. Bezpieczeństwa IT    | software_engineering | security_engineering | mid      | ic",
            "Agente de Seguridad                  | out_of_scope         | other               | mid       | ic",
            // Cloud, network and system engineers and administrators, and embedded engineers, in other languages.
            "Ingénieur Cloud (H/F)                | software_engineering | infrastructure_cloud | mid      | ic",
            "Ingeniero de Redes                   | software_engineering | infrastructure_cloud | mid      | ic",
            "Datenbankadministrator (m/w/d)       | software_engineering | infrastructure_cloud | mid      | ic",
            "IT-Administrator (m/w/d)             | software_engineering | infrastructure_cloud | mid      | ic",
            "Administrator Systemów               | software_engineering | infrastructure_cloud | mid      | ic",
            "Ingénieur Systèmes Embarqués         | software_engineering | embedded_systems    | mid       | ic",
            "Desarrollador de Sistemas Embebidos  | software_engineering | embedded_systems    | mid       | ic",
            "Auxiliar de Embarque                 | out_of_scope         | other               | mid       | ic",
            // Mobile developers, designers, testers, support and business analysts in other languages.
            "Desarrollador Móvil                  | software_engineering | mobile              | mid       | ic",
            "Desenvolvedor Mobile                 | software_engineering | mobile              | mid       | ic",
            "Mobile Entwickler                    | software_engineering | mobile              | mid       | ic",
            "Diseñador Gráfico                    | design               | visual_brand_design | mid       | ic",
            "Grafikdesigner (m/w/d)               | design               | visual_brand_design | mid       | ic",
            "Designer de Produto                  | design               | product_design      | mid       | ic",
            "Testeur (H/F)                        | software_engineering | qa_test             | mid       | ic",
            "Analista de Testes                   | software_engineering | qa_test             | mid       | ic",
            "Analista de Suporte                  | out_of_scope         | customer_support    | mid       | ic",
            "Technicien support informatique      | out_of_scope         | customer_support    | mid       | ic",
            "Analityk Biznesowy                   | data                 | data_analysis       | mid       | ic",
            // Engineering leads and managers in Spanish, Portuguese, French and Polish; a "Gerente de Produto" is a PM.
            "Líder Técnico                        | software_engineering | engineering_general | lead      | ic",
            "Gerente de Ingeniería                | software_engineering | engineering_general | mid       | management",
            "Diretor de Tecnologia                | software_engineering | engineering_general | director  | management",
            "Kierownik Zespołu Programistów       | software_engineering | engineering_general | mid       | management",
            "Gerente de Produto                   | product              | product_management  | mid       | ic",
            // The long tail of English titles with a clear home.
            "Conversational AI Designer           | design               | content_design      | mid       | ic",
            "Incident Responder                   | software_engineering | security_engineering | mid      | ic",
            "Accessibility Engineer               | software_engineering | frontend            | mid       | ic",
            "Technical Artist                     | software_engineering | game_development    | mid       | ic",
            "Network Automation Engineer          | software_engineering | infrastructure_cloud | mid      | ic",
            // A product called a manager is the team an engineer works on, not the people they manage.
            "Senior Software Engineer - Password Manager | software_engineering | engineering_general | senior | ic",
            "Software Engineer, Package Manager   | software_engineering | engineering_general | mid       | ic",
            "Software Engineer, Ads Manager       | software_engineering | engineering_general | mid       | ic",
            "Senior Backend Engineer, Secret Manager | software_engineering | backend          | senior    | ic",
            // Sales leads are scored, routed and managed: a team named for them is no lead level.
            "Senior Software Engineer, Lead Management | software_engineering | engineering_general | senior | ic",
            "Full Stack Engineer - Lead Scoring   | software_engineering | fullstack           | mid       | ic",
            "Software Engineer, Lead Routing      | software_engineering | engineering_general | mid       | ic",
            // A chief's office is an organisation (a bank's "Chief Data & Analytics Office"), not its chief.
            "Software Engineer III - Chief Data & Analytics Office | software_engineering | engineering_general | senior | ic",
            "Data Engineer, Chief Investment Office | data               | data_engineering    | mid       | ic",
            "Chief Data Officer                   | data                 | data_architecture_governance | executive | management",
            // Senior living is housing for the old, where a team's product serves them.
            "Software Engineer, Senior Living     | software_engineering | engineering_general | mid       | ic",
            "Senior Software Engineer, Senior Living | software_engineering | engineering_general | senior | ic",
            // Scheduling a workforce's staff is a product's subject, not the staff level.
            "Software Engineer, Staff Scheduling  | software_engineering | engineering_general | mid       | ic",
            "Backend Engineer - Staff Augmentation Platform | software_engineering | backend  | mid       | ic",
    })
    void classifiesRealisticTitles(String title, String family, String subfamily, String seniority, String track) {
        Classification c = classify(title, "We are a fintech company building payment rails for Europe.");
        assertThat(c.family()).as("family").isEqualTo(family);
        assertThat(c.subfamily()).as("subfamily").isEqualTo(subfamily);
        assertThat(c.seniority()).as("seniority").isEqualTo(seniority);
        assertThat(c.track()).as("track").isEqualTo(track);
        assertThat(TAXONOMY.familyOf(c.subfamily())).isEqualTo(c.family());
    }

    @Test
    void incident11TheTitleDecidesEvenWhenTheDescriptionTalksAboutSomethingElse() {
        Classification c = classify("Staff Analytics Engineer",
                "Join our sales team's partner, the data platform group. You will talk to customers every day.");
        assertThat(c.family()).isEqualTo("data");
        assertThat(c.subfamily()).isEqualTo("analytics_engineering");
    }

    @Test
    void yearsDecideSeniorityWhenTheTitleHasNoMarker() {
        Classification c = classify("Backend Engineer", "You have 6+ years of experience building distributed systems.");
        assertThat(c.seniority()).isEqualTo("senior");
        assertThat(c.yearsMin()).isEqualTo(6);
        assertThat(c.defaulted()).doesNotContain("seniority");
    }

    @Test
    void theEmployersOwnYearsDecideNoSeniority() {
        // The posting's employer (Acme) named as having the years: its history, not the candidate's requirement.
        Classification c = classify("Backend Engineer", "Acme Payments has 15 years of experience building payment systems. "
                + "Join our platform team.");
        assertThat(c.yearsMin()).isNull();
        assertThat(c.defaulted()).contains("seniority");
        Classification you = classify("Backend Engineer", "Acme has 15 years of experience building payment systems. "
                + "You have 6+ years of experience with Go.");
        assertThat(you.yearsMin()).isEqualTo(6);
        assertThat(you.seniority()).isEqualTo("senior");
    }

    @Test
    void nothingStatedGivesTheDefaultsAndSaysSo() {
        Classification c = classify("Backend Engineer", "We build things.");
        assertThat(c.seniority()).isEqualTo(TAXONOMY.seniority().defaultCode());
        assertThat(c.arrangement()).isEqualTo(TAXONOMY.arrangements().defaultCode());
        assertThat(c.positionType()).isEqualTo(TAXONOMY.positionTypes().defaultCode());
        assertThat(c.defaulted()).contains("seniority", "arrangement", "position_type");
    }

    @Test
    void arrangementPrefersStructuredHintsThenLocationThenPhrases() {
        Hints hybrid = new Hints(null, "hybrid", null, null, null, null, List.of(), Map.of());
        assertThat(classify("Data Analyst", "London", "Fully remote role.", hybrid).arrangement()).isEqualTo("hybrid");
        assertThat(classify("Data Analyst", "Remote - US", "Great team.", Hints.NONE).arrangement()).isEqualTo("remote");
        assertThat(classify("Data Analyst", "Berlin", "This is a fully remote position.", Hints.NONE).arrangement())
                .isEqualTo("remote");
        assertThat(classify("Data Analyst", "Berlin", "Hybrid, 3 days a week in the office.", Hints.NONE).arrangement())
                .isEqualTo("hybrid");
        // Home on some days is not remote: it is the office on the others.
        assertThat(classify("Data Analyst", "Paris", "Office-based, with the option to work from home on Fridays.",
                Hints.NONE).arrangement()).isEqualTo("hybrid");
        assertThat(classify("Data Analyst", "Paris", "You can work from home, always.", Hints.NONE).arrangement())
                .isEqualTo("remote");
        assertThat(classify("Data Analyst", null, "We work remotely and meet twice a year.", Hints.NONE).arrangement())
                .isEqualTo("remote");
        assertThat(classify("Data Analyst", null, "We work remotely two days a week.", Hints.NONE).arrangement())
                .isNotEqualTo("remote");
        Hints workable = new Hints(null, null, true, null, null, null, List.of(), Map.of());
        assertThat(classify("Data Analyst", null, "Great team.", workable).arrangement()).isEqualTo("remote");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Hybrides Arbeiten: 2 Tage pro Woche im Büro, den Rest von zu Hause.     | hybrid",
            "3 Tage/Woche im Office in München.                                     | hybrid",
            "Wir bieten: Homeoffice möglich, flexible Arbeitszeiten.                 | hybrid",
            "2 Tage Homeoffice pro Woche und ein modernes Büro.                      | hybrid",
            "Die Möglichkeit zum mobilen Arbeiten.                                   | hybrid",
            "2 jours de télétravail par semaine.                                     | hybrid",
            "Télétravail partiel possible.                                           | hybrid",
            "Wir bieten ein hybrides Arbeitsmodell in Hamburg.                       | hybrid",
            "Poste en mode hybride à Lyon.                                           | hybrid",
            "Vous travaillerez sur notre cloud hybride.                              | unknown",
            "Die Stelle ist vollständig remote, aus ganz Deutschland.                | remote",
            "100% Homeoffice, Sitz der Firma in Berlin.                              | remote",
            "Télétravail complet depuis la France.                                   | remote",
            "Le poste est en 100 % télétravail.                                      | remote",
            "Poste en full remote.                                                   | remote",
            "Die Stelle ist nicht vollständig remote.                                | unknown",
            "Ce poste n'est pas en full remote.                                      | unknown",
            "100% vor Ort                                                            | onsite",
            "Die Stelle ist 100 % vor Ort in München.                                | onsite",
            "Du arbeitest vollständig vor Ort in unserem Werk.                       | onsite",
            "Poste en présentiel à 100 %.                                            | onsite",
            "Le poste est 100 % en présentiel à Lyon.                                | onsite",
            "Poste basé sur site à Toulouse.                                         | onsite",
            "Travail sur site, du lundi au vendredi.                                 | onsite",
            "Die Stelle ist nicht 100 % vor Ort.                                     | unknown",
            "2 Tage pro Woche vor Ort, den Rest im Homeoffice.                       | hybrid",
            "3 jours par semaine sur site, 2 jours de télétravail.                   | hybrid",
            "3 jours de présence sur site par semaine.                               | hybrid",
    })
    void arrangementStatedInGermanOrFrench(String description, String arrangement) {
        assertThat(classify("Softwareentwickler (m/w/d)", description).arrangement()).isEqualTo(arrangement);
    }

    @Test
    void incident17SourceHintsReachTheClassifier() {
        Hints sr = new Hints(null, null, null, "permanent", "Engineering", "Senior", List.of("DE"), Map.of());
        Classification c = classify("Backend Engineer", "Berlin", "We build payment rails.", sr);
        assertThat(c.seniority()).isEqualTo("senior");
        assertThat(c.positionType()).isEqualTo("full_time");
        assertThat(c.defaulted()).doesNotContain("seniority", "position_type");
        Hints contract = new Hints(null, null, null, "Contract", null, null, List.of(), Map.of());
        assertThat(classify("Backend Engineer", null, "x", contract).positionType()).isEqualTo("contract");
        assertThat(classify("Backend Engineer", null, "This is a 6-month contract with a view to extend.", Hints.NONE)
                .positionType()).isEqualTo("contract");
    }

    @Test
    void salaryFromHintsThenFromProse() {
        Hints h = new Hints(new Salary(90000.0, 110000.0, "GBP", Salary.Period.YEAR), null, null, null, null, null,
                List.of(), Map.of());
        assertThat(classify("Data Engineer", null, "Pay is $1 - $2 per hour", h).salary())
                .isEqualTo(new Salary(90000.0, 110000.0, "GBP", Salary.Period.YEAR));
        assertThat(classify("Data Engineer", "The base salary is €70,000 - €85,000 per year.").salary())
                .isEqualTo(new Salary(70000.0, 85000.0, "EUR", Salary.Period.YEAR));
        // A hint in a currency the taxonomy does not know is not stored.
        Hints bad = new Hints(new Salary(1.0, 2.0, "XYZ", Salary.Period.YEAR), null, null, null, null, null,
                List.of(), Map.of());
        assertThat(classify("Data Engineer", null, "No pay stated.", bad).salary()).isNull();
        // Nor is a hint no one could be paid: the prose is read instead.
        Hints garbage = new Hints(new Salary(-5.0, 1e300, "USD", Salary.Period.HOUR), null, null, null, null, null,
                List.of(), Map.of());
        assertThat(classify("Data Engineer", null, "The base salary is €70,000 - €85,000 per year.", garbage).salary())
                .isEqualTo(new Salary(70000.0, 85000.0, "EUR", Salary.Period.YEAR));
        assertThat(classify("Data Engineer", "Salary: $2,000,000,000,000 per year.").salary()).isNull();
    }

    @Test
    void theCeilingOnPayIsTheCurrencysAsTheValidatorsIs() {
        // Twelve million yen a year is a Tokyo engineer's pay; twelve million dollars a year is no posting's.
        assertThat(classify("Data Engineer", "Tokyo, Japan", "Salary: ¥12,000,000 - ¥15,000,000 per year.", Hints.NONE)
                .salary()).isEqualTo(new Salary(12_000_000.0, 15_000_000.0, "JPY", Salary.Period.YEAR));
        assertThat(classify("Data Engineer", "New York, NY", "Salary: $12,000,000 - $15,000,000 per year.", Hints.NONE)
                .salary()).isNull();
        Hints dollars = new Hints(new Salary(12_000_000.0, 15_000_000.0, "USD", Salary.Period.YEAR), null, null, null,
                null, null, List.of(), Map.of());
        assertThat(classify("Data Engineer", null, "No pay stated.", dollars).salary()).isNull();
        Hints yen = new Hints(new Salary(12_000_000.0, 15_000_000.0, "JPY", Salary.Period.YEAR), null, null, null,
                null, null, List.of(), Map.of());
        assertThat(classify("Data Engineer", null, "No pay stated.", yen).salary())
                .isEqualTo(new Salary(12_000_000.0, 15_000_000.0, "JPY", Salary.Period.YEAR));
    }

    @Test
    void aBareDollarIsTheMoneyOfTheCountryTheJobIsIn() {
        String pay = "The base salary is $120,000 - $150,000 per year.";
        assertThat(classify("Data Engineer", "Toronto, ON", pay, Hints.NONE).salary().currency()).isEqualTo("CAD");
        assertThat(classify("Data Engineer", "Remote - Australia", pay, Hints.NONE).salary().currency()).isEqualTo("AUD");
        assertThat(classify("Data Engineer", "New York, NY", pay, Hints.NONE).salary().currency()).isEqualTo("USD");
        // A job in two dollar countries leaves the $ as US dollars; in Canada and Britain it is Canada's.
        assertThat(classify("Data Engineer", "Toronto, ON or New York, NY", pay, Hints.NONE).salary().currency())
                .isEqualTo("USD");
        assertThat(classify("Data Engineer", "Toronto, ON or London, UK", pay, Hints.NONE).salary().currency())
                .isEqualTo("CAD");
    }

    @Test
    void skillsEquityAndSummary() {
        Classification c = classify("Senior Backend Engineer",
                "We build APIs in Java and Kotlin on PostgreSQL and Kafka, deployed with Kubernetes on AWS. "
                        + "Generous stock options. " + "Lorem ipsum dolor sit amet. ".repeat(20));
        assertThat(c.skills()).extracting(Classification.SkillMention::name)
                .contains("Java", "Kotlin", "PostgreSQL", "Kafka", "Kubernetes", "AWS");
        assertThat(c.skills()).allSatisfy(s -> assertThat(s.family()).isNotNull());
        assertThat(c.equity()).isTrue();
        assertThat(c.summary().split("\\s+").length).isLessThanOrEqualTo(50);
        assertThat(c.classifier()).isEqualTo("rules");
        assertThat(c.promptVersion()).startsWith("rules-");
    }

    @Test
    void everyCodeIsInTheTaxonomy() {
        Classification c = classify("Head of Marketing", "Own our brand. 10+ years of experience.");
        assertThat(TAXONOMY.families().contains(c.family())).isTrue();
        assertThat(TAXONOMY.subfamilies().contains(c.subfamily())).isTrue();
        assertThat(TAXONOMY.seniority().contains(c.seniority())).isTrue();
        assertThat(TAXONOMY.tracks().contains(c.track())).isTrue();
        assertThat(TAXONOMY.arrangements().contains(c.arrangement())).isTrue();
        assertThat(TAXONOMY.positionTypes().contains(c.positionType())).isTrue();
    }

    @Test
    void theEmployersOwnNameIsNotASkill() {
        Posting p = new Posting("test", "1", "https://example.com/1", "Juniper Health", "Backend Engineer", null,
                "At Juniper Health we build with Python. JUNIPER HEALTH is remote-first.", null, Hints.NONE);
        assertThat(RULES.classify(Prepared.of(p, RESOLVER)).skills()).extracting(Classification.SkillMention::name)
                .containsExactly("Python");
        assertThat(RulesClassifier.withoutName("Acme and ACME, acme!", "Acme")).isEqualTo("     and     ,     !");
        assertThat(RulesClassifier.withoutName("no name here", "Acme")).isEqualTo("no name here");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Senior Backend Engineer (Hybrid)        | hybrid  | full_time",
            "Senior Backend Engineer (Fully Remote)  | remote  | full_time",
            "DevOps Engineer (m/w/d) – Remote        | remote  | full_time",
            "Backend Engineer - 100% Remote          | remote  | full_time",
            "Data Engineer (On-site)                 | onsite  | full_time",
            "Software Engineer (Not Remote)          | onsite  | full_time",
            "Backend Engineer - Non-Remote           | onsite  | full_time",
            "Software Engineer (Remote-Friendly)     | hybrid  | full_time",
            "Backend Engineer (Contract)             | unknown | contract",
            "Contract Data Engineer                  | unknown | contract",
            "Part-time Backend Engineer (20h)        | unknown | part_time",
            "Data Analyst (Fixed-term)               | unknown | temporary",
            "Co-op Software Developer                | unknown | internship",
            "Apprentice Software Developer           | unknown | internship",
            "Praktikum Data Science (m/w/d)          | unknown | internship",
            // The words as part of what the job is about, not how it is held.
            "Hybrid Cloud Engineer                   | unknown | full_time",
            "Remote Sensing Data Scientist           | unknown | full_time",
            "Contract Manager                        | unknown | full_time",
            // A smart contract is code on a blockchain; contract lifecycle software is a product.
            "Senior Smart Contract Engineer          | unknown | full_time",
            "Smart Contract Developer (Solidity)     | unknown | full_time",
            "Software Engineer, Contract Lifecycle Management | unknown | full_time",
            "Smart Contract Auditor (Contract)       | unknown | contract",
            // A shop's onsite search and marketing are what is built, not where.
            "Backend Engineer, Onsite Search         | unknown | full_time",
            "Senior Engineer - On-site Personalization | unknown | full_time",
            "Data Scientist, Onsite Marketing        | unknown | full_time",
    })
    void theTitleSaysHowTheJobIsHeld(String title, String arrangement, String positionType) {
        Classification c = classify(title, null, "Build APIs with Java and Kafka for our payments team.", Hints.NONE);
        assertThat(c.arrangement()).isEqualTo(arrangement);
        assertThat(c.positionType()).isEqualTo(positionType);
    }

    @Test
    void anInternTitleIsAnInternshipButAnInternInTheProseIsNot() {
        Hints fullTime = new Hints(null, null, null, "Full-time", null, null, List.of(), Map.of());
        assertThat(classify("Backend Engineer Intern", null, "Build APIs with Java and Kafka for our payments team.", fullTime)
                .positionType()).isEqualTo("internship");
        assertThat(classify("Backend Engineer", null,
                "Build APIs with Java. Fun fact: our intern once named a table '; DROP TABLE x; --.", Hints.NONE)
                .positionType()).isEqualTo("full_time");
        // Titles the intern level already reads: the position type must agree with it.
        for (String title : List.of("Software Engineering Internship", "Internship - Software Engineer",
                "Data Science Internship (Summer 2025)", "Working Student - Data Engineering (m/f/d)")) {
            Classification c = classify(title, null, "Build APIs with Java and Kafka for our payments team.", fullTime);
            assertThat(c.seniority()).as(title).isEqualTo("intern");
            assertThat(c.positionType()).as(title).isEqualTo("internship");
        }
    }

    @Test
    void germanDeveloperTitlesAreSoftwareEngineering() {
        Classification c = classify("Softwareentwickler (m/w/d)", "Du entwickelst unsere Plattform mit Java.");
        assertThat(c.family()).isEqualTo("software_engineering");
        assertThat(c.subfamily()).isEqualTo("engineering_general");
        assertThat(classify("Frontend-Entwickler (w/m/d)", "React und TypeScript.").subfamily()).isEqualTo("frontend");
    }

    @Test
    void aStaffAccountantOrStaffNurseIsNotAStaffLevelEngineer() {
        Classification accountant = classify("Staff Accountant", "Pioneer Foods is looking for a Staff Accountant to "
                + "support month-end close.\n\nRequirements: bachelor's degree in accounting, 1-3 years of accounting experience.");
        assertThat(accountant.seniority()).isEqualTo("junior");
        Classification nurse = classify("Staff Nurse - Cardiology", "We are looking for a newly qualified or experienced "
                + "Staff Nurse (Band 5) to join our cardiology ward.");
        assertThat(nurse.seniority()).isNotEqualTo("staff");
        assertThat(classify("Nursing Staff (Night Shifts)", "Join our ward.").seniority()).isNotEqualTo("staff");
        assertThat(classify("Staff Software Engineer", "Join our platform team.").seniority()).isEqualTo("staff");
    }

    @Test
    void aShortTermCommitmentIsTemporary() {
        // Lever's commitment, as Spotify writes it for a fixed-term engagement.
        Hints lever = new Hints(null, null, null, "Short Term", null, null, List.of(), Map.of());
        assertThat(classify("Partnerships Coordinator", null, "Support our label partners in Vietnam.", lever).positionType())
                .isEqualTo("temporary");
        // The title's own terms come first.
        assertThat(classify("Artist & Label Partnerships Contractor, Vietnam", null, "Support our label partners.", lever)
                .positionType()).isEqualTo("contract");
    }

    @Test
    void anInternshipIsHeldAtTheInternLevel() {
        // SmartRecruiters: typeOfEmployment "Internship", experienceLevel "entry_level".
        Hints sr = new Hints(null, null, null, "Internship", null, "entry_level", List.of(), Map.of());
        Classification fromHint = classify("Summer Analyst, Engineering", null, "Join our engineering team for the summer.", sr);
        assertThat(fromHint.positionType()).isEqualTo("internship");
        assertThat(fromHint.seniority()).isEqualTo("intern");
        Classification fromProse = classify("Software Engineering Summer Program",
                "This is a paid 12-week internship for students in their penultimate year.");
        assertThat(fromProse.positionType()).isEqualTo("internship");
        assertThat(fromProse.seniority()).isEqualTo("intern");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Benefits: £500 work from home allowance, private health, 25 days holiday.",
            "We provide a work from home stipend to set up your desk.",
            "Flexible hours and work from home days.",
            "Occasional work from home is possible.",
            "Option to work from home when needed.",
    })
    void aWorkFromHomePerkOrPolicyOfAnOfficeJobIsNotARemoteRole(String description) {
        assertThat(classify("Data Analyst", "London, UK", description, Hints.NONE).arrangement()).isNotEqualTo("remote");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // Remote bounded by a region is still remote.
            "Remote within EU. We are a small product team.          | remote",
            "Location: Remote (US only).                             | remote",
            "You can work remote within the US, from any state.      | remote",
            "Remote - UK only, due to payroll.                       | remote",
            // A distance or the remote option of another arrangement is none.
            "You must live remote within 2 hours of our Leeds office. | unknown",
            "Hybrid in London, or remote within the UK for senior hires. | hybrid",
    })
    void remoteWithinARegionIsRemote(String description, String arrangement) {
        assertThat(classify("Product Designer", description).arrangement()).isEqualTo(arrangement);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // A hybrid technology is what the job works on, as the title marker already knows.
            "Experience designing hybrid cloud environments on AWS and on-prem. | unknown",
            "You have shipped hybrid apps with Ionic or Capacitor.           | unknown",
            "You will build hybrid search (vector + keyword) for our customers. | unknown",
            "Experience with hybrid mobile frameworks such as React Native.   | unknown",
            "You know hybrid/multi-cloud networking and Terraform.            | unknown",
            "Experience running hybrid and multi-cloud infrastructure.       | unknown",
            // The way of working is still hybrid.
            "We work in a hybrid model, with two days in the office.          | hybrid",
            "This is a hybrid role based in Leeds.                            | hybrid",
            "Hybrid working: 3 days in our Madrid office.                     | hybrid",
    })
    void aHybridTechnologyIsNotAHybridArrangement(String description, String arrangement) {
        assertThat(classify("Platform Engineer", description).arrangement()).isEqualTo(arrangement);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // The role's days in the office beat the company's culture and a phrase for the other days.
            "Loam is a remote-first company, but this role is based in our Lisbon studio 3 days a week. | hybrid",
            "You'll join us 2 days a week in our Amsterdam office and work from home the rest of the week. | hybrid",
            "Our product, engineering and design teams work on-site in Dublin four days a week. | hybrid",
            "Loam is a remote-first company: everyone works from wherever they do their best work. | remote",
            // Common phrasings of each.
            "This role is not remote: the team works together in our Shoreditch office every day. | onsite",
            "This is not a fully remote role: you will be in our Berlin office three days a week. | hybrid",
            "Please note this role is not 100% remote: we work from our Leeds office two days a week. | hybrid",
            "You must be based in Berlin: we work together in person at our Kreuzberg office. | onsite",
            "We are an office-first company: the whole team works from our Warsaw office every day. | onsite",
            "This is an in-person role at our West Loop office. | onsite",
            "This is a home-based role with occasional visits to our Manchester office. | remote",
            "Degree in mechanical engineering; 3+ years in food manufacturing. On-site. $80,000 - $95,000 CAD. | onsite",
            "We work on-site at customers' premises when a launch needs it, otherwise from our offices. | onsite",
            "This position is not eligible for remote work; you will work from our Austin office. | onsite",
            "Please note that this role is ineligible for remote working. | onsite",
            "This role is not eligible for fully remote work: you will be in our Denver office three days a week. | hybrid",
            "This role is eligible for fully remote work within the US. | remote",
            // Hybrid work ruled out, as remote work is above, leaves the office.
            "This position is not eligible for remote or hybrid work. | onsite",
            "This role is not eligible for hybrid work; you will work from our Tampa clinic. | onsite",
            "This is not a hybrid role: the team is in our Leeds office every day. | onsite",
            "Remote/hybrid work is not available for this role. | onsite",
            "Hybrid working is not available; this is a fully on-site role. | onsite",
            "No hybrid or remote options. | onsite",
            // Every working day on site, as US boards write a return to the office.
            "This role requires you to be on-site five days a week. | onsite",
            "You will work on-site 5 days per week. | onsite",
            "We work in-person five days a week at our NYC office. | onsite",
            "Five days a week in our London office. | onsite",
            "Expect to be 5 days per week on-site with the team. | onsite",
            // A ceiling on the days at home, as UK employers write flexible working, is hybrid.
            "We offer flexible working, including the option to work from home up to 2 days a week. | hybrid",
            "You can work from home up to three days per week. | hybrid",
            "You may work remotely up to two days per week. | hybrid",
            "Working from home is possible up to 2 days per week. | hybrid",
            "This role is based in our London office, with two days a week working from home. | hybrid",
            // An office job's leeway to work from home is no remote role; a choice of home or office is hybrid.
            "This role is based in London or Stockholm. We offer you the flexibility to work where you work best! There will be some in person meetings, but still allows for flexibility to work from home. | unknown",
            "You will have the option to work from home. | unknown",
            "Enjoy the freedom to work from home or from our Berlin office, as suits your week. | hybrid",
            "You can work from home or in the office, whatever suits you. | hybrid",
            "You can work from anywhere in the EU. | remote",
            // US boards' eligibility wording, and a location line in the description.
            "This role is eligible for remote work within the United States. | remote",
            "This role is eligible for remote work up to two days per week. | hybrid",
            "Location: Remote, US | remote",
            "Location: Remote / Hybrid (London) | hybrid",
            "Location: Remote or London | unknown",
            // The arrangement as a labelled field, as boards copy their workplace type in.
            "Workplace type: On-site | onsite",
            "Location type: Remote | remote",
            "Work model: Remote | remote",
            "Workplace Type: Onsite | onsite",
            "Work arrangement: In-office | onsite",
            "Workplace type: Remote or Hybrid | hybrid",
            // Where the role is based, when nothing says it may be done from home.
            "This role is based out of our headquarters in Austin, TX; relocation support will be provided to a remote hire. | onsite",
            "The position is based in our Manchester office. | onsite",
            "This role is based in Manchester. | unknown",
            "Loam is a remote-first company, and this role is based in our Lisbon office. | onsite",
            // What the company is, where the role says nothing of itself.
            "We are a distributed team across 12 time zones. | remote",
            "We're a remote company with teammates in 20 countries. | remote",
    })
    void theRolesOwnArrangementBeatsTheCompanysCulture(String description, String arrangement) {
        assertThat(classify("Product Designer", description).arrangement()).isEqualTo(arrangement);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // A mention of freelancers or an internship programme is not the role's terms.
            "Klarfeld builds tax software for freelancers. You'll design and build services in Kotlin. | full_time",
            "You'll work in Figma with designers and manage our small pool of freelance writers. | full_time",
            "You'll run hiring, one-on-ones and planning, and help run our summer internship program. | full_time",
            // The role's own terms still count.
            "This is a freelance contract for three months, paid per day. | freelance",
            "We are looking for a freelancer to redesign our onboarding flow. | freelance",
            "You will work with us on a freelance basis, about 20 hours per week. | freelance",
            "This is a paid 12-week internship for students. | internship",
            "During your internship you will ship features to production. | internship",
            "You will work with a friendly team and ship often. Summer internship (12 weeks). | internship",
            "You will join the data team as a working student for 20 hours a week. | internship",
            // A duration stated as a field of the terms.
            "Contract length: 6 months, with a view to extend. Outside IR35. | contract",
            "Contract duration: 12 months. You will build our payments API in Kotlin. | contract",
            "Internship duration: 6 months, starting in September. | internship",
            "Internship length - 12 weeks. You will pair with a senior engineer. | internship",
            // Terms that are not the role's length, or a permanent contract, are not.
            "Contract type: permanent. You will build our payments API in Kotlin. | full_time",
            "You will negotiate contract length with our suppliers, typically 12 months. | full_time",
            // Terms ruled out are not the role's: US boards' "No C2C", "not a contract position".
            "This is a full-time W2 position. No C2C or third parties, please. | full_time",
            "W2 only, no corp-to-corp. Benefits from day one. | full_time",
            "Full-time employees only (no 1099 or C2C). | full_time",
            "This is a permanent role, not a contract position. | full_time",
            "This is not a part-time role. | full_time",
            "We offer a permanent contract (CDI), not a fixed-term contract. | full_time",
            "Open to C2C; 6 month initial term. | contract",
            // A contractor's role, and UK contractors' tax status, which only a contract has.
            "This is a contractor position. | contract",
            "This is a 6-month contractor role. | contract",
            "Engagement: 6 months, outside IR35. | contract",
            "Day rate: £500-£600 (Inside IR35). | contract",
            "This is not a contractor role. | full_time",
            // The terms as a labelled field of the description, as boards copy them in.
            "Employment type: Contract | contract",
            "Employment Type: Part-time | part_time",
            "Job type: Temporary | temporary",
            "Job Type: Internship | internship",
            "Job Types: Full-time, Part-time | full_time",
            "Job type: Freelance | freelance",
    })
    void positionTypePhrasesMustDescribeTheRole(String description, String positionType) {
        assertThat(classify("Software Engineer", description).positionType()).isEqualTo(positionType);
    }
}
