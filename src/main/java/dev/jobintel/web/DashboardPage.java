package dev.jobintel.web;

import dev.jobintel.internal.Clip;
import dev.jobintel.store.Ledger;
import dev.jobintel.pipeline.Explanation;
import dev.jobintel.pipeline.StatusReport;
import dev.jobintel.posting.CanonicalUrl;
import dev.jobintel.report.Report;
import dev.jobintel.report.TextTable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's one page: the ledger, a filter form, and every market report as a table.
 * Built as a jsoup document, whose text nodes are escaped when written, so that nothing a
 * posting says (an employer called {@code <script>}) is ever markup.
 */
final class DashboardPage {

    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0 2em}td,th{padding:.2em .8em;border-bottom:1px solid #ddd}"
            + "th{text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}"
            + "form label{margin-right:1em}.ok{color:#17692b}.broken{color:#a11}nav a{margin-right:1em}";

    private DashboardPage() {
    }

    static String render(StatusReport status, Explanation explanation, List<Report> reports, Map<String, String> filter,
                         String error) {
        Document doc = Document.createShell("");
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.title("jobintel — market dashboard");
        doc.head().appendElement("style").appendText(STYLE);
        Element body = doc.body();
        body.appendElement("h1").text("jobintel — market dashboard");
        ledger(body, status);
        form(body, filter);
        if (error != null) {
            body.appendElement("p").addClass("broken").text(error);
        }
        Element nav = body.appendElement("nav");
        for (Report r : reports) {
            nav.appendElement("a").attr("href", "#" + r.name()).text(r.title());
        }
        nav.appendElement("a").attr("href", "#postings").text(WHERE);
        for (Report r : reports) {
            table(body, r, filter);
        }
        explanation(body, explanation);
        body.appendElement("p").text("Every job is counted once, however many boards posted it. The same answers: "
                + "jobintel report --format json.");
        return doc.outerHtml();
    }

    private static void ledger(Element body, StatusReport s) {
        Element p = body.appendElement("p");
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d raw postings = ", s.rawPostings()));
        // Every outcome the ledger holds, the five first: the sum is the total whatever rows say.
        String plus = "";
        for (var o : s.outcomes().entrySet()) {
            text.append(plus).append(String.format(Locale.ROOT, "%,d %s", o.getValue().count(), Clip.oneLine(o.getKey(), 40)));
            plus = " + ";
        }
        text.append(String.format(Locale.ROOT, "; %,d jobs. ", s.enrichedJobs()));
        p.appendText(text.toString());
        p.appendElement("span").addClass(s.consistent() ? "ok" : "broken")
                .text(s.consistent() ? "Invariants hold." : "Invariants broken: run jobintel status --explain.");
    }

    private static final String WHERE = "Where every posting went";

    /** status --explain as a table: every outcome and reason, how many, what to do, an example; then the rejects. */
    private static void explanation(Element body, Explanation e) {
        body.appendElement("h2").attr("id", "postings").text(WHERE);
        Element table = body.appendElement("table");
        Element head = table.appendElement("tr");
        for (String h : new String[] {"outcome", "reason", "postings", "what to do", "for example"}) {
            head.appendElement("th").text(h);
        }
        for (Explanation.Entry x : e.entries()) {
            Element tr = table.appendElement("tr");
            tr.appendElement("td").text(x.outcome());
            tr.appendElement("td").text(x.reason() == null ? "" : x.reason());
            tr.appendElement("td").addClass("n").text(String.format(Locale.ROOT, "%,d", x.count()));
            tr.appendElement("td").text(x.action());
            tr.appendElement("td").text(x.examples().stream().map(Ledger.Example::line)
                    .collect(java.util.stream.Collectors.joining("; ")));
        }
        for (dev.jobintel.store.Rejects.ReasonCount r : e.rejects()) {
            Element tr = table.appendElement("tr");
            tr.appendElement("td").text("rejected");
            tr.appendElement("td").text(r.reason());
            tr.appendElement("td").addClass("n").text(String.format(Locale.ROOT, "%,d", r.count()));
            tr.appendElement("td").text(Explanation.rejectAction(r.reason()));
            tr.appendElement("td").text(r.examples().stream().map(ex -> ex.source() + "/" + ex.board() + ": "
                    + Clip.oneLine(ex.detail(), 160)).collect(java.util.stream.Collectors.joining("; ")));
        }
    }

    private static void form(Element body, Map<String, String> filter) {
        Element form = body.appendElement("form").attr("method", "get").attr("action", "/");
        // name, label, an example of what it takes
        for (String[] f : new String[][] {{"city", "City", "London"}, {"family", "Family", "data"},
                {"since", "Since", "2026-11-01"}, {"area", "Area", "Germany"}}) {
            Element label = form.appendElement("label").text(f[1] + " ");
            label.appendElement("input").attr("name", f[0]).attr("value", filter.getOrDefault(f[0], ""))
                    .attr("placeholder", f[2]).attr("size", "14");
        }
        checkbox(form, filter, "open", " still open only");
        checkbox(form, filter, "remote", " remote possible only");
        form.appendElement("button").attr("type", "submit").text("Show");
    }

    private static void checkbox(Element form, Map<String, String> filter, String name, String label) {
        Element l = form.appendElement("label");
        Element box = l.appendElement("input").attr("type", "checkbox").attr("name", name).attr("value", "1");
        if (filter.containsKey(name)) {
            box.attr("checked", true);
        }
        l.appendText(label);
    }

    private static void table(Element body, Report r, Map<String, String> filter) {
        Element h = body.appendElement("h2").attr("id", r.name()).text(r.title());
        h.appendText(" — " + r.jobCount() + " ");
        h.appendElement("a").attr("href", "/report/" + r.name() + ".csv" + Dashboard.query(filter)).text("CSV");
        h.appendText(" ");
        h.appendElement("a").attr("href", "/report/" + r.name() + ".json" + Dashboard.query(filter)).text("JSON");
        if (r.rows().isEmpty()) {
            String note = r.emptyNote();
            body.appendElement("p").text(Character.toUpperCase(note.charAt(0)) + note.substring(1) + ".");
            return;
        }
        Element table = body.appendElement("table");
        Element head = table.appendElement("tr");
        for (Report.Column c : r.columns()) {
            head.appendElement("th").text(c.heading());
        }
        for (List<Object> row : r.rows()) {
            Element tr = table.appendElement("tr");
            for (int i = 0; i < row.size(); i++) {
                Object cell = row.get(i);
                Element td = tr.appendElement("td");
                if (r.columns().get(i).key().equals("url") && cell instanceof String url
                        && CanonicalUrl.isWebAddress(url)) {
                    // A posting's link, as a link: only http(s) ("javascript:" from a board stays text), and the
                    // board learns nothing of the dashboard it was opened from.
                    td.appendElement("a").attr("href", url).attr("rel", "noopener noreferrer nofollow")
                            .text(cell(cell));
                } else {
                    td.text(cell(cell));
                }
                if (cell instanceof Number) {
                    td.addClass("n");
                }
            }
        }
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        if (v instanceof Number n) {
            return String.format(Locale.ROOT, "%,d", n.longValue());
        }
        return Clip.oneLine(v.toString(), TextTable.CELL_MAX); // the CSV and JSON keep every character
    }
}
