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
