package dev.jobintel.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.jobintel.internal.Invisible;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How reports are written: a table for people, CSV for spreadsheets, JSON for programs. */
public enum ReportFormat {

    TABLE {
        @Override
        public void write(PrintWriter out, List<Report> reports, Map<String, Object> scope) {
            for (int i = 0; i < reports.size(); i++) {
                Report r = reports.get(i);
                if (i > 0) {
                    out.println();
                }
                out.printf(Locale.ROOT, "%s — %s%s%n", r.title(), r.jobCount(), describe(scope));
                if (r.rows().isEmpty()) {
                    out.println("  (" + r.emptyNote() + ")");
                    continue;
                }
                TextTable t = new TextTable(r.columns().stream().map(Report.Column::heading).toArray(String[]::new));
                for (int c = 0; c < r.columns().size(); c++) {
                    if (r.columns().get(c).key().equals("url")) {
                        t.whole(c); // a posting's link, to be followed: whole, not cut to a cell's width
                    }
                }
                for (List<Object> row : r.rows()) {
                    t.row(row.toArray());
                }
                out.print(t.render("  "));
            }
        }
    },

    CSV {
        @Override
        public void write(PrintWriter out, List<Report> reports, Map<String, Object> scope) {
            if (reports.size() != 1) {
                throw new IllegalArgumentException("CSV holds one report: name the question, e.g. 'jobintel report skills'");
            }
            Report r = reports.get(0);
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            r.columns().forEach(c -> schema.addColumn(c.key()));
            List<List<Object>> rows = new ArrayList<>();
            for (List<Object> row : r.rows()) {
                List<Object> cells = new ArrayList<>(row.size());
                for (Object cell : row) {
                    cells.add(csvCell(twoDecimals(cell)));
                }
                rows.add(cells);
            }
            try {
                out.print(new CsvMapper().writer(schema.build()).writeValueAsString(rows));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the " + r.name() + " report as CSV", e);
            }
        }
    },

    JSON {
        @Override
        public void write(PrintWriter out, List<Report> reports, Map<String, Object> scope) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode all = mapper.createArrayNode();
            for (Report r : reports) {
                ObjectNode node = all.addObject();
                node.put("report", r.name());
                node.put("title", r.title());
                node.put("jobs", r.jobs());
                node.set("filter", mapper.valueToTree(scope));
                ArrayNode rows = node.putArray("rows");
                for (List<Object> row : r.rows()) {
                    ObjectNode o = rows.addObject();
                    for (int i = 0; i < r.columns().size(); i++) {
                        o.set(r.columns().get(i).key(), mapper.valueToTree(twoDecimals(row.get(i))));
                    }
                }
            }
            try {
                out.println(mapper.writeValueAsString(reports.size() == 1 ? all.get(0) : all));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write reports as JSON", e);
            }
        }
    };

    /** Writes the reports; {@code scope} is the filter as the user gave it (key to value, none for unset). */
    public abstract void write(PrintWriter out, List<Report> reports, Map<String, Object> scope);

    public static ReportFormat named(String name) {
        for (ReportFormat f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no format '" + name + "' (formats: table, csv, json)");
    }

    private static String describe(Map<String, Object> scope) {
        if (scope.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        scope.forEach((k, v) -> parts.add(Boolean.TRUE.equals(v) ? k : k + " " + v));
        return " (" + String.join(", ", parts) + ")";
    }

    /**
     * A value as a CSV cell: none as an empty cell (Jackson's CSV writer drops a null from a row,
     * moving every later cell one column left), text kept inert, a number as it is ({@code db export}
     * writes stored amounts with it: a report's CSV rounds its shares before).
     */
    public static Object csvCell(Object v) {
        return v == null ? "" : v instanceof String s ? inert(s) : v;
    }

    /**
     * A share (a Double cell, kept unrounded in a report) to two decimals, as CSV and JSON write it;
     * any other cell as it is. A table rounds the unrounded share to one decimal itself.
     */
    static Object twoDecimals(Object v) {
        return v instanceof Double d && Double.isFinite(d) ? Math.round(d * 100) / 100.0 : v;
    }

    /**
     * Text from postings (an employer's name, a skill) that a spreadsheet would run as a formula
     * if it began with =, +, -, @, a tab or a carriage return: a leading apostrophe keeps it text.
     * Control characters a terminal would run (a CSV is often read with cat) are dropped; line
     * breaks stay, quoted.
     */
    public static String inert(String s) {
        String t = Invisible.strip(s);
        return !t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0 ? "'" + t : t;
    }
}
