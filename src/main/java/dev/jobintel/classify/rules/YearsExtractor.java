package dev.jobintel.classify.rules;

import dev.jobintel.posting.Chars;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stated years of experience: "5+ years", "3-5 years of experience", "at least four years",
 * "minimum of 7 years' professional experience". Only numbers tied to experience count, so
 * "founded 12 years ago" does not.
 */
public final class YearsExtractor {

    /** A stated band; max is null for open-ended ("5+ years"). */
    public record Years(int min, Integer max) {
    }

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("fifteen", 15), Map.entry("twenty", 20));

    private static final String N = "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)";
    // "2 years minimum of commercial experience": the minimum may follow the years.
    // "5+ yrs. exp.": the abbreviation's dot (not "years.", which ends a sentence).
    // "5 years+ experience", "8 yrs+ of experience": the plus after the word.
    private static final String EXP = "(?:\\s*(?:\\(\\s*\\d{1,2}\\s*\\)\\s*)?(?:\\+\\s*)?(?:years?|yrs?\\.?)(?:'|’)?(?:\\s?\\+)?"
            + "(?:\\s+(?:minimum|min\\.|at least))?(?:"
            + "(?:\\s+of)?(?:\\s+(?:professional|relevant|hands[- ]on|industry|commercial|work(?:ing)?|proven|practical|technical|related|progressive|software|engineering|prior|direct|total))*"
            + "\\s+(?:experience|exp\\b|working|building|designing|developing|leading|managing|as\\b)"
            // "7+ years of backend development experience": a few words between "of" and "experience",
            // not joined by "and" ("12 years of history and experience" are two things).
            // Not a team's years summed ("30 years of combined experience").
            + "|\\s+of(?:\\s+(?!and\\b|or\\b|combined\\b|collective\\b)[a-z][a-z0-9/+#.-]*){1,4}?\\s+experience\\b"
            + "|\\s+in\\s+(?:a|an)\\s+(?:similar|related|comparable|equivalent|relevant)\\s+(?:role|position|capacity)\\b"
            // "4+ years in backend development": a field of work, a few words naming it ("6 years in a row" is none).
            + "|\\s+in(?:\\s+(?!a\\b|an\\b|the\\b|and\\b|or\\b)[a-z][a-z0-9/+#.-]*){0,3}?\\s+(?:development|engineering|programming"
            + "|design|architecture|administration|analytics|testing|consulting|product management|project management)\\b"
            // "10+ years in the industry", "5 years in tech": the trade itself.
            + "|\\s+in\\s+(?:the\\s+)?(?:industry|field|tech|technology|software)\\b(?!\\s+(?:and|for)\\b)))";

    /** "3-5 years", "3 to 5 years", "between three and five years". */
    static final Pattern RANGE = Pattern.compile("(?i)\\b" + N + "\\s*(?:\\+\\s*)?(?:-|–|—|to|and)\\s*" + N + EXP);
    static final Pattern AT_LEAST = Pattern.compile(
            "(?i)\\b(?:at least|minimum(?: of)?|min\\.?|over|more than|a minimum of)\\s+" + N + EXP);
    /** "5+ years", "three-plus years", "5 plus years". */
    static final Pattern PLUS = Pattern.compile("(?i)\\b" + N + "(?:\\s*\\+|(?:\\s*-\\s*|\\s+)plus\\b)" + EXP);
    static final Pattern PLAIN = Pattern.compile("(?i)\\b" + N + EXP);
    /** "5 or more years of experience". */
    static final Pattern OR_MORE = Pattern.compile("(?i)\\b" + N + "\\s+or\\s+more" + EXP);
    /** A labelled field: "Experience: 6+ years", "Experience required: 3-5 yrs", "Experience of 3 to 5 years". */
    static final Pattern LABELLED = Pattern.compile("(?i)\\bexperience(?:\\s+(?:required|level))?(?:\\s*[:–—-]|\\s+of)\\s*"
            + "(?:(?:at least|minimum(?: of)?|min\\.?)\\s+)?" + N + "(?:\\s*(?:-|–|—|to)\\s*" + N + ")?\\s*\\+?\\s*(?:years?|yrs?)\\b");

    private YearsExtractor() {
    }

    /**
     * The first stated band, or null. The patterns run only in windows around the words "year"
     * and "yr", so a long description costs little more than one scan for those words.
     */
    public static Years find(String text) {
        return find(text, null);
    }

    /**
     * The first stated band, or null, in a posting of the employer {@code company} (null or blank when unknown):
     * the years that employer says it has ("Acme has 15 years of experience building payment systems") are its own.
     */
    public static Years find(String text, String company) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() != text.length()) {
            lower = asciiLower(text); // keep indexes aligned with the text when a character lowers to two
        }
        int year = lower.indexOf("year");
        int yr = lower.indexOf("yr");
        while (year >= 0 || yr >= 0) {
            int at = year < 0 ? yr : yr < 0 ? year : Math.min(year, yr);
            if (numberBefore(lower, at)) {
                // A match holding this "year" starts before it (a number, at most "at least" or
                // "3 to" earlier); one starting after it holds a later "year" and is found there.
                Years y = findIn(text, Math.max(0, at - 60), at, Math.min(text.length(), at + 120),
                        orMoreBefore(lower, at), wordBefore(lower, "experience", at, 40), company);
                if (y == null && closesParen(lower, at)) {
                    y = inParens(text, lower, at);
                }
                if (y != null) {
                    return y;
                }
            } else if (Anchored.wordStart(lower, at) && wordBefore(lower, "exp", Math.min(lower.length(), at + 30), 24)) {
                Years y = labelFirst(text, at);
                if (y != null) {
                    return y;
                }
            }
            // Each word is searched again only once passed: "yr" is rare, and a fresh search for it
            // at every "year" would scan the whole text each time.
            if (at == year) {
                year = lower.indexOf("year", at + 2);
            }
            if (at == yr) {
                yr = lower.indexOf("yr", at + 2);
            }
        }
        return foreign(lower);
    }

    /** The word for experience in German, Spanish, Portuguese and French, one of which every foreign band needs. */
    private static final String EXPERIENCE_WORD = "(?:erfahrung|berufspraxis|experiencia|experiência|expérience|experience)";
    /** "3", "3+", "3-5", "3 bis 5", "3 a 5", "3 à 5", "3 y 5", "3 e 5", "3 et 5", "3 und 5", then the word for years. */
    private static final String FOREIGN_BAND = "(?<![\\d.,])(\\d{1,2})\\s*(?:\\+\\s*)?(?:(?:-|–|—|bis|a|à|y|e|et|und)\\s*(\\d{1,2})\\s*)?(?:\\+\\s*)?"
            + "(?:jahr(?:e|en)?|años|anos|ans)(?![a-zà-ÿ])";
    /** "2 Jahre Berufserfahrung", "4 años de experiencia", "5 ans d'expérience"; "Erfahrung von mindestens 5 Jahren", "experiencia mínima de 3 años". */
    private static final Pattern FOREIGN = Pattern.compile(FOREIGN_BAND + "[^.\\n;:]{0,40}?" + EXPERIENCE_WORD
            + "|" + EXPERIENCE_WORD + "[^.\\n;\\d]{0,30}?" + FOREIGN_BAND);
    /** The company's own years, as {@link #COMPANY_BEFORE} in English: "Wir haben über 20 Jahre Erfahrung", "Contamos con 25 años". */
    private static final Pattern FOREIGN_COMPANY_BEFORE = Pattern.compile("\\b(?:wir (?:haben|verfügen|blicken|bringen)"
            + "|unser\\w* (?:team|unternehmen|firma)\\w* (?:hat|haben|verfügt|bringt)|seit|contamos con|tenemos|temos"
            + "|nous (?:avons|comptons)|depuis|desde hace)\\b[^.\\n]{0,30}$");

    /**
     * A band stated in German, Spanish, Portuguese or French ("mindestens 3 Jahre Berufserfahrung",
     * "experiencia mínima de 3 años", "5+ anos de experiência", "3 à 5 ans d'expérience"), looked for only in
     * text holding one of those languages' words for experience: an English description costs a few
     * {@code indexOf}s.
     */
    private static Years foreign(String lower) {
        if (lower.indexOf("erfahrung") < 0 && lower.indexOf("berufspraxis") < 0 && lower.indexOf("experiencia") < 0
                && lower.indexOf("experiência") < 0 && lower.indexOf("expérience") < 0 && lower.indexOf(" ans d") < 0) {
            return null;
        }
        Matcher m = FOREIGN.matcher(lower);
        while (m.find()) {
            if (FOREIGN_COMPANY_BEFORE.matcher(lower).region(Math.max(0, m.start() - 40), m.start()).find()) {
                continue;
            }
            int g = m.start(1) >= 0 ? 1 : 3; // the band before the word for experience, else after it
            Years y = band(m.group(g), m.group(g + 1));
            if (y != null) {
                return y;
            }
        }
        return null;
    }

    private static String asciiLower(String text) {
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= 'A' && out[i] <= 'Z') {
                out[i] += 32;
            }
        }
        return new String(out);
    }

    /**
     * Whether a number (digits or a number word) ends just before the "year" at {@code at}, as
     * every pattern needs: only spaces, a "+" and a "(5)" may come between. Most mentions of a
     * year ("twice a year", "yearly") fail this and cost no regex.
     */
    static boolean numberBefore(String lower, int at) {
        int j = skipBack(lower, at - 1);
        if (j >= 6 && lower.startsWith("or more", j - 6)) {
            j = skipBack(lower, j - 7); // "5 or more years"
        } else if (j >= 4 && lower.startsWith("plus", j - 3) && !Chars.isLetter(lower.charAt(j - 4))) {
            j = skipBack(lower, j - 4); // "three-plus years", "5 plus years"
            if (j >= 0 && lower.charAt(j) == '-') {
                j = skipBack(lower, j - 1);
            }
        }
        if (j >= 0 && lower.charAt(j) == ')') {
            int open = lower.lastIndexOf('(', j);
            if (open < 0 || j - open > 8) {
                return false;
            }
            j = skipBack(lower, open - 1);
        }
        if (j < 0) {
            return false;
        }
        if (Character.isDigit(lower.charAt(j))) {
            return true;
        }
        int start = j;
        while (start > 0 && Chars.isLetter(lower.charAt(start - 1))) {
            start--;
        }
        return WORDS.containsKey(lower.substring(start, j + 1));
    }

    /** The years after their label: "Years of experience: 5+", "Yrs of exp: 3-5". */
    static final Pattern LABEL_FIRST = Pattern.compile("(?i)(?:years?|yrs?\\.?)\\s+(?:of\\s+)?(?:(?:relevant|professional|industry|work|total)\\s+)?"
            + "(?:experience|exp\\b\\.?)(?:\\s+(?:required|needed))?\\s*[:–—-]\\s*(?:(?:at least|minimum(?: of)?|min\\.?)\\s+)?"
            + N + "(?:\\s*(?:-|–|—|to)\\s*" + N + ")?(?![\\d%]|[.,]\\d)");

    /** A band after its label at the "year" at {@code at}, with no number before that word: "Years of experience: 5+". */
    private static Years labelFirst(String text, int at) {
        Matcher m = LABEL_FIRST.matcher(text).region(at, Math.min(text.length(), at + 80));
        if (!m.lookingAt()) {
            return null;
        }
        return band(m.group(1), m.group(2));
    }

    /** "(5+ years)", "(3-5 yrs)", "(4 years of experience)": a band in parentheses. */
    static final Pattern PARENS = Pattern.compile("(?i)\\(\\s*" + N + "\\s*(\\+|(?:-|–|to)\\s*" + N + ")?\\s*\\+?\\s*(?:years?|yrs?\\.?)"
            + "(\\s+(?:of\\s+)?(?:experience|exp\\b\\.?))?\\s*\\)");
    /**
     * Words before a band in parentheses that make it something other than the candidate's experience: the
     * company's ("our history (20+ years)"), a contract's or a project's length ("fixed-term contract (1-2 years)").
     */
    private static final Pattern NOT_EXPERIENCE_BEFORE_PARENS = Pattern.compile("(?i)\\b(?:we|we're|our|us|since|founded|established"
            + "|history|business|company|operation|serving|trusted|partner|clients?|customers?|contract|term|duration"
            + "|assignment|project|engagement|warranty|visa|commitment|programme|program|tenure|lease|ago|age[ds]?)\\b");

    /** Whether the "year" at {@code at} ends, as "years" or "yrs", right before a ")". */
    private static boolean closesParen(String lower, int at) {
        int j = at + (lower.startsWith("yr", at) ? 2 : 4);
        if (j < lower.length() && lower.charAt(j) == 's') {
            j++;
        }
        if (j < lower.length() && lower.charAt(j) == '.') {
            j++;
        }
        while (j < lower.length() && lower.charAt(j) == ' ') {
            j++;
        }
        return j < lower.length() && lower.charAt(j) == ')' || lower.startsWith("of exp", j) || lower.startsWith("exp", j);
    }

    /**
     * A band in parentheses right after a skill or a role ("Backend development (5+ years)", "Java (3-5 yrs)"):
     * open-ended or a range, or saying "experience", as a requirement is written, and not after the company's
     * words or a contract's on its line ("since 2004 (20+ years)", "fixed-term contract (1-2 years)").
     */
    private static Years inParens(String text, String lower, int at) {
        int open = at - 1;
        while (open > 0 && at - open <= 12 && lower.charAt(open) != '(') {
            open--;
        }
        if (open < 1 || lower.charAt(open) != '(') {
            return null;
        }
        Matcher m = PARENS.matcher(text).region(open, Math.min(text.length(), at + 40));
        if (!m.lookingAt() || (m.group(2) == null && m.group(4) == null)) {
            return null;
        }
        int j = open - 1;
        while (j >= 0 && lower.charAt(j) == ' ') {
            j--;
        }
        if (j < 0 || !Chars.isLetter(lower.charAt(j))) {
            return null; // after a phrase's last word, not a number or a stop
        }
        // The phrase's line or sentence, up to 60 characters back.
        int from = Math.max(0, open - 60);
        for (int i = open - 1; i >= from; i--) {
            char c = lower.charAt(i);
            if (c == '\n' || c == ';' || c == '•' || ((c == '.' || c == ':') && i + 1 < lower.length() && lower.charAt(i + 1) == ' ')) {
                from = i + 1;
                break;
            }
        }
        if (NOT_EXPERIENCE_BEFORE_PARENS.matcher(lower).region(from, open).find()) {
            return null;
        }
        return band(m.group(1), m.group(3));
    }

    /**
     * The band of a lower and an optional upper figure as matched ("3", "5"; "five", null), or null when it is
     * no one's experience: more than 30 years, or an upper figure below the lower.
     */
    private static Years band(String low, String high) {
        Integer lo = number(low);
        Integer hi = high == null ? null : number(high);
        return lo != null && lo <= 30 && (hi == null || (lo <= hi && hi <= 30)) ? new Years(lo, hi) : null;
    }

    private static final Pattern CEILING_BEFORE = Pattern.compile("(?i)\\b(?:up to|no more than|not more than|less than|fewer than"
            + "|at most|a maximum of|maximum of|max\\.?)\\s+$");

    /** A band from some months: "6 months to 2 years", "6 months - 1 year", "6-12 months to 2 years". */
    private static final Pattern MONTHS_BEFORE = Pattern.compile("(?i)\\b\\d{1,2}\\s*(?:months?|mos?\\.?)\\s*(?:-|–|—|to)\\s*$");

    /**
     * Whether a ceiling ("up to", "no more than", "less than") or a band's lower bound in months ("6 months to")
     * ends just before the number at {@code at}.
     */
    private static boolean ceilingBefore(String text, int at) {
        return at > 0 && (text.charAt(at - 1) == ' ' || text.charAt(at - 1) == '-')
                && (CEILING_BEFORE.matcher(text).region(Math.max(0, at - 16), at).find()
                || MONTHS_BEFORE.matcher(text).region(Math.max(0, at - 16), at).find());
    }

    /** Whether "or more" stands just before the "year" at {@code at} ("5 or more years"). */
    private static boolean orMoreBefore(String lower, int at) {
        int j = skipBack(lower, at - 1);
        return j >= 6 && lower.startsWith("or more", j - 6);
    }

    /** Whether {@code word} starts within {@code reach} characters before {@code at}, without scanning the text. */
    private static boolean wordBefore(String lower, String word, int at, int reach) {
        for (int i = Math.max(0, at - reach); i + word.length() <= at; i++) {
            if (lower.charAt(i) == word.charAt(0) && lower.startsWith(word, i)) {
                return true;
            }
        }
        return false;
    }

    private static int skipBack(String s, int j) {
        while (j >= 0 && (Character.isWhitespace(s.charAt(j)) || s.charAt(j) == '+')) {
            j--;
        }
        return j;
    }

    /**
     * The first band in the window; the "or more" and labelled patterns run only where the words
     * they start with or hold were seen near the "year" (most windows have neither).
     */
    private static Years findIn(String text, int from, int startsBefore, int to, boolean orMore, boolean labelled,
                                String company) {
        Years best = null;
        int bestAt = Integer.MAX_VALUE;
        Matcher m = RANGE.matcher(text).useTransparentBounds(true);
        if (findCandidates(m, text, from, startsBefore, to, company)) {
            Integer lo = number(m.group(1));
            Integer hi = number(m.group(2));
            if (lo != null && hi != null && lo <= hi && hi <= 30) {
                best = new Years(lo, hi);
                bestAt = m.start();
            }
        }
        for (Pattern p : orMore ? new Pattern[] {AT_LEAST, PLUS, OR_MORE, PLAIN} : new Pattern[] {AT_LEAST, PLUS, PLAIN}) {
            Matcher s = p.matcher(text).useTransparentBounds(true);
            if (findCandidates(s, text, from, startsBefore, to, company) && s.start() < bestAt) {
                Integer v = number(s.group(1));
                if (v != null && v <= 30) {
                    // "Up to 2 years of experience", "no more than 3 years" are at most two or three, not that or more.
                    best = p != PLUS && ceilingBefore(text, s.start(1)) ? new Years(0, v) : new Years(v, null);
                    bestAt = s.start();
                }
            }
        }
        Matcher l = labelled ? LABELLED.matcher(text).useTransparentBounds(true) : null;
        // Not the company's: "Our team has experience of 20 years".
        if (l != null && findCandidates(l, text, from, startsBefore, to, company) && l.start() < bestAt) {
            Years y = band(l.group(1), l.group(2));
            if (y != null) {
                best = y;
            }
        }
        return best;
    }

    /**
     * The first match of {@code m} in the window that is not a band the company states of itself: one
     * after such a band is still found. (The company's words are looked for only where a band matched:
     * before every place one could start, they cost a tenth of a pipeline run.)
     */
    private static boolean findCandidates(Matcher m, String text, int from, int startsBefore, int to, String company) {
        for (int at = from; Anchored.find(m, at, startsBefore, to, i -> canStart(text, i)); at = m.start() + 1) {
            if (!companyBefore(text, m.start(), company)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The company's own years rather than the candidate's: "We've spent 15 years building…", "Our founders bring
     * 20+ years of experience", "The company has 10 years of experience in logistics", "For over 10 years as an
     * industry leader…", "In the last 5 years building…".
     */
    private static final Pattern COMPANY_BEFORE = Pattern.compile("(?i)(?:\\bwe(?:'ve|’ve| have)?(?: spent| been| had)?"
            + "|\\b(?:our|the) (?:founders?|team|company|leadership(?: team)?|firm|business|agency|group|organi[sz]ation)(?: has| have| brings?)?"
            // The company's people and clients: "Our engineers have 10+ years of experience each".
            + "|\\bour (?:engineers|developers|people|consultants|experts|staff|employees|team members|colleagues|clients|customers|partners)(?: have| bring)?"
            // Its leaders and the candidate's future manager: "Our CTO brings 20+ years", "Our head of engineering has 15
            // years", "Your manager has 12 years of experience", "report to our VP, who has 20 years"; and a team so
            // described ("You'll join a team with 20 years of experience").
            + "|\\b(?:our|your) (?:ceo|cto|cpo|coo|cfo|ciso|vp|svp|evp|founders?|co-?founders?|leaders?|leadership|management|managers?"
            + "|directors?|executives?|mentors?|lead|team lead|head of [\\w-]+|vp of [\\w-]+|director of [\\w-]+)(?:,? who)? (?:has|have|brings?)"
            + "|\\ba team with"
            + "|(?:(?<=[.!?]\\s)|(?<=\\n)|(?<![\\s\\S]))for|\\b(?:in|over|during) the (?:last|past|first)"
            // A name opening its sentence as the subject of "has": "Acme has 15 years of experience building payment
            // systems". Not the candidate so named ("Candidate has 5+ years", "Ideally has"), nor a bullet's "Has 5+ years".
            + "|(?:(?<=[.!?]\\s)|(?<=\\n)|(?<![\\s\\S]))(?!(?:candidates?|applicants?|you|who|he|she|they|it|this|that|which|one"
            + "|someone|somebody|anyone|everyone|ideally|preferably|also|and|or|must|should|hire|individual|person|engineer|developer"
            + "|manager|incumbent|employee|jobholder|role|position|profile|requirement|requirements|experience)\\b)[a-z][\\w&'’.-]*\\s+has)"
            + "\\s+(?:(?:over|more than|nearly|almost|about|around)\\s+)?$");

    /** The words {@link #COMPANY_BEFORE} can end with, before its "over", "more than"… */
    private static final java.util.Set<String> COMPANY_LAST_WORDS = java.util.Set.of("we", "we've", "we’ve", "have",
            "has", "spent", "been", "had", "founder", "founders", "team", "company", "leadership", "firm", "business",
            "agency", "group", "organization", "organisation", "engineers", "developers", "people", "consultants",
            "experts", "staff", "employees", "members", "colleagues", "clients", "customers", "partners",
            "bring", "brings", "for", "last", "past", "first", "with");
    private static final java.util.Set<String> QUALIFIERS = java.util.Set.of("over", "than", "more", "nearly", "almost",
            "about", "around");

    /** Whether the words just before a band at {@code at} make the years the company's (see {@link #COMPANY_BEFORE}). */
    private static boolean companyBefore(String text, int at, String company) {
        // The pattern runs only where the last word before the band could end it: nearly every band is
        // the candidate's ("5+ years"), and the pattern tried along 40 characters costs far more than a word.
        int end = at;
        String word;
        do {
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && (Chars.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '\''
                    || text.charAt(start - 1) == '’')) {
                start--;
            }
            word = text.substring(start, end).toLowerCase(Locale.ROOT);
            end = start;
        } while (QUALIFIERS.contains(word) && end > 0);
        if (!COMPANY_LAST_WORDS.contains(word)) {
            return false;
        }
        // The employer's names are worked out only here, where a band follows "has" (in few postings).
        if ((word.equals("has") || word.equals("have") || word.equals("brings") || word.equals("bring"))
                && named(text, end, names(company))) {
            return true; // "Acme has 15 years of experience…", "Acme Payments has over 20 years…"
        }
        return COMPANY_BEFORE.matcher(text).useTransparentBounds(true).region(Math.max(0, at - 40), at).find();
    }

    /** The legal forms an employer's name may carry that its own text leaves off ("Acme Inc." writes itself "Acme"). */
    private static final Pattern LEGAL_FORM = Pattern.compile("(?i)[,\\s]+(?:inc\\.?|llc|ltd\\.?|limited|gmbh|ag|sa|sas|s\\.a\\.|bv|b\\.v\\."
            + "|plc|corp\\.?|corporation|co\\.?|company|group|pty|oy|ab|as|aps|srl|s\\.r\\.l\\.|se|nv)$");

    /** The employer's name as its text may write it, lower-cased: as given, and without its legal form; none when unknown. */
    private static String[] names(String company) {
        if (company == null || company.isBlank()) {
            return new String[0];
        }
        String full = company.strip().toLowerCase(Locale.ROOT);
        String bare = full;
        for (Matcher m = LEGAL_FORM.matcher(bare); m.find(); m = LEGAL_FORM.matcher(bare)) {
            bare = bare.substring(0, m.start()).strip();
        }
        if (bare.length() < 2 || bare.equals(full)) {
            return full.length() < 2 ? new String[0] : new String[] {full};
        }
        return new String[] {full, bare};
    }

    /**
     * Whether one of the employer's {@code names} ends just before {@code end} as a whole name, or a word or two
     * before it ("Acme Payments has", "Acme's engineers have"), spaces between.
     */
    private static boolean named(String text, int end, String[] names) {
        if (names.length == 0) {
            return false; // no company given
        }
        int j = end;
        for (int words = 0; words <= 2; words++) {
            while (j > 0 && Character.isWhitespace(text.charAt(j - 1))) {
                j--;
            }
            int e = j;
            if (e >= 2 && (text.charAt(e - 1) | 0x20) == 's' && (text.charAt(e - 2) == '\'' || text.charAt(e - 2) == '’')) {
                e -= 2; // "acme's team has": the name before its possessive
            }
            for (String name : names) {
                int start = e - name.length();
                if (start >= 0 && text.regionMatches(true, start, name, 0, name.length())
                        && (start == 0 || !Chars.isLetterOrDigit(text.charAt(start - 1)))) {
                    return true;
                }
            }
            // Back over one word, with no punctuation before it: "acme payments has", not "in payments. acme has".
            int k = j;
            while (k > 0 && (Chars.isLetterOrDigit(text.charAt(k - 1)) || text.charAt(k - 1) == '\'' || text.charAt(k - 1) == '’')) {
                k--;
            }
            if (k == j || k == 0 || !Character.isWhitespace(text.charAt(k - 1))) {
                return false;
            }
            j = k;
        }
        return false;
    }

    /** Words other than numbers a pattern can begin with ("at least", "minimum of", "over", "more than", "experience:"). */
    private static final java.util.Set<String> LEADS = java.util.Set.of("at", "minimum", "min", "over", "more", "a",
            "experience");

    /** Where a pattern can begin: at the start of a number, a number word or a word {@link #LEADS} holds. */
    static boolean canStart(String text, int i) {
        char c = text.charAt(i);
        if (!Chars.isLetterOrDigit(c) || !Anchored.wordStart(text, i)) {
            return false;
        }
        if (Character.isDigit(c)) {
            return true;
        }
        if ("otfsenam".indexOf(Character.toLowerCase(c)) < 0) {
            return false; // no number word or lead word starts with it
        }
        int end = i + 1;
        while (end < text.length() && Chars.isLetter(text.charAt(end)) && end - i <= 10) {
            end++;
        }
        String word = text.substring(i, end).toLowerCase(Locale.ROOT);
        return WORDS.containsKey(word) || LEADS.contains(word);
    }

    private static Integer number(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        Integer w = WORDS.get(t);
        if (w != null) {
            return w;
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
