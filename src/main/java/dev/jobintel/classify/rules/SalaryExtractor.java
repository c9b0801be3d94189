package dev.jobintel.classify.rules;

import dev.jobintel.posting.Chars;
import dev.jobintel.posting.Salary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explicit pay in prose: ranges ("$120,000 – $150,000 per year", "£60k-£80k", "€70.000 bis
 * €90.000", "USD 45-60/hour"), one bound after a pay word ("up to CHF 140'000", "from £50k"), and
 * one figure with its period stated ("USD 80/hour", "$150,000 a year") or named as the base ("$100k base, $200k OTE"),
 * and on-target earnings ("OTE £90,000", "$200k OTE",
 * base plus expected commission) where no other pay is stated. A number counts only with
 * a currency next to it; revenue and funding figures ("$100M Series B") are not pay, nor are
 * perks priced per period ("a $500 monthly home-office stipend"). The period comes from the
 * words after the range, else from the amount's size. A bare symbol that several currencies share
 * ("$", "¥") reads as the money of the country the posting is in when that country's currency
 * writes it with a prefix ("C$", "CN¥"): "$120,000" in Toronto is Canadian dollars.
 */
public final class SalaryExtractor {

    private static final String NUMBER = "\\d{1,2}(?:,\\d{2})+,\\d{3}"             // Indian grouping: 12,50,000
            + "|\\d{1,3}(?:[,.'\u2019 \u00a0]\\d{3})+(?:[.,]\\d{1,2})?"         // 120,000  120.000  120 000
            + "|\\d+(?:[.,]\\d{1,2})?";                                        // 120  45.50
    // "and", "et", "und", "y", "e": "between 90,000 and 110,000 EUR", "entre 45K€ et 55K€", "zwischen 60.000 und
    // 75.000 €" (a range only after "between", "entre", "zwischen"); Spanish and Portuguese "a" ("R$ 12.000 a
    // R$ 15.000"); the wave dash of Japanese and Chinese postings ("¥6,000,000～¥9,000,000").
    private static final String SEP = "(?:\\s*(?:-|–|—|~|〜|～|to|and|et|bis|à)\\s*|\\s+(?:a|y|e|und)\\s+)";
    /** A conjunction joining the bounds of a range, which makes one only after "between" ("$50,000 and $100,000 in grants"). */
    private static final Pattern CONJUNCTION = Pattern.compile("(?<![A-Za-z])(?:and|et|und|y|e)(?![A-Za-z])");

    private final Map<String, String> symbolToCode = new HashMap<>();
    /** Country code → its currency's code. */
    private final Map<String, String> currencyOfCountry;
    /** Currency code → the amount below which pay with no period stated is monthly (see the taxonomy). */
    private final Map<String, Double> monthlyBelow;
    /**
     * A bare symbol several currencies write ("$": US$ and C$ and A$…; "¥": ¥ and CN¥) → the codes of
     * those currencies, its owner first ("$" → USD, CAD, AUD…).
     */
    private final Map<String, List<String>> sharedBare = new HashMap<>();
    /** Indexed by character: the symbols and codes that start with it, longest first; null for none. */
    private final String[][] symbolsByFirstChar;
    /**
     * The symbols that start with a lower-case letter ("zł", "euro"): looked for at a text's lower-case letters only
     * when the text holds one, as most hold none, and a lower-case letter starts most words.
     */
    private final String[] lowerCaseSymbols;
    final Pattern range;
    final Pattern single;
    final Pattern rate;

    /** The extractor of the taxonomy's currencies. */
    public static SalaryExtractor of(dev.jobintel.classify.taxonomy.Taxonomy taxonomy) {
        return new SalaryExtractor(taxonomy.currencySymbols(), taxonomy.currencyOfCountry(), taxonomy.monthlyBelow());
    }

    /**
     * @param currencySymbols   currency code → the symbols and codes that denote it
     * @param currencyOfCountry country code (ISO alpha-2) → the code of the currency in use there
     * @param monthlyBelow      currency code → the amount below which pay with no period stated is monthly
     */
    SalaryExtractor(Map<String, List<String>> currencySymbols, Map<String, String> currencyOfCountry,
                    Map<String, Double> monthlyBelow) {
        this.currencyOfCountry = Map.copyOf(currencyOfCountry);
        this.monthlyBelow = Map.copyOf(monthlyBelow);
        List<String> symbols = new ArrayList<>();
        currencySymbols.forEach((code, syms) -> {
            for (String s : syms) {
                symbolToCode.put(s, code);
                symbols.add(s);
            }
        });
        for (String bare : symbols) {
            if (Character.isLetter(bare.charAt(0))) {
                continue;
            }
            String owner = symbolToCode.get(bare);
            List<String> writers = new ArrayList<>(List.of(owner));
            currencySymbols.forEach((code, syms) -> {
                if (!code.equals(owner) && syms.stream().anyMatch(s -> s.length() > bare.length() && s.endsWith(bare))) {
                    writers.add(code);
                }
            });
            if (writers.size() > 1) {
                sharedBare.put(bare, List.copyOf(writers));
            }
        }
        symbols.sort(Comparator.comparingInt(String::length).reversed());
        Map<Character, List<String>> byFirst = new HashMap<>();
        char maxFirst = 0;
        for (String sym : symbols) {
            byFirst.computeIfAbsent(sym.charAt(0), k -> new ArrayList<>()).add(sym);
            maxFirst = (char) Math.max(maxFirst, sym.charAt(0));
        }
        // An array, not the map: this is asked for every capital letter of every description.
        symbolsByFirstChar = new String[maxFirst + 1][];
        byFirst.forEach((c, list) -> symbolsByFirstChar[c] = list.toArray(String[]::new));
        lowerCaseSymbols = symbols.stream().filter(sym -> Character.isLowerCase(sym.charAt(0))).toArray(String[]::new);
        StringBuilder alt = new StringBuilder();
        for (String s : symbols) {
            if (alt.length() > 0) {
                alt.append('|');
            }
            String q = Pattern.quote(s);
            // Letter codes must stand alone ("USD", not the end of "THOUSD").
            alt.append(Character.isLetter(s.charAt(0)) ? "(?<![A-Za-z])" + q + "(?![A-Za-z])" : q);
        }
        String cur = "(?:" + alt + ")";
        String amount = "(" + NUMBER + ")\\s?([kK])?(?![\\d%])(?!\\s?(?i:m\\b|mm\\b|mn\\b|million|bn\\b|billion|b\\b))";
        // A period may follow each bound ("$163,000/yr - $245,000/yr"); the last one is read as the range's.
        // In the posting's own language too: "3.800 €/Monat - 4.600 €/Monat".
        String unit = "(?:\\s?/\\s?(?i:(?:yr|year|annum|hr|hour|h|mo|month|mth|wk|week|day)\\b|(?:" + YEAR_WORDS + "|" + MONTH_WORDS
                + "|" + HOUR_WORDS + "|" + DAY_WORDS + ")" + WORD_END + "))?";
        range = Pattern.compile("(" + cur + ")?\\s?" + amount + "\\s?(" + cur + ")?" + unit + SEP
                + "(" + cur + ")?\\s?" + amount + "\\s?(" + cur + ")?");
        // "The salary is $150k", "the salary for this role is $150,000"; not the market's ("the average salary is").
        single = Pattern.compile("(?i:(up to|upto|from|starting at|starting from"
                + "|(?<!average )(?<!median )(?<!mean )(?<!typical )(?<!market )(?<!national )"
                + "salary(?:\\s+for\\s+(?:this|the)\\s+(?:role|position|job))?(?:\\s+(?:of|is|will be))?:?|pay(?: of)?:?|compensation:?|base:?"
                + "|(?<![a-z])ote(?: of)?:?)\\s*)"
                + "(?:(" + cur + ")\\s?" + amount + "|" + amount + "\\s?(" + cur + "))");
        rate = Pattern.compile("(" + cur + ")?\\s?" + amount + "\\s?(" + cur + ")?");
    }

    /** The first stated salary in {@code text}, or null, as read with no country known. */
    public Salary find(String text) {
        return find(text, List.of());
    }

    /**
     * The first stated salary in {@code text}, or null, for a posting in {@code countries} (ISO
     * alpha-2; empty when unknown). The regexes run only in windows around currency symbols and
     * codes, so a description without money costs one scan of its characters.
     */
    public Salary find(String text, java.util.Collection<String> countries) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Salary s = find(text, countries, false);
        if (s == null && text.indexOf("OTE") >= 0) {
            s = find(text, countries, true); // on-target earnings only where no base is stated: base plus commission
        }
        if (s == null && !countries.isEmpty()) {
            s = kronor(text, countries);
        }
        if (s != null) {
            return s;
        }
        // Indian pay is often in lakhs per annum with no currency written ("18-24 LPA").
        // "₹18L - ₹24L" writes a lakh as "L" after the rupee sign.
        s = text.indexOf("LPA") >= 0 || text.indexOf("lpa") >= 0 || text.indexOf("akh") >= 0 || text.indexOf('₹') >= 0
                ? lakhs(text) : null;
        // Japanese pay in man-yen (万 = 10,000): "年収600万円～900万円".
        return s == null && text.indexOf('万') >= 0 ? manYen(text) : s;
    }

    /** The currencies written "kr": Swedish, Norwegian and Danish (and Icelandic) crowns. */
    private static final java.util.Set<String> KRONOR = java.util.Set.of("SEK", "NOK", "DKK", "ISK");

    /**
     * Pay in "kr" ("Lön: 50 000 - 65 000 kr/mån"), which is the crown of the posting's country: Swedish in
     * Sweden, Norwegian in Norway, Danish in Denmark. With no such country, or two of them, "kr" names no
     * currency and gives no pay. Asked only of postings in those countries whose text holds "kr".
     */
    private Salary kronor(String text, java.util.Collection<String> countries) {
        String code = null;
        for (String country : countries) {
            String c = currencyOfCountry.get(country);
            if (c != null && KRONOR.contains(c)) {
                if (code != null && !code.equals(c)) {
                    return null;
                }
                code = c;
            }
        }
        int at = code == null ? -1 : text.indexOf("kr");
        if (at < 0) {
            return null;
        }
        // "kr" as a word ("kr/mån", "kr."), not in "krav": the crown's code in its place, as the posting means it.
        StringBuilder sb = null;
        int copied = 0;
        for (; at >= 0; at = text.indexOf("kr", at + 2)) {
            if ((at > 0 && Chars.isLetter(text.charAt(at - 1))) || (at + 2 < text.length() && Chars.isLetter(text.charAt(at + 2)))) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length() + 8);
            }
            sb.append(text, copied, at).append(code);
            // "kr. pr. md.": the abbreviation's dot is no sentence end, which would hide the period after it.
            copied = at + 2 < text.length() && text.charAt(at + 2) == '.' ? at + 3 : at + 2;
        }
        if (sb == null) {
            return null;
        }
        sb.append(text, copied, text.length());
        return find(sb.toString(), countries, false);
    }

    /** The first stated salary around a currency symbol or code, reading "OTE £90,000" as pay only if {@code ote}. */
    private Salary find(String text, java.util.Collection<String> countries, boolean ote) {
        int n = text.length();
        boolean lowerCase = false;
        for (String sym : lowerCaseSymbols) {
            lowerCase |= text.contains(sym);
        }
        int at = nextCurrency(text, 0, lowerCase);
        while (at >= 0) {
            int from = Math.max(0, at - 45);
            int to = Math.min(n, at + 100);
            Salary s = findIn(text, from, to, countries, ote);
            if (s != null) {
                return s;
            }
            at = nextCurrency(text, at + 1, lowerCase);
        }
        return null;
    }

    /** "lakhs" or, after a rupee sign or code, "L" ("₹18L"): a unit a bound may carry before the range's separator. */
    private static final String LAKH_UNIT = "(?:lakhs?|(?-i:L))(?![a-z])";
    private static final Pattern LAKHS = Pattern.compile("(?i)(?:\\b(up to|upto|from)\\s+)?((?:inr|rs\\.?|₹)\\s?)?"
            + "\\b(\\d{1,3}(?:\\.\\d{1,2})?)\\s*(?:(?:" + LAKH_UNIT + "\\s*)?(?:-|–|—|to)\\s*(?:(?:inr|rs\\.?|₹)\\s?)?(\\d{1,3}(?:\\.\\d{1,2})?)\\s*)?"
            + "(lpa|l\\.p\\.a\\.?|lakhs? (?:per annum|p\\.?a\\.?|a year|per year)|lakhs?|(?-i:L))(?![a-z])");
    /** A pay word just before lakhs with no rupee sign: "CTC: 18 to 24 Lakhs", "Package of up to 30 lakhs". */
    private static final Pattern PAY_BEFORE_LAKHS = Pattern.compile("(?i)\\b(?:ctc|salary|package|compensation|pay)\\b[^.\\n\\d]{0,15}$");

    /**
     * "18-24 LPA", "up to 30 lakhs per annum", "₹18L - ₹24L", "₹18 lakh to ₹24 lakh", "CTC: 18 to 24 Lakhs":
     * rupees, a lakh being 100,000. Lakhs alone are rupees only with a rupee sign or code, a stated year or a pay
     * word before them ("5 lakh users" are none), and "L" only after a rupee sign or code ("18L" may be litres).
     */
    private static Salary lakhs(String text) {
        Matcher m = LAKHS.matcher(text);
        while (m.find()) {
            String unit = m.group(5);
            boolean rupee = m.group(2) != null;
            if (unit.equals("L") && !rupee) {
                continue;
            }
            if (!rupee && unit.toLowerCase(Locale.ROOT).startsWith("lakh") && !unit.contains(" ")
                    && !PAY_BEFORE_LAKHS.matcher(text).region(Math.max(0, m.start() - 25), m.start()).find()) {
                continue; // "5 lakh users": a bare lakh is rupees only with a rupee sign, a code or a pay word before it
            }
            double lo = Double.parseDouble(m.group(3)) * 100_000;
            Double hi = m.group(4) == null ? null : Double.parseDouble(m.group(4)) * 100_000;
            if (lo <= 0 || (hi != null && hi < lo)) {
                continue;
            }
            return hi != null ? new Salary(lo, hi, "INR", Salary.Period.YEAR)
                    : oneFigure(m.group(1), lo, "INR", Salary.Period.YEAR);
        }
        return null;
    }

    private static final String MAN_FIGURE = "(\\d{1,2},\\d{3}|\\d{1,4}(?:\\.\\d{1,2})?)";
    /** A range in man-yen, yen stated after the upper bound: "600万円〜900万円", "600万～900万円", "¥600万〜¥900万円". */
    private static final Pattern MAN_YEN = Pattern.compile("(?:[¥￥]\\s?)?" + MAN_FIGURE + "\\s?万\\s?円?\\s*(?:〜|～|~|-|–|—|から)\\s*"
            + "(?:[¥￥]\\s?)?" + MAN_FIGURE + "\\s?万\\s?円");
    /** Money named before a figure that is not the pay: an allowance, a bonus, sales, funding, capital, a budget, a price, a loan. */
    private static final Pattern NOT_PAY_BEFORE_MAN = Pattern.compile("(?:手当|賞与|ボーナス|売上|資金|調達|資本金|予算|価格|費用|融資|補助)[^。\\n]{0,6}$");
    private static final Pattern YEAR_BEFORE_MAN = Pattern.compile("(?:年収|年俸)[^。\\n]{0,10}$");
    private static final Pattern MONTH_BEFORE_MAN = Pattern.compile("(?:月給|月収|月額)[^。\\n]{0,10}$");

    /**
     * A range of pay in man-yen, 万 being 10,000 ("年収600万円～900万円"): a year's after 年収 or 年俸, a month's after
     * 月給, 月収 or 月額, else by its size. Only a range closed by 円 counts ("利用者数100万人", a million users, is no
     * money), and not one named as an allowance, a bonus, sales or funding.
     */
    private Salary manYen(String text) {
        Matcher m = MAN_YEN.matcher(text);
        while (m.find()) {
            int from = Math.max(0, m.start() - 15);
            if (NOT_PAY_BEFORE_MAN.matcher(text).region(from, m.start()).find()) {
                continue;
            }
            double lo = Double.parseDouble(m.group(1).replace(",", "")) * 10_000;
            double hi = Double.parseDouble(m.group(2).replace(",", "")) * 10_000;
            if (lo <= 0 || hi < lo || hi > lo * 10) {
                continue;
            }
            Salary.Period period = YEAR_BEFORE_MAN.matcher(text).region(from, m.start()).find() ? Salary.Period.YEAR
                    : MONTH_BEFORE_MAN.matcher(text).region(from, m.start()).find() ? Salary.Period.MONTH
                    : period(text, m.start(), m.end(), hi, "JPY");
            if (period != null && plausible(lo, period, "JPY")) {
                return new Salary(lo, hi, "JPY", period);
            }
        }
        return null;
    }

    /** The next index where a currency symbol or code starts, or -1. */
    private int nextCurrency(String text, int from, boolean lowerCase) {
        String[][] byFirst = symbolsByFirstChar;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!lowerCase && c >= 'a' && c <= 'z') {
                continue;
            }
            String[] candidates = c < byFirst.length ? byFirst[c] : null;
            if (candidates == null) {
                continue;
            }
            boolean letter = Chars.isLetter(c);
            if (letter && i > 0 && Chars.isLetter(text.charAt(i - 1))) {
                continue; // a letter code starts a word: "USD", not the end of "THOUSD"
            }
            for (String sym : candidates) {
                if (text.startsWith(sym, i) && (!letter
                        || i + sym.length() >= text.length() || !Chars.isLetter(text.charAt(i + sym.length())))) {
                    return i;
                }
            }
        }
        return -1;
    }

    private boolean startsSymbol(char c) {
        return c < symbolsByFirstChar.length && symbolsByFirstChar[c] != null;
    }

    /** Where a range can begin: a currency symbol, a digit, or the white space before a digit. */
    boolean rangeCanStart(String text, int i) {
        char c = text.charAt(i);
        return Character.isDigit(c) || startsSymbol(c)
                || (c <= ' ' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)));
    }

    /** Where a lone amount can begin: the first letter of "up to", "from", "salary", "pay", "compensation", "base"..., or "OTE". */
    static boolean singleCanStart(String text, int i) {
        char c = text.charAt(i);
        return "ufspcb".indexOf(c | 0x20) >= 0 || ((c | 0x20) == 'o' && text.regionMatches(true, i, "ote", 0, 3));
    }

    private Salary findIn(String text, int from, int to, java.util.Collection<String> countries, boolean ote) {
        Matcher m = range.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int notPayEnd = -1; // where the last range that is not pay ends: its bounds are not pay alone either
        for (int next = from; Anchored.find(m, next, to, i -> rangeCanStart(text, i)); next = m.end()) {
            String currency = currency(countries, m.group(1), m.group(4), m.group(5), m.group(8));
            if (currency == null || (CONJUNCTION.matcher(m.group()).find() && !betweenBefore(text, m.start()))) {
                continue; // "$50,000 and $100,000 in grants" is two figures; "between X and Y" is a range
            }
            if (!ote && namedOte(text, m.start(), m.end())) {
                continue; // "$150k - $200k OTE": on-target earnings, asked for only when no base is stated
            }
            if (perkBefore(text, m.start()) || perkAfter(text, m.end()) || theirIncome(text, m.start())) {
                notPayEnd = m.end();
                continue; // "a signing bonus of $20,000 - $30,000", "Hosts on our platform earn an average of $1,500 - $2,000" are not the pay
            }
            Double lo = amount(m.group(2), m.group(3) != null || m.group(7) != null);
            Double hi = amount(m.group(6), m.group(7) != null);
            if (lo != null && hi != null && hi < lo) {
                // Written high to low ("$150,000 - $120,000"): the same range, as a hint's bounds are read.
                Double t = lo;
                lo = hi;
                hi = t;
            }
            if (lo == null || hi == null || lo <= 0 || hi > lo * 10) {
                continue;
            }
            Salary.Period period = period(text, m.start(), m.end(), hi, currency);
            if (period != null && plausible(lo, period, currency)) {
                return new Salary(lo, hi, currency, period);
            }
        }
        Matcher s = single.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int next = from; Anchored.find(s, next, to, i -> singleCanStart(text, i)); next = s.end()) {
            // The currency before the amount ("from £50k") or after it ("from 4.500 €").
            if (!ote && (s.group(1).charAt(0) | 0x20) == 'o') {
                continue; // "OTE £90,000": on-target earnings, asked for only when no other pay is stated
            }
            if (s.start() < notPayEnd) {
                continue; // "grow accounts from $50k to $200k ARR": the lower bound of money that is not pay is none either
            }
            String currency = currency(countries, s.group(2), s.group(7));
            Double amount = s.group(3) != null ? amount(s.group(3), s.group(4) != null) : amount(s.group(5), s.group(6) != null);
            if (currency == null || amount == null || amount <= 0) {
                continue;
            }
            Salary.Period period = period(text, s.start(), s.end(), amount, currency);
            // The pay word may be the customers' ("customers pay $2,000 a month"): the words before the figure too.
            int figure = s.start(2) >= 0 ? s.start(2) : s.start(5);
            if (period == null || !plausible(amount, period, currency) || notPayBefore(text, s.start())
                    || perkBefore(text, s.start()) || perkBefore(text, figure) || perkAfter(text, s.end())) {
                continue; // "We match 401(k) contributions up to $6,000 per year", "up to $25,000 in relocation" are benefits
            }
            return oneFigure(s.group(1), amount, currency, period);
        }
        return lone(text, Math.max(from, notPayEnd), to, countries, ote);
    }

    /**
     * One figure after the word before it: "up to" a ceiling, "from" or "starting at" a floor,
     * anything else ("salary: $140,000", none) the figure itself.
     */
    private static Salary oneFigure(String word, double amount, String currency, Salary.Period period) {
        String w = word == null ? "" : word.toLowerCase(Locale.ROOT);
        if (w.startsWith("up")) {
            return new Salary(null, amount, currency, period);
        }
        return w.startsWith("from") || w.startsWith("starting")
                ? new Salary(amount, null, currency, period) : new Salary(amount, amount, currency, period);
    }

    /**
     * One figure with no pay word before it, taken as pay only when its period is stated right
     * after it and nothing around it says it is a perk: "a contract at USD 80/hour" is the rate,
     * "$150 a month for your gym" is not pay.
     */
    private Salary lone(String text, int from, int to, java.util.Collection<String> countries, boolean ote) {
        Matcher m = rate.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int next = from; Anchored.find(m, next, to, i -> rangeCanStart(text, i)); next = m.end()) {
            String currency = currency(countries, m.group(1), m.group(4));
            Double amount = amount(m.group(2), m.group(3) != null);
            if (currency == null || amount == null) {
                continue;
            }
            Salary.Period period = statedPeriod(text, m.start(), m.end());
            if (period == null && ote && OTE_AFTER.matcher(text).region(m.end(), Math.min(text.length(), m.end() + 10)).lookingAt()) {
                // "$200k OTE": on-target earnings named after the figure, as "OTE $200k" names them before it.
                if (amount >= 20_000 && !notPayBefore(text, m.start()) && !perkBefore(text, m.start())) {
                    return new Salary(amount, amount, currency, Salary.Period.YEAR);
                }
                continue;
            }
            if (period == null && BASE_AFTER.matcher(text).region(m.end(), Math.min(text.length(), m.end() + 20)).lookingAt()) {
                // "$100k base, $200k OTE", "£50,000 basic + commission": the base pay, a year's by its size.
                period = amount >= 20_000 ? Salary.Period.YEAR : null;
                if (period != null && !notPayBefore(text, m.start()) && !perkBefore(text, m.start())) {
                    return new Salary(amount, amount, currency, period);
                }
                continue;
            }
            if (period != null && plausibleAlone(amount, period) && !notPay(text, m.start(), m.end())
                    && !perkBefore(text, m.start()) && !perkAfter(text, m.end())) {
                return new Salary(amount, amount, currency, period);
            }
        }
        return null;
    }

    /** On-target earnings named right after a figure or range: "$200k OTE", "£80,000 - £100,000 OTE". */
    private static final Pattern OTE_AFTER = Pattern.compile("\\s*\\(?OTE(?![A-Za-z])");
    /** On-target earnings named right before a figure or range: "OTE £90,000", "OTE of $150k - $200k". */
    private static final Pattern OTE_BEFORE = Pattern.compile("(?<![A-Za-z])OTE(?:\\s+of)?\\s*:?\\s*$");

    /** Whether the figure or range at {@code start}..{@code end} is named as on-target earnings, before or after it. */
    private static boolean namedOte(String text, int start, int end) {
        return OTE_AFTER.matcher(text).region(end, Math.min(text.length(), end + 10)).lookingAt()
                || OTE_BEFORE.matcher(text).region(Math.max(0, start - 12), start).find();
    }

    /** The base pay named after its figure: "$100k base", "£50,000 basic", "$120,000 base salary"; not "a base price". */
    private static final Pattern BASE_AFTER = Pattern.compile("(?i)\\s*(?:base|basic)(?:\\s+(?:salary|pay))?(?![\\w-])(?!\\s+(?:of|price|prices|rate|fee|fees|plan|cost|costs|stipend|allowance|budget|grant|bonus)\\b)");

    private static final String PERKS = "stipend|allowance|budget|bonus|credit|reimburs|voucher"
            + "|contribution|match|per diem|relocation|referral|sign-on|signing|revenue|turnover|raised|funding|\\barr\\b"
            + "|401\\(?k|pension|retirement|tuition|equipment|\\bsav(?:e|es|ed|ing|ings)\\b"
            // US benefits lines: "Commuter benefits up to $300 per month", "up to $10,000 a year in education assistance".
            + "|\\bcommut(?:er|ing)\\b|\\btransit\\b|\\bchild ?care\\b|\\bday ?care\\b|\\beducation(?:al)? assistance\\b";
    private static final Pattern NOT_PAY = Pattern.compile("(?i)" + PERKS);
    /**
     * Money that is not pay only when named right beside a figure — a stock grant, the deals sold, a sales
     * quota, the company's spending ("an equity grant of $40,000 - $60,000", "deals between $50,000 and $150,000",
     * "a quota of $800,000 - $1,000,000 per year", "we spend $3,000,000 a year on cloud") — and not anywhere
     * in its sentence: "Salary: $120,000 - $150,000 per year plus equity" is pay. So are the subjects of money
     * that is not the role's, as a stated period makes any figure look like pay: the company's bills and payouts
     * ("our cloud bill is $80,000 per month", "we've paid out $40,000,000 a year to our drivers"), the rent of the
     * place, and what the platform's users earn ("Creators earn $3,000 per month"; not drivers or couriers, whose
     * earnings are the pay of a driver's job). A contractor's "bill rate" stays a rate.
     */
    /** What the platform's users earn or move: "Creators earn", "Sellers on our marketplace make", "customers process". */
    private static final String THEIR_INCOME = "(?:\\b(?:creators|users|customers|sellers|merchants|hosts|(?<!team |crew |staff )members(?!\\s+of\\s+(?:our|the|this)\\s+(?:[\\w-]+\\s+)?team\\b)"
            + "|affiliates|publishers|artists|vendors|freelancers)"
            // Anyone who works through the platform, whatever their trade: "Tutors on our platform earn", "Independent
            // contractors in our network make", "Writers who join our marketplace earn"; not "Engineers on our Platform
            // team" (the company's own), nor "Drivers earn $25 - $35 per hour" with no platform named (a driver's job).
            + "|\\b[a-z]+\\s+(?:on|in|across|using|through|via|(?:who|that)\\s+(?:join|use|sell\\s+on|list\\s+on|work\\s+(?:on|through|with)))"
            + "\\s+(?:our|the)\\s+(?:[\\w-]+\\s+)?(?:platform|marketplace|network|app|site)\\b"
            + "(?!\\s+(?:team|teams|group|squad|org|organi[sz]ation|engineering|department)\\b))"
            // "Sellers on our marketplace make $2,000 - $8,000 a month": a few words may stand between them and the verb.
            + "(?:\\s+[\\w'\u2019]+){0,4}?(?:\\s+(?:can|could|already|now|typically|often))?\\s+(?:earn(?:s|ed)?|makes?|made"
            + "|process(?:es|ed)?|generat(?:e|es|ed))\\b";
    /** {@link #THEIR_INCOME} alone, looked for along the sentence before a lone figure ("Hosts … earn an average of $1,500"). */
    private static final Pattern NOT_PAY_SUBJECT = Pattern.compile("(?i)" + THEIR_INCOME
            // Up to a semicolon, and unless the role's pay or another subject is named between: "Help merchants make more
            // sales with our tools, and this role pays $120,000 - $150,000", "Creators earn money, our engineers earn $150,000".
            + "(?:(?!salary|compensation|\\byou|\\bpays?\\b|\\bpaid\\b|\\bour\\b|\\bwe\\b)[^.!?;\\n])*$");
    private static final String BESIDE = PERKS + "|\\bequity\\b|\\bgrants?\\b|\\brsus?\\b|\\bstock\\b|\\bacv\\b"
            + "|\\bdeal(?:s|\\s+sizes?)?\\b|\\bquotas?\\b|\\bcontract values?\\b"
            // A sales or revenue target, a book of business, a P&L, a marketplace's sales: "an annual target of
            // $800,000", "own a book of $1,500,000 per year", "manage a P&L of $10,000,000"; not "target pay".
            + "|\\btargets?(?=\\s+of\\b)|\\bbook(?=\\s+of\\b)|\\bp&l\\b|\\bgmv\\b|\\bspend(?:s|ing)?\\b|\\bspent\\b"
            + "|\\bbills?\\b(?!\\s+rates?\\b)|\\brent\\b|\\bpa(?:id|ys?|ying) out\\b|\\bpayouts?\\b"
            + "|" + THEIR_INCOME
            // The value of what the role manages: "accounts worth $1,000,000 - $5,000,000 annually", "contracts worth
            // up to $500,000 per year"; not a pay package so valued ("a compensation package worth $150,000 a year").
            + "|(?<!package )(?<!compensation )(?<!salary )(?<!pay )(?<!rewards )(?<!offer )\\bworth\\b|\\bvalued (?:at|between|from)\\b"
            // The contracts the role negotiates or manages: "negotiate contracts of $250,000 - $750,000 a year".
            + "|\\bcontracts(?=\\s+(?:of|between|from|valued|worth|totall?ing|averaging)\\b)"
            // The price of the company's product and what its customers pay, and the loans it makes: "our plans cost
            // $1,500 - $3,000 per month", "customers pay $2,000 a month", "our loans range from $5,000 to $50,000".
            + "|\\bcosts?\\b|\\bpriced\\b|\\bloans?\\b"
            + "|\\b(?:customers?|clients?|users?|buyers?|subscribers?)(?:\\s+(?:can|could|already|now|typically|often))?\\s+pays?\\b";
    private static final Pattern NOT_PAY_BESIDE = Pattern.compile("(?i)" + BESIDE);
    /**
     * A revenue or account target the role is to grow to, named right before its figure: "Grow key accounts to
     * $500,000 a year", "expand your territory to $1,000,000 annually", "upsell customers to $100,000 a year". Its
     * object is a word or four that are not the pay's ("your salary grows to $90,000"), nor a time ("pay grows each
     * year to $90,000"); with no object ("starting at $70,000, growing to $90,000") it is the pay's own growth.
     */
    private static final String GROWTH_BEFORE = "\\b(?:grow|grows|growing|expand|expands|expanding|scale|scales|scaling|increase|increases"
            + "|increasing|double|doubling|triple|tripling|upsell|upselling)"
            + "(?:\\s+(?!(?:salary|salaries|pay|earnings|income|compensation|wages?|rate|base|each|every|year|years|annually|yearly"
            + "|months?|over|after|within|in|up|to|steadily|quickly)\\b)[\\w&'\u2019-]+){1,4}?\\s+(?:to|from|past|beyond)\\s*$";
    /**
     * The business a figure is, named only after it ("$300,000 - $500,000 a year in new sales", "$1,000,000 per year in
     * pipeline", "$500,000 per year in new ARR"): said before a figure, sales name a sales job's own pay ("Sales
     * Associate - $18/hour").
     */
    private static final String BUSINESS_AFTER = "\\b(?:net\\s+)?new\\s+(?:arr|mrr|revenue|business|logos?|sales|bookings|customers)\\b"
            + "|\\bsales\\s+(?:pipeline|revenue|bookings)\\b|\\bpipeline\\b|\\bbookings\\b";

    /**
     * A perk named just before a figure ("a signing bonus of $20,000", "grow our ARR from $5,000,000 to
     * $10,000,000 a year"), but not a salary's budget ("the salary budget is €60,000 - €70,000" is the pay); and
     * just after one ("$25,000 in relocation").
     */
    private static final Pattern PERK_BEFORE = Pattern.compile("(?i)(?:(?<!salary )(?<!pay )(?<!compensation )(?:" + BESIDE
            // A package of benefits named right before its value: "a benefits package worth $25,000 - $30,000 per year".
            + "|\\bbenefits? package|\\bperks? package)\\w*(?:\\s+(?:of|is|are|worth|up to|between|from|for|at|range|ranges|ranging"
            + "|averaging|totall?ing|typically|usually|generally|often))*\\s*$"
            + "|" + GROWTH_BEFORE + ")");
    private static final Pattern PERK_AFTER = Pattern.compile("(?i)^\\s*(?:(?:in|of|as|an?|one[- ]time|annual|yearly|recurring"
            // Its period between: "up to $10,000 per year in education assistance".
            + "|(?:per|a|an|each|every)\\s+(?:year|annum|month|week|day)|/\\s?(?:year|yr|month|mo))\\s+)*(?:"
            + BESIDE + "|" + BUSINESS_AFTER + ")");

    /** Whether a perk is named right before a figure starting at {@code start}: "a signing bonus of $20,000 - $30,000". */
    private static boolean perkBefore(String text, int start) {
        return PERK_BEFORE.matcher(text).region(Math.max(0, start - 40), start).find();
    }

    /**
     * Whether a perk is named right after a figure ending at {@code end}, with at most "in", "of" or the like
     * between: "up to $25,000 in relocation assistance". After "plus" or "+" ("$120k - $150k plus bonus") it
     * is pay with a perk beside it.
     */
    private static boolean perkAfter(String text, int end) {
        return PERK_AFTER.matcher(text).region(end, Math.min(text.length(), end + 40)).find();
    }

    /**
     * Whether the words just before or after a figure make it a perk, a benefit or the company's money rather
     * than pay; a stock grant or the deals count only before it ("deals between $50,000 and $150,000 a year"),
     * as "pays $150,000 a year plus equity" is pay.
     */
    private static boolean notPay(String text, int start, int end) {
        int from = Math.max(0, start - 40);
        return NOT_PAY.matcher(text).region(from, Math.min(text.length(), end + 50)).find()
                || NOT_PAY_BESIDE.matcher(text).region(from, start).find()
                || theirIncome(text, start);
    }

    /** Whether the figure at {@code start} is what a platform's users earn, told along its sentence ({@link #NOT_PAY_SUBJECT}). */
    private static boolean theirIncome(String text, int start) {
        return NOT_PAY_SUBJECT.matcher(text).region(Math.max(0, start - 90), start).find();
    }

    /**
     * Whether the words of its sentence before a figure with a pay word ("up to $6,000 per year") make
     * it a perk: only before, as "Salary: up to $150,000 plus bonus" is pay with a perk after it.
     */
    private static boolean notPayBefore(String text, int start) {
        int from = Math.max(0, start - 50);
        // The sentence starts after the last ". ", "! " or "? " in reach: "$1,000 sign-on bonus! Starting pay $19/hour".
        for (int i = start - 2; i >= from; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) {
                from = i + 1;
                break;
            }
        }
        return NOT_PAY.matcher(text).region(from, start).find();
    }

    /** A lone figure is pay only at a size pay has for its period; smaller ones are perks and fees. */
    private static boolean plausibleAlone(double amount, Salary.Period p) {
        return switch (p) {
            case HOUR -> amount >= 10 && amount <= 2_000;
            case DAY -> amount >= 100 && amount <= 10_000;
            case WEEK -> amount >= 400 && amount <= 50_000;
            case MONTH -> amount >= 1_000 && amount <= 2_000_000;
            case YEAR -> amount >= 20_000;
        };
    }

    /** Whether "between" (or French, Spanish, Portuguese "entre", German "zwischen") ends just before {@code at} (a space or two apart). */
    private static boolean betweenBefore(String text, int at) {
        int end = at;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return (end >= 7 && text.regionMatches(true, end - 7, "between", 0, 7))
                || (end >= 5 && text.regionMatches(true, end - 5, "entre", 0, 5))
                || (end >= 8 && text.regionMatches(true, end - 8, "zwischen", 0, 8));
    }

    /**
     * The currency the symbols around an amount name. A bare symbol several currencies write ("$")
     * is any of them: a code or a prefixed symbol beside it says which ("$110,000 - $140,000 CAD",
     * "CN¥300,000 - ¥400,000"), else the one money among those of the job's {@code countries}
     * that writes it ("$" in Toronto is CAD; in "Toronto or New York" it stays the owner's, USD).
     */
    private String currency(java.util.Collection<String> countries, String... found) {
        String first = null;
        String firstSymbol = null;
        boolean onlyShared = true;
        for (String f : found) {
            String code = f == null ? null : symbolToCode.get(f);
            if (code == null) {
                continue;
            }
            boolean shared = sharedBare.containsKey(f);
            onlyShared &= shared;
            if (first == null) {
                first = code;
                firstSymbol = f;
            } else if (!code.equals(first) && !shared) {
                return code;
            }
        }
        if (first == null || !onlyShared || countries.isEmpty()) {
            return first;
        }
        // Asked only here, of a range written in a bare shared symbol: most descriptions have no money.
        List<String> here = sharedBare.get(firstSymbol).stream()
                .filter(code -> countries.stream().anyMatch(country -> code.equals(currencyOfCountry.get(country)))).toList();
        return here.size() == 1 ? here.get(0) : first;
    }

    /** "120,000" "120.000" "120 000" "120'000" "120k" "1,20,000" → number; "45.50" stays 45.5. */
    static Double amount(String raw, boolean thousands) {
        if (raw == null) {
            return null;
        }
        String s = raw.replace('\u00a0', ' ').replace('\u2019', '\'');
        String digits;
        int lastSep = Math.max(Math.max(s.lastIndexOf(','), s.lastIndexOf('.')), Math.max(s.lastIndexOf('\''), s.lastIndexOf(' ')));
        if (lastSep >= 0 && s.length() - lastSep - 1 <= 2) {
            // A decimal part: "45.50", "1.234,56".
            String whole = s.substring(0, lastSep).replaceAll("[,.' ]", "");
            digits = whole + "." + s.substring(lastSep + 1);
        } else {
            digits = s.replaceAll("[,.' ]", "");
        }
        try {
            double v = Double.parseDouble(digits);
            return thousands ? v * 1000 : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Not the period of a working schedule written after the pay: "£50,000 - £65,000 pro-rata (3 days/week)",
     * "£40,000 - £45,000, 40 hours per week" are yearly pay, not a week's.
     */
    private static final String NOT_SCHEDULE = "(?<!days |day |hours |hour |hrs |\\dh |days|day|hours|hour|hrs|\\dh)";
    /**
     * The periods written after a slash in German, French, Spanish, Portuguese, Italian, Dutch and Polish postings:
     * "4.500 €/Monat", "3 000 € brut/mois", "65.000 € brutto/Jahr", "50 000 € / an", "18 €/Stunde".
     */
    private static final String YEAR_WORDS = "jahr|an|año|ano|anno|jaar|rok";
    private static final String MONTH_WORDS = "monat|mois|mes|mês|mese|maand|mies";
    private static final String HOUR_WORDS = "stunde|std|heure|hora|ora|uur|godz";
    private static final String DAY_WORDS = "tag|jour|día|dia|giorno|dag|dzień";
    private static final String WORD_END = "(?![\\p{L}])";
    private static final Pattern YEAR = Pattern.compile(
            "(?i)^[^.\\n]{0,25}?(?:per (?:year|annum|jaar)|/\\s?(?:year|yr|annum)|a year|annual(?:ly)?|yearly|p\\.?a\\.?(?![a-z])|per anno"
                    + "|pro jahr|im jahr|brutto(?:jahres)?gehalt|jährlich|par an\\b|rocznie|por año|al año|om året"
                    + "|/\\s?(?:" + YEAR_WORDS + ")" + WORD_END + "|(?<![a-z])(?:annuel(?:le)?|anual(?:es)?|annuo|annuale|annui)" + WORD_END
                    // Swedish, Norwegian and Danish: "kr/år", "per år", "i året".
                    + "|(?:/\\s?|per |pr\\.? )år(?![a-zåäöæø])|i året)");
    private static final Pattern HOUR = Pattern.compile(
            "(?i)^[^.\\n]{0,25}?(?:per hour|/\\s?(?:hour|hr|h)\\b|an hour|hourly|p/h|ph\\b|pro stunde|/\\s?(?:" + HOUR_WORDS + ")" + WORD_END + ")");
    private static final Pattern DAY = Pattern.compile(
            "(?i)^[^.\\n]{0,25}?" + NOT_SCHEDULE + "(?:per day|/\\s?day|a day|daily|day rate|p/d|(?<![a-z])p\\.?d\\.?(?![a-z])|pro tag|/\\s?(?:" + DAY_WORDS + ")" + WORD_END + ")");
    private static final Pattern MONTH = Pattern.compile(
            "(?i)^[^.\\n]{0,25}?" + NOT_SCHEDULE + "(?:per month|/\\s?(?:month|mo|mth|miesiąc)\\b|a month|monthly|pro monat|monatlich|par mois|mensuel"
                    + "|miesięcznie|per maand|om måneden|mensa(?:l|is)|mensuales|al mes|por mes|por mês"
                    // Swedish, Norwegian and Danish: "kr/mån", "kr/mnd", "per månad", "pr. md.", "i måneden".
                    + "|(?:/\\s?|per |pr\\.? )(?:månad|måned|mån|mnd|md)(?![a-zåäöæø])|i månaden|i måneden"
                    + "|/\\s?(?:" + MONTH_WORDS + ")" + WORD_END + ")");
    private static final Pattern WEEK = Pattern.compile(
            "(?i)^[^.\\n]{0,25}?" + NOT_SCHEDULE + "(?:per week|/\\s?(?:week|wk)|a week|weekly)");

    private Salary.Period period(String text, int start, int from, double top, String currency) {
        Salary.Period stated = statedPeriod(text, start, from);
        if (stated != null) {
            return stated;
        }
        // No period stated: judge by size. Ranges like "$120k–$150k" are yearly pay; where pay is
        // advertised by the month, "15 000 - 20 000 PLN" is a month's (a tenth of the line and less, neither).
        Double monthly = monthlyBelow.get(currency);
        if (monthly != null && top < monthly) {
            return top >= monthly / 10 ? Salary.Period.MONTH : null;
        }
        return top >= 20_000 ? Salary.Period.YEAR : null;
    }

    /**
     * The period the words after an amount state ("per year", "/hour", "pro Monat"), or null. Only up to a
     * "+" or "plus": what follows is another item, whose period is its own ("$120,000 - $150,000 + monthly
     * bonus" is yearly pay), except "+ VAT", which is part of a contractor's rate.
     */
    private static Salary.Period statedPeriod(String text, int from) {
        String after = text.substring(from, Math.min(text.length(), from + 40));
        after = after.substring(0, otherItem(after));
        if (YEAR.matcher(after).find()) {
            return Salary.Period.YEAR;
        }
        if (HOUR.matcher(after).find()) {
            return Salary.Period.HOUR;
        }
        if (DAY.matcher(after).find()) {
            return Salary.Period.DAY;
        }
        if (MONTH.matcher(after).find()) {
            return Salary.Period.MONTH;
        }
        if (WEEK.matcher(after).find()) {
            return Salary.Period.WEEK;
        }
        return null;
    }

    /**
     * A rate or salary named by its period right before the figure: "Day rate: £450 - £550 (Outside IR35)",
     * "Hourly rate: $70 - $85", "Monthly salary: €4,000 - €5,000", "Competitive day rate (£550)", and the
     * headings of pay-transparency sections: "Hourly Pay Range: $25 — $30 USD", "Hourly Range: $25 - $30",
     * "Daily rate range: £450 - £550". Asked only when no period follows the figure.
     */
    private static final Pattern PERIOD_BEFORE = Pattern.compile("(?i)\\b(?:(day|daily)|(hour|hourly)|(week|weekly)|(month|monthly)"
            + "|(annual|yearly))(?:\\s+base)?(?:\\s+(?:rate|salary|pay|wage)(?:\\s+(?:range|band|scale))?"
            + "|(?<=ly)\\s+(?:range|band|scale))\\s*(?:is|of)?\\s*[:(]?\\s*$");

    /** The period stated for the figure at {@code start}..{@code end}: by the words after it, else those before it. */
    private static Salary.Period statedPeriod(String text, int start, int end) {
        Salary.Period after = statedPeriod(text, end);
        return after != null ? after : periodBefore(text, start);
    }

    private static Salary.Period periodBefore(String text, int start) {
        Matcher m = PERIOD_BEFORE.matcher(text).region(Math.max(0, start - 25), start);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? Salary.Period.DAY : m.group(2) != null ? Salary.Period.HOUR
                : m.group(3) != null ? Salary.Period.WEEK : m.group(4) != null ? Salary.Period.MONTH : Salary.Period.YEAR;
    }

    /** Where the words after an amount turn to another item: a "+" or "plus" not followed by VAT; else their end. */
    static int otherItem(String after) {
        String lower = after.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            int next;
            if (lower.charAt(i) == '+') {
                next = i + 1;
            } else if (lower.startsWith("plus ", i) && (i == 0 || lower.charAt(i - 1) == ' ')) {
                next = i + 5;
            } else {
                continue;
            }
            while (next < lower.length() && lower.charAt(next) == ' ') {
                next++;
            }
            if (!lower.startsWith("vat", next)) {
                return i;
            }
        }
        return after.length();
    }

    /**
     * Whether an amount is pay at its period's size. A month's pay reaches at least the currency's own
     * line for monthly pay: "₩3,500,000 - ₩4,500,000 per month" is an ordinary Korean salary, and the
     * size rule reads amounts below that line as a month's.
     */
    private boolean plausible(double amount, Salary.Period p, String currency) {
        return switch (p) {
            case HOUR -> amount >= 5 && amount <= 2_000;
            case DAY -> amount >= 40 && amount <= 10_000;
            case WEEK -> amount >= 200 && amount <= 50_000;
            case MONTH -> amount >= 300 && amount <= Math.max(2_000_000, monthlyBelow.getOrDefault(currency, 0.0));
            case YEAR -> amount >= 5_000;
        };
    }
}
