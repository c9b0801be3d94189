package dev.jobintel.classify.rules;

import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.posting.Salary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SalaryExtractorTest {

    private static final SalaryExtractor EXTRACTOR = SalaryExtractor.of(Taxonomy.bundled());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "The salary range is $120,000 - $150,000 per year.      | 120000 | 150000 | USD | YEAR",
            "Pay: $120k–$150k + equity                              | 120000 | 150000 | USD | YEAR",
            "£60k-£80k depending on experience                      | 60000  | 80000  | GBP | YEAR",
            "€70.000 - €85.000 brutto pro Jahr                      | 70000  | 85000  | EUR | YEAR",
            "Salary: 55 000 - 65 000 EUR annually                   | 55000  | 65000  | EUR | YEAR",
            "CHF 120,000 – 150,000 per year                         | 120000 | 150000 | CHF | YEAR",
            "₹25,00,000 - ₹35,00,000 per annum                      | 2500000| 3500000| INR | YEAR",
            "USD 45-60/hour for this contract                       | 45     | 60     | USD | HOUR",
            "$55 - $70 per hour                                     | 55     | 70     | USD | HOUR",
            "£450 - £550 per day outside IR35                       | 450    | 550    | GBP | DAY",
            "C$95,000 to C$115,000                                  | 95000  | 115000 | CAD | YEAR",
            "S$8,000 - S$10,000 per month                           | 8000   | 10000  | SGD | MONTH",
            "between 90,000 and 110,000 EUR per year                | 90000  | 110000 | EUR | YEAR",
            "Rémunération : entre 45K€ et 55K€ selon profil.        | 45000  | 55000  | EUR | YEAR",
            "Salaire : entre 50 000 € et 60 000 € brut annuel       | 50000  | 60000  | EUR | YEAR",
            "CTC: 18-24 LPA                                         | 1800000| 2400000| INR | YEAR",
            "₹12 - ₹15 lakhs per annum                              | 1200000| 1500000| INR | YEAR",
            "CTC 18-24 LPA                                          | 1800000| 2400000| INR | YEAR",
            // Lakhs written after each bound, as "L" after the rupee sign, or after a pay word with no rupee sign.
            "₹18L - ₹24L                                            | 1800000| 2400000| INR | YEAR",
            "₹18 lakh to ₹24 lakh per annum                         | 1800000| 2400000| INR | YEAR",
            "CTC: 18 to 24 Lakhs                                    | 1800000| 2400000| INR | YEAR",
            // A period after each bound, as Greenhouse and LinkedIn write a base pay range.
            "Base pay range: $163,000.00/yr - $245,000.00/yr        | 163000 | 245000 | USD | YEAR",
            "$75,000/year - $95,000/year                            | 75000  | 95000  | USD | YEAR",
            "$45/hour - $55/hour                                    | 45     | 55     | USD | HOUR",
            // A bare $ is any dollar: the code after the range says which.
            "Salary: $110,000 - $140,000 CAD.                       | 110000 | 140000 | CAD | YEAR",
            // The period in the posting's own language.
            "Wynagrodzenie: 18 000 - 25 000 PLN netto (B2B) miesięcznie | 18000 | 25000 | PLN | MONTH",
            "DKK 50.000 - 60.000 om måneden                         | 50000  | 60000  | DKK | MONTH",
            "Sueldo: $30,000 - $40,000 MXN mensuales.               | 30000  | 40000  | MXN | MONTH",
            // No period stated, in a money whose pay is advertised by the month: a month's below the
            // currency's line (a year's from it), not the yearly pay of a few thousand dollars.
            "Wynagrodzenie: 15 000 - 20 000 PLN netto + VAT (B2B)   | 15000  | 20000  | PLN | MONTH",
            "Wynagrodzenie: 180 000 - 240 000 PLN brutto            | 180000 | 240000 | PLN | YEAR",
            "Lön: 45 000 - 60 000 SEK                               | 45000  | 60000  | SEK | MONTH",
            "Salário: R$ 12.000 - R$ 18.000 (CLT)                   | 12000  | 18000  | BRL | MONTH",
            "CN¥25,000 - CN¥40,000                                  | 25000  | 40000  | CNY | MONTH",
            "Salary: 20,000 - 30,000 SGD                            | 20000  | 30000  | SGD | MONTH",
            "Salary: 90,000 - 120,000 SGD                           | 90000  | 120000 | SGD | YEAR",
            "給与: ¥400,000 - ¥600,000                               | 400000 | 600000 | JPY | MONTH",
            "年収: ¥6,000,000 - ¥9,000,000                           | 6000000| 9000000| JPY | YEAR",
            // A month's pay in a currency of large units, up to the currency's line for monthly pay.
            "₩3,500,000 - ₩4,500,000 per month                     | 3500000| 4500000| KRW | MONTH",
            "월급: ₩4,000,000 - ₩5,000,000                           | 4000000| 5000000| KRW | MONTH",
            "Fizetés: 2,500,000 - 3,500,000 HUF                    | 2500000| 3500000| HUF | MONTH",
            // The money of the table's cities in Africa and South-East Asia, where pay is advertised by the month.
            "Salary: ₦1,500,000 - ₦2,000,000 monthly                | 1500000| 2000000| NGN | MONTH",
            "Salary: NGN 6,000,000 - 9,000,000 per annum           | 6000000| 9000000| NGN | YEAR",
            "Gross salary: KES 250,000 - 350,000                    | 250000 | 350000 | KES | MONTH",
            "Salary: RM 8,000 - RM 12,000                           | 8000   | 12000  | MYR | MONTH",
            "Salary range: ₱80,000 - ₱120,000                       | 80000  | 120000 | PHP | MONTH",
            "Gaji: Rp 15.000.000 - Rp 25.000.000                    | 15000000 | 25000000 | IDR | MONTH",
            "Salary: 60,000 - 90,000 THB                            | 60000  | 90000  | THB | MONTH",
            "Lương: 30.000.000 - 45.000.000 VND                     | 30000000 | 45000000 | VND | MONTH",
            // A period after "+" or "plus" is another item's; "+ VAT" stays part of the rate.
            "Salary: $120,000 - $150,000 + monthly performance bonus | 120000 | 150000 | USD | YEAR",
            "£40,000 - £50,000 plus weekly team lunches            | 40000  | 50000  | GBP | YEAR",
            "£450 - £550 + VAT per day                             | 450    | 550    | GBP | DAY",
            // UK contract ads' shorthand for a day's rate.
            "£500-£550pd inside IR35                               | 500    | 550    | GBP | DAY",
            "£450 - £500 p.d. outside IR35                         | 450    | 500    | GBP | DAY",
            // A working schedule after the pay is not its period.
            "Salary £50,000 – £65,000 pro-rata (3 days/week)       | 50000  | 65000  | GBP | YEAR",
            "£28,000 - £32,000, 40 hours per week                  | 28000  | 32000  | GBP | YEAR",
            "Salary: $90,000 - $110,000, 4 days a week             | 90000  | 110000 | USD | YEAR",
            // The period named before the figures, as UK contract ads write a day rate.
            "Day rate: £450 - £550 (Outside IR35)                  | 450    | 550    | GBP | DAY",
            "Daily rate: €600 - €700, 12 month contract            | 600    | 700    | EUR | DAY",
            "Hourly rate: $70 - $85 (W2, no benefits)              | 70     | 85     | USD | HOUR",
            "Monthly salary: €4,000 - €5,000 gross                 | 4000   | 5000   | EUR | MONTH",
            "Day rate (£500 - £600) depending on experience        | 500    | 600    | GBP | DAY",
            // The heading of a pay-transparency section, as US boards write it: the period, then "pay range".
            "Hourly Pay Range: $25 — $30 USD                       | 25     | 30     | USD | HOUR",
            "Hourly Range: $25.00 - $30.00                         | 25     | 30     | USD | HOUR",
            "Hourly wage range: $18.50 - $22.00                    | 18.5   | 22     | USD | HOUR",
            "Hourly Base Pay Range: $40 - $55                      | 40     | 55     | USD | HOUR",
            "Daily rate range: £450 - £550                         | 450    | 550    | GBP | DAY",
            "Monthly Pay Band: $9,000 - $11,000                    | 9000   | 11000  | USD | MONTH",
            "Annual Base Pay Range: $120,000 - $150,000            | 120000 | 150000 | USD | YEAR",
            // Portuguese and Spanish 'a', and the conjunctions of "between" in German, Spanish and Portuguese.
            "Salário: R$ 12.000 a R$ 15.000 mensais.               | 12000  | 15000  | BRL | MONTH",
            "Salario: de 30.000 a 40.000 € brutos anuales.         | 30000  | 40000  | EUR | YEAR",
            "Faixa salarial: entre R$ 10.000 e R$ 12.000 por mês.  | 10000  | 12000  | BRL | MONTH",
            "Banda salarial entre 30.000 y 40.000 € brutos al año. | 30000  | 40000  | EUR | YEAR",
            "Das Gehalt liegt zwischen 60.000 und 75.000 € brutto im Jahr. | 60000 | 75000 | EUR | YEAR",
            // A wave dash, as Japanese and Chinese postings write a range.
            "年収 ¥6,000,000～¥9,000,000                              | 6000000| 9000000| JPY | YEAR",
            "月給 ¥300,000〜¥450,000                                  | 300000 | 450000 | JPY | MONTH",
            "Salary: ¥6,000,000 ~ ¥9,000,000                       | 6000000| 9000000| JPY | YEAR",
            // Man-yen, 万 being 10,000: a year's after 年収, else by size.
            "600万円〜900万円                                        | 6000000| 9000000| JPY | YEAR",
            "年収600万円～900万円                                     | 6000000| 9000000| JPY | YEAR",
            "月給30万〜45万円                                        | 300000 | 450000 | JPY | MONTH",
            // The period after a slash in the posting's own language, as German, French, Spanish, Portuguese,
            // Italian and Dutch postings write it: "€/Monat", "brut/mois", "€/mes", "/Stunde".
            "Gehalt: 4.500 - 5.500 € brutto/Monat                  | 4500   | 5500   | EUR | MONTH",
            "Gehalt: 3.800 €/Monat - 4.600 €/Monat                 | 3800   | 4600   | EUR | MONTH",
            "Salaire : 3 000 € - 3 500 € brut/mois                 | 3000   | 3500   | EUR | MONTH",
            "Salario: 2.000 - 2.500 €/mes                          | 2000   | 2500   | EUR | MONTH",
            "Salário: 4.000 - 5.000 €/mês                          | 4000   | 5000   | EUR | MONTH",
            "Stipendio: 1.800 - 2.200 €/mese                       | 1800   | 2200   | EUR | MONTH",
            "Salaris: 3.500 - 4.500 €/maand                        | 3500   | 4500   | EUR | MONTH",
            "Stundenlohn: 18 - 22 €/Stunde                         | 18     | 22     | EUR | HOUR",
            "Gehalt: 65.000 € brutto/Jahr                          | 65000  | 65000  | EUR | YEAR",
            "Vergütung: 4.500 €/Monat                              | 4500   | 4500   | EUR | MONTH",
            "Rémunération : 50 000 € / an                          | 50000  | 50000  | EUR | YEAR",
            "Salaire : 45 000 € brut annuel                        | 45000  | 45000  | EUR | YEAR",
            // The euro written out, as English, Dutch and Italian postings often do.
            "Salary: 60,000 - 80,000 euros per year                | 60000  | 80000  | EUR | YEAR",
            "60-80k euros                                          | 60000  | 80000  | EUR | YEAR",
            "Salaris: 4.000 - 5.000 euro bruto per maand           | 4000   | 5000   | EUR | MONTH",
            "Stipendio: 30.000 - 35.000 Euro lordi annui           | 30000  | 35000  | EUR | YEAR",
            // A range written high to low is still the range, not its first bound alone.
            "Salary: $150,000 - $120,000                           | 120000 | 150000 | USD | YEAR",
            "$150,000 - $120,000 per year                          | 120000 | 150000 | USD | YEAR",
            "Salary range £45k–£38k                                | 38000  | 45000  | GBP | YEAR",
            "Salario: 30.000 € brutos anuales                      | 30000  | 30000  | EUR | YEAR",
    })
    void findsStatedRanges(String text, double min, double max, String currency, Salary.Period period) {
        Salary s = EXTRACTOR.find(text);
        assertThat(s).isNotNull();
        assertThat(s.min()).isEqualTo(min);
        assertThat(s.max()).isEqualTo(max);
        assertThat(s.currency()).isEqualTo(currency);
        assertThat(s.period()).isEqualTo(period);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            // A bare $ is the money of the country the job is in, when that money writes it with a prefix.
            "Salary: $120,000 - $150,000 per year.     | CA | CAD",
            "Salary: $120,000 - $150,000 per year.     | AU | AUD",
            "Salary: $120,000 - $150,000 per year.     | SG | SGD",
            "Salary: $120,000 - $150,000 per year.     | US | USD",
            "Salary: $120,000 - $150,000 per year.     | DE | USD",
            "Salary: ¥6,000,000 - ¥9,000,000 per year. | CN | CNY",
            "Salary: ¥6,000,000 - ¥9,000,000 per year. | JP | JPY",
            // A code or a prefixed symbol says which money, wherever the job is.
            "Salary: US$120,000 - US$150,000 per year. | CA | USD",
            "Salary: $120,000 - $150,000 USD per year. | CA | USD",
            "Salary: 120,000 - 150,000 USD per year.   | CA | USD",
            "Salary: £60,000 - £80,000 per year.       | CA | GBP",
            "Salary: CN¥300,000 - ¥400,000 per year.   | CN | CNY",
            "Salary: CN¥300,000 - ¥400,000 per year.   |    | CNY",
            // Among several countries, the one money that writes the symbol; the owner's when two do.
            "Salary: $120,000 - $150,000 per year.     | CA GB | CAD",
            "Salary: $120,000 - $150,000 per year.     | CA US | USD",
    })
    void aBareSymbolReadsAsTheMoneyOfTheJobsCountry(String text, String countries, String currency) {
        List<String> in = countries == null ? List.of() : List.of(countries.split(" "));
        assertThat(EXTRACTOR.find(text, in).currency()).isEqualTo(currency);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "Lön: 50 000 - 65 000 kr/mån            | SE    | SEK",
            "Lønn: 50 000 - 65 000 kr/mnd           | NO    | NOK",
            "Løn: 50.000 - 65.000 kr. pr. md.       | DK    | DKK",
            "Lön: 50 000 - 65 000 kr/mån            | SE DE | SEK",
    })
    void krIsTheCrownOfTheJobsCountry(String text, String countries, String currency) {
        Salary s = EXTRACTOR.find(text, List.of(countries.split(" ")));
        assertThat(s).isNotNull();
        assertThat(s.min()).isEqualTo(50000.0);
        assertThat(s.max()).isEqualTo(65000.0);
        assertThat(s.currency()).isEqualTo(currency);
        assertThat(s.period()).isEqualTo(Salary.Period.MONTH);
    }

    @Test
    void oneFigureInKrCountsWithItsPeriodInTheLanguageOfThePosting() {
        Salary month = EXTRACTOR.find("Vi erbjuder 45 000 kr/mån och friskvårdsbidrag.", List.of("SE"));
        assertThat(month).isNotNull();
        assertThat(month.max()).isEqualTo(45000.0);
        assertThat(month.period()).isEqualTo(Salary.Period.MONTH);
        Salary dk = EXTRACTOR.find("Vi tilbyder 48.000 kr. pr. md. og frokostordning.", List.of("DK"));
        assertThat(dk).isNotNull();
        assertThat(dk.currency()).isEqualTo("DKK");
        assertThat(dk.period()).isEqualTo(Salary.Period.MONTH);
        Salary year = EXTRACTOR.find("Vi tilbyr 650 000 kr/år.", List.of("NO"));
        assertThat(year).isNotNull();
        assertThat(year.currency()).isEqualTo("NOK");
        assertThat(year.period()).isEqualTo(Salary.Period.YEAR);
    }

    @Test
    void krWithNoCountryOfACrownIsNoCurrency() {
        assertThat(EXTRACTOR.find("Lön: 50 000 - 65 000 kr/mån")).isNull();
        assertThat(EXTRACTOR.find("Lön: 50 000 - 65 000 kr/mån", List.of("DE"))).isNull();
        assertThat(EXTRACTOR.find("Lön: 50 000 - 65 000 kr/mån", List.of("SE", "NO"))).as("two crowns").isNull();
        assertThat(EXTRACTOR.find("Krav: 3 - 5 års erfarenhet, 2 - 4 krav per sprint", List.of("SE"))).isNull();
    }

    @Test
    void singleBoundsNeedAPayWord() {
        Salary upTo = EXTRACTOR.find("Compensation up to £80k plus bonus");
        assertThat(upTo.min()).isNull();
        assertThat(upTo.max()).isEqualTo(80000);
        Salary from = EXTRACTOR.find("Starting from £50k depending on experience");
        assertThat(from.min()).isEqualTo(50000);
        assertThat(from.max()).isNull();
        Salary after = EXTRACTOR.find("Salary from 4.500 € brutto monatlich.");
        assertThat(after).isNotNull();
        assertThat(after.min()).as("the currency after the amount").isEqualTo(4500);
        assertThat(after.max()).isNull();
        assertThat(after.period()).isEqualTo(Salary.Period.MONTH);
        Salary is = EXTRACTOR.find("The salary is $150k.");
        assertThat(is).as("a lone figure after 'salary is'").isNotNull();
        assertThat(is.min()).isEqualTo(150000);
        assertThat(is.max()).isEqualTo(150000);
        assertThat(is.period()).isEqualTo(Salary.Period.YEAR);
        Salary role = EXTRACTOR.find("The salary for this role is $150,000, with equity on top.");
        assertThat(role).isNotNull();
        assertThat(role.min()).isEqualTo(150000);
        assertThat(role.currency()).isEqualTo("USD");
        assertThat(EXTRACTOR.find("The average salary is $150,000 in the Bay Area.")).as("the market's, not the role's")
                .isNull();
        Salary stated = EXTRACTOR.find("Salary: $140,000 per year");
        assertThat(stated.min()).as("a figure after a pay word is the figure itself").isEqualTo(140000);
        assertThat(stated.max()).isEqualTo(140000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "This is a 6-month contract at USD 80/hour.            | 80     | USD | HOUR",
            "The role pays $150,000 a year plus equity.            | 150000 | USD | YEAR",
            "Tagessatz 650 € pro Tag                                | 650    | EUR | DAY",
            "We pay £4,200 per month, paid monthly.                 | 4200   | GBP | MONTH",
            "Day rate: £450 (inside IR35), 6 month contract.        | 450    | GBP | DAY",
            "Rate: £450pd Outside IR35                              | 450    | GBP | DAY",
            "Competitive day rate (£550), outside IR35.             | 550    | GBP | DAY",
    })
    void oneFigureCountsWhenItsPeriodIsStated(String text, double amount, String currency, Salary.Period period) {
        Salary s = EXTRACTOR.find(text);
        assertThat(s).isNotNull();
        assertThat(s.min()).isEqualTo(amount);
        assertThat(s.max()).isEqualTo(amount);
        assertThat(s.currency()).isEqualTo(currency);
        assertThat(s.period()).isEqualTo(period);
    }

    @Test
    void oneFigureThatIsAPerkOrTheCompanysMoneyIsNotPay() {
        assertThat(EXTRACTOR.find("We give you $500 per month towards your home office.")).as("too small for monthly pay")
                .isNull();
        assertThat(EXTRACTOR.find("A $1,500 monthly stipend for coworking.")).isNull();
        assertThat(EXTRACTOR.find("Enjoy a $5,000 annual learning budget.")).isNull();
        assertThat(EXTRACTOR.find("Grants of $50,000 and $100,000 went to our founders.")).as("'and' joins a range "
                + "only after 'between'").isNull();
        assertThat(EXTRACTOR.find("Des primes de 50 000 € et 100 000 € pour nos fondateurs.")).as("'et' joins a range "
                + "only after 'entre'").isNull();
        assertThat(EXTRACTOR.find("Prêmios de 50.000 € e 100.000 € para os fundadores.")).as("'e' joins a "
                + "range only after 'entre'").isNull();
        assertThat(EXTRACTOR.find("We passed $30,000,000 in yearly revenue.")).isNull();
        assertThat(EXTRACTOR.find("Our app has 5 lakh users across India.")).as("lakhs of users, not rupees").isNull();
        assertThat(EXTRACTOR.find("Our app has 18 to 24 lakh users across India.")).as("a range of lakhs with no pay word")
                .isNull();
        assertThat(EXTRACTOR.find("Tanks of 18L - 24L for our beverage plant.")).as("an L with no rupee sign is no lakh").isNull();
        assertThat(EXTRACTOR.find("$150,000 in seed money")).as("no period").isNull();
        assertThat(EXTRACTOR.find("利用者数100万人を突破したサービスです。")).as("a million users, no yen").isNull();
        assertThat(EXTRACTOR.find("利用者数100万〜200万人のサービス")).as("a range of users, no yen").isNull();
        assertThat(EXTRACTOR.find("賞与：年2回（100万円〜200万円）")).as("a bonus").isNull();
        assertThat(EXTRACTOR.find("資金調達額 5000万〜8000万円")).as("funding").isNull();
    }

    @Test
    void aCeilingOnABenefitIsNotPay() {
        assertThat(EXTRACTOR.find("We are a fully distributed team. We match 401(k) contributions up to $6,000 per year "
                + "and offer up to $10,000 in tuition reimbursement.")).isNull();
        assertThat(EXTRACTOR.find("Pension: we pay in up to £4,000 per year.")).isNull();
        assertThat(EXTRACTOR.find("Relocation support of up to €5,000 per year of the move.")).isNull();
        assertThat(EXTRACTOR.find("An equipment allowance up to $2,000 a year.")).isNull();
        // US benefits lines: commuting, childcare and education assistance.
        assertThat(EXTRACTOR.find("Commuter benefits up to $300 per month.")).isNull();
        assertThat(EXTRACTOR.find("Transit benefits: up to $315/month pre-tax.")).isNull();
        assertThat(EXTRACTOR.find("Childcare support up to £500 per month.")).isNull();
        assertThat(EXTRACTOR.find("Receive up to $10,000 per year in education assistance.")).isNull();
        Salary paid = EXTRACTOR.find("Pay: $25/hour. Commuter benefits and a childcare stipend.");
        assertThat(paid).isNotNull();
        assertThat(paid.max()).isEqualTo(25.0);
        // A perk after the pay does not make it one.
        Salary pay = EXTRACTOR.find("Salary: up to $150,000 per year plus bonus and 401(k) match.");
        assertThat(pay).isNotNull();
        assertThat(pay.max()).isEqualTo(150000.0);
        Salary after = EXTRACTOR.find("Great 401(k) plan. Compensation: up to $140,000 per year.");
        assertThat(after).isNotNull();
        assertThat(after.max()).isEqualTo(140000.0);
        // Nor does one in the sentence before, however that sentence ends.
        Salary hourly = EXTRACTOR.find("$1,000 sign-on bonus! Starting pay $19/hour for warehouse associates.");
        assertThat(hourly).isNotNull();
        assertThat(hourly.max()).isEqualTo(19.0);
        assertThat(hourly.period()).isEqualTo(Salary.Period.HOUR);
        Salary asked = EXTRACTOR.find("Want a relocation package? Pay: $30 per hour.");
        assertThat(asked).isNotNull();
        assertThat(asked.max()).isEqualTo(30.0);
    }

    @Test
    void aPerkNamedBesideARangeOrACeilingIsNotPay() {
        // Large enough to read as yearly pay by size, but a perk's words stand right beside them.
        assertThat(EXTRACTOR.find("Enjoy a signing bonus of $20,000 - $30,000 for this role.")).isNull();
        assertThat(EXTRACTOR.find("We offer up to $25,000 in relocation assistance.")).isNull();
        assertThat(EXTRACTOR.find("Up to $25,000 relocation assistance is available.")).isNull();
        // The perk does not hide the pay stated after it, nor does one named after "plus" or "+".
        Salary pay = EXTRACTOR.find("A signing bonus of $20,000 - $30,000. Salary: $140,000 - $160,000 per year.");
        assertThat(pay).isNotNull();
        assertThat(pay.min()).isEqualTo(140000.0);
        Salary plus = EXTRACTOR.find("Base salary $120,000 - $150,000 plus bonus and relocation.");
        assertThat(plus).isNotNull();
        assertThat(plus.max()).isEqualTo(150000.0);
        Salary budget = EXTRACTOR.find("The salary budget is €60,000 - €70,000.");
        assertThat(budget).isNotNull();
        assertThat(budget.max()).isEqualTo(70000.0);
        Salary ceiling = EXTRACTOR.find("Compensation up to $150,000 + annual bonus.");
        assertThat(ceiling).isNotNull();
        assertThat(ceiling.max()).isEqualTo(150000.0);
    }

    @Test
    void theMoneyOfClientsDealsAndEquityIsNotPay() {
        // Sized like yearly pay, but the customers' savings, the deals sold or a stock grant.
        assertThat(EXTRACTOR.find("Our platform helps clients save up to $200,000 per year on cloud costs.")).isNull();
        assertThat(EXTRACTOR.find("Customers see savings of $50,000 - $120,000 per year.")).isNull();
        assertThat(EXTRACTOR.find("You will close deals between $50,000 and $150,000 a year.")).isNull();
        assertThat(EXTRACTOR.find("Managing deal sizes of $80,000 - $250,000 annually.")).isNull();
        assertThat(EXTRACTOR.find("You will own a quota of $800,000 - $1,000,000 per year.")).isNull();
        assertThat(EXTRACTOR.find("Our average contract value is $60,000 - $90,000 per year.")).isNull();
        assertThat(EXTRACTOR.find("New hires receive an equity grant of $40,000 - $60,000 per year, vesting over four years."))
                .isNull();
        assertThat(EXTRACTOR.find("RSUs worth up to $100,000 per year.")).isNull();
        // The company's own spending, which the job is to manage or cut.
        assertThat(EXTRACTOR.find("We spend $3,000,000 a year on cloud infrastructure and need you to reduce it.")).isNull();
        assertThat(EXTRACTOR.find("You will own a cloud spend of $400,000 - $600,000 per year.")).isNull();
        assertThat(EXTRACTOR.find("Manage annual spend of $2,500,000 per year across vendors.")).isNull();
        // A revenue, account or sales target, a book of business, a P&L, the pipeline or new sales the role brings in.
        assertThat(EXTRACTOR.find("Grow key accounts to $500,000 in annual revenue.")).isNull();
        assertThat(EXTRACTOR.find("Grow key accounts to $500,000 a year.")).isNull();
        assertThat(EXTRACTOR.find("Expand key accounts to $500,000 annually.")).isNull();
        assertThat(EXTRACTOR.find("Upsell customers to $100,000 a year.")).isNull();
        assertThat(EXTRACTOR.find("Grow key accounts from $100,000 to $500,000 per year.")).isNull();
        assertThat(EXTRACTOR.find("Grow key accounts from $100,000 to $500,000 in annual revenue.")).isNull();
        assertThat(EXTRACTOR.find("Grow accounts from $50k to $200k ARR per year.")).isNull();
        assertThat(EXTRACTOR.find("Grow your territory to $500,000 per year in new business.")).isNull();
        assertThat(EXTRACTOR.find("Carry an annual target of $800,000 per year.")).isNull();
        assertThat(EXTRACTOR.find("Hit a target of $800,000 - $1,000,000 per year.")).isNull();
        assertThat(EXTRACTOR.find("Own a book of $1,500,000 per year.")).isNull();
        assertThat(EXTRACTOR.find("Manage P&L of $10,000,000 per year.")).isNull();
        assertThat(EXTRACTOR.find("Generate $1,000,000 per year in pipeline.")).isNull();
        assertThat(EXTRACTOR.find("Bring in $300,000 - $500,000 a year in new sales.")).isNull();
        assertThat(EXTRACTOR.find("Close deals ranging from $50,000 to $250,000 per year.")).isNull();
        assertThat(EXTRACTOR.find("Close deals worth $50k–$250k.")).isNull();
        assertThat(EXTRACTOR.find("You will manage a $2M budget.")).isNull();
        // The pay's own growth is pay, and so is a sales job's pay and the target pay.
        Salary growing = EXTRACTOR.find("Starting at $70,000, growing to $90,000 after one year.");
        assertThat(growing).isNotNull();
        assertThat(growing.min()).isEqualTo(70000.0);
        Salary sales = EXTRACTOR.find("Sales Associate - $18/hour.");
        assertThat(sales).isNotNull();
        assertThat(sales.max()).isEqualTo(18.0);
        Salary target = EXTRACTOR.find("Target pay: $25/hour.");
        assertThat(target).isNotNull();
        assertThat(target.max()).isEqualTo(25.0);
        // Pay beside them is still pay: equity after "plus", and an ideal candidate is no deal.
        Salary plus = EXTRACTOR.find("Salary: $120,000 - $150,000 per year plus equity and bonus.");
        assertThat(plus).isNotNull();
        assertThat(plus.max()).isEqualTo(150000.0);
        Salary ideal = EXTRACTOR.find("The ideal candidate: compensation up to $160,000 per year.");
        assertThat(ideal).isNotNull();
        assertThat(ideal.max()).isEqualTo(160000.0);
        Salary after = EXTRACTOR.find("We help clients save money. Salary: $130,000 - $140,000 per year.");
        assertThat(after).isNotNull();
        assertThat(after.min()).isEqualTo(130000.0);
        Salary time = EXTRACTOR.find("You will spend half your time coding. Salary: $130,000 - $140,000 per year.");
        assertThat(time).isNotNull();
        assertThat(time.min()).isEqualTo(130000.0);
    }

    @Test
    void aFigureWhoseSubjectIsNotTheRolesPayIsNotPay() {
        // A period stated after one figure, but the money is the company's, its users' or the city's.
        assertThat(EXTRACTOR.find("Since launch we've paid out $40,000,000 a year to our drivers.")).isNull();
        assertThat(EXTRACTOR.find("Our cloud bill is $80,000 per month and you will help us cut it.")).isNull();
        assertThat(EXTRACTOR.find("Creators earn $3,000 per month on average through our marketplace.")).isNull();
        assertThat(EXTRACTOR.find("Our top sellers earn $10,000 - $20,000 a month.")).isNull();
        assertThat(EXTRACTOR.find("Rent averages $2,000 a month in Lisbon, and we help you find a flat.")).isNull();
        // Users' income with words between them and the verb, and the value of what the role manages.
        assertThat(EXTRACTOR.find("Sellers on our marketplace make $2,000 - $8,000 a month.")).isNull();
        assertThat(EXTRACTOR.find("Creators on the platform typically make $5,000 a month.")).isNull();
        assertThat(EXTRACTOR.find("Hosts on our platform earn an average of $1,500 per month.")).isNull();
        assertThat(EXTRACTOR.find("Sellers who list with us typically earn an extra $800 per month.")).isNull();
        // Freelancers, and anyone who works through the platform, whatever their trade.
        assertThat(EXTRACTOR.find("Freelancers on our platform make $50–150/hour.")).isNull();
        assertThat(EXTRACTOR.find("Our freelancers make $80/hour on average.")).isNull();
        assertThat(EXTRACTOR.find("Independent contractors on our platform earn $60 - $120 per hour.")).isNull();
        assertThat(EXTRACTOR.find("Tutors on our platform earn $25 - $40 per hour.")).isNull();
        assertThat(EXTRACTOR.find("Writers who join our marketplace earn $30 - $60 per hour.")).isNull();
        assertThat(EXTRACTOR.find("Professionals in our network earn $60 - $90/hour.")).isNull();
        assertThat(EXTRACTOR.find("Hosts on our platform earn an average of $1,500 - $2,000 per month.")).isNull();
        // Not the company's own people on a team so named, nor a trade's pay with no platform named (a driver's job).
        Salary platformTeam = EXTRACTOR.find("Engineers on our Platform team earn $180,000 - $220,000 per year.");
        assertThat(platformTeam).isNotNull();
        assertThat(platformTeam.min()).isEqualTo(180000.0);
        Salary drivers = EXTRACTOR.find("Drivers earn $25 - $35 per hour.");
        assertThat(drivers).isNotNull();
        assertThat(drivers.max()).isEqualTo(35.0);
        Salary tutors = EXTRACTOR.find("Tutors earn $25 - $40 per hour.");
        assertThat(tutors).isNotNull();
        assertThat(tutors.max()).isEqualTo(40.0);
        Salary ours = EXTRACTOR.find("Creators on our platform earn money; our engineers earn $150,000 - $200,000 per year.");
        assertThat(ours).as("the role's people after the users' income").isNotNull();
        assertThat(ours.max()).isEqualTo(200000.0);
        Salary members = EXTRACTOR.find("Members of our Platform team make $150,000 - $190,000 per year.");
        assertThat(members).as("members of the company's own team").isNotNull();
        assertThat(members.min()).isEqualTo(150000.0);
        assertThat(EXTRACTOR.find("Deal sizes typically $50,000 - $200,000.")).isNull();
        Salary pays = EXTRACTOR.find("Help merchants make more sales with our tools; this role pays $120,000 - $150,000 per year.");
        assertThat(pays).as("the role's pay named after the users' sales").isNotNull();
        assertThat(pays.min()).isEqualTo(120000.0);
        Salary nextSentence = EXTRACTOR.find("Our users earn money with us. We pay $40 per hour.");
        assertThat(nextSentence).as("the role's pay in the next sentence").isNotNull();
        assertThat(nextSentence.max()).isEqualTo(40.0);
        assertThat(EXTRACTOR.find("Own a portfolio of accounts worth $1,000,000 - $5,000,000 annually.")).isNull();
        assertThat(EXTRACTOR.find("Manage vendor contracts worth up to $500,000 per year.")).isNull();
        assertThat(EXTRACTOR.find("Manage a book of business valued at $2,000,000 - $4,000,000 per year.")).isNull();
        // The business the role deals in: customers' volumes, the contracts it negotiates, recurring revenue.
        assertThat(EXTRACTOR.find("Our customers process $2,000,000 - $5,000,000 per year through our platform.")).isNull();
        assertThat(EXTRACTOR.find("You will negotiate contracts of $250,000 - $750,000 a year.")).isNull();
        assertThat(EXTRACTOR.find("Contracts valued between $100,000 and $500,000 per year.")).isNull();
        assertThat(EXTRACTOR.find("You will manage a portfolio of $1,000,000 - $3,000,000 in annual recurring revenue."))
                .isNull();
        Salary contracts = EXTRACTOR.find("Fixed-term contracts: £40,000 - £50,000 per year.");
        assertThat(contracts).as("the pay of fixed-term contracts").isNotNull();
        assertThat(contracts.min()).isEqualTo(40000.0);
        assertThat(EXTRACTOR.find("Your mission: grow our ARR from $5,000,000 to $10,000,000 a year.")).isNull();
        // The price of the company's product, what its customers pay, the loans it makes.
        assertThat(EXTRACTOR.find("Our enterprise plans cost $1,500 - $3,000 per month and customers love them.")).isNull();
        assertThat(EXTRACTOR.find("Customers pay $2,000 - $5,000 a month for our platform.")).isNull();
        assertThat(EXTRACTOR.find("Our average customer pays $40,000 - $60,000 per year.")).isNull();
        assertThat(EXTRACTOR.find("Plans are priced at $2,000 - $4,000 per month.")).isNull();
        assertThat(EXTRACTOR.find("Our loans range from $5,000 to $50,000.")).isNull();
        assertThat(EXTRACTOR.find("Homes in our portfolio rent for $2,500 - $4,000 per month.")).isNull();
        // The role's own pay so stated is still pay, in a low-paid posting too, and after such a sentence.
        Salary salary = EXTRACTOR.find("Warehouse associate, days. Salary: $3,000 per month.");
        assertThat(salary).isNotNull();
        assertThat(salary.max()).isEqualTo(3000.0);
        assertThat(salary.period()).isEqualTo(Salary.Period.MONTH);
        // Team members are the role's own people, not a platform's members.
        Salary team = EXTRACTOR.find("Our team members earn $20 - $25 per hour.");
        assertThat(team).isNotNull();
        assertThat(team.max()).isEqualTo(25.0);
        assertThat(team.period()).isEqualTo(Salary.Period.HOUR);
        Salary crew = EXTRACTOR.find("Crew members make $18/hour plus tips.");
        assertThat(crew).isNotNull();
        assertThat(crew.max()).isEqualTo(18.0);
        assertThat(EXTRACTOR.find("Our members earn $500 - $1,500 per month renting out their cars.")).isNull();
        Salary make = EXTRACTOR.find("You will make $120,000 - $140,000 per year.");
        assertThat(make).isNotNull();
        assertThat(make.min()).isEqualTo(120000.0);
        assertThat(EXTRACTOR.find("A benefits package worth $25,000 - $30,000 per year on top of salary.")).isNull();
        Salary worth = EXTRACTOR.find("A compensation package worth $150,000 - $180,000 per year.");
        assertThat(worth).as("a pay package so valued").isNotNull();
        assertThat(worth.min()).isEqualTo(150000.0);
        Salary decisions = EXTRACTOR.find("Users of our app make decisions faster. Salary: $3,000 - $4,000 per month.");
        assertThat(decisions).isNotNull();
        assertThat(decisions.max()).isEqualTo(4000.0);
        Salary earn = EXTRACTOR.find("During the fellowship you will earn $3,000 per month.");
        assertThat(earn).isNotNull();
        assertThat(earn.max()).isEqualTo(3000.0);
        assertThat(earn.period()).isEqualTo(Salary.Period.MONTH);
        Salary after = EXTRACTOR.find("Our cloud bill is $80,000 per month. You will be paid $9,000 per month.");
        assertThat(after).isNotNull();
        assertThat(after.max()).isEqualTo(9000.0);
        Salary price = EXTRACTOR.find("Our plans cost $99 a month. Salary: $130,000 - $150,000 per year.");
        assertThat(price).as("pay stated after a price").isNotNull();
        assertThat(price.min()).isEqualTo(130000.0);
        Salary rate = EXTRACTOR.find("Bill rate: $95/hour, W2 or C2C.");
        assertThat(rate).as("a contractor's bill rate stays a rate").isNotNull();
        assertThat(rate.max()).isEqualTo(95.0);
    }

    @Test
    void onTargetEarningsArePayOnlyWhereNoBaseIsStated() {
        Salary ote = EXTRACTOR.find("Account Executive, London. OTE £90,000 with uncapped commission.");
        assertThat(ote).isNotNull();
        assertThat(ote.min()).isEqualTo(90000.0);
        assertThat(ote.max()).isEqualTo(90000.0);
        assertThat(ote.currency()).isEqualTo("GBP");
        assertThat(ote.period()).isEqualTo(Salary.Period.YEAR);
        Salary of = EXTRACTOR.find("Uncapped commission, OTE of $140k.");
        assertThat(of).isNotNull();
        assertThat(of.max()).isEqualTo(140000.0);
        // Named after the figure, as often as before it.
        Salary after = EXTRACTOR.find("Account Executive, Austin. $200k OTE with uncapped commission.");
        assertThat(after).isNotNull();
        assertThat(after.max()).isEqualTo(200000.0);
        assertThat(after.period()).isEqualTo(Salary.Period.YEAR);
        Salary paren = EXTRACTOR.find("£90,000 (OTE), 50/50 split.");
        assertThat(paren).isNotNull();
        assertThat(paren.max()).isEqualTo(90000.0);
        Salary range = EXTRACTOR.find("$150k - $200k OTE, uncapped.");
        assertThat(range).isNotNull();
        assertThat(range.min()).isEqualTo(150000.0);
        // The base, where one is stated, is the pay, before or after the OTE, also beside an OTE range.
        Salary rangeThenBase = EXTRACTOR.find("OTE $150k - $200k, base $100k.");
        assertThat(rangeThenBase).isNotNull();
        assertThat(rangeThenBase.max()).isEqualTo(100000.0);
        Salary baseThenRange = EXTRACTOR.find("$100k base, $150k - $200k OTE.");
        assertThat(baseThenRange).isNotNull();
        assertThat(baseThenRange.max()).isEqualTo(100000.0);
        Salary baseFirst = EXTRACTOR.find("Base salary £50,000 - £60,000, OTE £90,000.");
        assertThat(baseFirst).isNotNull();
        assertThat(baseFirst.max()).isEqualTo(60000.0);
        Salary baseAfter = EXTRACTOR.find("OTE £90,000 (base: £50,000), paid monthly.");
        assertThat(baseAfter).isNotNull();
        assertThat(baseAfter.max()).isEqualTo(50000.0);
        // The base named after its figure, as sales postings write it beside the OTE.
        Salary baseWordAfter = EXTRACTOR.find("Compensation: $100k base, $200k OTE, uncapped commission.");
        assertThat(baseWordAfter).isNotNull();
        assertThat(baseWordAfter.min()).isEqualTo(100000.0);
        assertThat(baseWordAfter.max()).isEqualTo(100000.0);
        Salary basic = EXTRACTOR.find("£50,000 basic + £25,000 commission (OTE £75,000).");
        assertThat(basic).isNotNull();
        assertThat(basic.max()).isEqualTo(50000.0);
        assertThat(basic.period()).isEqualTo(Salary.Period.YEAR);
        Salary baseSalary = EXTRACTOR.find("We offer $120,000 base salary plus equity.");
        assertThat(baseSalary).isNotNull();
        assertThat(baseSalary.max()).isEqualTo(120000.0);
        // A base that is not pay: a customer base, a user base.
        assertThat(EXTRACTOR.find("We grew a $5,000 base of customers.")).isNull();
        assertThat(EXTRACTOR.find("A $20 base price per seat.")).isNull();
        assertThat(EXTRACTOR.find("Researchers receive a $30,000 base stipend.")).isNull();
        // "ote" inside a word is no OTE.
        assertThat(EXTRACTOR.find("Please note £30,000 of the round went to hiring.")).isNull();
    }

    @Test
    void numbersThatAreNotPayAreIgnored() {
        assertThat(EXTRACTOR.find("We raised $100M in our Series B and serve 10,000 customers")).isNull();
        assertThat(EXTRACTOR.find("Join 2,000 - 3,000 engineers worldwide")).isNull();
        assertThat(EXTRACTOR.find("401(k) matching and 25 days of holiday")).isNull();
        assertThat(EXTRACTOR.find("$5 - $10 billion market")).isNull();
        assertThat(EXTRACTOR.find("Watch Euro 2024 with the team; Euro 2028 will be in the UK and Ireland.")).isNull();
        assertThat(EXTRACTOR.find("Our Eurostar tickets, the euro area's 20 countries, 2 - 3 euros of coffee")).isNull();
        assertThat(EXTRACTOR.find("")).isNull();
        assertThat(EXTRACTOR.find(null)).isNull();
    }
}
