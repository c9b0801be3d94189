package dev.jobintel.posting.location;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subdivisions written as ISO 3166-2 codes, country and subdivision joined by a hyphen: the
 * "US-CA-Remote", "US-NY-New York" and "IN-KA-Bangalore" that Workday-fed boards and some
 * Greenhouse boards put in front of a location. Read token by token, "US-CA" is two countries
 * (the United States and Canada) and "US-DE" the United States and Germany; the hyphen between
 * two codes in capitals, with no space, is what makes the second the first one's subdivision.
 * Spaced ("US - CA") or comma-separated ("US, CA") codes stay a list, as they are as often.
 */
final class IsoSubdivisionCodes {

    private static final Pattern PAIR =
            Pattern.compile("(?<![\\p{L}\\p{N}])([A-Z]{2,3})-([A-Z0-9]{1,3})(?![\\p{L}\\p{N}])");

    private IsoSubdivisionCodes() {
    }

    /**
     * {@code text} with each country code and code of one of its subdivisions, so joined, written
     * subdivision first ("CA, US-Remote"), which the resolver reads as it reads "Moose Jaw, SK,
     * Canada": a code both a country's and a subdivision's, then that subdivision's country, is
     * the subdivision. Not its name: New York's would read as the city. Any other pair ("PT-BR",
     * "UK-EN") is kept.
     */
    static String spelledOut(String text, Gazetteer gazetteer) {
        if (text == null || text.indexOf('-') < 0) {
            return text;
        }
        Matcher m = PAIR.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            if (!isSubdivision(gazetteer, m.group(1), m.group(2))) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16);
            }
            out.append(text, last, m.start()).append(m.group(2)).append(", ").append(m.group(1));
            last = m.end();
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    private static boolean isSubdivision(Gazetteer gazetteer, String countryCode, String subCode) {
        for (Gazetteer.Ref r : gazetteer.byCode(countryCode)) {
            if (r.kind() == Gazetteer.Kind.COUNTRY && gazetteer.country(r.key()).subdivisions().stream()
                    .anyMatch(s -> s.code().toUpperCase(Locale.ROOT).equals(subCode))) {
                return true;
            }
        }
        return false;
    }
}
