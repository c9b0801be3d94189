package dev.jobintel.posting.location;

import dev.jobintel.posting.Normalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Location text as word tokens: runs of letters and digits; everything else separates. */
final class LocationTokens {

    private LocationTokens() {
    }

    /** Tokens as written (case kept), accents folded. */
    static List<String> original(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String s = Normalizer.foldAccents(text);
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean word = i < s.length() && Character.isLetterOrDigit(s.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    /** Tokens folded to lower case, for name matching. */
    static List<String> folded(String text) {
        List<String> tokens = original(text);
        tokens.replaceAll(t -> t.toLowerCase(Locale.ROOT));
        return tokens;
    }
}
