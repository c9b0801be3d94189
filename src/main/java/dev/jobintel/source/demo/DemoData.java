package dev.jobintel.source.demo;

import java.util.List;

/**
 * The fixed pools the demo generator draws from: employers, places, roles with their true
 * taxonomy labels and skills, levels, agencies. Fictional employers; real places and skills.
 */
final class DemoData {

    private DemoData() {
    }

    /** An employer: display name, a suffixed variant other sources use, its ATS, industry, hub cities. */
    record Employer(String name, String legalName, String slug, String source, String industry, List<String> hubs) {
    }

    /**
     * A place: the location strings sources write for it, the city code it must resolve to
     * (null for remote-only), its country, currency and the arrangement the string implies.
     */
    record Place(String key, List<String> variants, String city, String country, String currency, String arrangement) {
    }

    /** A role: title, true family/subfamily, skills it mentions, duties. */
    record Role(String title, String family, String subfamily, List<String> skills, String duty, boolean hasLevels) {
    }

    /** A level: title prefix (or pattern with %s), true seniority and track, years stated. */
    record Level(String pattern, String seniority, String track, int years, int weight) {
    }

    static final List<Employer> EMPLOYERS = List.of(
            new Employer("Northwind Analytics", "Northwind Analytics Ltd", "northwind", "greenhouse", "analytics", List.of("lon", "nyc")),
            new Employer("Brightpath Health", "Brightpath Health, Inc.", "brightpath", "greenhouse", "digital health", List.of("nyc", "aus")),
            new Employer("Helios Payments", "Helios Payments GmbH", "helios", "greenhouse", "payments", List.of("ber", "lon")),
            new Employer("Quantia", "Quantia B.V.", "quantia", "greenhouse", "fintech", List.of("ams", "lon")),
            new Employer("Arcadia Motion", "Arcadia Motion Inc.", "arcadia", "greenhouse", "warehouse machinery", List.of("sfo", "sea")),
            new Employer("Lumen Learning Labs", "Lumen Learning Labs LLC", "lumenlabs", "greenhouse", "edtech", List.of("aus", "tor")),
            new Employer("Kestrel Security", "Kestrel Security Ltd", "kestrel", "greenhouse", "cybersecurity", List.of("lon", "dub")),
            new Employer("Tidewater Logistics", "Tidewater Logistics Corp.", "tidewater", "greenhouse", "logistics", List.of("sea", "tor")),
            new Employer("Orbital Commerce", "Orbital Commerce Inc.", "orbital", "greenhouse", "e-commerce", List.of("nyc", "sfo")),
            new Employer("Vireo Energy", "Vireo Energy GmbH", "vireo", "greenhouse", "clean energy", List.of("muc", "ber")),
            new Employer("Cobalt Cloud", "Cobalt Cloud, Inc.", "cobaltcloud", "lever", "cloud infrastructure", List.of("sfo", "sea")),
            new Employer("Fernhill Games", "Fernhill Games Ltd", "fernhill", "lever", "games", List.of("lon", "sto")),
            new Employer("Mosaic Media", "Mosaic Media Ltd", "mosaicmedia", "lever", "media", List.of("nyc", "lon")),
            new Employer("Pinecrest Bank", "Pinecrest Bank N.A.", "pinecrest", "lever", "banking", List.of("nyc", "tor")),
            new Employer("Sable Insurance", "Sable Insurance SE", "sable", "lever", "insurtech", List.of("par", "ams")),
            new Employer("Atlas Mobility", "Atlas Mobility AG", "atlasmobility", "lever", "mobility", List.of("zrh", "muc")),
            new Employer("Greenleaf Foods", "Greenleaf Foods Inc.", "greenleaf", "lever", "food tech", List.of("aus", "nyc")),
            new Employer("Nimbus Data", "Nimbus Data Pvt Ltd", "nimbusdata", "lever", "data platforms", List.of("blr", "sin")),
            new Employer("Harbor Freight Tech", "Harbor Freight Tech Pte. Ltd.", "harborfreight", "lever", "logistics", List.of("sin", "syd")),
            new Employer("Linea Studio", "Linea Studio SAS", "linea", "ashby", "design tools", List.of("par", "lon")),
            new Employer("Polaris AI", "Polaris AI, Inc.", "polarisai", "ashby", "AI", List.of("sfo", "nyc")),
            new Employer("Cinder Labs", "Cinder Labs Inc.", "cinderlabs", "ashby", "developer tools", List.of("sfo", "ber")),
            new Employer("Juniper Health", "Juniper Health Ltd", "juniperhealth", "ashby", "healthtech", List.of("lon", "dub")),
            new Employer("Ridgeline Capital", "Ridgeline Capital LLC", "ridgeline", "ashby", "investment", List.of("nyc", "lon")),
            new Employer("Solace Mental Health", "Solace Mental Health Inc.", "solace", "ashby", "mental health", List.of("tor", "aus")),
            new Employer("Tessera Chips", "Tessera Chips Ltd", "tessera", "ashby", "semiconductors", List.of("blr", "sjc")),
            new Employer("Waypoint Maps", "Waypoint Maps Pty Ltd", "waypoint", "ashby", "mapping", List.of("syd", "sin")),
            new Employer("Zephyr Travel", "Zephyr Travel S.L.", "zephyr", "ashby", "travel", List.of("bcn", "ams")),
            new Employer("Marlow & Finch", "Marlow & Finch LLP", "marlowfinch", "workable", "legal tech", List.of("lon", "man")),
            new Employer("Copperfield Retail", "Copperfield Retail Ltd", "copperfield", "workable", "retail", List.of("lon", "dub")),
            new Employer("Alder Biotech", "Alder Biotech AG", "alder", "workable", "biotech", List.of("zrh", "ber")),
            new Employer("Blueshift Telecom", "Blueshift Telecom S.A.", "blueshift", "workable", "telecom", List.of("par", "mad")),
            new Employer("Evergreen Property", "Evergreen Property Ltd", "evergreen", "workable", "proptech", List.of("lon", "ams")),
            new Employer("Foxglove Fashion", "Foxglove Fashion GmbH", "foxglove", "workable", "fashion", List.of("ber", "muc")),
            new Employer("Granite Construction Tech", "Granite Construction Tech Inc.", "granite", "workable", "construction tech", List.of("tor", "sea")),
            new Employer("Halcyon Hotels", "Halcyon Hotels Ltd", "halcyon", "workable", "hospitality", List.of("dub", "lon")),
            new Employer("Ionic Automotive", "Ionic Automotive GmbH", "Ionic", "smartrecruiters", "automotive", List.of("muc", "ber")),
            new Employer("Jasper Pharma", "Jasper Pharma Ltd", "JasperPharma", "smartrecruiters", "pharma", List.of("blr", "lon")),
            new Employer("Kinetic Sports", "Kinetic Sports Inc.", "KineticSports", "smartrecruiters", "sports tech", List.of("tor", "nyc")),
            new Employer("Lattice Aerospace", "Lattice Aerospace SAS", "Lattice", "smartrecruiters", "aerospace", List.of("par", "muc")),
            new Employer("Meridian Shipping", "Meridian Shipping Pte. Ltd.", "Meridian", "smartrecruiters", "shipping", List.of("sin", "ams")),
            new Employer("Nova Grid", "Nova Grid Pty Ltd", "NovaGrid", "smartrecruiters", "utilities", List.of("syd", "sin")),
            new Employer("Oakridge Insurance", "Oakridge Insurance Corp.", "Oakridge", "smartrecruiters", "insurance", List.of("nyc", "aus")),
            new Employer("Prism Semiconductor", "Prism Semiconductor Pvt. Ltd.", "Prism", "smartrecruiters", "semiconductors", List.of("blr", "hyd")),
            new Employer("Quill Publishing", "Quill Publishing Ltd", "quill", "greenhouse", "publishing", List.of("lon", "nyc")),
            new Employer("Rowan Agritech", "Rowan Agritech B.V.", "rowan", "lever", "agritech", List.of("ams", "ber")),
            new Employer("Summit Wealth", "Summit Wealth AG", "summitwealth", "ashby", "wealth management", List.of("zrh", "lon")),
            new Employer("Topaz Streaming", "Topaz Streaming Inc.", "topaz", "workable", "streaming", List.of("sto", "lon")));

    /** Agencies that post under their own name (block list) and ones only their wording gives away. */
    static final List<String> BLOCKED_AGENCIES = List.of("Hays", "Randstad", "Robert Half", "Michael Page",
            "Harvey Nash", "Adecco", "Robert Walters", "Experis");
    static final List<String> WORDED_AGENCIES = List.of("Blue Fox Talent", "Meridian Talent Partners", "Clearwater People");

    static final List<Place> PLACES = List.of(
            new Place("lon", List.of("London", "London, UK", "LONDON", "London, England, United Kingdom", "Hybrid - London",
                    "London or Remote (UK)"), "lon", "GB", "GBP", null),
            new Place("nyc", List.of("New York, NY", "New York City", "NYC", "New York, New York, United States",
                    "NYC; Remote, US"), "nyc", "US", "USD", null),
            new Place("sfo", List.of("San Francisco, CA", "San Francisco Bay Area", "SF Bay Area"), "sfo", "US", "USD", null),
            new Place("sjc", List.of("San Jose, CA", "Mountain View, CA", "Palo Alto"), "sjc", "US", "USD", null),
            new Place("sea", List.of("Seattle, WA", "Seattle"), "sea", "US", "USD", null),
            new Place("aus", List.of("Austin, TX", "Austin, Texas"), "aus", "US", "USD", null),
            new Place("tor", List.of("Toronto, ON", "Toronto, Ontario, Canada"), "tor", "CA", "CAD", null),
            new Place("ber", List.of("Berlin", "Berlin, Germany", "Hybrid - Berlin"), "ber", "DE", "EUR", null),
            new Place("muc", List.of("Munich", "München, Bayern, Deutschland", "Munich, Germany"), "muc", "DE", "EUR", null),
            new Place("ams", List.of("Amsterdam", "Amsterdam, Netherlands"), "ams", "NL", "EUR", null),
            new Place("par", List.of("Paris", "Paris, France", "Paris, Île-de-France"), "par", "FR", "EUR", null),
            new Place("mad", List.of("Madrid", "Madrid, Spain"), "mad", "ES", "EUR", null),
            new Place("bcn", List.of("Barcelona", "Barcelona, Spain"), "bcn", "ES", "EUR", null),
            new Place("dub", List.of("Dublin", "Dublin, Ireland"), "dub", "IE", "EUR", null),
            new Place("man", List.of("Manchester", "Manchester, UK"), "man", "GB", "GBP", null),
            new Place("sto", List.of("Stockholm", "Stockholm, Sweden"), "sto", "SE", "SEK", null),
            new Place("zrh", List.of("Zurich", "Zürich, Switzerland"), "zrh", "CH", "CHF", null),
            new Place("blr", List.of("Bengaluru, Karnataka, India", "Bangalore", "Bengaluru"), "blr", "IN", "INR", null),
            new Place("hyd", List.of("Hyderabad, Telangana, India", "Hyderabad, India"), "hyd", "IN", "INR", null),
            new Place("sin", List.of("Singapore"), "sin", "SG", "SGD", null),
            new Place("syd", List.of("Sydney, NSW", "Sydney, Australia"), "syd", "AU", "AUD", null),
            new Place("remote-us", List.of("Remote - US", "Remote-US", "US Remote", "Remote (United States)"), null, "US", "USD", "remote"),
            new Place("remote-gb", List.of("Remote (UK)", "Remote - United Kingdom"), null, "GB", "GBP", "remote"),
            new Place("remote-in", List.of("India - Remote", "Remote, India"), null, "IN", "INR", "remote"),
            new Place("remote-europe", List.of("Remote, Europe", "Remote - EMEA"), null, null, "EUR", "remote"));

    /** Location strings that name no place (kept, never collapsed into one job: incident 3). */
    static final List<String> UNKNOWN_PLACES = List.of("TBD", "Multiple locations", "Flexible", "Head office");

    static final List<Role> ROLES = List.of(
            new Role("Backend Engineer", "software_engineering", "backend",
                    List.of("Java", "Kotlin", "Go", "PostgreSQL", "Kafka", "gRPC", "Redis", "Kubernetes", "AWS", "Docker"),
                    "design, build and operate the services behind our product", true),
            new Role("Frontend Engineer", "software_engineering", "frontend",
                    List.of("TypeScript", "React", "Next.js", "CSS", "HTML", "GraphQL", "Cypress", "JavaScript"),
                    "build fast, accessible interfaces our customers love", true),
            new Role("Full Stack Engineer", "software_engineering", "fullstack",
                    List.of("TypeScript", "React", "Node.js", "PostgreSQL", "GraphQL", "AWS", "Docker"),
                    "ship features end to end, from the database to the browser", true),
            new Role("iOS Engineer", "software_engineering", "mobile",
                    List.of("Swift", "SwiftUI", "iOS", "REST", "CI/CD"), "build our iOS app used by millions", true),
            new Role("Android Engineer", "software_engineering", "mobile",
                    List.of("Kotlin", "Android", "Jetpack Compose", "REST", "CI/CD"), "build our Android app", true),
            new Role("Site Reliability Engineer", "software_engineering", "devops_sre",
                    List.of("Kubernetes", "Terraform", "Prometheus", "Grafana", "Linux", "AWS", "Go", "Helm"),
                    "keep our platform fast and available", true),
            new Role("DevOps Engineer", "software_engineering", "devops_sre",
                    List.of("Terraform", "Ansible", "Docker", "Kubernetes", "GitHub Actions", "Azure", "Linux"),
                    "automate our build, test and deployment pipelines", true),
            new Role("Security Engineer", "software_engineering", "security_engineering",
                    List.of("OWASP", "AWS", "Python", "Kubernetes", "Terraform", "Linux"),
                    "protect our customers and their data", true),
            new Role("QA Engineer", "software_engineering", "qa_test",
                    List.of("Selenium", "Cypress", "Playwright", "Java", "CI/CD", "Jira"),
                    "own our automated checks and release quality", true),
            new Role("Machine Learning Engineer", "software_engineering", "ml_engineering",
                    List.of("Python", "PyTorch", "TensorFlow", "MLflow", "Kubernetes", "Large language models", "AWS"),
                    "take models from notebooks to production", true),
            new Role("Software Engineer", "software_engineering", "engineering_general",
                    List.of("Java", "Python", "Go", "PostgreSQL", "Docker", "AWS", "Git"),
                    "build and maintain the systems that run our business", true),
            new Role("Data Engineer", "data", "data_engineering",
                    List.of("Python", "SQL", "Spark", "Airflow", "Kafka", "Snowflake", "dbt", "AWS"),
                    "build reliable pipelines that feed analytics and ML", true),
            new Role("Analytics Engineer", "data", "analytics_engineering",
                    List.of("SQL", "dbt", "Snowflake", "BigQuery", "Looker", "Python"),
                    "model data so the whole company can trust its numbers", true),
            new Role("Data Analyst", "data", "data_analysis",
                    List.of("SQL", "Excel", "Tableau", "Power BI", "Python", "A/B testing"),
                    "turn data into decisions for product and operations teams", true),
            new Role("Data Scientist", "data", "data_science",
                    List.of("Python", "pandas", "scikit-learn", "SQL", "A/B testing", "Statistics", "Machine learning"),
                    "build models that predict demand and personalise our product", true),
            new Role("Research Scientist", "data", "ml_research",
                    List.of("PyTorch", "Python", "Natural language processing", "Large language models", "Machine learning"),
                    "push the state of the art in language models", false),
            new Role("Product Manager", "product", "product_management",
                    List.of("Jira", "A/B testing", "SQL", "Roadmapping", "Agile", "Stakeholder management"),
                    "own the roadmap for one of our core products", true),
            new Role("Product Designer", "design", "product_design",
                    List.of("Figma", "Prototyping", "User research", "Usability testing", "Sketch"),
                    "design simple experiences for complex workflows", true),
            new Role("UX Researcher", "design", "ux_research",
                    List.of("User research", "Usability testing", "Figma", "Stakeholder management"),
                    "help the team understand our users deeply", true),
            new Role("Technical Program Manager", "delivery", "program_management",
                    List.of("Jira", "Agile", "Scrum", "Confluence", "Stakeholder management"),
                    "drive complex programs across engineering teams", true),
            new Role("Scrum Master", "delivery", "scrum_agile",
                    List.of("Scrum", "Agile", "Jira", "Confluence"), "coach our teams in how they plan and deliver", false),
            new Role("Account Executive", "out_of_scope", "sales",
                    List.of("Salesforce", "HubSpot", "Communication"), "win new customers in the mid-market", false),
            new Role("Customer Success Manager", "out_of_scope", "customer_support",
                    List.of("Salesforce", "Zendesk", "Communication"), "help our customers get value from day one", false),
            new Role("Recruiter", "out_of_scope", "operations_admin",
                    List.of("Communication", "Stakeholder management"), "find the people who will build our company", false));

    /** Relative frequency of each role, in ROLES order: engineering and data dominate, as in tech hiring. */
    static final int[] ROLE_WEIGHTS = {14, 9, 7, 3, 3, 5, 4, 3, 3, 5, 10, 8, 4, 5, 4, 1, 5, 4, 2, 2, 1, 3, 2, 2};

    static final List<Level> LEVELS = List.of(
            new Level("%s", "mid", "ic", 3, 30),
            new Level("Junior %s", "junior", "ic", 1, 8),
            new Level("Senior %s", "senior", "ic", 5, 30),
            new Level("Staff %s", "staff", "ic", 8, 7),
            new Level("Principal %s", "principal", "ic", 10, 3),
            new Level("Lead %s", "lead", "ic", 7, 5),
            new Level("%s Intern", "intern", "ic", 0, 3));

    // Teams that name no specialism: "Software Engineer, Mobile" is a mobile engineer, and the rules say so.
    static final List<String> TEAMS = List.of("Payments", "Growth", "Pricing", "Core", "Search", "Identity", "Checkout",
            "Logistics", "Partnerships", "Billing", "Onboarding", "Risk", "Marketplace", "Trust", "Insights");
}
