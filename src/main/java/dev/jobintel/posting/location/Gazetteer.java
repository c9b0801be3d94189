package dev.jobintel.posting.location;

import dev.jobintel.config.ConfigException;
import dev.jobintel.config.YamlDocument;
import dev.jobintel.posting.Normalizer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The place table indexed for matching: every name and alias as a sequence of folded,
 * lower-case tokens, and every code as a sequence of upper-case tokens. Matching whole token
 * sequences is what keeps "co" out of "Mexico" and "uk" out of "Barcelona" (incident 20).
 */
public final class Gazetteer {

    public static final String BUNDLED = "/jobintel/cities.yaml";

    /** What {@link #areaCode} takes, for messages that say what was expected. */
    public static final String AREA_FORMS = "a city (e.g. lon or London), a country (e.g. GB or Germany), a region "
            + "(e.g. europe), 'remote' or a remote scope (e.g. remote-us, remote-europe, remote-global)";

    /** What a matched name refers to. */
    public enum Kind { CITY, SUBDIVISION, COUNTRY, REGION }

    /**
     * One meaning of a matched token sequence.
     *
     * @param key city code, country code, region code, or "CC:SUB" for a subdivision
     */
    public record Ref(Kind kind, String key) {
    }

    private final Map<String, Places.City> cities = new LinkedHashMap<>();
    private final Map<String, Places.Country> countries = new LinkedHashMap<>();
    private final Map<String, Places.Region> regions = new LinkedHashMap<>();
    private final Map<String, List<Ref>> names = new HashMap<>();
    private final Map<String, List<Ref>> codes = new HashMap<>();
    private final Map<String, List<String>> regionChains = new HashMap<>();
    private ZoneRegions zoneRegions;
    private int maxTokens = 1;

    private Gazetteer() {
    }

    /** The bundled table. */
    public static Gazetteer bundled() {
        YamlDocument doc = YamlDocument.resource(BUNDLED);
        return build(List.of(new Source(doc, doc.bind(Places.class))));
    }

    /**
     * The bundled table extended by a user file. An entry under a code the bundled table has adds
     * to that entry (its aliases, codes, subdivisions; a name or region it gives replaces the
     * bundled one); a city under the code of a city of another country is an error.
     */
    public static Gazetteer withExtension(Path extra) {
        YamlDocument base = YamlDocument.resource(BUNDLED);
        YamlDocument user = YamlDocument.read(extra);
        Places userPlaces = user.bind(Places.class);
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(base, base.bind(Places.class)));
        if (userPlaces != null) {
            sources.add(new Source(user, userPlaces));
        }
        return build(sources);
    }

    private record Source(YamlDocument doc, Places places) {
    }

    private static Gazetteer build(List<Source> sources) {
        Gazetteer g = new Gazetteer();
        for (Source s : sources) {
            if (s.places() == null) {
                continue;
            }
            YamlDocument doc = s.doc();
            java.util.Set<String> inThisFile = new java.util.HashSet<>();
            List<Places.Region> rs = s.places().regions();
            for (int i = 0; i < rs.size(); i++) {
                Places.Region r = rs.get(i);
                String path = "regions[" + i + "]";
                require(doc, path + ".code", r.code());
                once(doc, path, inThisFile, "region " + r.code());
                g.regions.merge(r.code(), r, (was, more) -> new Places.Region(was.code(), or(more.name(), was.name()),
                        union(was.aliases(), more.aliases()), union(was.codes(), more.codes()),
                        union(was.includes(), more.includes()),
                        more.timeZones() == Places.TimeZones.NONE ? was.timeZones() : more.timeZones()));
            }
            List<Places.Country> cs = s.places().countries();
            for (int i = 0; i < cs.size(); i++) {
                Places.Country c = cs.get(i);
                String path = "countries[" + i + "]";
                require(doc, path + ".code", c.code());
                if (!c.code().matches("[A-Za-z]{2}")) {
                    throw doc.error(path + ".code", "a country code is two letters (ISO 3166), got '" + c.code() + "'");
                }
                String code = c.code().toUpperCase(Locale.ROOT);
                once(doc, path, inThisFile, "country " + code);
                if (!g.countries.containsKey(code)) {
                    require(doc, path + ".name", c.name());
                }
                g.countries.merge(code, c, (was, more) -> new Places.Country(was.code(), or(more.name(), was.name()),
                        or(more.region(), was.region()), union(was.aliases(), more.aliases()),
                        was.listsCodes() || more.listsCodes() ? union(was.codes(), more.codes()) : null,
                        union(was.subdivisions(), more.subdivisions())));
            }
            List<Places.City> ci = s.places().cities();
            for (int i = 0; i < ci.size(); i++) {
                Places.City c = ci.get(i);
                String path = "cities[" + i + "]";
                require(doc, path + ".code", c.code());
                String code = c.code().toLowerCase(Locale.ROOT);
                once(doc, path, inThisFile, "city " + code);
                Places.City was = g.cities.get(code);
                if (was == null) {
                    require(doc, path + ".name", c.name());
                } else if (c.country() != null && !c.country().equalsIgnoreCase(was.country())) {
                    throw doc.error(path + ".code", "'" + c.code() + "' is already the code of " + was.name() + " ("
                            + was.country() + "); give this city a code of its own");
                }
                g.cities.merge(code, c, (old, more) -> new Places.City(old.code(), or(more.name(), old.name()),
                        old.country(), or(more.subdivision(), old.subdivision()), union(old.aliases(), more.aliases()),
                        union(old.codes(), more.codes()), or(more.metro(), old.metro())));
            }
        }
        // The user's file first: an entry it adds to a bundled one is its to answer for.
        for (int i = sources.size() - 1; i >= 0; i--) {
            Source s = sources.get(i);
            if (s.places() != null) {
                g.check(s.doc(), s.places());
            }
        }
        g.index();
        return g;
    }

    /** A code written twice in one file: the second would silently replace the first. */
    private static void once(YamlDocument doc, String path, java.util.Set<String> seen, String what) {
        if (!seen.add(what.toLowerCase(Locale.ROOT))) {
            throw doc.error(path + ".code", what + " is written twice in this file; say it once");
        }
    }

    private static String or(String given, String otherwise) {
        return given == null || given.isBlank() ? otherwise : given;
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        java.util.LinkedHashSet<T> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static void require(YamlDocument doc, String path, String value) {
        if (value == null || value.isBlank()) {
            throw doc.error(path, "missing value");
        }
    }

    private void check(YamlDocument doc, Places p) {
        for (int i = 0; i < p.regions().size(); i++) {
            Places.Region r = p.regions().get(i);
            for (int j = 0; j < r.includes().size(); j++) {
                if (!regions.containsKey(r.includes().get(j))) {
                    throw doc.error("regions[" + i + "].includes[" + j + "]", "unknown region '" + r.includes().get(j) + "'");
                }
            }
            checkTimeZones(doc, "regions[" + i + "].time_zones", r.timeZones());
        }
        for (int i = 0; i < p.countries().size(); i++) {
            // As merged: an entry that adds aliases to a bundled country keeps its region.
            Places.Country c = countries.get(p.countries().get(i).code().toUpperCase(Locale.ROOT));
            require(doc, "countries[" + i + "].region", c.region());
            if (!regions.containsKey(c.region())) {
                throw doc.error("countries[" + i + "].region", "unknown region '" + c.region() + "'");
            }
        }
        for (int i = 0; i < p.cities().size(); i++) {
            Places.City c = cities.get(p.cities().get(i).code().toLowerCase(Locale.ROOT));
            require(doc, "cities[" + i + "].country", c.country());
            Places.Country country = countries.get(c.country().toUpperCase(Locale.ROOT));
            if (country == null) {
                throw doc.error("cities[" + i + "].country", "unknown country '" + c.country() + "'");
            }
            if (c.subdivision() != null && country.subdivisions().stream().noneMatch(s -> s.code().equalsIgnoreCase(c.subdivision()))) {
                throw doc.error("cities[" + i + "].subdivision",
                        "'" + c.subdivision() + "' is not a subdivision of " + country.code());
            }
            if (c.metro() != null) {
                Places.City metro = cities.get(c.metro().toLowerCase(Locale.ROOT));
                if (metro == null || metro == c || !metro.country().equalsIgnoreCase(c.country())) {
                    throw doc.error("cities[" + i + "].metro", "'" + c.metro() + "' is not the code of another city of "
                            + c.country() + " in the table");
                }
            }
        }
    }

    private static void checkTimeZones(YamlDocument doc, String path, Places.TimeZones z) {
        for (int j = 0; j < z.codes().size(); j++) {
            String code = z.codes().get(j);
            // Matched only as written in capitals, so that "est" or "cat" in a text never reads as a zone.
            if (code == null || !code.trim().matches("[A-Z]{2,6}")) {
                throw doc.error(path + ".codes[" + j + "]", "expected a zone abbreviation of 2 to 6 capital letters, "
                        + "found '" + code + "'");
            }
        }
        for (int j = 0; j < z.names().size(); j++) {
            if (z.names().get(j) == null || LocationTokens.folded(z.names().get(j)).isEmpty()) {
                throw doc.error(path + ".names[" + j + "]", "missing value");
            }
        }
        List<Integer> o = z.utcOffsets();
        if (!o.isEmpty() && (o.size() != 2 || o.get(0) == null || o.get(1) == null || o.get(0) < -12 || o.get(1) > 14
                || o.get(0) > o.get(1))) {
            throw doc.error(path + ".utc_offsets", "expected [lowest, highest] whole hours between -12 and 14, "
                    + "lowest first, found " + o);
        }
    }

    private void index() {
        for (Places.Region r : regions.values()) {
            addName(r.name(), new Ref(Kind.REGION, r.code()));
            r.aliases().forEach(a -> addName(a, new Ref(Kind.REGION, r.code())));
            r.codes().forEach(c -> addCode(c, new Ref(Kind.REGION, r.code())));
        }
        for (Places.Country c : countries.values()) {
            String cc = c.code().toUpperCase(Locale.ROOT);
            addName(c.name(), new Ref(Kind.COUNTRY, cc));
            c.aliases().forEach(a -> addName(a, new Ref(Kind.COUNTRY, cc)));
            c.codes().forEach(code -> addCode(code, new Ref(Kind.COUNTRY, cc)));
            // Its ISO code is one of its codes, unless its codes are listed without it: the Cayman Islands'
            // "KY", written after a town, is Kentucky ("Remote - KY" is not the islands); "codes: []" lists none.
            if (c.isoCodeIsACode()) {
                addCode(cc, new Ref(Kind.COUNTRY, cc));
            }
            for (Places.Subdivision s : c.subdivisions()) {
                Ref ref = new Ref(Kind.SUBDIVISION, cc + ":" + s.code().toUpperCase(Locale.ROOT));
                addName(s.name(), ref);
                s.aliases().forEach(a -> addName(a, ref));
                addCode(s.code(), ref);
            }
        }
        for (Places.City c : cities.values()) {
            Ref ref = new Ref(Kind.CITY, c.code().toLowerCase(Locale.ROOT));
            addName(c.name(), ref);
            c.aliases().forEach(a -> addName(a, ref));
            c.codes().forEach(code -> addCode(code, ref));
        }
        for (String country : countries.keySet()) {
            regionChains.put(country, chainOf(countries.get(country).region()));
        }
        zoneRegions = new ZoneRegions(regions.values(), this::regionChain);
    }

    private List<String> chainOf(String region) {
        // The region, then every region that includes it, nearest first.
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> frontier = new ArrayList<>(List.of(region));
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String r : frontier) {
                if (seen.add(r)) {
                    chain.add(r);
                    for (Places.Region parent : regions.values()) {
                        if (parent.includes().contains(r)) {
                            next.add(parent.code());
                        }
                    }
                }
            }
            frontier = next;
        }
        return List.copyOf(chain);
    }

    private void addName(String name, Ref ref) {
        if (name == null || name.isBlank()) {
            return;
        }
        List<String> tokens = LocationTokens.folded(name);
        if (tokens.isEmpty()) {
            return;
        }
        put(names, String.join(" ", tokens), ref);
        maxTokens = Math.max(maxTokens, tokens.size());
    }

    private void addCode(String code, Ref ref) {
        if (code == null || code.isBlank()) {
            return;
        }
        List<String> tokens = LocationTokens.original(Normalizer.foldAccents(code).toUpperCase(Locale.ROOT));
        if (tokens.isEmpty()) {
            return;
        }
        put(codes, String.join(" ", tokens), ref);
        maxTokens = Math.max(maxTokens, tokens.size());
    }

    private static void put(Map<String, List<Ref>> map, String key, Ref ref) {
        List<Ref> refs = map.computeIfAbsent(key, k -> new ArrayList<>(2));
        if (!refs.contains(ref)) {
            refs.add(ref);
        }
    }

    List<Ref> byName(String foldedKey) {
        return names.getOrDefault(foldedKey, List.of());
    }

    List<Ref> byCode(String upperKey) {
        return codes.getOrDefault(upperKey, List.of());
    }

    int maxTokens() {
        return maxTokens;
    }

    public Places.City city(String code) {
        return code == null ? null : cities.get(code.toLowerCase(Locale.ROOT));
    }

    public Places.Country country(String code) {
        return code == null ? null : countries.get(code.toUpperCase(Locale.ROOT));
    }

    /**
     * The ISO code of a country given by code ("GB", "gb", "GBR", "UK") or name ("United Kingdom",
     * "Deutschland", "USA"); null when it names no known country.
     */
    public String countryCode(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return null;
        }
        String trimmed = nameOrCode.trim();
        Places.Country direct = country(trimmed);
        if (direct != null) {
            return direct.code().toUpperCase(Locale.ROOT);
        }
        for (Ref r : placesNamed(trimmed)) {
            if (r.kind() == Kind.COUNTRY) {
                return r.key();
            }
        }
        return null;
    }

    /** The regions whose time zones {@code text} names (see {@link Places.TimeZones}), in the order named. */
    public Set<String> regionsOfTimeZones(String text) {
        return zoneRegions.in(text);
    }

    public boolean isRegion(String code) {
        return regions.containsKey(code);
    }

    /** The country's region and every region containing it, nearest first; empty for an unknown country. */
    public List<String> regionsOf(String countryCode) {
        return countryCode == null ? List.of() : regionChains.getOrDefault(countryCode.toUpperCase(Locale.ROOT), List.of());
    }

    /** The region itself and every region containing it, nearest first. */
    public List<String> regionChain(String region) {
        return regions.containsKey(region) ? chainOf(region) : List.of();
    }

    public Collection<Places.City> cities() {
        return cities.values();
    }

    public Collection<Places.Country> countries() {
        return countries.values();
    }

    public Collection<Places.Region> regions() {
        return regions.values();
    }

    /**
     * An area as the location filters take it — a city (lon), a country (GB), a region (europe),
     * "remote", or "remote-" and a country, a region or "global" — in the case
     * {@link ResolvedLocation#area()} writes it; null when {@code raw} names none of these. Places
     * may be given by code or by a name that means one place only ("Germany", "UK", "North
     * America", "remote-Germany"); "Georgia", a country and a US state, needs its code.
     */
    public String areaCode(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.equals("remote")) {
            return lower;
        }
        if (lower.startsWith("remote-")) {
            String scope = trimmed.substring("remote-".length()).trim();
            if (scope.equalsIgnoreCase(RemoteScopes.GLOBAL)) {
                return "remote-" + RemoteScopes.GLOBAL;
            }
            // A remote scope is a country or a region, never a city.
            String place = placeCode(scope);
            return place == null || city(place) != null ? null : "remote-" + place.toLowerCase(Locale.ROOT);
        }
        return placeCode(trimmed);
    }

    /** A city, country or region by its code or by a name (or other code) that means it alone; else null. */
    private String placeCode(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (city(lower) != null) {
            return lower;
        }
        if (country(s) != null) {
            return s.toUpperCase(Locale.ROOT);
        }
        if (isRegion(lower)) {
            return lower;
        }
        // A country's other code ("UK") is the country, as its ISO code is, though a state's code is the same (Uttarakhand's).
        for (Ref r : byCode(String.join(" ", LocationTokens.original(Normalizer.foldAccents(s).toUpperCase(Locale.ROOT))))) {
            if (r.kind() == Kind.COUNTRY) {
                return r.key();
            }
        }
        Set<Ref> refs = placesNamed(s);
        String cityState = cityState(refs);
        if (cityState != null) {
            return cityState;
        }
        if (refs.size() != 1) {
            return null;
        }
        Ref only = refs.iterator().next();
        return only.kind() == Kind.SUBDIVISION ? null : only.key();
    }

    /** "Singapore", "Luxembourg": a country and its own city of one name are one area, the country's. */
    private String cityState(Set<Ref> refs) {
        if (refs.size() != 2) {
            return null;
        }
        String country = null;
        String cityCountry = null;
        for (Ref r : refs) {
            if (r.kind() == Kind.COUNTRY) {
                country = r.key();
            } else if (r.kind() == Kind.CITY) {
                cityCountry = city(r.key()).country().toUpperCase(Locale.ROOT);
            }
        }
        return country != null && country.equals(cityCountry) ? country : null;
    }

    /**
     * The codes of the cities {@code s} names by a name, alias or code of theirs, whatever else it names
     * too ("Sao Paulo" is also a state, "Luxemburg" also a country): for where only a city is asked for.
     */
    public List<String> citiesNamed(String s) {
        List<String> out = new ArrayList<>();
        for (Ref r : placesNamed(s.trim())) {
            if (r.kind() == Kind.CITY) {
                out.add(r.key());
            }
        }
        return out;
    }

    /** Every place {@code s} names, as a name (any case) or as a code (in capitals): names first. */
    private Set<Ref> placesNamed(String s) {
        Set<Ref> refs = new LinkedHashSet<>(byName(String.join(" ", LocationTokens.folded(s))));
        refs.addAll(byCode(String.join(" ", LocationTokens.original(Normalizer.foldAccents(s).toUpperCase(Locale.ROOT)))));
        return refs;
    }

    /** Why {@link #areaCode} found no area in {@code raw}, for an error message that says what to give instead. */
    public String areaProblem(String raw) {
        String trimmed = raw == null ? "" : raw.trim();
        String place = trimmed.toLowerCase(Locale.ROOT).startsWith("remote-")
                ? trimmed.substring("remote-".length()).trim() : trimmed;
        Set<Ref> refs = placesNamed(place);
        if (refs.size() > 1) {
            List<String> meanings = new ArrayList<>();
            refs.forEach(r -> meanings.add(r.kind().name().toLowerCase(Locale.ROOT) + " " + r.key()));
            return "'" + trimmed + "' names more than one place (" + String.join(", ", meanings) + "): give its code";
        }
        if (refs.size() == 1 && refs.iterator().next().kind() == Kind.SUBDIVISION) {
            return "'" + trimmed + "' is a state or province, which is no area: give " + AREA_FORMS;
        }
        if (refs.size() == 1 && refs.iterator().next().kind() == Kind.CITY) {
            return "'" + trimmed + "': " + place + " is a city, and a remote scope is a country or a region";
        }
        return "'" + trimmed + "' is not " + AREA_FORMS;
    }

    /** The countries of an area: the country itself, or every country of a region however deep; else none. */
    public Set<String> countriesIn(String area) {
        Set<String> out = new TreeSet<>();
        if (country(area) != null && area.equals(area.toUpperCase(Locale.ROOT))) {
            out.add(area);
        } else if (isRegion(area)) {
            regionChains.forEach((country, chain) -> {
                if (chain.contains(area)) {
                    out.add(country);
                }
            });
        }
        return out;
    }

    /** Throws if {@code code} names no city; used to validate config selectors. */
    public void requireKnown(String code, ConfigException ifUnknown) {
        if (city(code) == null && country(code) == null && !isRegion(code)) {
            throw ifUnknown;
        }
    }
}
