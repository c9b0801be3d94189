package dev.jobintel.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.classify.taxonomy.SkillDictionary;
import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.classify.taxonomy.Vocabulary;
import dev.jobintel.internal.Clip;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Salary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model's answer against the taxonomy before anything is written (incidents 1, 12,
 * 15). Explicit JSON null, a missing field and the strings "null" / "none" / "n/a" / "unknown" / "not specified" are the same thing;
 * coded fields are matched case-insensitively and through the taxonomy's synonyms; a field
 * left empty that has a default gets it, and is recorded as defaulted. Anything else that is
 * not valid is a problem: the caller re-asks once with the problems, then gives up.
 *
 * <p>Field names are those of the classification tool's schema.
 */
public final class AnswerValidator {

    /** How much of a value that is not allowed the problems quote back to the model. */
    private static final int QUOTED = 80;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final int MAX_SKILLS = 50;
    public static final int SUMMARY_WORDS = 50;
    /** The most years of experience a posting asks for, as the rules read them (YearsExtractor): more is a misreading. */
    private static final int MAX_YEARS = 30;
    /** A year's pay below this, in any currency of the taxonomy, is no one's (the rules' floors are higher). */
    static final int MIN_PER_YEAR = 1_000;
    /** The outcome of a check: a classification, or the problems to send back to the model. */
    public record Result(Classification classification, List<String> problems) {
        public boolean valid() {
            return classification != null;
        }
    }

    private final Taxonomy taxonomy;

    public AnswerValidator(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public Result validate(JsonNode answer, Posting posting, String classifier, String model, String promptVersion) {
        List<String> problems = new ArrayList<>();
        if (answer == null || !answer.isObject()) {
            return new Result(null, List.of("the answer must be a JSON object with the fields of the tool's schema"));
        }
        Set<String> defaulted = new HashSet<>();

        String subfamily = code(answer, "subfamily", taxonomy.subfamilies(), problems);
        String family = code(answer, "family", taxonomy.families(), problems);
        if (family == null && subfamily != null) {
            family = taxonomy.familyOf(subfamily);
        }
        if (family == null && !isPresent(answer, "family")) {
            problems.add("family is missing: choose one of " + String.join(", ", taxonomy.families().codes()));
        }
        if (family != null && subfamily == null) {
            subfamily = nullWordNamingSubfamily(answer.get("subfamily"), family);
        }
        if (family != null && subfamily == null && !isPresent(answer, "subfamily")) {
            problems.add("subfamily is missing: choose a subfamily of " + family);
        }
        if (family != null && subfamily != null && !family.equals(taxonomy.familyOf(subfamily))) {
            problems.add("subfamily '" + subfamily + "' belongs to family '" + taxonomy.familyOf(subfamily)
                    + "', not to '" + family + "'");
        }

        String seniority = codeOrDefault(answer, "seniority", taxonomy.seniority(), problems, defaulted);
        String track = codeOrDefault(answer, "track", taxonomy.tracks(), problems, defaulted);
        String arrangement = codeOrDefault(answer, "arrangement", taxonomy.arrangements(), problems, defaulted);
        String positionType = codeOrDefault(answer, "position_type", taxonomy.positionTypes(), problems, defaulted);
        Salary salary = salary(unquoted(answer.get("salary")), problems);

        Boolean equity = bool(answer.get("equity"), problems);
        if (equity == null) {
            equity = false;
            defaulted.add("equity");
        }
        Integer yearsMin = years(answer, "years_min", problems);
        Integer yearsMax = years(answer, "years_max", problems);
        if (yearsMin != null && yearsMax != null && yearsMin > yearsMax) {
            problems.add("years_min (" + yearsMin + ") is above years_max (" + yearsMax + ")");
        }
        List<Classification.SkillMention> skills = skills(unquoted(answer.get("skills")), problems);

        String summary = text(answer.get("summary"));
        if (summary == null) {
            summary = posting.title() + (posting.company().isBlank() ? "" : " at " + posting.company());
            defaulted.add("summary");
        } else {
            summary = firstWords(summary, SUMMARY_WORDS);
        }

        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new Classification(family, subfamily, seniority, track, arrangement, positionType, salary,
                equity, yearsMin, yearsMax, skills, summary, classifier, model, promptVersion, defaulted), List.of());
    }

    /** Null, missing, and the strings "null", "none", "n/a", "unknown", "not specified", "" ... all mean "not stated". */
    static boolean isNull(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return true;
        }
        return v.isTextual() && meansNothing(v.asText());
    }

    /**
     * "", "null", "none", "nil", "n/a", "unknown", "not specified", "unspecified", "not stated"... in any case: a
     * model's way of saying nothing, in a field or in a list. A field with a default gets it, recorded as defaulted.
     */
    private static boolean meansNothing(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        return s.isEmpty() || NOTHING.contains(s);
    }

    private static final Set<String> NOTHING = Set.of("null", "none", "nil", "n/a", "unknown", "unspecified",
            "not specified", "not stated", "not mentioned", "not provided", "not given", "not available", "unclear");

    /**
     * A list or object a model sent as its JSON text ("[\"Python\", \"SQL\"]"), as models sometimes do with a
     * tool call's nested values: the JSON it is, not a comma-separated string nor a salary that is no object.
     */
    private static JsonNode unquoted(JsonNode v) {
        if (v == null || !v.isTextual()) {
            return v;
        }
        String t = v.asText().strip();
        if (!t.startsWith("[") && !t.startsWith("{")) {
            return v;
        }
        try {
            JsonNode n = JSON.readTree(t);
            return n != null && n.isContainerNode() ? n : v;
        } catch (JsonProcessingException e) {
            return v;
        }
    }

    private static boolean isPresent(JsonNode answer, String field) {
        return !isNull(answer.get(field));
    }

    private static String text(JsonNode v) {
        return isNull(v) || !v.isValueNode() ? null : v.asText().strip();
    }

    /** A coded field: null when not stated (no problem) or not valid (problem recorded). */
    private static String code(JsonNode answer, String field, Vocabulary vocabulary, List<String> problems) {
        JsonNode v = answer.get(field);
        if (isNull(v)) {
            return null;
        }
        if (!v.isTextual()) {
            problems.add(field + " must be a string, one of: " + String.join(", ", vocabulary.codes()));
            return null;
        }
        Set<String> named = named(vocabulary, v.asText().strip(), true);
        if (named.size() > 1) {
            problems.add(field + " '" + Clip.oneLine(v.asText(), QUOTED) + "' names " + String.join(" and ", named)
                    + ": use exactly one of: " + String.join(", ", vocabulary.codes()));
            return null;
        }
        if (named.isEmpty()) {
            problems.add(field + " '" + Clip.oneLine(v.asText(), QUOTED) + "' is not allowed; use exactly one of: "
                    + String.join(", ", vocabulary.codes()));
            return null;
        }
        return named.iterator().next();
    }

    /** Marks that join alternatives in one answer: "senior / staff", "mid or senior", "senior, lead". */
    private static final Pattern ALTERNATIVES = Pattern.compile("\\s*(?:/|\\||,|;|\\bor\\b)\\s*",
            Pattern.CASE_INSENSITIVE);
    /** A value with a note in brackets after it: "Senior (5+ years)", "Hybrid (2 days in office)", "Lead [team of 4]". */
    private static final Pattern GLOSSED = Pattern.compile("^([^()\\[\\]]*[^()\\[\\]\\s])\\s*[(\\[]([^()\\[\\]]*)[)\\]]$");
    /** A note's first word when it offers another value: "Senior (or Staff)". */
    private static final Pattern CONNECTIVE = Pattern.compile("^(?:or|and|/|aka|i\\.?e\\.?|vs\\.?)\\s+",
            Pattern.CASE_INSENSITIVE);

    /**
     * The codes an answer names: one when its meaning is plain, none when it names none, and more than one
     * when it joins several ("senior / staff", "Senior (Staff)"), which is asked again rather than read as
     * either. A code, name or synonym as written is that code even with a mark in it ("office/remote"); parts
     * joined by "/", "|", ",", ";" or "or" that all name one code are that code ("full-time / permanent");
     * a value with a note in brackets is that value ("Senior (5+ years)") unless the note names another. The
     * note fills no other field: its years are the model's gloss of the level (often the taxonomy's own, "about
     * 5-8 years"), not years the posting states.
     */
    private static Set<String> named(Vocabulary vocabulary, String answer, boolean glossAllowed) {
        Optional<String> written = vocabulary.matchAsWritten(answer);
        if (written.isPresent()) {
            return Set.of(written.get());
        }
        Matcher glossed = GLOSSED.matcher(answer.length() <= 2 * QUOTED ? answer : "");
        if (glossAllowed && glossed.matches()) {
            // Before the whole: "Senior (Staff)" normalised is "senior staff", a synonym of staff.
            Set<String> head = named(vocabulary, glossed.group(1).strip(), false);
            if (head.size() != 1) {
                return head;
            }
            Set<String> codes = new java.util.LinkedHashSet<>(head);
            codes.addAll(named(vocabulary, CONNECTIVE.matcher(glossed.group(2).strip()).replaceFirst(""), false));
            return codes;
        }
        List<String> parts = ALTERNATIVES.splitAsStream(answer).filter(s -> !s.isBlank()).toList();
        if (parts.size() > 1) {
            Set<String> codes = new java.util.LinkedHashSet<>();
            boolean all = true;
            for (String part : parts) {
                Optional<String> c = vocabulary.match(part);
                c.ifPresent(codes::add);
                all &= c.isPresent();
            }
            if (codes.size() > 1 || all) {
                return codes;
            }
        }
        return vocabulary.match(answer).map(Set::of).orElse(Set.of());
    }

    /**
     * The subfamily of {@code family} that a word otherwise read as "not stated" names as one of its synonyms
     * ("none" for out_of_scope/other in the bundled taxonomy), or null: the taxonomy's own word is that answer.
     */
    private String nullWordNamingSubfamily(JsonNode v, String family) {
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            return null;
        }
        return taxonomy.subfamilies().match(v.asText().strip())
                .filter(code -> family.equals(taxonomy.familyOf(code))).orElse(null);
    }

    private static String codeOrDefault(JsonNode answer, String field, Vocabulary vocabulary, List<String> problems,
                                        Set<String> defaulted) {
        if (!isPresent(answer, field)) {
            if (vocabulary.defaultCode() == null) {
                problems.add(field + " is missing: choose one of " + String.join(", ", vocabulary.codes()));
                return null;
            }
            defaulted.add(field);
            return vocabulary.defaultCode();
        }
        return code(answer, field, vocabulary, problems);
    }

    private Salary salary(JsonNode v, List<String> problems) {
        if (isNull(v)) {
            return null;
        }
        if (v.isTextual()) {
            return salaryWritten(v.asText().strip(), problems);
        }
        if (!v.isObject()) {
            problems.add("salary must be an object {min, max, currency, period} or null");
            return null;
        }
        List<Money> written = new ArrayList<>();
        double[] inMin = range(v.get("min"), "salary.min", written);
        double[] inMax = range(v.get("max"), "salary.max", written);
        Double min = inMin != null ? Double.valueOf(inMin[0]) : amount(v.get("min"), "salary.min", written, problems);
        Double max = inMax != null ? Double.valueOf(inMax[1]) : amount(v.get("max"), "salary.max", written, problems);
        if (inMin != null || inMax != null) {
            // The whole range in one field ("min": "120k-150k"): it states both bounds, and the other field, when
            // it states one, must state the same, or which one is meant is asked.
            double[] range = inMin != null ? inMin : inMax;
            if (inMin != null && inMax != null ? !java.util.Arrays.equals(inMin, inMax)
                    : inMin != null ? max != null && max != range[1] : min != null && min != range[0]) {
                problems.add(String.format(Locale.ROOT, "salary.%s %s is a range that salary.%s (%s) does not agree "
                        + "with: give the lower bound in min and the upper in max", inMin != null ? "min" : "max",
                        Clip.oneLine((inMin != null ? v.get("min") : v.get("max")).toString(), QUOTED),
                        inMin != null ? "max" : "min", Clip.oneLine(String.valueOf(inMin != null ? v.get("max")
                                : v.get("min")), QUOTED)));
                return null;
            }
            min = range[0];
            max = range[1];
        }
        if (min == null && max == null) {
            // Nothing stated: a currency or period alone is not a salary.
            return null;
        }
        String currency = null;
        JsonNode c = v.get("currency");
        Set<String> marked = currencyWritten(written);
        if ((isNull(c) || !c.isTextual()) && marked.size() == 1) {
            // "£45k pa" with no currency: the amount says which.
            currency = marked.iterator().next();
        } else if (isNull(c) || !c.isTextual()) {
            problems.add("salary.currency is required with an amount: one of " + String.join(", ", taxonomy.currencies().codes()));
        } else {
            String answered = c.asText().strip();
            currency = sharedSymbol(answered) ? null : taxonomy.currencies().match(answered)
                    .or(() -> plural(answered) ? taxonomy.currencies().match(answered.substring(0, answered.length() - 1))
                            : Optional.empty()).orElse(null);
            if (currency == null) {
                problems.add("salary.currency '" + Clip.oneLine(c.asText(), QUOTED) + "' is not allowed; use one of "
                        + String.join(", ", taxonomy.currencies().codes()) + ", or set salary to null");
            }
        }
        for (Money m : written) {
            if (currency != null && !m.currencies().isEmpty() && !m.currencies().contains(currency)) {
                // "£45k" under USD: which one the posting states, the answer does not settle.
                problems.add(String.format(Locale.ROOT, "%s '%s' is written in %s, not in salary.currency %s: give "
                        + "the amount as a number and its currency in salary.currency", m.field(),
                        Clip.oneLine(m.text(), QUOTED), String.join(" or ", m.currencies()), currency));
                currency = null;
            }
        }
        Salary.Period period = null;
        JsonNode p = v.get("period");
        Set<Salary.Period> per = new java.util.TreeSet<>();
        written.stream().map(Money::period).filter(java.util.Objects::nonNull).forEach(per::add);
        if (!isNull(p) && p.isTextual()) {
            period = Salary.Period.parse(p.asText());
        } else if (isNull(p) && per.size() == 1) {
            // "$50/hr" with no period: the amount says which.
            period = per.iterator().next();
        }
        if (period == null) {
            problems.add("salary.period must be one of year, month, week, day, hour");
        }
        for (Money m : written) {
            if (period != null && m.period() != null && m.period() != period) {
                problems.add(String.format(Locale.ROOT, "%s '%s' is pay per %s, not per salary.period %s: give the "
                        + "amount as a number and its period in salary.period", m.field(),
                        Clip.oneLine(m.text(), QUOTED), m.period().code(), period.code()));
                period = null;
            }
        }
        if (currency == null || period == null) {
            return null;
        }
        Salary salary = new Salary(min, max, currency, period);
        if (!taxonomy.plausiblePay(salary)) {
            problems.add(String.format(Locale.ROOT, "salary %s–%s %s per %s is more than anyone is paid (over %,.0f %s "
                    + "a year): give the amounts as the posting states them, in the currency and per the period it "
                    + "states, or set salary to null", min, max, currency, period.code(),
                    taxonomy.maxPayPerYear(currency), currency));
            return null;
        }
        double lowest = salary.min() != null ? salary.min() : salary.max();
        if (lowest * period.perYear() < MIN_PER_YEAR) {
            // "5-8 years of experience" read as pay, an hourly rate under a year, or "$120-150k" split as 120 and
            // 150k: stored, either bound would drag every pay figure it joins, as an amount past the ceiling would.
            problems.add(String.format(Locale.ROOT, "salary %s–%s %s per %s is less than anyone is paid (under %,d a "
                    + "year): give the amounts as the posting states them, per the period it states, or set salary "
                    + "to null", min, max, currency, period.code(), MIN_PER_YEAR));
            return null;
        }
        return salary;
    }

    /**
     * The whole salary written as one string instead of the object the schema asks for ("£45k–£55k pa", "$50/hr -
     * $60/hr", "45k GBP per annum"): read as the same text in min (and in max too, unless it is a least, "£45k+ pa"),
     * so that it is held to everything an amount field is; one figure is the pay, both bounds, as the rules read it.
     * Text with no figure ("Competitive", "DOE") states no pay, as a salary with no amounts does. What the text does
     * not settle (which dollar, which period) is asked again, quoting the text, not fields the model did not write.
     */
    private Salary salaryWritten(String text, List<String> problems) {
        if (text.codePoints().noneMatch(Character::isDigit)) {
            return null;
        }
        com.fasterxml.jackson.databind.node.ObjectNode asObject = JSON.createObjectNode().put("min", text);
        if (!text.contains("+")) {
            asObject.put("max", text);
        }
        List<String> unread = new ArrayList<>();
        Salary salary = salary(asObject, unread);
        if (!unread.isEmpty()) {
            problems.add("salary must be an object {min, max, currency, period} or null; read as one, '"
                    + Clip.oneLine(text, QUOTED) + "' does not settle it: " + String.join("; ", unread));
            return null;
        }
        return salary;
    }

    /**
     * A bare symbol that other currencies write with a prefix ("$" of "C$", "¥" of "CN¥"): which currency is
     * meant, the answer does not say, so it is asked for rather than read as the one the taxonomy lists it under.
     */
    private boolean sharedSymbol(String answered) {
        return !answered.isEmpty() && answered.codePoints().noneMatch(Character::isLetterOrDigit)
                && taxonomy.currencySymbols().values().stream().flatMap(List::stream)
                .anyMatch(symbol -> symbol.length() > answered.length() && symbol.endsWith(answered));
    }

    /** A currency's name in the plural ("US Dollars", "Indian Rupees", "Swiss francs"), never a code ("ARS"). */
    private static boolean plural(String answered) {
        return answered.length() > 4 && (answered.endsWith("s") || answered.endsWith("S")) && answered.contains(" ");
    }

    /**
     * Two amounts joined by a dash or "to": "120k-150k", "$120,000 – $150,000", "120k to 150k", and each with its
     * period or currency written on ("$50/hr - $60/hr", "£45k pa to £55k pa", "40k GBP - 50k GBP"). Split at the
     * first such mark: a split that leaves a bound no amount reads as no range.
     */
    private static final Pattern RANGE = Pattern.compile(
            "^(.*?[0-9kKmMA-Za-z.])\\s*(?:-|–|—|(?<![A-Za-z])to(?![A-Za-z]))\\s*(\\S.*)$");

    /**
     * A range of pay written in one amount field ("120k-150k", "120,000-150,000 USD"), as its bounds; null when
     * the field holds no such text. Bounds that do not read as one range are none: upside down ("150k-120k"), or
     * ten times apart or more, which is a suffix on one bound only ("120-150k": 120 or 120,000?).
     */
    private double[] range(JsonNode v, String field, List<Money> written) {
        if (isNull(v) || !v.isTextual()) {
            return null;
        }
        String text = v.asText().strip();
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        Money lowMoney = money(m.group(1).strip(), field, text, false);
        Money highMoney = money(m.group(2).strip(), field, text, false);
        Double low = lowMoney != null ? Double.valueOf(lowMoney.amount()) : Salary.amount(withoutCode(m.group(1).strip()));
        Double high = highMoney != null ? Double.valueOf(highMoney.amount()) : Salary.amount(withoutCode(m.group(2).strip()));
        if (low == null || high == null || !(low > 0) || low > high || high >= 10 * low || high.isInfinite()) {
            return null;
        }
        if (lowMoney != null) {
            written.add(lowMoney);
        }
        if (highMoney != null) {
            written.add(highMoney);
        }
        return new double[] {low, high};
    }

    /**
     * What an amount written as text states beside its number: the currencies its mark may be ("£": GBP; "$":
     * any dollar; none when it has none) and its period ("pa", "/hr"; null when none). {@code text} is the
     * field's whole text, quoted back in a problem.
     */
    private record Money(double amount, Set<String> currencies, Salary.Period period, String field, String text) {
    }

    /**
     * An amount with its currency before or after it and its period after it: "£45k pa", "45k GBP per annum",
     * "€60.000 p.a.", "$50/hr", "4,000 EUR per month". Null when the text is not that: no number, words that are
     * neither a currency nor one of the five periods ("45k plus bonus", "2k biweekly"), a mark that is no money.
     */
    private Money money(String text, String field, String whole, boolean plusAllowed) {
        Matcher m = MONEY.matcher(text.length() <= QUOTED ? text : "");
        if (!m.matches()) {
            return null;
        }
        Set<String> currencies = new java.util.TreeSet<>();
        String pre = m.group("pre") == null ? "" : m.group("pre").strip();
        if (!pre.isEmpty()) {
            Set<String> marked = currencyMarked(pre);
            if (marked.isEmpty()) {
                return null;
            }
            currencies.addAll(marked);
        }
        String rest = m.group("rest").strip();
        if (rest.startsWith("+")) {
            if (!plusAllowed) {
                return null;
            }
            rest = rest.substring(1).strip();
        }
        Matcher code = CURRENCY_AFTER.matcher(rest);
        if (code.lookingAt() && !currencyMarked(code.group(1)).isEmpty()) {
            Set<String> marked = currencyMarked(code.group(1));
            if (!currencies.isEmpty() && java.util.Collections.disjoint(currencies, marked)) {
                return null;
            }
            if (currencies.isEmpty()) {
                currencies.addAll(marked);
            } else {
                currencies.retainAll(marked);
            }
            rest = rest.substring(code.end()).strip();
        }
        Salary.Period period = null;
        if (!rest.isEmpty()) {
            Matcher p = PERIOD_AFTER.matcher(rest);
            if (!p.matches()) {
                return null;
            }
            String word = p.group(1).toLowerCase(Locale.ROOT);
            period = word.equals("h") ? Salary.Period.HOUR : Salary.Period.parse(word);
            if (period == null) {
                return null;
            }
        }
        if (currencies.isEmpty() && period == null && !m.group("rest").strip().startsWith("+")) {
            // A bare number ("120,000", "1.2m"): read as before, not here.
            return null;
        }
        Double amount = Salary.amount(m.group("num") + (m.group("unit") == null ? "" : m.group("unit")));
        return amount == null || amount.isInfinite() ? null : new Money(amount, Set.copyOf(currencies), period, field, whole);
    }

    /** A mark of money, a number (its digits grouped by commas, dots or spaces), a "k" or "m", and what follows. */
    private static final Pattern MONEY = Pattern.compile("^(?<pre>[^0-9+\\-\\s][^0-9]{0,5}?)?\\s*"
            + "(?<num>[0-9](?:[0-9]|[,.](?=[0-9])|\\s(?=[0-9]))*)\\s*(?<unit>[kKmM](?![A-Za-z]))?(?<rest>.*)$");
    /** A currency's code or symbol right after the amount: "45k GBP", "70 000 zł". */
    private static final Pattern CURRENCY_AFTER = Pattern.compile("([A-Za-z]{3}|[^\\sA-Za-z0-9/+]{1,3})(?=\\s|/|$)");
    /** One of the five periods after an amount: "pa", "p.a.", "per annum", "a year", "/hr", "/h", "per month", "hourly". */
    private static final Pattern PERIOD_AFTER = Pattern.compile("(?:/\\s*|per\\s+|an?\\s+|every\\s+)?"
            + "(hours?|hrs?|h|hourly|years?|yrs?|annum|annual|annually|yearly|months?|mos?|mths?|monthly|weeks?|wks?"
            + "|weekly|days?|daily|p\\.?\\s?a\\.?|p\\.?\\s?m\\.?|p\\.?\\s?w\\.?|p\\.?\\s?h\\.?)", Pattern.CASE_INSENSITIVE);

    /**
     * The currencies a mark written on an amount may be: its code or one of its symbols ("GBP", "£", "US$"), or
     * every currency that writes a bare symbol with a prefix ("$": USD, CAD, AUD…); none when it is no money.
     */
    private Set<String> currencyMarked(String mark) {
        String m = mark.strip();
        Set<String> codes = new java.util.TreeSet<>();
        if (m.isEmpty()) {
            return codes;
        }
        boolean bare = m.codePoints().noneMatch(Character::isLetterOrDigit);
        taxonomy.currencySymbols().forEach((code, symbols) -> {
            for (String symbol : symbols) {
                if (symbol.equalsIgnoreCase(m) || bare && symbol.endsWith(m)
                        && symbol.codePoints().limit(symbol.length() - m.length()).allMatch(Character::isLetter)) {
                    codes.add(code);
                }
            }
        });
        return codes;
    }

    /** The one currency every amount's mark agrees on, when they name one; empty when none or several. */
    private static Set<String> currencyWritten(List<Money> written) {
        Set<String> common = null;
        for (Money m : written) {
            if (!m.currencies().isEmpty()) {
                if (common == null) {
                    common = new java.util.TreeSet<>(m.currencies());
                } else {
                    common.retainAll(m.currencies());
                }
            }
        }
        return common == null || common.size() != 1 ? Set.of() : common;
    }

    /** The amount of "120,000 USD": a currency's code after it, which the salary's currency field states. */
    private String withoutCode(String text) {
        Matcher coded = CODE_AFTER.matcher(text);
        return coded.matches() && taxonomy.currencies().codes().contains(coded.group(2).toUpperCase(Locale.ROOT))
                ? coded.group(1) : text;
    }

    /** Three letters after an amount ("120,000 USD"). */
    private static final Pattern CODE_AFTER = Pattern.compile("^(.*[0-9kKmM])\\s*([A-Za-z]{3})$");

    /**
     * A number, or a numeric string such as "120,000", "$95k", "1.2m" or "120,000 USD" (a currency's code after
     * the amount, which the salary's currency field states; not "5 mln", which is no code).
     */
    private Double amount(JsonNode v, String field, List<Money> written, List<String> problems) {
        if (isNull(v)) {
            return null;
        }
        Double d = null;
        Money money = v.isTextual() ? money(v.asText().strip(), field, v.asText(), field.equals("salary.min")) : null;
        if (money != null) {
            d = money.amount();
            if (d != 0) {
                written.add(money);
            }
        } else if (v.isNumber()) {
            d = v.asDouble();
        } else if (v.isTextual()) {
            String text = v.asText().strip();
            if (field.equals("salary.min") && text.endsWith("+")) {
                // "120k+" as the least pay: from 120k, as the least is.
                text = text.substring(0, text.length() - 1).strip();
            }
            d = Salary.amount(withoutCode(text));
        }
        if (d != null && d == 0) {
            // A model's "unknown" (min 0 for "up to 120,000", 0–0 for nothing stated): no posting states pay of nothing.
            return null;
        }
        if (d == null || d.isNaN() || d.isInfinite() || d < 0) {
            problems.add(field + " must be a non-negative number or null, got " + Clip.oneLine(v.toString(), QUOTED));
            return null;
        }
        return d;
    }

    private static Boolean bool(JsonNode v, List<String> problems) {
        if (isNull(v)) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        // 1 and 0 (a number or its text) are how many models and every database write a boolean; 2 or 0.5 is no answer.
        String s = v.asText().strip().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("yes") || s.equals("1")) {
            return true;
        }
        if (s.equals("false") || s.equals("no") || s.equals("0")) {
            return false;
        }
        problems.add("equity must be true or false, got " + Clip.oneLine(v.toString(), QUOTED));
        return null;
    }

    /**
     * Years as text: "3", "3+", "5+ years", "7 yrs", "at least 5", "over 5", "5 years or more", "3 years minimum",
     * "5 years of experience", "3 years' experience", or a range "3-5", "3–5 years", "3 to 5". A "+" or its words
     * make a bound open: "5+" is at least five, and no most. "Up to 5" / "at most 5" is a most, and no least.
     */
    private static final Pattern YEARS = Pattern.compile(
            "(?:(?:(?<least>at\\s+least|(?:a\\s+)?min(?:imum|\\.)?(?:\\s+of)?|over|more\\s+than)"
                    + "|(?<most>up\\s+to|at\\s+most|no\\s+more\\s+than|(?:a\\s+)?max(?:imum|\\.)?(?:\\s+of)?))\\s*)?"
                    + "(?<low>\\d+(?:\\.\\d+)?)\\s*(?<lowPlus>\\+)?"
                    + "(?:\\s*(?:-|–|—|to)\\s*(?<high>\\d+(?:\\.\\d+)?)\\s*(?<highPlus>\\+)?)?"
                    + "\\s*(?:(?:years?|yrs?)['’]?)?\\s*(?<plus>\\+|(?:or|and)\\s+(?:more|above|over)|minimum|min\\.?|plus)?"
                    + "\\s*(?:(?:years?|yrs?)['’]?)?(?:\\s+(?:of\\s+)?(?:\\w+\\s+)?(?:experience|exp\\.?))?",
            Pattern.CASE_INSENSITIVE);

    private static Integer years(JsonNode answer, String field, List<String> problems) {
        JsonNode v = answer.get(field);
        if (isNull(v)) {
            return null;
        }
        Double d = null;
        if (v.isNumber()) {
            d = v.asDouble();
        } else if (v.isTextual()) {
            String text = v.asText().strip();
            // No wording of years runs longer; a long run of spaces would only cost the pattern's backtracking.
            Matcher m = YEARS.matcher(text.length() <= QUOTED ? text : "");
            if (m.matches() && (m.group("most") == null || m.group("high") == null && m.group("lowPlus") == null
                    && m.group("plus") == null)) {
                double low = Double.parseDouble(m.group("low"));
                double high = m.group("high") == null ? low : Double.parseDouble(m.group("high"));
                boolean open = m.group("plus") != null || (m.group("high") == null
                        ? m.group("least") != null || m.group("lowPlus") != null : m.group("highPlus") != null);
                if (field.equals("years_max") && open && low <= high) {
                    // "5+" as the most years asked: there is no most.
                    return null;
                }
                if (field.equals("years_min") && m.group("most") != null) {
                    // "Up to 5" as the least years asked: there is no least.
                    return null;
                }
                // "3-5" in either field: each takes its own bound of the range.
                d = low > high ? null : field.equals("years_max") ? high : low;
            }
        }
        if (d == null || d < 0 || d > MAX_YEARS || d != Math.floor(d)) {
            problems.add(field + " must be a whole number of years between 0 and " + MAX_YEARS + ", or null; got "
                    + Clip.oneLine(v.toString(), QUOTED));
            return null;
        }
        return d.intValue();
    }

    /**
     * Skills through the dictionary: a known skill under its canonical name and family, an
     * unknown one kept as written with no family. A comma-separated string, or one a line, is accepted.
     */
    private List<Classification.SkillMention> skills(JsonNode v, List<String> problems) {
        if (isNull(v)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (e.isTextual()) {
                    names.add(e.asText());
                } else if (e.isObject() && e.hasNonNull("name")) {
                    names.add(e.get("name").asText());
                } else if (!isNull(e)) {
                    problems.add("skills must be a list of names (strings)");
                    return List.of();
                }
            }
        } else if (v.isTextual()) {
            // "Python, SQL", or a list one a line ("- Python\n- SQL"), its bullets no part of a name.
            for (String name : v.asText().split("[,;\\r\\n]")) {
                names.add(name.strip().replaceFirst("^[-*•]\\s*", ""));
            }
        } else {
            problems.add("skills must be a list of names (strings)");
            return List.of();
        }
        SkillDictionary dictionary = taxonomy.skills();
        Map<String, Classification.SkillMention> out = new LinkedHashMap<>();
        for (String raw : names) {
            String name = raw.strip().replaceAll("\\s+", " ");
            // ["None"] is no skill named None, as "skills": "none" is no skills.
            if (meansNothing(name) || name.length() > 80) {
                continue;
            }
            Classification.SkillMention m = dictionary.lookup(name)
                    .map(s -> new Classification.SkillMention(s.name(), s.family()))
                    .orElse(new Classification.SkillMention(name, null));
            out.putIfAbsent(m.name().toLowerCase(Locale.ROOT), m);
            if (out.size() == MAX_SKILLS) {
                break;
            }
        }
        return List.copyOf(out.values());
    }

    static String firstWords(String s, int words) {
        String[] parts = s.strip().split("\\s+");
        String kept = parts.length <= words ? String.join(" ", parts) : String.join(" ", java.util.Arrays.copyOf(parts, words));
        // Fifty words of a sane length: one "word" of a megabyte is no summary to store.
        return kept.length() <= words * MAX_WORD_CHARS ? kept : kept.substring(0, words * MAX_WORD_CHARS);
    }

    /** Longer than any real word, so that only garbage is cut. */
    private static final int MAX_WORD_CHARS = 30;
}
