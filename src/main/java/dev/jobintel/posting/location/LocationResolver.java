package dev.jobintel.posting.location;

import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Normalizer;
import dev.jobintel.internal.Memo;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a location string such as "NYC; Remote, US", "London or Remote (UK)" or
 * "India - Remote" into cities, countries and a remote scope, deterministically: first the
 * text, then the source's structured hints (country codes, remote flags), then the posting URL.
 *
 * <p>The text is cut into segments at ';', '|', '/', newlines, '&amp;' and the word "or" (outside
 * parentheses); within a segment, qualifiers such as ", CA" or "(UK)" decide between cities of
 * the same name and whether "CA" is California or Canada.
 */
public final class LocationResolver {

    private enum Marker { REMOTE, GLOBAL, HYBRID, ONSITE, HOME_OFFICE }

    private static final Map<String, Marker> MARKERS = Map.ofEntries(
            Map.entry("remote", Marker.REMOTE), Map.entry("fully remote", Marker.REMOTE),
            Map.entry("remote first", Marker.REMOTE), Map.entry("wfh", Marker.REMOTE),
            Map.entry("work from home", Marker.REMOTE), Map.entry("telecommute", Marker.REMOTE),
            Map.entry("telework", Marker.REMOTE), Map.entry("distributed", Marker.REMOTE),
            Map.entry("home based", Marker.REMOTE), Map.entry("homebased", Marker.REMOTE),
            Map.entry("homeoffice", Marker.REMOTE), Map.entry("home office", Marker.HOME_OFFICE),
            // The same in the languages boards write locations in (matched accent-folded): "Remoto -
            // Brasil", "Trabajo remoto, España", "Télétravail, France", "Praca zdalna", "Thuiswerken".
            // "Home office" only where German is spoken (see homeOfficeIsRemote): US retailers name
            // their headquarters so, and the UK its interior ministry.
            Map.entry("remoto", Marker.REMOTE), Map.entry("remota", Marker.REMOTE),
            Map.entry("teletrabajo", Marker.REMOTE), Map.entry("teletrabalho", Marker.REMOTE),
            Map.entry("teletravail", Marker.REMOTE), Map.entry("a distance", Marker.REMOTE),
            Map.entry("a distancia", Marker.REMOTE), Map.entry("zdalnie", Marker.REMOTE),
            Map.entry("praca zdalna", Marker.REMOTE), Map.entry("thuiswerken", Marker.REMOTE),
            Map.entry("anywhere", Marker.GLOBAL), Map.entry("worldwide", Marker.GLOBAL),
            Map.entry("world wide", Marker.GLOBAL), Map.entry("global", Marker.GLOBAL),
            Map.entry("globally", Marker.GLOBAL),
            Map.entry("hybrid", Marker.HYBRID),
            // The taxonomy's hybrid ("remote-friendly" is among its synonyms), read before "remote" alone.
            Map.entry("remote friendly", Marker.HYBRID), Map.entry("remote flexible", Marker.HYBRID),
            Map.entry("onsite", Marker.ONSITE), Map.entry("on site", Marker.ONSITE),
            Map.entry("in office", Marker.ONSITE), Map.entry("office based", Marker.ONSITE),
            Map.entry("in person", Marker.ONSITE),
            // "Austin, TX (Not Remote)", "Non-Remote": the longest marker is read first, so not "remote".
            Map.entry("not remote", Marker.ONSITE), Map.entry("no remote", Marker.ONSITE),
            Map.entry("non remote", Marker.ONSITE));

    private static final int MARKER_MAX_TOKENS = 3;
    /** Words before a place that name part of it ("Downtown LA", "Greater LA"), not a town of their own. */
    private static final Set<String> PART_OF_TOWN = Set.of("greater", "downtown", "midtown", "metro", "central",
            "north", "south", "east", "west");
    /**
     * Words before a place that are no town: a city's code after them ("Hybrid in LA", "Office in
     * KL") is the city, not a state of a town the code follows ("New Orleans, LA"); a code that is a
     * country's and a state's reads as it does alone ("Remote in DE": Germany, not Delaware).
     */
    private static final Set<String> BEFORE_A_PLACE = Set.of("in", "at", "near", "around", "from", "based",
            "within", "en", "em");
    /**
     * Names of a part of a country that the table gives as the country's aliases ("Remote - East
     * Coast", "Remote (US West Coast)"): in a segment that names only another country beside them
     * they are that country's part ("Remote - Canada (West Coast)", "West Coast, New Zealand").
     */
    private static final Set<String> PARTS_OF_A_COUNTRY = Set.of("east coast", "west coast", "midwest", "mid west",
            "pacific northwest", "new england");
    /** "Austin and LA": before a city's code it is no town either; before a state's ("NY and CA") it joins states. */
    private static final String AND = "and";

    /**
     * The most of a location string read. The longest real ones list a few dozen offices in under
     * 2,000 characters; a megabyte of them is junk, and each resolution is kept under its text.
     */
    static final int TEXT_MAX = 4_000;

    /** Resolutions kept before the cache starts over; a few thousand distinct strings cover most markets. */
    static final int CACHE_LIMIT = 20_000;

    /** What a resolution depends on apart from the URL. */
    private record Key(String text, List<String> countries, String workplace, Boolean remote) {
        /** The hints as far as a resolution reads them. */
        Hints hints() {
            return new Hints(null, workplace, remote, null, null, null, countries, Map.of());
        }
    }

    private final Gazetteer gazetteer;
    private final RemoteScopes scopes;
    /**
     * Location strings repeat across thousands of postings ("London", "Remote - US"), and every
     * posting is resolved when it lands and again when it is gated, so resolutions are kept.
     */
    private final Memo<Key, ResolvedLocation> fromText =
            new Memo<>(CACHE_LIMIT, k -> resolve(k.text(), k.hints(), null, new Builder()));

    public LocationResolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.scopes = new RemoteScopes(gazetteer);
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /**
     * The filter areas of a job remote in {@code scope} (a stored remote scope: "us", "de+us",
     * "europe", "global", "" for unscoped), as {@link ResolvedLocation#area()} gives them for the
     * places that scope names: "de+us" is in DE, US, their regions, remote-de, remote-us,
     * remote-europe, remote-north_america and so on. Reports use it on jobs already stored.
     */
    public Set<String> areaOfRemoteScope(String scope) {
        List<String> countries = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        for (String place : scopes.places(scope)) {
            if (gazetteer.isRegion(place)) {
                regions.add(place);
            } else if (gazetteer.country(place) != null) {
                countries.add(place);
            }
        }
        Set<String> area = new LinkedHashSet<>();
        addPlaces(area, countries, regions);
        area.add("remote");
        area.addAll(scopes.areaOf(scope == null ? "" : scope, List.of()));
        return area;
    }

    /** Each country with the regions holding it, and each region with the regions holding it. */
    private void addPlaces(Set<String> area, Iterable<String> countries, Iterable<String> regions) {
        for (String c : countries) {
            area.add(c);
            area.addAll(gazetteer.regionsOf(c));
        }
        for (String r : regions) {
            area.addAll(gazetteer.regionChain(r));
        }
    }

    public ResolvedLocation resolve(String text) {
        return resolve(text, Hints.NONE, null);
    }

    /**
     * The hint countries as codes where they name a country ("United States", "USA": Ashby's
     * addressCountry, Workable's country without a code), since a city's country is compared by
     * code; anything else (a region such as "European Union") as it is.
     */
    private List<String> countryCodes(List<String> countries) {
        if (countries.isEmpty()) {
            return countries; // most postings: no allocation on the gate's path
        }
        List<String> out = new ArrayList<>(countries.size());
        for (String c : countries) {
            String code = gazetteer.countryCode(c);
            out.add(code != null ? code : c);
        }
        return out;
    }

    public ResolvedLocation resolve(String text, Hints hints, String url) {
        Hints given = hints == null ? Hints.NONE : hints;
        if (text != null && text.length() > TEXT_MAX) {
            text = text.substring(0, TEXT_MAX);
        }
        Key key = new Key(text, countryCodes(given.countries()), given.workplace(), given.remote());
        Hints h = key.hints();
        ResolvedLocation fromText = this.fromText.get(key);
        // The URL is consulted only when the text and hints name no place, and most URLs name none either.
        boolean placeless = fromText.cities().isEmpty() && fromText.countries().isEmpty() && fromText.regions().isEmpty();
        if (url == null || !placeless) {
            return fromText;
        }
        Builder fromUrl = new Builder();
        applyUrl(url, fromUrl);
        return fromUrl.cities.isEmpty() && fromUrl.countries.isEmpty() ? fromText : resolve(text, h, url, new Builder());
    }

    /** "Remote OK", "remote is okay": remote allowed, not Oklahoma (which is written "Remote - OK", "Tulsa, OK"). */
    private static final java.util.regex.Pattern REMOTE_OK = java.util.regex.Pattern.compile(
            "(?i)\\bremote(?: is)? (?:ok|okay)\\b");

    private ResolvedLocation resolve(String text, Hints h, String url, Builder b) {
        if (text != null && !text.isBlank()) {
            if (text.length() < 200 && REMOTE_OK.matcher(text).find()) {
                text = REMOTE_OK.matcher(text).replaceAll("Remote");
            }
            text = IsoSubdivisionCodes.spelledOut(text, gazetteer);
            for (String segment : segments(text)) {
                resolveSegment(segment, h, b);
            }
            if (b.homeOffice && !b.homeOfficeIsRemote && germanSpeaking(b.countries, h)) {
                Builder again = new Builder();
                again.homeOfficeIsRemote = true;
                return resolve(text, h, url, again);
            }
            widenRemoteScope(b);
        }
        applyHints(h, b);
        if (b.remoteScope != null && b.remoteScope.isEmpty() && placeless(b)) {
            // "Remote (CET)": working hours are the only place a remote posting gives.
            b.regions.addAll(gazetteer.regionsOfTimeZones(text));
        }
        if (placeless(b) && url != null) {
            applyUrl(url, b);
        }
        scopeRemote(b);
        return b.build();
    }

    /**
     * Whether a text that says "home office" means remote work: German-speaking boards write it so
     * ("Home Office (Deutschland)", "Berlin oder Home Office"), and the text or the source then
     * names a place in Germany, Austria or Switzerland.
     */
    private boolean germanSpeaking(Set<String> countries, Hints h) {
        List<String> all = new ArrayList<>(countries);
        h.countries().forEach(c -> all.add(gazetteer.countryCode(c)));
        return all.stream().anyMatch(c -> gazetteer.regionsOf(c).contains(GERMAN_SPEAKING));
    }

    /** The region of the bundled table that holds Germany, Austria, Switzerland and Liechtenstein. */
    private static final String GERMAN_SPEAKING = "dach";

    private static boolean placeless(Builder b) {
        return b.cities.isEmpty() && b.countries.isEmpty() && b.regions.isEmpty();
    }

    // ---- segments -------------------------------------------------------------------------

    static List<String> segments(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        String s = text;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            }
            boolean cut = depth == 0 && (c == ';' || c == '|' || c == '/' || c == '\n' || c == '&' || c == '•');
            if (!cut && depth == 0 && (c == 'o' || c == 'O') && isWordOr(s, i)) {
                flush(cur, out);
                i++; // skip the 'r'
                continue;
            }
            if (cut) {
                flush(cur, out);
            } else {
                cur.append(c);
            }
        }
        flush(cur, out);
        return out;
    }

    private static boolean isWordOr(String s, int i) {
        if (i + 1 >= s.length() || Character.toLowerCase(s.charAt(i + 1)) != 'r') {
            return false;
        }
        boolean before = i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
        boolean after = i + 2 >= s.length() || !Character.isLetterOrDigit(s.charAt(i + 2));
        return before && after && !oregon(s, i);
    }

    /** "Bend, OR", "Remote - OR": capitals closing the text after a comma or a dash are the state, not the word. */
    private static boolean oregon(String s, int i) {
        if (s.charAt(i) != 'O' || s.charAt(i + 1) != 'R' || !s.substring(i + 2).isBlank()) {
            return false;
        }
        String head = s.substring(0, i).stripTrailing();
        return head.endsWith(",") || head.endsWith("-") || head.endsWith("–");
    }

    private static void flush(StringBuilder cur, List<String> out) {
        String seg = cur.toString().trim();
        if (!seg.isEmpty()) {
            out.add(seg);
        }
        cur.setLength(0);
    }

    // ---- matching -------------------------------------------------------------------------

    /**
     * A run of tokens that named something. {@code code}: it is a two-letter code in capitals;
     * {@code afterUnknown}: right after a word no table knows, as "DE" in "Wilmington, DE" (see
     * {@link #usStateAfterName}).
     */
    private record Span(List<Gazetteer.Ref> refs, Marker marker, boolean code, boolean afterUnknown,
                        boolean partOfCountry, Gap gap, boolean metro) {
        Span(List<Gazetteer.Ref> refs, Marker marker, boolean code, boolean afterUnknown) {
            this(refs, marker, code, afterUnknown, false, Gap.OTHER, false);
        }

        boolean has(Gazetteer.Kind kind) {
            return LocationResolver.has(refs, kind);
        }

        /** Whether it names a US state ("LA" Louisiana, among what else it may name). */
        boolean hasUsState() {
            for (Gazetteer.Ref r : refs) {
                if (r.kind() == Gazetteer.Kind.SUBDIVISION && r.key().startsWith("US:")) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * What is written right before a span's first token: a comma ("Berlin, Munich"), an opening
     * parenthesis ("Walldorf (DE)"), or anything else (a space, a dash, nothing).
     */
    private enum Gap { COMMA, PAREN, OTHER }

    /** The {@link Gap} before each token of {@code segment}, in one pass over it. */
    private static Gap[] gaps(String segment, int tokens) {
        Gap[] out = new Gap[tokens];
        String s = Normalizer.foldAccents(segment);
        int token = 0;
        Gap gap = Gap.OTHER;
        boolean inWord = false;
        for (int k = 0; k < s.length() && token < tokens; k++) {
            char c = s.charAt(k);
            if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    out[token++] = gap;
                    gap = Gap.OTHER;
                    inWord = true;
                }
            } else {
                inWord = false;
                if (c == ',') {
                    gap = Gap.COMMA;
                } else if (c == '(' || c == '[') {
                    gap = Gap.PAREN;
                }
            }
        }
        return out;
    }

    /**
     * Words of a city's alias that name its metropolitan area rather than the city ("Bay Area",
     * "Delhi NCR", "Greater Toronto Area"): a town written before them is in that area ("Fremont,
     * Bay Area"), not a second city of a list.
     */
    private static final Set<String> METRO_WORDS = Set.of("area", "metro", "greater", "ncr", "region", "metropolitan");

    private static boolean metro(List<String> lower, int from, int to) {
        for (int k = from; k < to; k++) {
            if (METRO_WORDS.contains(lower.get(k))) {
                return true;
            }
        }
        return false;
    }

    private List<Span> spans(String segment) {
        List<String> orig = LocationTokens.original(segment);
        Gap[] gaps = gaps(segment, orig.size());
        List<String> lower = new ArrayList<>(orig.size());
        for (String t : orig) {
            lower.add(t.toLowerCase(Locale.ROOT));
        }
        List<Span> spans = new ArrayList<>();
        int n = orig.size();
        int max = Math.max(gazetteer.maxTokens(), MARKER_MAX_TOKENS);
        int i = 0;
        int coveredUntil = 0; // the index after the last token a span took
        while (i < n) {
            if (wordBeforeAPlaceInCapitals(segment, orig, i)) {
                i++; // "HYBRID IN LONDON": the word, not India's code
                continue;
            }
            if (EXCLUDING.contains(lower.get(i)) && !markerAt(lower, i)) {
                // "Remote - Anywhere except India": the places after it, to the end of its clause, are where the job is not
                i = clauseEnd(Normalizer.foldAccents(segment), i, n) + 1;
                coveredUntil = i;
                continue;
            }
            int matched = 0;
            for (int len = Math.min(max, n - i); len >= 1 && matched == 0; len--) {
                String key = String.join(" ", lower.subList(i, i + len));
                Marker marker = MARKERS.get(key);
                if (marker != null) {
                    spans.add(new Span(List.of(), marker, false, false));
                    matched = len;
                    coveredUntil = i + len;
                    break;
                }
                List<Gazetteer.Ref> refs = new ArrayList<>(gazetteer.byName(key));
                if (allUpper(orig, i, i + len) && !(len == 1 && (dutchPostcodeLetters(orig, i)
                        || wordBeforeAWord(segment, orig, lower, i)))) {
                    for (Gazetteer.Ref r : gazetteer.byCode(String.join(" ", orig.subList(i, i + len)))) {
                        if (!refs.contains(r)) {
                            refs.add(r);
                        }
                    }
                }
                if (!refs.isEmpty() && streetNamedAfterPlace(orig, lower, i, i + len)) {
                    matched = len; // "1 Canada Square", "Rue de Paris", "Via Roma": a street, not the place
                    break;
                }
                if (refs.size() > 1 && i + len < n && lower.get(i + len).equals("country")
                        && refs.stream().anyMatch(r -> r.kind() == Gazetteer.Kind.COUNTRY)) {
                    refs.removeIf(r -> r.kind() == Gazetteer.Kind.SUBDIVISION); // "Georgia (country)": not the US state
                }
                if (!refs.isEmpty()) {
                    boolean code = len == 1 && orig.get(i).length() == 2 && allUpper(orig, i, i + 1);
                    boolean afterName = i > 0 && coveredUntil < i && hasLetter(orig.get(i - 1))
                            && !PART_OF_TOWN.contains(lower.get(i - 1))
                            && !BEFORE_A_PLACE.contains(lower.get(i - 1))
                            && !(AND.equals(lower.get(i - 1)) && has(refs, Gazetteer.Kind.CITY));
                    spans.add(new Span(refs, null, code, afterName, PARTS_OF_A_COUNTRY.contains(key), gaps[i],
                            has(refs, Gazetteer.Kind.CITY) && metro(lower, i, i + len)));
                    matched = len;
                    coveredUntil = i + len;
                }
            }
            i += Math.max(matched, 1);
        }
        return spans;
    }

    /**
     * Words after which a segment names where a job is not: "Remote - Europe (excl. UK)", "Remote -
     * Anywhere except India", "Remote (outside the US)", "Remote US (not NY)". "Not remote" is a marker.
     */
    private static final Set<String> EXCLUDING = Set.of("except", "excepting", "excluding", "excl", "exclude",
            "excludes", "excluded", "not", "outside", "excepto", "exceto", "ausser", "sauf");

    /**
     * The index of the last token of the clause token {@code i} of {@code s} is in: the tokens
     * up to a closing parenthesis or a dash between spaces ("Hybrid, not fully remote - Berlin";
     * not a comma, which lists the excluded: "Europe (excluding UK, Ireland)").
     */
    private static int clauseEnd(String s, int i, int n) {
        for (int token = i; token < n; token++) {
            String between = between(s, token);
            if (between.indexOf(')') >= 0 || between.indexOf(']') >= 0 || between.contains(" - ")
                    || between.indexOf('–') >= 0 || between.indexOf('—') >= 0) {
                return token;
            }
        }
        return n - 1;
    }

    /** Whether a marker ("not remote") starts at the {@code i}th token. */
    private static boolean markerAt(List<String> lower, int i) {
        for (int len = 1; len <= Math.min(MARKER_MAX_TOKENS, lower.size() - i); len++) {
            if (MARKERS.containsKey(String.join(" ", lower.subList(i, i + len)))) {
                return true;
            }
        }
        return false;
    }

    /** Words written in capitals as codes are ("IN": India's, Indiana's; "AT": Austria's). */
    private static final Set<String> WORDS_LIKE_CODES = Set.of("IN", "AT");

    /**
     * "HYBRID IN LONDON", "ANYWHERE IN EUROPE": in a segment written all in capitals, "IN" or "AT"
     * followed by a space and a place is the word, which case cannot tell from the code there, not
     * India or Austria; after a comma or before anything else ("FORT WAYNE, IN", "IN, USA") it is
     * still the code.
     */
    private boolean wordBeforeAPlaceInCapitals(String segment, List<String> orig, int i) {
        if (i + 1 >= orig.size() || !WORDS_LIKE_CODES.contains(orig.get(i))) {
            return false;
        }
        String s = Normalizer.foldAccents(segment);
        for (int k = 0; k < s.length(); k++) {
            if (Character.isLowerCase(s.charAt(k))) {
                return false;
            }
        }
        // The characters between the token and the next: only spaces.
        if (between(s, i).chars().anyMatch(ch -> ch != ' ')) {
            return false;
        }
        for (int len = 1; len <= Math.min(gazetteer.maxTokens(), orig.size() - i - 1); len++) {
            String key = String.join(" ", orig.subList(i + 1, i + 1 + len));
            if (!gazetteer.byName(key.toLowerCase(Locale.ROOT)).isEmpty() || !gazetteer.byCode(key).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Codes that are English words or abbreviations written in capitals: "TO BE DETERMINED", "IT
     * Office", "CO-LOCATED", "NO PREFERENCE", "AT HOME", "ON CALL". Not "US", "UK" or "DE", whose
     * word beside them ("US Office") is still about the country.
     */
    private static final Set<String> CODES_THAT_ARE_WORDS = Set.of("IT", "BE", "CO", "IS", "NO", "AM", "ME", "ID",
            "AT", "IN", "BY", "MY", "DO", "ON", "OR", "AN");
    /** Words between codes that list them ("CO and UT"). */
    private static final Set<String> JOINING_WORDS = Set.of("and", "und");

    /**
     * Whether the {@code i}th token, one of {@link #CODES_THAT_ARE_WORDS}, is a word of running
     * text: followed, after only a space or a hyphen, by a word of letters that names no place and
     * is no marker ("TO BE DETERMINED", "IT Office", "CO-LOCATED"). Alone or beside a place or
     * a marker ("Remote - IT", "IT Remote", "IN, USA", "CO Denver"), or after a comma ("Boise, ID
     * Office"), it is still the code.
     */
    private boolean wordBeforeAWord(String segment, List<String> orig, List<String> lower, int i) {
        if (i + 1 >= orig.size() || !CODES_THAT_ARE_WORDS.contains(orig.get(i))) {
            return false;
        }
        String next = lower.get(i + 1);
        if (next.length() < 3 || JOINING_WORDS.contains(next)
                || PART_OF_TOWN.contains(next) || !gazetteer.byCode(orig.get(i + 1)).isEmpty()) {
            return false;
        }
        for (int k = 0; k < next.length(); k++) {
            if (!Character.isLetter(next.charAt(k))) {
                return false;
            }
        }
        for (int len = 1; len <= Math.min(Math.max(gazetteer.maxTokens(), MARKER_MAX_TOKENS), orig.size() - i - 1); len++) {
            String key = String.join(" ", lower.subList(i + 1, i + 1 + len));
            if (MARKERS.containsKey(key) || !gazetteer.byName(key).isEmpty()) {
                return false; // "IT Remote", "CO Denver"
            }
        }
        String folded = Normalizer.foldAccents(segment);
        if (i > 0 && between(folded, i - 1).indexOf(',') >= 0) {
            return false; // "Boise, ID Office": a state's code after its town
        }
        String between = between(folded, i);
        return between.equals(" ") || between.equals("-");
    }

    /** The characters of {@code s} between its {@code i}th token and the next. */
    private static String between(String s, int i) {
        int token = -1;
        int k = 0;
        while (k < s.length() && token < i) {
            while (k < s.length() && !Character.isLetterOrDigit(s.charAt(k))) {
                k++;
            }
            token++;
            while (k < s.length() && Character.isLetterOrDigit(s.charAt(k))) {
                k++;
            }
        }
        int from = k;
        while (k < s.length() && !Character.isLetterOrDigit(s.charAt(k))) {
            k++;
        }
        return s.substring(from, k);
    }

    /**
     * Words after a place's name that make it a street's ("Canada Square", "Paris Avenue") or a
     * district's ("Holland Park, London", "Victoria Park"); not "St", which is as often a saint
     * ("London St Pancras").
     */
    private static final Set<String> STREET_AFTER = Set.of("street", "avenue", "ave", "road", "rd", "square",
            "boulevard", "blvd", "lane", "drive", "terrace", "highway", "park");
    /** Words before a place's name that make it a street's ("Rue de Paris", "Via Roma", "Avenida Brasil"). */
    private static final Set<String> STREET_BEFORE = Set.of("rue", "via", "viale", "corso", "piazza", "calle", "carrer",
            "avenida", "av", "avda", "rua", "praca", "avenue", "boulevard", "jalan", "jl", "ulica", "ul", "paseo",
            "rambla", "alameda", "travessa", "largo", "plaza", "strada");
    /** Words between such a word and the name ("Rue de Paris", "Avenue of the Americas"). */
    private static final Set<String> STREET_PARTICLES = Set.of("de", "del", "da", "do", "dos", "das", "di", "della",
            "des", "du", "la", "le", "of", "the");

    /**
     * Whether tokens {@code from} to {@code to}, which name a place, name a street there: an
     * address ("1 Canada Square, London E14 5AB", "Via Roma 1, 20121 Milano") names its city after
     * its street, and the street is not another place of the job. A code in capitals after the name
     * ("Halle ST") is no street's.
     */
    private static boolean streetNamedAfterPlace(List<String> orig, List<String> lower, int from, int to) {
        if (to < lower.size() && STREET_AFTER.contains(lower.get(to))
                && !(orig.get(to).length() <= 2 && allUpper(orig, to, to + 1))) {
            return true;
        }
        int j = from - 1;
        while (j >= 0 && from - j <= 2 && STREET_PARTICLES.contains(lower.get(j))) {
            j--;
        }
        return j >= 0 && STREET_BEFORE.contains(lower.get(j));
    }

    /**
     * "1011 AB Amsterdam", "1017 CA Amsterdam": a Dutch postcode is four digits and two capitals,
     * and those two letters are no code (Alberta, Canada). No other country's postcode or code is
     * written so: Australia's four digits follow the state ("Sydney NSW 2000").
     */
    private static boolean dutchPostcodeLetters(List<String> tokens, int i) {
        return i > 0 && tokens.get(i).length() == 2 && tokens.get(i - 1).matches("\\d{4}");
    }

    /** Whether one of {@code refs} is a place of that kind (a span's, before the span is made). */
    private static boolean has(List<Gazetteer.Ref> refs, Gazetteer.Kind kind) {
        for (Gazetteer.Ref r : refs) {
            if (r.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetter(String token) {
        for (int j = 0; j < token.length(); j++) {
            if (Character.isLetter(token.charAt(j))) {
                return true;
            }
        }
        return false;
    }

    private static boolean allUpper(List<String> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            String t = tokens.get(i);
            for (int j = 0; j < t.length(); j++) {
                char c = t.charAt(j);
                if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                    return false;
                }
            }
            if (!Character.isLetter(t.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    // ---- interpretation -------------------------------------------------------------------

    private void resolveSegment(String segment, Hints hints, Builder b) {
        List<Span> spans = spans(segment);
        Places.City cityBefore = b.lastCity;
        b.lastCity = null;
        if (spans.isEmpty()) {
            return;
        }
        if (spans.size() == 1 && cityBefore != null && spans.get(0).marker() == null
                && !spans.get(0).has(Gazetteer.Kind.CITY) && agrees(spans.get(0), cityBefore)) {
            return; // "Curitiba/PR", "San Francisco / CA": the city's state, not Puerto Rico or Canada
        }
        boolean remote = false;
        boolean global = false;
        boolean marked = false;
        List<Places.City> segCities = new ArrayList<>();
        List<String> segCountries = new ArrayList<>();
        List<String> segRegions = new ArrayList<>();
        Span[] asCity = new Span[spans.size()];
        Places.City[] chosen = new Places.City[spans.size()];
        boolean[] town = new boolean[spans.size()]; // a span read as a town named like a subdivision elsewhere

        // Cities first: each city span is checked against the qualifiers that follow it.
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (s.marker() != null || !s.has(Gazetteer.Kind.CITY) || subdivisionCodeAfterPlace(s, i > 0 ? chosen[i - 1] : null)
                    || cityOrForeignSubdivisionAfterTown(s, i > 0 ? chosen[i - 1] : null)
                    || subdivisionOfCityBefore(s, i > 0 ? chosen[i - 1] : null)) {
                continue;
            }
            List<Span> quals = qualifiersAfter(spans, i);
            Places.City city = chooseCity(s, quals, spans.subList(0, i), hints);
            if (city != null) {
                asCity[i] = s;
                chosen[i] = city;
            }
        }
        int lastRemote = -1; // the last span so far that says remote, and the last read as a city
        int lastCity = -1;
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (s.marker() != null) {
                marked = true;
                if (remoteMarker(s, b)) {
                    lastRemote = i;
                }
                switch (s.marker()) {
                    case REMOTE -> remote = true;
                    case GLOBAL -> global = true;
                    case HYBRID -> b.hybrid = true;
                    case ONSITE -> b.onsite = true;
                    case HOME_OFFICE -> {
                        b.homeOffice = true;
                        remote |= b.homeOfficeIsRemote;
                    }
                    default -> { }
                }
                continue;
            }
            if (asCity[i] != null) {
                segCities.add(chosen[i]);
                lastCity = i;
                continue;
            }
            // A qualifier that agrees with a city in this segment adds nothing; otherwise it names
            // a country (preferred), a subdivision (implying its country) or a region.
            if (cityOrForeignSubdivisionAfterTown(s, i > 0 ? chosen[i - 1] : null)) {
                continue; // "Kozhikode, KL": Kerala, or a part of Kuala Lumpur ("Bangsar, KL")
            }
            if (agreesWithCity(s, chosen)) {
                // "Remote - Europe - Berlin", "Berlin (Remote - Europe)", "EMEA Remote, London": after the remote
                // marker with no city between, or right before it with no city before, the place is where the
                // remote work may be done, not a qualifier of the city ("Berlin, Europe", "Europe - Berlin - Remote").
                if (lastRemote > lastCity
                        || (lastCity < 0 && i + 1 < spans.size() && remoteMarker(spans.get(i + 1), b))) {
                    addRemotePlace(s, chosen, segCountries, segRegions);
                }
                continue;
            }
            if (localCodeOfCity(spans, i, chosen) || townNamedLikeCountry(spans, i)
                    || (i > 0 && chosen[i - 1] != null && localCodeKnownOnlyElsewhere(s, List.of(chosen[i - 1])))) {
                continue;
            }
            String country = first(s, Gazetteer.Kind.COUNTRY);
            String sub = chooseSubdivision(s, hints);
            if (country == null && sub != null && laterNamesAnotherCountry(spans, i, sub)) {
                town[i] = true;
                continue; // "Victoria, BC": a town that shares a state's name, then its own place
            }
            // After a town: one no table knows, a known city this code contradicts ("Dublin, CA"), or
            // one named like another country's subdivision ("Essex, MA", "Hampshire, IL": not Morocco, Israel).
            boolean afterTown = s.afterUnknown() || (i > 0 && (town[i - 1]
                    || spans.get(i - 1).has(Gazetteer.Kind.CITY) && asCity[i - 1] == null));
            if (country == null && sub != null && sharedStateCodeAfterTown(spans, i, afterTown, hints)) {
                continue; // "Alice Springs, NT": the Northern Territory or the Northwest Territories
            }
            if (country != null && sub != null && undecidedCodeInParentheses(spans, i, afterTown, country, sub, hints)) {
                continue; // "Fresno (CA)", "Carmel (IN)": California or Canada, Indiana or India
            }
            if (country != null && sub != null && undecidedCodeAfterTown(spans, i, afterTown, country, sub, hints)) {
                continue; // "San Juan, PR": Puerto Rico or Paraná; "Prince Albert, SK": Saskatchewan or Slovakia
            }
            if (country != null && s.partOfCountry() && anotherCountryOnly(spans, i, country)) {
                continue; // "Remote - Canada (West Coast)": Canada's coast, not the United States
            }
            if (country != null && !(sub != null && (hintsPreferSubdivision(hints, country, sub)
                    || usStateAfterName(s, afterTown, country, sub, hints) || stateNameOverCountry(spans, i, country, hints)
                    || laterNamesCountryOf(spans, i, country, sub) || listedWithUsStates(spans, i, sub)))) {
                segCountries.add(country);
                continue;
            }
            if (sub != null) {
                segCountries.add(countryOf(sub));
                continue;
            }
            String region = first(s, Gazetteer.Kind.REGION);
            if (region != null) {
                segRegions.add(region);
            }
        }
        if (!segCities.isEmpty()) {
            // One place per segment (a metro "Washington DC-Baltimore Area" is its first city's), the
            // smallest code of them: "London; New York" and "New York; London" are one job. Cities
            // listed with commas ("Berlin, Munich") are a list as those segments are.
            for (Places.City c : listedCities(spans, chosen)) {
                if (b.placeCity == null || c.code().compareTo(b.placeCity.code()) < 0) {
                    b.placeCity = c;
                }
            }
        }
        for (Places.City c : segCities) {
            b.cities.add(c);
            b.countries.add(c.country().toUpperCase(Locale.ROOT));
        }
        b.lastCity = chosen[chosen.length - 1];
        b.countries.addAll(segCountries);
        b.regions.addAll(segRegions);
        if (remote || global) {
            String scope;
            // "Anywhere in Europe" is anywhere within the places the segment names.
            boolean anywhere = global && segCountries.isEmpty() && segRegions.isEmpty();
            if (anywhere) {
                scope = RemoteScopes.GLOBAL;
            } else {
                Set<String> cs = new LinkedHashSet<>(segCountries);
                if (cs.isEmpty()) {
                    segCities.forEach(c -> cs.add(c.country().toUpperCase(Locale.ROOT)));
                }
                scope = scopes.of(cs, segRegions);
                b.remoteCountries.addAll(cs);
                b.remoteRegions.addAll(segRegions);
            }
            // The first remote segment decides, and later ones widen it; "anywhere" is already the widest.
            if (b.remoteScope == null || b.remoteScope.isEmpty() || anywhere) {
                b.remoteScope = scope;
            }
        } else if (!marked && segCities.isEmpty()) {
            b.bareCountries.addAll(segCountries);
            b.bareRegions.addAll(segRegions);
        }
    }

    /**
     * The cities of a segment that are its places as segments' first cities are: its first city, and
     * each later one written after a comma ("Berlin, Munich, Hamburg", "London, Manchester"), so that
     * such a list is read whichever city is written first, as "Berlin; Munich" is. A span the city before
     * it agrees with is its qualifier, not chosen as a city ("Paris, France", "Portland, OR", "New York,
     * New York", "São Paulo, São Paulo"); a city named by its metropolitan area ("Fremont, Bay Area",
     * "Gurgaon, Delhi NCR"), or a city the table gives as the metro of the town before it ("Gurgaon, Delhi",
     * "Jersey City, New York"), is where the town before it is; cities written without a comma between
     * ("Washington DC-Baltimore Area") are one metro, its first city's.
     */
    private static List<Places.City> listedCities(List<Span> spans, Places.City[] chosen) {
        List<Places.City> out = new ArrayList<>(2);
        Places.City before = null;
        for (int i = 0; i < chosen.length; i++) {
            Places.City c = chosen[i];
            if (c == null) {
                continue;
            }
            Span s = spans.get(i);
            boolean metroOfTownBefore = before != null && c.code().equals(before.metro());
            if (out.isEmpty() || (s.gap() == Gap.COMMA && !s.metro() && !metroOfTownBefore)) {
                out.add(c);
            }
            before = c;
        }
        return out;
    }

    /**
     * Whether a span of the segment other than the {@code i}th places it only outside country {@code cc}
     * (a country, a subdivision or a city, and none of its meanings in {@code cc}).
     */
    private boolean anotherCountryOnly(List<Span> spans, int i, String cc) {
        for (int j = 0; j < spans.size(); j++) {
            if (j != i && placesOnlyOutside(spans.get(j), cc, true)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether span {@code s} names a place (a country, a subdivision, and with {@code cities} a city) and
     * none of its meanings is in country {@code cc}; a marker names none.
     */
    private boolean placesOnlyOutside(Span s, String cc, boolean cities) {
        if (s.marker() != null) {
            return false;
        }
        boolean placed = false;
        for (Gazetteer.Ref r : s.refs()) {
            String country = switch (r.kind()) {
                case COUNTRY -> r.key();
                case SUBDIVISION -> countryOf(r.key());
                case CITY -> cities ? gazetteer.city(r.key()).country().toUpperCase(Locale.ROOT) : null;
                default -> null;
            };
            if (cc.equals(country)) {
                return false;
            }
            placed |= country != null;
        }
        return placed;
    }

    /** Whether a span is a marker that says the work may be done remotely. */
    private static boolean remoteMarker(Span s, Builder b) {
        return s.marker() == Marker.REMOTE || s.marker() == Marker.GLOBAL
                || (s.marker() == Marker.HOME_OFFICE && b.homeOfficeIsRemote);
    }

    /**
     * Adds where a span that agrees with a city of the segment says remote work may be done: its
     * region ("Remote - Europe - Berlin"), else the country of the city it agrees with ("Remote -
     * Germany, Austria - Vienna": Austria as well as Germany).
     */
    private void addRemotePlace(Span s, Places.City[] chosen, List<String> segCountries, List<String> segRegions) {
        String region = first(s, Gazetteer.Kind.REGION);
        if (region != null && first(s, Gazetteer.Kind.COUNTRY) == null && first(s, Gazetteer.Kind.SUBDIVISION) == null) {
            segRegions.add(region);
            return;
        }
        for (Places.City c : chosen) {
            if (c != null && agrees(s, c)) {
                String cc = c.country().toUpperCase(Locale.ROOT);
                if (!segCountries.contains(cc)) {
                    segCountries.add(cc);
                }
                return;
            }
        }
    }

    /**
     * "Remote - US or Canada", "UK or Ireland (Remote)": a segment that names only countries or
     * regions, beside a remote one, is more of where the remote work may be done, not an office
     * somewhere in that country; so is a second remote segment ("Remote, UK; Remote, Ireland").
     * "London or Remote (UK)" keeps its scope: London is a city.
     */
    private void widenRemoteScope(Builder b) {
        if (b.remoteScope == null || b.remoteScope.equals(RemoteScopes.GLOBAL)
                || (b.remoteCountries.isEmpty() && b.remoteRegions.isEmpty())) {
            return;
        }
        b.remoteCountries.addAll(b.bareCountries);
        b.remoteRegions.addAll(b.bareRegions);
        b.remoteScope = scopes.of(b.remoteCountries, b.remoteRegions);
    }

    /**
     * The spans after a city that qualify it (", CA", "(UK)"), up to the next city. A span that
     * is itself a city counts as a qualifier only when its other meaning fits a candidate, as in
     * "New York, New York" or "Singapore, Singapore".
     */
    private List<Span> qualifiersAfter(List<Span> spans, int cityIndex) {
        List<Places.City> candidates = cityCandidates(spans.get(cityIndex));
        List<Span> out = new ArrayList<>();
        for (int j = cityIndex + 1; j < spans.size(); j++) {
            Span s = spans.get(j);
            if (s.marker() != null) {
                continue;
            }
            if (s.has(Gazetteer.Kind.CITY)) {
                Span other = withoutCities(s);
                if (other.refs().isEmpty() || candidates.stream().noneMatch(c -> agrees(other, c))) {
                    break;
                }
                s = other;
            }
            out.add(s);
        }
        return out;
    }

    private static Span withoutCities(Span s) {
        List<Gazetteer.Ref> refs = new ArrayList<>();
        for (Gazetteer.Ref r : s.refs()) {
            if (r.kind() != Gazetteer.Kind.CITY) {
                refs.add(r);
            }
        }
        return new Span(refs, null, s.code(), s.afterUnknown(), s.partOfCountry(), s.gap(), s.metro());
    }

    private List<Places.City> cityCandidates(Span span) {
        List<Places.City> candidates = new ArrayList<>();
        for (Gazetteer.Ref r : span.refs()) {
            if (r.kind() == Gazetteer.Kind.CITY) {
                candidates.add(gazetteer.city(r.key()));
            }
        }
        return candidates;
    }

    private Places.City chooseCity(Span span, List<Span> quals, List<Span> before, Hints hints) {
        List<Places.City> candidates = cityCandidates(span);
        // Keep the candidates every qualifier agrees with; a qualifier with no geographic
        // meaning for cities (e.g. a region that contains all of them) never removes any.
        for (int k = 0; k < quals.size(); k++) {
            Span q = quals.get(k);
            List<Places.City> kept = new ArrayList<>();
            for (Places.City c : candidates) {
                if (agrees(q, c)) {
                    kept.add(c);
                }
            }
            if (kept.isEmpty() && q.code() && laterCountryAgrees(quals, k, candidates)
                    && !subdivisionOfTheirCountry(q, candidates)) {
                continue; // "Zürich, ZH, Switzerland": the canton's code, which the table knows only elsewhere
            }
            if (kept.isEmpty() && k == 0 && localCodeKnownOnlyElsewhere(q, candidates)) {
                continue; // "Zürich (ZH)", "Belfast, NI": not South Holland, not Lower Saxony
            }
            candidates = kept;
        }
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() > 1 && !hints.countries().isEmpty()) {
            for (Places.City c : candidates) {
                if (hints.countries().stream().anyMatch(h -> h.equalsIgnoreCase(c.country()))) {
                    return c;
                }
            }
        }
        if (inOneCountry(candidates)) {
            return candidates.get(0);
        }
        // "Cambridge", "San Jose": cities of two countries and nothing after the name says which.
        // A place before it may ("Massachusetts, US-Cambridge"); else the city is left unresolved,
        // as a guess would merge different jobs into one (incident 3).
        List<Places.City> named = new ArrayList<>();
        for (Places.City c : candidates) {
            if (before.stream().anyMatch(s -> s.marker() == null && agrees(withoutCities(s), c))) {
                named.add(c);
            }
        }
        return named.size() == 1 ? named.get(0) : null;
    }

    private static boolean inOneCountry(List<Places.City> cities) {
        return cities.stream().map(c -> c.country().toUpperCase(Locale.ROOT)).distinct().count() == 1;
    }

    /**
     * Whether a qualifier after the {@code k}th names, as a country, the country of one of the
     * candidates: "Geneva, GE, Switzerland" (SmartRecruiters' and Workday's "city, region code,
     * country") names its own country after a local code that the table knows only as another
     * country's or subdivision's (GE is Georgia, ZH South Holland, MI Michigan, CO Colorado).
     */
    private static boolean laterCountryAgrees(List<Span> quals, int k, List<Places.City> candidates) {
        for (int j = k + 1; j < quals.size(); j++) {
            for (Gazetteer.Ref r : quals.get(j).refs()) {
                if (r.kind() == Gazetteer.Kind.COUNTRY
                        && candidates.stream().anyMatch(c -> c.country().equalsIgnoreCase(r.key()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The country of a subdivision's key ("CA:SK" is Canada's). */
    private static String countryOf(String subdivisionKey) {
        return subdivisionKey.substring(0, subdivisionKey.indexOf(':'));
    }

    /**
     * Countries whose boards write a town with its state's or province's code, and whose towns are
     * often named like cities elsewhere: such a code after a city of another country is a town of
     * that name ("Birmingham, AL", "London, ON"), not the city.
     */
    private static final Set<String> TOWN_STATE_COUNTRIES = Set.of("US", "CA", "AU");

    /**
     * "Zürich (ZH)", "Belfast, NI": a code right after a city that the table knows only as
     * subdivisions of other countries, none of them one whose towns are written "Town, ST" (see
     * {@link #TOWN_STATE_COUNTRIES}), is the city's own local code (a canton, Northern Ireland as
     * UK boards write it), not a town of that name in South Holland or Lower Saxony.
     */
    private static boolean localCodeKnownOnlyElsewhere(Span q, List<Places.City> candidates) {
        if (!q.code() || q.refs().isEmpty() || subdivisionOfTheirCountry(q, candidates)) {
            return false;
        }
        for (Gazetteer.Ref r : q.refs()) {
            if (r.kind() != Gazetteer.Kind.SUBDIVISION
                    || TOWN_STATE_COUNTRIES.contains(countryOf(r.key()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether code {@code q} is, in the table, a subdivision of a candidate's own country: then it
     * is that subdivision and contradicts the city ("Portland, ME, USA" is in Maine, not Oregon),
     * however much the country after it agrees.
     */
    private static boolean subdivisionOfTheirCountry(Span q, List<Places.City> candidates) {
        for (Gazetteer.Ref r : q.refs()) {
            if (r.kind() == Gazetteer.Kind.SUBDIVISION
                    && candidates.stream().anyMatch(c -> r.key().startsWith(c.country().toUpperCase(Locale.ROOT) + ":"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Kozhikode, KL", "Bangsar, KL": after a town no table knows, a two-letter code that is a
     * city's code (Kuala Lumpur's) and the code of a subdivision of another country (Kerala's)
     * names a town of that state or a part of that city, and nothing says which: neither is read.
     */
    private boolean cityOrForeignSubdivisionAfterTown(Span s, Places.City before) {
        if (!s.code() || !s.afterUnknown() || before != null) {
            return false;
        }
        if (s.hasUsState()) {
            return false; // "New Orleans, LA": a US state's code after a town is the state (Lagos State's too)
        }
        for (Gazetteer.Ref r : s.refs()) {
            if (r.kind() == Gazetteer.Kind.SUBDIVISION) {
                String subCountry = countryOf(r.key());
                for (Places.City c : cityCandidates(s)) {
                    if (!c.country().equalsIgnoreCase(subCountry)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * "New Orleans, LA", "Kochi, KL": a two-letter code after a place that is also a city's code
     * (Los Angeles', Kuala Lumpur's) is the place's state or province, as boards write "Town, ST":
     * after a town no table knows when it is a US state's code (see {@link #usStateAfterName}),
     * after a city chosen just before it when it is that city's own subdivision.
     */
    private boolean subdivisionCodeAfterPlace(Span s, Places.City before) {
        if (!s.code()) {
            return false;
        }
        for (Gazetteer.Ref r : s.refs()) {
            if (r.kind() == Gazetteer.Kind.SUBDIVISION && ((s.afterUnknown() && before == null && r.key().startsWith("US:"))
                    || (before != null && agrees(new Span(List.of(r), null, true, false), before)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Lagos, LA", "Manila, NCR": after a city, a code or name that is a city of other countries
     * only (Los Angeles', Delhi's) and a subdivision the city is in (Lagos State, Metro Manila) is
     * that subdivision, not a second city.
     */
    private boolean subdivisionOfCityBefore(Span s, Places.City before) {
        if (before == null) {
            return false;
        }
        boolean agrees = false;
        for (Gazetteer.Ref r : s.refs()) {
            if (r.kind() == Gazetteer.Kind.CITY && gazetteer.city(r.key()).country().equalsIgnoreCase(before.country())) {
                return false; // "New York, New York": the city again
            }
            agrees |= r.kind() == Gazetteer.Kind.SUBDIVISION && agrees(new Span(List.of(r), null, false, false), before);
        }
        return agrees;
    }

    /**
     * Whether the {@code i}th span is a code between a city chosen before it and a later span
     * naming that city's country: the city's local region code ("Bern, BE, Switzerland"), which
     * adds no country of its own (not Belgium).
     */
    private static boolean localCodeOfCity(List<Span> spans, int i, Places.City[] chosen) {
        if (!spans.get(i).code()) {
            return false;
        }
        for (int j = 0; j < i; j++) {
            if (chosen[j] != null && laterNames(spans, i, chosen[j].country().toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Lebanon, NH", "Holland, MI", "Panama City, FL": a country's name, then the code of a US
     * state that is no country's code, is a US town named like the country, not the country. A
     * code that is also a country's ("Lebanon, PA", "Poland, DE") is left as it was: "Remote -
     * Poland, DE" lists two countries.
     */
    private static boolean townNamedLikeCountry(List<Span> spans, int i) {
        Span s = spans.get(i);
        if (s.code() || !s.has(Gazetteer.Kind.COUNTRY) || i + 1 >= spans.size()) {
            return false;
        }
        Span next = spans.get(i + 1);
        return next.code() && !next.has(Gazetteer.Kind.COUNTRY) && next.hasUsState();
    }

    /** Whether qualifier {@code q} is compatible with city {@code c}. */
    private boolean agrees(Span q, Places.City c) {
        String cc = c.country().toUpperCase(Locale.ROOT);
        for (Gazetteer.Ref r : q.refs()) {
            switch (r.kind()) {
                case COUNTRY -> {
                    if (r.key().equals(cc)) {
                        return true;
                    }
                }
                case SUBDIVISION -> {
                    if (c.subdivision() != null && r.key().equals(cc + ":" + c.subdivision().toUpperCase(Locale.ROOT))) {
                        return true;
                    }
                    if (c.subdivision() == null && r.key().startsWith(cc + ":")) {
                        return true;
                    }
                }
                case REGION -> {
                    if (gazetteer.regionsOf(cc).contains(r.key())) {
                        return true;
                    }
                }
                case CITY -> {
                    if (r.key().equals(c.code())) {
                        return true;
                    }
                }
                default -> { }
            }
        }
        return false;
    }

    private boolean agreesWithCity(Span s, Places.City[] chosen) {
        for (Places.City c : chosen) {
            if (c != null && agrees(s, c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Dublin, CA" is in Canada or in California: a country is preferred, unless the source's
     * own country hints name the subdivision's country and not that one.
     */
    private static boolean hintsPreferSubdivision(Hints hints, String country, String sub) {
        String subCountry = countryOf(sub);
        return hints.countries().stream().noneMatch(h -> h.equalsIgnoreCase(country))
                && hints.countries().stream().anyMatch(h -> h.equalsIgnoreCase(subCountry));
    }

    /**
     * "Newark, DE", "Boise, ID", "Dublin, CA": a town the city table does not hold (or a city
     * of that name elsewhere), then a code that is both a US state's and a country's. Boards
     * write a US place as "Town, ST" and a place elsewhere with its country's name far more
     * often than with its ISO code, so the state is read, unless the source's country hints name
     * the country. Only US states: a Canadian province's code after a town ("NL", "SK") is as
     * often a country's, and names neither (see {@link #undecidedCodeAfterTown}).
     */
    private static boolean usStateAfterName(Span s, boolean afterTown, String country, String sub, Hints hints) {
        return s.code() && afterTown && s.gap() != Gap.PAREN && sub.startsWith("US:")
                && hints.countries().stream().noneMatch(h -> h.equalsIgnoreCase(country));
    }

    /**
     * Countries whose code in parentheses after a town is read as the country although a US state
     * shares it: German boards and the ATSs of German employers write "Walldorf (DE)", "Heidelberg
     * (DE)", while Delaware's towns are written "Wilmington, DE" (which stays the state) and Delaware
     * is a hundredth of Germany's postings. A later "USA" or the source's hints still make it the state.
     */
    private static final Set<String> COUNTRY_IN_PARENTHESES = Set.of("DE");

    /**
     * "Fresno (CA)", "Carmel (IN)", "Bentonville (AR)": in parentheses after a town the table does not
     * know, a code that is a country's and a US state's is written both ways, ATS location strings
     * writing the country's ISO code so ("Paris (FR)", "Innsbruck (AT)") and some US boards the
     * state's; with both places large, California or Canada, Indiana or India, Arkansas or Argentina,
     * nothing but the source's hints or a later country says which, and a wrong country is worse than
     * none. Germany's is read (see {@link #COUNTRY_IN_PARENTHESES}); a town of the table decides by
     * its own country ("Pune (IN)", "San Diego (CA)", "Arezzo (AR)").
     */
    private static boolean undecidedCodeInParentheses(List<Span> spans, int i, boolean afterTown, String country,
                                                      String sub, Hints hints) {
        Span s = spans.get(i);
        String subCountry = countryOf(sub);
        return s.code() && s.gap() == Gap.PAREN && afterTown && subCountry.equals("US")
                && !COUNTRY_IN_PARENTHESES.contains(country)
                && hints.countries().stream().noneMatch(h -> h.equalsIgnoreCase(country) || h.equalsIgnoreCase(subCountry))
                && !laterNames(spans, i, country) && !laterNames(spans, i, subCountry);
    }

    /**
     * Besides the US, the countries whose boards write a town with its state's or province's
     * two-letter code ("Regina, SK", "Curitiba, PR", "Pune, MH", "Adelaide, SA"). Other countries'
     * subdivision codes (Berlin's BE, Thuringia's TH) are seldom written after a town, so there the
     * country's code is read: "Leuven, BE" is Belgium, "Pattaya, TH" Thailand.
     */
    private static final Set<String> STATE_CODE_COUNTRIES = Set.of("CA", "AU", "BR", "IN");

    /**
     * Countries whose code after a town is read as the country although a state of one of the
     * {@link #STATE_CODE_COUNTRIES} shares it: boards write "Getafe, ES", "Leeds, UK", "Baden, CH",
     * "Joinville, BR" and "Lund, SE" far more often than a town of Espírito Santo, Uttarakhand, Chandigarh,
     * Bihar or Sergipe so. A city of the table in that state still agrees with the code ("Vitória, ES",
     * "Dehradun, UK", "Aracaju, SE").
     */
    private static final Set<String> CODE_READ_AS_COUNTRY_AFTER_TOWN = Set.of("ES", "GB", "CH", "BR", "SE");

    /**
     * "San Juan, PR", "Londrina, PR", "Prince Albert, SK", "Olinda, PE": after a town, a code that is
     * both a country's and a subdivision's of another country that writes its towns so (see
     * {@link #STATE_CODE_COUNTRIES}; the US's states are read, see {@link #usStateAfterName}) names either, as boards write both "Town, CC" and "Town,
     * ST": Puerto Rico or Paraná, Slovakia or Saskatchewan. Nothing but the source's country hints or
     * a later span naming one of the two says which, and a wrong country is worse than none.
     */
    private static boolean undecidedCodeAfterTown(List<Span> spans, int i, boolean afterTown, String country,
                                                  String sub, Hints hints) {
        String subCountry = countryOf(sub);
        // After a city of a third country ("Bern (BE)": neither Belgium nor Berlin) no convention says which.
        boolean stateCodeWritten = !subCountry.equals("US")
                && (STATE_CODE_COUNTRIES.contains(subCountry) || !spans.get(i).afterUnknown());
        return spans.get(i).code() && afterTown && stateCodeWritten && !subCountry.equals(country)
                && !CODE_READ_AS_COUNTRY_AFTER_TOWN.contains(country)
                && hints.countries().stream().noneMatch(h -> h.equalsIgnoreCase(country) || h.equalsIgnoreCase(subCountry))
                && !laterNames(spans, i, country) && !laterNames(spans, i, subCountry);
    }

    /**
     * The countries of {@link #STATE_CODE_COUNTRIES} whose boards write a town's state by its code
     * about as often as one another. India's write it by name far more often ("Jaipur, Rajasthan"), so
     * a code India shares with Brazil is Brazil's ("Niterói, RJ"); Mexico's cities written so are the
     * table's ("Tijuana, BC"), and "BC" after another town is British Columbia ("Surrey, BC").
     */
    private static final Set<String> SHARED_STATE_CODE_COUNTRIES = Set.of("CA", "AU", "BR");

    /**
     * "Alice Springs, NT", "Yellowknife, NT": after a town, a code that is no country's but the
     * subdivision of two of {@link #SHARED_STATE_CODE_COUNTRIES} (the Northern Territory, the
     * Northwest Territories) names neither, as the first in the table would be a wrong country as
     * often as a right one; the source's country hints or a later country say which.
     */
    private static boolean sharedStateCodeAfterTown(List<Span> spans, int i, boolean afterTown, Hints hints) {
        Span s = spans.get(i);
        if (!s.code() || !afterTown) {
            return false;
        }
        String first = null;
        boolean shared = false;
        for (Gazetteer.Ref r : s.refs()) {
            if (r.kind() != Gazetteer.Kind.SUBDIVISION) {
                continue;
            }
            String cc = countryOf(r.key());
            if (hints.countries().stream().anyMatch(h -> h.equalsIgnoreCase(cc)) || laterNames(spans, i, cc)) {
                return false;
            }
            if (SHARED_STATE_CODE_COUNTRIES.contains(cc)) {
                shared |= first != null && !first.equals(cc);
                first = first == null ? cc : first;
            }
        }
        return shared;
    }

    /**
     * "Remote - US (CA, NY, TX)", "Remote (IN, OH, MI)", "DE, NJ, PA": a code that is a country's and a
     * US state's, beside a code that is a US state's and no country's, is a state of the list, not
     * Canada, India or Germany. Beside a country's code ("Remote - US, CA") it is still the country.
     */
    private static boolean listedWithUsStates(List<Span> spans, int i, String sub) {
        if (!spans.get(i).code() || !sub.startsWith("US:")) {
            return false;
        }
        return (i > 0 && onlyUsStateCode(spans.get(i - 1))) || (i + 1 < spans.size() && onlyUsStateCode(spans.get(i + 1)));
    }

    /** Whether a span is a US state's two-letter code that is no country's ("NY", "TX", "OH"). */
    private static boolean onlyUsStateCode(Span s) {
        return s.code() && s.marker() == null && !s.has(Gazetteer.Kind.COUNTRY) && !s.has(Gazetteer.Kind.CITY)
                && s.hasUsState();
    }

    /**
     * "Georgia": a name both a country's and a US state's. Boards that write a state's name mostly
     * mean the state; the country is read where a city of it is beside the name ("Tbilisi,
     * Georgia", decided before this), the segment names it again ("Batumi, Georgia, GE") or the
     * source's country hints name it. Codes are decided by {@link #usStateAfterName}.
     */
    private static boolean stateNameOverCountry(List<Span> spans, int i, String country, Hints hints) {
        return !spans.get(i).code() && !laterNames(spans, i, country)
                && hints.countries().stream().noneMatch(h -> h.equalsIgnoreCase(country));
    }

    /**
     * "Moose Jaw, SK, Canada": a later span of the segment names the subdivision's country and
     * not the other one the code could mean, so the code is the subdivision ("SK" is Saskatchewan,
     * not Slovakia).
     */
    private static boolean laterNamesCountryOf(List<Span> spans, int i, String country, String sub) {
        return laterNames(spans, i, countryOf(sub)) && !laterNames(spans, i, country);
    }

    /** Whether a span after the {@code i}th names country {@code cc}. */
    private static boolean laterNames(List<Span> spans, int i, String cc) {
        for (int j = i + 1; j < spans.size(); j++) {
            for (Gazetteer.Ref r : spans.get(j).refs()) {
                if (r.kind() == Gazetteer.Kind.COUNTRY && r.key().equals(cc)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a later span of the segment places it in another country than subdivision {@code
     * sub}'s, and nowhere in that one: then the span before it is a town of the same name
     * ("Victoria, BC" is in Canada, not in Australia's Victoria).
     */
    private boolean laterNamesAnotherCountry(List<Span> spans, int i, String sub) {
        String subCountry = countryOf(sub);
        for (int j = i + 1; j < spans.size(); j++) {
            if (placesOnlyOutside(spans.get(j), subCountry, false)) {
                return true;
            }
        }
        return false;
    }

    private String chooseSubdivision(Span s, Hints hints) {
        String firstSub = null;
        for (Gazetteer.Ref r : s.refs()) {
            if (r.kind() == Gazetteer.Kind.SUBDIVISION) {
                String cc = countryOf(r.key());
                if (hints.countries().stream().anyMatch(h -> h.equalsIgnoreCase(cc))) {
                    return r.key();
                }
                if (firstSub == null) {
                    firstSub = r.key();
                }
            }
        }
        return firstSub;
    }

    private static String first(Span s, Gazetteer.Kind kind) {
        for (Gazetteer.Ref r : s.refs()) {
            if (r.kind() == kind) {
                return r.key();
            }
        }
        return null;
    }

    // ---- hints and URL --------------------------------------------------------------------

    private void applyHints(Hints h, Builder b) {
        if (b.countries.isEmpty()) {
            for (String c : h.countries()) {
                String code = gazetteer.countryCode(c);
                if (code != null) {
                    b.countries.add(code);
                } else if (b.regions.isEmpty() && gazetteer.isRegion(regionCode(c))) {
                    // Ashby's addressCountry can be a region: "European Union".
                    b.regions.add(regionCode(c));
                }
            }
        }
        String workplace = h.workplace() == null ? "" : h.workplace().toLowerCase(Locale.ROOT);
        boolean remoteHint = Boolean.TRUE.equals(h.remote()) || workplace.contains("remote");
        if (remoteHint && b.remoteScope == null && !workplace.contains("hybrid")) {
            b.remoteScope = "";
        }
        if (workplace.contains("hybrid")) {
            b.hybrid = true;
        }
    }

    private String regionCode(String text) {
        for (Gazetteer.Ref r : gazetteer.byName(String.join(" ", LocationTokens.folded(text)))) {
            if (r.kind() == Gazetteer.Kind.REGION) {
                return r.key();
            }
        }
        return "";
    }

    /**
     * Country domains sold to anyone as words ("jobs.lever.co", "greenhouse.io", "x.ai"): they say
     * nothing about where a job is. Lever's postings with no location were placed in Colombia.
     */
    private static final Set<String> VANITY_TLDS = Set.of("CO", "IO", "AI", "ME", "TV", "LY", "FM", "TO", "SO", "GG",
            "SH", "WS", "CC", "LA", "AM", "IM", "VC", "SC", "NU", "TK");

    private void applyUrl(String url, Builder b) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return;
        }
        String host = uri.getHost();
        if (host != null) {
            String tld = host.substring(host.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
            String cc = tld.equals("UK") ? "GB" : tld;
            if (tld.length() == 2 && !VANITY_TLDS.contains(tld) && gazetteer.country(cc) != null) {
                b.countries.add(cc);
            }
        }
        String path = uri.getPath();
        if (path != null) {
            for (String part : path.split("/")) {
                List<String> tokens = LocationTokens.folded(part.replace('-', ' ').replace('_', ' '));
                if (tokens.isEmpty() || tokens.size() > gazetteer.maxTokens()) {
                    continue;
                }
                List<Places.City> named = new ArrayList<>();
                for (Gazetteer.Ref r : gazetteer.byName(String.join(" ", tokens))) {
                    if (r.kind() == Gazetteer.Kind.CITY) {
                        Places.City c = gazetteer.city(r.key());
                        if (b.countries.isEmpty() || b.countries.contains(c.country().toUpperCase(Locale.ROOT))) {
                            named.add(c);
                        }
                    }
                }
                // "/cambridge/" names Cambridge of two countries no better than the text "Cambridge", which
                // chooseCity leaves unresolved: a guess would merge different jobs (incident 3).
                if (!named.isEmpty() && inOneCountry(named)) {
                    b.cities.add(named.get(0));
                    b.countries.add(named.get(0).country().toUpperCase(Locale.ROOT));
                    return;
                }
            }
        }
    }

    /** Remote with no stated scope takes the scope of what the rest of the text and hints say. */
    private void scopeRemote(Builder b) {
        if (b.remoteScope != null && b.remoteScope.isEmpty()) {
            b.remoteScope = scopes.of(b.countries, b.regions);
        }
    }

    private final class Builder {
        final Set<Places.City> cities = new LinkedHashSet<>();
        final Set<String> countries = new LinkedHashSet<>();
        final Set<String> regions = new LinkedHashSet<>();
        String remoteScope;
        /** Countries and regions of the remote segments, and of the segments that name nothing else. */
        final Set<String> remoteCountries = new LinkedHashSet<>();
        final Set<String> remoteRegions = new LinkedHashSet<>();
        final Set<String> bareCountries = new LinkedHashSet<>();
        final List<String> bareRegions = new ArrayList<>();
        boolean hybrid;
        boolean onsite;
        /** A segment says "home office"; it is remote work when the text is German-speaking. */
        boolean homeOffice;
        boolean homeOfficeIsRemote;
        /** The city the segment before ended with ("Curitiba" of "Curitiba/PR"), if it ended with one. */
        Places.City lastCity;
        /** The job's place among the cities of several segments: see {@link ResolvedLocation#place()}. */
        Places.City placeCity;

        ResolvedLocation build() {
            Set<String> area = new LinkedHashSet<>();
            for (Places.City c : cities) {
                area.add(c.code());
            }
            addPlaces(area, countries, regions);
            if (remoteScope != null) {
                area.add("remote");
                area.addAll(scopes.areaOf(remoteScope, remoteCountries));
            }
            return new ResolvedLocation(List.copyOf(cities), List.copyOf(countries), List.copyOf(regions),
                    remoteScope, hybrid, onsite, java.util.Collections.unmodifiableSet(area), placeCity);
        }
    }
}
