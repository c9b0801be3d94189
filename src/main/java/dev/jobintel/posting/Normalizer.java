package dev.jobintel.posting;

import java.text.Normalizer.Form;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one normalisation every comparison in jobintel goes through: Unicode NFKC, accents
 * folded, lower case, '&amp;' spelled "and", punctuation folded to spaces (but '+' and '#' kept,
 * so "C++" and "C#" survive), repeated spaces collapsed.
 */
public final class Normalizer {

    /** Legal-form words dropped from the end of employer names ("Acme, Inc." = "ACME Ltd"). */
    private static final Set<String> LEGAL_SUFFIXES = Set.of(
            "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "plc", "gmbh", "ag", "kg", "se",
            "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "as", "asa", "oy", "oyj", "aps", "kk",
            "corp", "corporation", "co", "pty", "pvt", "private", "pte", "sl", "sro", "doo",
            "zoo", "sp", "ug", "na");

    /** "(m/f/d)", "(w/m/d)", "(all genders)", "h/f", "f/m/x"… — noise that splits one job into many. */
    private static final Pattern GENDER_NOISE = Pattern.compile(
            "(?i)(?<!\\p{L})[(\\[]?\\s*(?:[mwfdhx*]\\s*/\\s*){1,3}(?:[mwfdhx*]|div(?:erse?)?\\.?)\\s*[)\\]]?(?!\\p{L})"
                    + "|[(\\[]\\s*(?:all genders?|alle geschlechter|gn\\*?|genderneutral|gender neutral)\\s*[)\\]]");

    /**
     * Abbreviations boards write for one word of a title: "Sr. Data Engineer" on one board is
     * "Senior Data Engineer" on another, and the same job. Only words no title uses otherwise.
     */
    private static final java.util.Map<String, String> TITLE_ABBREVIATIONS = java.util.Map.of(
            "sr", "senior", "snr", "senior", "jr", "junior", "jnr", "junior",
            "mgr", "manager", "mgmt", "management", "engr", "engineer");

    private static final Pattern COMBINING = Pattern.compile("\\p{M}+");

    private Normalizer() {
    }

    /** NFKC, accents folded, lower case, punctuation to spaces, whitespace collapsed. Null gives "". */
    public static String basic(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String folded = foldAccents(s);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = true;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '&') {
                if (!space) {
                    out.append(' ');
                }
                out.append("and ");
                space = true;
            } else if (Character.isLetterOrDigit(c) || c == '+' || c == '#') {
                out.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        return out.toString();
    }

    /** NFKC then accents removed ("München" → "Munchen", "Ｆｕｌｌ" → "Full"). */
    public static String foldAccents(String s) {
        if (s == null) {
            return "";
        }
        if (isAscii(s)) {
            return s; // ASCII is already in NFKC, with no accents to fold
        }
        String nfkc = java.text.Normalizer.normalize(s, Form.NFKC);
        if (isAscii(nfkc)) {
            return nfkc;
        }
        String decomposed = java.text.Normalizer.normalize(nfkc, Form.NFD);
        String stripped = COMBINING.matcher(decomposed).replaceAll("");
        return java.text.Normalizer.normalize(stripped.replace("ß", "ss").replace('ø', 'o').replace('Ø', 'O')
                .replace('ł', 'l').replace('Ł', 'L').replace('đ', 'd').replace('Đ', 'D'), Form.NFC);
    }

    /** "S.A." and "B.V." as "SA" and "BV": dotted initials are one word. */
    private static final Pattern DOTTED_INITIALS = Pattern.compile("(?<=\\b\\p{L})\\.(?=\\p{L}\\b)");

    /**
     * A normalised employer name without a leading article: "the home depot" is "home depot", as
     * other boards and the agency lists write it. Not part of {@link #employer}, whose output keys the
     * answers already paid for ({@code ContentKey}).
     */
    public static String withoutArticle(String employer) {
        return employer.startsWith("the ") ? employer.substring(4) : employer;
    }

    /** Employer name for identity: basic normalisation with legal suffixes dropped from the end. */
    public static String employer(String name) {
        // The regexes run only when their required character is there: names and titles are
        // normalised for every posting, and most have neither.
        String b = basic(name == null || name.indexOf('.') < 0 ? name : DOTTED_INITIALS.matcher(name).replaceAll(""));
        String[] tokens = b.split(" ");
        int end = tokens.length;
        // "GmbH & Co. KG": suffixes joined by "and" go too.
        while (end > 1 && (LEGAL_SUFFIXES.contains(tokens[end - 1])
                || (tokens[end - 1].equals("and") && end < tokens.length))) {
            end--;
        }
        return String.join(" ", java.util.Arrays.copyOf(tokens, end));
    }

    /**
     * Legal forms of more than one word, or single words {@link #LEGAL_SUFFIXES} does not have, as
     * {@link #employer} leaves them: Polish "sp. z o.o.", Danish "A/S", Mexican "S.A. de C.V.",
     * Luxembourg's "S.à r.l.", Swedish "AB (publ)", Brazilian "Ltda", Hungarian "Kft.", Malaysian "Sdn. Bhd.".
     */
    private static final String[] LEGAL_FORM_TAILS = {" sp z oo", " sp z o o", " spolka z oo", " spolka z o o",
            " z oo", " z o o", " a s", " sa de cv", " s de rl de cv", " s de rl", " sa rl", " s a r l", " publ",
            " ltda", " kft", " zrt", " nyrt", " sdn bhd", " bhd"};

    /**
     * A normalised employer name ({@link #employer}) without the legal forms it leaves ("acme sp z oo",
     * "novo nordisk a s"), for identity and the agency lists. Not part of {@link #employer}, whose output
     * keys the answers already paid for ({@code ContentKey}).
     */
    public static String withoutLegalForm(String employer) {
        String e = employer;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String tail : LEGAL_FORM_TAILS) {
                if (e.length() > tail.length() && e.endsWith(tail)) {
                    e = e.substring(0, e.length() - tail.length());
                    changed = true;
                }
            }
            int space = e.lastIndexOf(' ');
            if (space > 0 && LEGAL_SUFFIXES.contains(e.substring(space + 1))) {
                e = e.substring(0, space); // "ab" of "AB (publ)"
                changed = true;
            }
        }
        return e;
    }

    /** Title for identity: gender markers dropped, basic normalisation, abbreviations spelled out. */
    public static String title(String title) {
        return spelledOut(withoutRequisitionId(titleAsWritten(withoutGenderSuffix(title))));
    }

    /**
     * German gender suffixes ("Entwickler*in", ":in", "_in", "/in", "/-in", "(in)", "*innen") and the
     * markers {@link #GENDER_NOISE} leaves, of three letters with another separator or none
     * ("(m|w|d)", "(m,w,d)", "(M-W-D)", "(mwd)").
     */
    private static final Pattern GENDER_SUFFIX = Pattern.compile("(?<=\\p{Ll})(?:[*:_]|/-?)in(?:nen)?(?![\\p{L}-])"
            + "|(?<=\\p{Ll})\\(in(?:nen)?\\)"
            + "|(?i)[(\\[]\\s*[mwfdhx]\\s*([|,-])\\s*[mwfdhx]\\s*\\1\\s*(?:[mwfdhx]|div(?:erse?)?\\.?)\\s*[)\\]]"
            + "|(?i)[(\\[]\\s*(?:m[wf]d|[wf]md|d[mw][wf]|d[wf]m|m[wf]x|[wf]mx|x[wf]m)\\s*[)\\]]");

    /**
     * A title without the German gender suffix on a word, a marker as "(m/w/d)" is ("Entwickler*in" is
     * "Entwickler (m/w/d)"); identity only, as {@link #titleAsWritten} keeps the words as written.
     */
    private static String withoutGenderSuffix(String title) {
        return title == null || !mayHaveGenderSuffix(title) ? title : GENDER_SUFFIX.matcher(title).replaceAll("");
    }

    /**
     * Whether a mark that may start a {@link #GENDER_SUFFIX} ('*', ':', '_', '/', a bracket) is followed
     * by one of its letters: titles are normalised for every posting, and most have none.
     */
    private static boolean mayHaveGenderSuffix(String t) {
        int n = t.length();
        for (int i = 0; i < n - 1; i++) {
            char c = t.charAt(i);
            if (c == '*' || c == ':' || c == '_' || c == '/' || c == '(' || c == '[') {
                int j = i + 1;
                while (j < n && (t.charAt(j) == ' ' || t.charAt(j) == '-')) {
                    j++;
                }
                if (j < n && "iImMwWfFdDhHxX".indexOf(t.charAt(j)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Words that introduce a requisition id: "REQ-2026-0042", "JR-1234", "Job ID 123456", "Ref 8812". */
    private static final Set<String> ID_PREFIXES = Set.of("req", "requisition", "jr", "r", "ref", "id", "reqid",
            "jobid");

    /**
     * A normalised title without the requisition id a board appends ("Senior Backend Engineer - R12345"):
     * trailing numbers of at least three digits after an id word, a number of at least four digits
     * after up to four letters ("r12345", "jr0012345", "#4521"), or one of at least five digits. A
     * level ("Engineer 2", "L5"), a product ("Windows 11") or a cohort's year ("Graduate Engineer
     * 2026") is part of the job and stays.
     */
    static String withoutRequisitionId(String normalised) {
        int len = normalised.length();
        if (len == 0 || !Character.isDigit(normalised.charAt(len - 1))) {
            return normalised; // most titles: no number at the end
        }
        String[] words = normalised.split(" ");
        int end = words.length;
        int digits = 0;
        // The leftmost trailing word that is an id by itself: a level before it ("Engineer 2 - R12345") stays.
        int firstId = -1;
        while (end > 1) {
            String w = words[end - 1];
            int letters = 0;
            while (letters < w.length() && (Character.isLetter(w.charAt(letters)) || w.charAt(letters) == '#')) {
                letters++;
            }
            if (letters > 4 || letters == w.length()) {
                break;
            }
            int n = w.length() - letters;
            for (int i = letters; i < w.length(); i++) {
                if (!Character.isDigit(w.charAt(i))) {
                    n = -1;
                    break;
                }
            }
            if (n < 0) {
                break;
            }
            digits += n;
            if (n >= 5 || (letters > 0 && n >= 4)) {
                firstId = end - 1;
            }
            end--;
        }
        if (end < words.length && end > 1 && ID_PREFIXES.contains(words[end - 1]) && digits >= 3) {
            end--;
            if (end > 1 && words[end].equals("id") && (words[end - 1].equals("job") || words[end - 1].equals("req"))) {
                end--;
            }
        } else if (firstId >= 0) {
            // "2026-10442" is one id; a level of one or two digits before it is not.
            int from = end;
            end = firstId;
            while (end > from && words[end - 1].length() >= 3 && isDigits(words[end - 1])) {
                end--;
            }
        } else {
            return normalised;
        }
        if (end == words.length) {
            return normalised;
        }
        return String.join(" ", java.util.Arrays.copyOf(words, end));
    }

    /**
     * Title with gender markers dropped and basic normalisation, its words as written: the key of
     * a paid answer ({@code ContentKey}) must not change when the identity rules learn a new spelling.
     */
    public static String titleAsWritten(String title) {
        if (title == null) {
            return "";
        }
        String folded = foldAccents(title);
        // Every gender marker has a '/' ("m/w/d") or a bracket ("(all genders)").
        boolean marked = folded.indexOf('/') >= 0 || folded.indexOf('(') >= 0 || folded.indexOf('[') >= 0;
        return basic(marked ? GENDER_NOISE.matcher(folded).replaceAll(" ") : folded);
    }

    private static String spelledOut(String normalised) {
        String[] words = normalised.split(" ");
        boolean changed = false;
        for (int i = 0; i < words.length; i++) {
            String full = TITLE_ABBREVIATIONS.get(words[i]);
            if (full != null) {
                words[i] = full;
                changed = true;
            }
        }
        return changed ? String.join(" ", words) : normalised;
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
