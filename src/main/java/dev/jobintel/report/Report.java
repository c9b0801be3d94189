package dev.jobintel.report;

import java.util.List;

/**
 * One answer to a market question: a table of rows under named columns, ready for any format.
 * Cells are text, whole numbers (Long), shares (Double, unrounded: each {@link ReportFormat} rounds them once),
 * or null for none.
 *
 * @param name    the question, e.g. "skills"
 * @param title   what the table shows, in words
 * @param columns the columns, in order
 * @param rows    the rows, each with one cell per column
 * @param jobs    how many jobs the filter selected (the base of every share)
 */
public record Report(String name, String title, List<Column> columns, List<List<Object>> rows, long jobs) {

    /** A column: its key in CSV and JSON, and its heading in a table. */
    public record Column(String key, String heading) {
    }

    public static Column column(String key, String heading) {
        return new Column(key, heading);
    }

    /** "1 job", "1,204 jobs": how many jobs the report counted, for its heading. */
    public String jobCount() {
        return String.format(java.util.Locale.ROOT, "%,d %s", jobs, jobs == 1 ? "job" : "jobs");
    }

    /**
     * What a table with no rows says: that no job matched the filter, or that none of those that
     * did has what this report counts ("(no jobs)" under "— 3 jobs" read as a contradiction).
     */
    public String emptyNote() {
        if (jobs == 0) {
            return "no jobs";
        }
        return "no job here " + switch (name) {
            case "pay" -> "states pay";
            case "skills" -> "asks for a skill the dictionary knows";
            default -> "has what this report counts";
        };
    }
}
