package dev.jobintel.posting.location;

import java.util.List;
import java.util.Set;

/**
 * What a location string (plus the source's hints) says about where a job is.
 *
 * @param cities      resolved cities, in the order written
 * @param countries   ISO alpha-2 codes of every country named or implied, in order
 * @param regions     regions named outright ("Europe", "EMEA")
 * @param remoteScope null when the posting is not remote; "global"; a lower-case country code
 *                    ("us"); a region code ("europe"); one of those per continent joined by "+"
 *                    ("de+us"); or "" when remote with no stated scope
 * @param hybrid      the location says hybrid
 * @param onsite      the location says on-site / office
 * @param area        every code the place belongs to (cities, countries, regions with the
 *                    regions containing them, "remote", "remote-&lt;scope&gt;"), for filters
 * @param placeCity   of the first cities of the text's segments (cut at ';', '|', '/', "or"; cities listed
 *                    with commas count as segments: "Berlin, Munich"), the one of smallest code; null when
 *                    no segment named a city (cities from hints or the URL)
 */
public record ResolvedLocation(
        List<Places.City> cities,
        List<String> countries,
        List<String> regions,
        String remoteScope,
        boolean hybrid,
        boolean onsite,
        Set<String> area,
        Places.City placeCity) {

    public static final ResolvedLocation NONE =
            new ResolvedLocation(List.of(), List.of(), List.of(), null, false, false, Set.of(), null);

    public boolean remote() {
        return remoteScope != null;
    }

    /** "remote-us", "remote-de+us", "remote-global", "remote" (unscoped), or null when not remote. */
    public String remotePlace() {
        if (remoteScope == null) {
            return null;
        }
        return remoteScope.isEmpty() ? "remote" : "remote-" + remoteScope;
    }

    /**
     * The place used in job identity: a city's code, else the remote place, else null. Of cities in
     * several segments, the smallest of each segment's first city, not the first written: a board
     * listing "London; New York" and another "New York; London" post one job, as do "Berlin, Munich" and
     * "Munich, Berlin"; a metro written as one segment ("Washington DC-Baltimore Area") is its first city's.
     */
    public String place() {
        if (cities.isEmpty()) {
            return remotePlace();
        }
        return city().code();
    }

    /**
     * The job's city: the one {@link #place()} names, so that a job listed in "London; New York" by one board
     * and "New York; London" by another is in the same city whichever board's posting came first.
     */
    public Places.City city() {
        if (cities.isEmpty()) {
            return null;
        }
        return placeCity != null ? placeCity : cities.get(0);
    }

    /** The job's country: its {@link #city()}'s when that is not the first city written, else the first named. */
    public String country() {
        Places.City c = city();
        if (c != null && c != cities.get(0)) {
            return c.country().toUpperCase(java.util.Locale.ROOT);
        }
        return countries.isEmpty() ? null : countries.get(0);
    }

    public boolean isEmpty() {
        return cities.isEmpty() && countries.isEmpty() && regions.isEmpty() && remoteScope == null;
    }
}
