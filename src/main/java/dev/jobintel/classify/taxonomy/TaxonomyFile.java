package dev.jobintel.classify.taxonomy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * {@code taxonomy.yaml} exactly as written. {@link Taxonomy} is the checked, compiled form
 * that classifiers, validation and the database use.
 */
public record TaxonomyFile(
        String version,
        Fallback fallback,
        List<Family> families,
        Ladder<Level> seniority,
        Choice<Track> tracks,
        Choice<Coded> arrangements,
        Choice<Coded> positionTypes,
        List<Currency> currencies,
        List<SkillFamily> skillFamilies,
        List<Skill> skills) {

    /** The family/subfamily given when nothing matches. */
    public record Fallback(String family, String subfamily) {
    }

    public record Family(String code, String name, String description, List<String> synonyms,
                         List<Subfamily> subfamilies) {
        public Family {
            synonyms = orEmpty(synonyms);
            subfamilies = orEmpty(subfamilies);
        }
    }

    public record Subfamily(String code, String name, String description, List<String> synonyms,
                            List<String> titlePatterns, List<String> descriptionPatterns) {
        public Subfamily {
            synonyms = orEmpty(synonyms);
            titlePatterns = orEmpty(titlePatterns);
            descriptionPatterns = orEmpty(descriptionPatterns);
        }
    }

    /** Seniority: ordered levels plus the default. */
    public record Ladder<T>(@JsonProperty("default") String defaultCode, List<T> levels) {
        public Ladder {
            levels = orEmpty(levels);
        }
    }

    public record Level(String code, String name, String description, List<String> synonyms, Years years,
                        List<String> titleMarkers, Boolean fromYears) {
        public Level {
            synonyms = orEmpty(synonyms);
            titleMarkers = orEmpty(titleMarkers);
        }
    }

    public record Years(Integer min, Integer max) {
    }

    /** A closed set of values plus the default. */
    public record Choice<T>(@JsonProperty("default") String defaultCode, List<T> values) {
        public Choice {
            values = orEmpty(values);
        }
    }

    public record Track(String code, String name, String description, List<String> synonyms,
                        List<String> titleMarkers) {
        public Track {
            synonyms = orEmpty(synonyms);
            titleMarkers = orEmpty(titleMarkers);
        }
    }

    /**
     * A value recognised from source hints and phrases (arrangement, position type); title
     * markers are phrases that count in a title only ("Intern" says internship there, not in
     * "our intern once..."). Culture phrases (optional) are what a posting says of the whole
     * company ("a remote-first company"); they count only when no value's phrases are found, as
     * what it says of the role ("this role is based in our studio 3 days a week") is more specific.
     */
    public record Coded(String code, String name, String description, List<String> synonyms,
                        List<String> hints, List<String> phrases, List<String> titleMarkers,
                        List<String> culturePhrases) {
        public Coded {
            synonyms = orEmpty(synonyms);
            hints = orEmpty(hints);
            phrases = orEmpty(phrases);
            titleMarkers = orEmpty(titleMarkers);
            culturePhrases = orEmpty(culturePhrases);
        }
    }

    /**
     * @param countries    where this is the money in use (ISO alpha-2): there a bare symbol it shares
     *                     with another currency ("$" of "C$", "¥" of "CN¥") reads as this one
     * @param monthlyBelow where pay is advertised by the month (Poland, Brazil, Sweden…): a range with
     *                     no period stated is monthly below this amount, yearly from it; null where
     *                     pay with no period is yearly from 20,000
     * @param maxPerYear   the most one person's pay in this money comes to in a year: past it a salary is
     *                     refused by the rules and by the validation of a model's answer; null where it is
     *                     {@link dev.jobintel.posting.Salary#MAX_PER_YEAR}
     */
    public record Currency(String code, String name, List<String> symbols, List<String> countries, Double monthlyBelow,
                           Double maxPerYear) {
        public Currency {
            symbols = orEmpty(symbols);
            countries = orEmpty(countries);
        }
    }

    public record SkillFamily(String code, String name, String description) {
    }

    /**
     * @param notPrecededBy words right before a name or alias that make it something else ("in line
     *                      with the" GDPR)
     * @param notFollowedBy words right after one that do ("leadership team", "Express Scripts")
     * @param listedAs      names that mean the skill only as an item of a list of skills (a model's answer),
     *                      never in prose, where they are ordinary words ("node")
     */
    public record Skill(String name, String family, List<String> aliases, Boolean caseSensitive,
                        List<String> notPrecededBy, List<String> notFollowedBy, List<String> listedAs) {
        public Skill {
            aliases = orEmpty(aliases);
            listedAs = orEmpty(listedAs);
            notPrecededBy = orEmpty(notPrecededBy);
            notFollowedBy = orEmpty(notFollowedBy);
        }
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
