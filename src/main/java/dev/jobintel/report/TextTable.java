package dev.jobintel.report;

import dev.jobintel.internal.Clip;
import dev.jobintel.internal.TerminalWidth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table with right-aligned numbers, for one-screen summaries; columns line up by terminal width. */
public final class TextTable {

    /** The widest a cell is drawn: a posting's company or title can be any length, a terminal cannot. */
    public static final int CELL_MAX = 120;

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;
    /** Columns drawn whole, however long: see {@link #whole}. */
    private final java.util.Set<Integer> whole = new java.util.HashSet<>();

    public TextTable(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    /** Draws column {@code i} whole (still one line), not clipped to {@link #CELL_MAX}: a link cut short leads nowhere. */
    public TextTable whole(int i) {
        whole.add(i);
        return this;
    }

    public TextTable row(Object... cells) {
        String[] r = new String[columns];
        for (int i = 0; i < columns; i++) {
            Object v = i < cells.length ? cells[i] : "";
            r[i] = v instanceof Number n && !(v instanceof Double) ? String.format(Locale.ROOT, "%,d", n.longValue())
                    : v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d)
                    : v == null ? "" : whole.contains(i) ? Clip.line(v.toString()) : Clip.oneLine(v.toString(), CELL_MAX);
        }
        rows.add(r);
        return this;
    }

    public String render(String indent) {
        int[] width = new int[columns];
        boolean[] numeric = new boolean[columns];
        for (int i = 0; i < columns; i++) {
            numeric[i] = true;
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], TerminalWidth.of(rows.get(r)[i]));
                if (r > 0 && !rows.get(r)[i].isEmpty() && !rows.get(r)[i].matches("[-0-9,.%$ ]+")) {
                    numeric[i] = false;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            sb.append(indent);
            for (int i = 0; i < columns; i++) {
                String cell = rows.get(r)[i];
                String pad = " ".repeat(width[i] - TerminalWidth.of(cell));
                sb.append(numeric[i] && i > 0 ? pad + cell : cell + (i == columns - 1 ? "" : pad));
                if (i < columns - 1) {
                    sb.append("  ");
                }
            }
            endLine(sb);
            if (r == 0) {
                sb.append(indent);
                for (int i = 0; i < columns; i++) {
                    sb.append("-".repeat(width[i]));
                    if (i < columns - 1) {
                        sb.append("  ");
                    }
                }
                endLine(sb);
            }
        }
        return sb.toString();
    }

    /** Ends a line without the padding after its last non-empty cell. */
    private static void endLine(StringBuilder sb) {
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        sb.append('\n');
    }
}
