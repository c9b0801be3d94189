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

    public record Region(String code, String name, List<String> aliases, List<String> codes, List<String> includes) {
        public Region {
            aliases = nullToEmpty(aliases);
            codes = nullToEmpty(codes);
            includes = nullToEmpty(includes);
        }
    }

    public record Country(String code, String name, String region, List<String> aliases, List<String> codes,
                          List<Subdivision> subdivisions) {
        public Country {
            aliases = nullToEmpty(aliases);
            codes = nullToEmpty(codes);
            subdivisions = nullToEmpty(subdivisions);
        }
    }

    public record Subdivision(String code, String name, List<String> aliases) {
        public Subdivision {
            aliases = nullToEmpty(aliases);
        }
    }

    public record City(String code, String name, String country, String subdivision, List<String> aliases,
                       @JsonProperty("codes") List<String> codes) {
        public City {
            aliases = nullToEmpty(aliases);
            codes = nullToEmpty(codes);
        }
    }

    static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
