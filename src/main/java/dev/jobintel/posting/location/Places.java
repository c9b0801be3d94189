package dev.jobintel.posting.location;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The place table as written in {@code cities.yaml}: regions, countries with their
 * subdivisions, and cities with aliases. Codes (upper-case abbreviations such as "US", "NYC",
 * "CA") are kept apart from aliases because they match only when written in upper case.
 */
public record Places(
        String version,
        List<Region> regions,
        List<Country> countries,
        List<City> cities) {

    public Places {
        regions = regions == null ? List.of() : List.copyOf(regions);
        countries = countries == null ? List.of() : List.copyOf(countries);
        cities = cities == null ? List.of() : List.copyOf(cities);
    }

    public record Region(String code, String name, List<String> aliases, List<String> codes, List<String> includes,
                         @JsonProperty("time_zones") TimeZones timeZones) {
        public Region {
            aliases = nullToEmpty(aliases);
            codes = nullToEmpty(codes);
            includes = nullToEmpty(includes);
            timeZones = timeZones == null ? TimeZones.NONE : timeZones;
        }
    }

    /**
     * The time zones that stand for a region when a remote posting names nothing else ("Remote
     * (CET)", "Remote, UTC-5 to UTC+1"): zone abbreviations (matched only in upper case, as
     * written), zone names, and a range of whole-hour UTC offsets.
     *
     * @param utcOffsets the lowest and highest offset, in hours, both included
     */
    public record TimeZones(List<String> codes, List<String> names, @JsonProperty("utc_offsets") List<Integer> utcOffsets) {
        public static final TimeZones NONE = new TimeZones(null, null, null);

        public TimeZones {
            codes = nullToEmpty(codes);
            names = nullToEmpty(names);
            utcOffsets = nullToEmpty(utcOffsets);
        }
    }

    /**
     * A country. Its {@code codes} as written: none given (null) and its ISO code is its one code;
     * a list, and its ISO code is one of its codes only if listed, so that {@code codes: []} gives
     * it none at all (Andorra: "AD" is an advertisement and "AND" the word).
     */
    public record Country(String code, String name, String region, List<String> aliases, List<String> codes,
                          List<Subdivision> subdivisions) {
        public Country {
            aliases = nullToEmpty(aliases);
            codes = codes == null ? null : List.copyOf(codes);
            subdivisions = nullToEmpty(subdivisions);
        }

        /** The codes listed; empty when none are given. */
        @Override
        public List<String> codes() {
            return codes == null ? List.of() : codes;
        }

        /** Whether the entry gives its codes, even as an empty list. */
        public boolean listsCodes() {
            return codes != null;
        }

        /** Whether its ISO code is one of its codes: unless it lists codes without it. */
        public boolean isoCodeIsACode() {
            return codes == null || codes.stream().anyMatch(code::equalsIgnoreCase);
        }
    }

    public record Subdivision(String code, String name, List<String> aliases) {
        public Subdivision {
            aliases = nullToEmpty(aliases);
        }
    }

    /**
     * A city of the table.
     *
     * @param metro the code of the table's city whose metropolitan area this town is part of (Gurugram's is
     *              Delhi's), or null: a board writing "Gurgaon, Delhi" names the town and its metro, not two cities
     */
    public record City(String code, String name, String country, String subdivision, List<String> aliases,
                       @JsonProperty("codes") List<String> codes, String metro) {
        public City {
            aliases = nullToEmpty(aliases);
            codes = nullToEmpty(codes);
        }
    }

    static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
