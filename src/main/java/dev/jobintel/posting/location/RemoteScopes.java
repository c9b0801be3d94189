package dev.jobintel.posting.location;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The remote scope of a posting from the countries and regions where it says remote work may be
 * done, and the filter areas ("remote-&lt;code&gt;") that scope belongs to.
 *
 * <p>Places on one continent share a scope: one country ("us"), or the smallest region holding
 * them all ("Remote - US or Canada" is north_america; "Remote, UK; Remote - EMEA" is emea). Places
 * on different continents keep one part each, joined by "+" and sorted ("Remote - US; Remote -
 * Germany" is "de+us"), so that neither continent is dropped and the same places written in
 * another order give the same job_hash.
 */
final class RemoteScopes {

    static final String GLOBAL = "global";
    static final String SEPARATOR = "+";

    private final Gazetteer gazetteer;

    RemoteScopes(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The scope of these countries (upper-case codes) and regions, or "" when they name none. */
    String of(Collection<String> countries, Collection<String> regions) {
        // Each place joins the others of its outermost region (americas, emea, apac).
        Map<String, Set<String>> byContinent = new TreeMap<>();
        for (String c : countries) {
            byContinent.computeIfAbsent(outermost(c), k -> new LinkedHashSet<>()).add(c);
        }
        for (String r : regions) {
            byContinent.computeIfAbsent(outermost(r), k -> new LinkedHashSet<>()).add(r);
        }
        List<String> parts = new ArrayList<>();
        for (Set<String> places : byContinent.values()) {
            parts.add(places.size() == 1 ? code(places.iterator().next()) : smallestHolding(places));
        }
        parts.sort(null);
        return String.join(SEPARATOR, parts);
    }

    /**
     * The filter areas of a remote posting: "remote-&lt;code&gt;" for each part of its scope, for
     * each country named as a place of remote work, and for every region holding one of those,
     * so that a filter on "remote-europe" keeps a job remote in Germany.
     */
    Set<String> areaOf(String scope, Collection<String> remoteCountries) {
        Set<String> area = new LinkedHashSet<>();
        if (scope.equals(GLOBAL)) {
            area.add("remote-" + GLOBAL);
            return area;
        }
        List<String> places = new ArrayList<>(remoteCountries);
        places.addAll(places(scope));
        for (String p : places) {
            area.add("remote-" + code(p));
            for (String r : regionsHolding(p)) {
                area.add("remote-" + r);
            }
        }
        return area;
    }

    /**
     * The places a scope names, as the gazetteer keys them: regions ("europe") and countries in
     * capitals ("DE"); none for "global" or an unscoped remote ("").
     */
    List<String> places(String scope) {
        List<String> places = new ArrayList<>();
        if (scope == null || scope.isEmpty() || scope.equals(GLOBAL)) {
            return places;
        }
        for (String part : scope.split("\\" + SEPARATOR)) {
            places.add(gazetteer.isRegion(part) ? part : part.toUpperCase(Locale.ROOT));
        }
        return places;
    }

    /** The smallest region holding all of {@code places}, which share an outermost region. */
    private String smallestHolding(Set<String> places) {
        List<String> common = null;
        for (String p : places) {
            List<String> chain = regionsHolding(p);
            if (common == null) {
                common = new ArrayList<>(chain);
            } else {
                common.retainAll(chain);
            }
        }
        return common.get(0);
    }

    /** The regions holding a country, or a region and the regions holding it, nearest first. */
    private List<String> regionsHolding(String place) {
        return gazetteer.isRegion(place) ? gazetteer.regionChain(place) : gazetteer.regionsOf(place);
    }

    private String outermost(String place) {
        List<String> chain = regionsHolding(place);
        return chain.isEmpty() ? place : chain.get(chain.size() - 1);
    }

    private String code(String place) {
        return gazetteer.isRegion(place) ? place : place.toLowerCase(Locale.ROOT);
    }
}
