package dev.jobintel.posting.location;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regions that the time zones named in a location text stand for, from the regions'
 * {@code time_zones} in the place table: "Remote (CET ±2h)" is Europe, "Remote, EST/PST" North
 * America, "Remote (UTC-5 to UTC+1)" both the Americas and EMEA. A time zone says where the
 * working hours are, not where the worker lives, so the resolver asks only when a remote
 * posting names no place at all.
 */
final class ZoneRegions {

    /** "UTC+1", "GMT -05:00", "UTC−3" (a minus sign), "utc+5:30"; the minutes do not change the hour's region. */
    private static final Pattern OFFSET =
            Pattern.compile("\\b(?:UTC|GMT)\\s?([+\\-\u2212\u2013])\\s?(\\d{1,2})(?:[:.]?\\d{2})?(?!\\d)",
                    Pattern.CASE_INSENSITIVE);

    private record Band(int from, int to, String region) {
    }

    private final Map<String, List<String>> codes = new HashMap<>();
    private final Map<String, List<String>> names = new HashMap<>();
    private final List<Band> bands = new ArrayList<>();
    private final Function<String, List<String>> regionChain;
    private int maxNameTokens = 1;

    /** @param regionChain a region and every region holding it (see {@link Gazetteer#regionChain}) */
    ZoneRegions(Iterable<Places.Region> regions, Function<String, List<String>> regionChain) {
        this.regionChain = regionChain;
        for (Places.Region r : regions) {
            Places.TimeZones z = r.timeZones();
            for (String code : z.codes()) {
                codes.computeIfAbsent(code.trim(), k -> new ArrayList<>(1)).add(r.code());
            }
            for (String name : z.names()) {
                List<String> tokens = LocationTokens.folded(name);
                if (!tokens.isEmpty()) {
                    names.computeIfAbsent(String.join(" ", tokens), k -> new ArrayList<>(1)).add(r.code());
                    maxNameTokens = Math.max(maxNameTokens, tokens.size());
                }
            }
            if (z.utcOffsets().size() == 2) {
                bands.add(new Band(z.utcOffsets().get(0), z.utcOffsets().get(1), r.code()));
            }
        }
    }

    /** The regions of every time zone {@code text} names, in the order named; empty when it names none. */
    Set<String> in(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        // Offsets first, and out of the text: the "GMT" of "GMT-3" is not London's time.
        Set<String> byOffset = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder(text.length());
        Matcher m = OFFSET.matcher(text);
        while (m.find()) {
            int hours = Integer.parseInt(m.group(2));
            int offset = m.group(1).equals("+") ? hours : -hours;
            for (Band b : bands) {
                if (offset >= b.from() && offset <= b.to()) {
                    byOffset.add(b.region());
                }
            }
            m.appendReplacement(rest, " ");
        }
        m.appendTail(rest);
        List<String> original = LocationTokens.original(rest.toString());
        List<String> lower = new ArrayList<>(original.size());
        original.forEach(t -> lower.add(t.toLowerCase(Locale.ROOT)));
        for (int i = 0; i < original.size(); i++) {
            out.addAll(codes.getOrDefault(original.get(i), List.of()));
            for (int len = Math.min(maxNameTokens, original.size() - i); len >= 1; len--) {
                List<String> regions = names.get(String.join(" ", lower.subList(i, i + len)));
                if (regions != null) {
                    out.addAll(regions);
                    break;
                }
            }
        }
        // "(GMT-05:00) Eastern Time" is North America: a named zone is narrower than its offset's band.
        for (String region : byOffset) {
            if (out.stream().noneMatch(named -> holds(region, named))) {
                out.add(region);
            }
        }
        return out;
    }

    /** Whether {@code outer} is {@code inner} or includes it, however deep. */
    private boolean holds(String outer, String inner) {
        return regionChain.apply(inner).contains(outer);
    }
}
