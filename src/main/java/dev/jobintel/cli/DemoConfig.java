package dev.jobintel.cli;

import dev.jobintel.config.SourcesConfig;

import java.util.List;

/** The sources section of a jobintel.yaml listing the demo snapshot's boards. */
final class DemoConfig {

    /** The first line, by which 'demo --recording' knows a jobintel.yaml of its own from a user's. */
    static final String HEADER = "# The boards of jobintel's demo snapshot (written by 'jobintel demo --recording').\n";

    private DemoConfig() {
    }

    static String yaml(SourcesConfig s) {
        StringBuilder sb = new StringBuilder(HEADER)
                .append("# Replay them with: jobintel fetch --config <this file> --replay <its directory>\n")
                .append("database:\n  url: jdbc:sqlite:demo-replay.db\nsources:\n");
        boards(sb, "greenhouse", s.greenhouse().boards());
        boards(sb, "lever", s.lever().boards());
        boards(sb, "ashby", s.ashby().boards());
        boards(sb, "workable", s.workable().boards());
        boards(sb, "smartrecruiters", s.smartrecruiters().boards());
        SourcesConfig.Adzuna a = s.adzuna();
        if (!a.queries().isEmpty()) {
            sb.append("  adzuna:\n    countries: [").append(String.join(", ", a.countries())).append("]\n    queries:\n");
            a.queries().forEach(q -> sb.append("      - what: ").append(quote(q.what())).append('\n'));
            sb.append("    results_per_page: ").append(a.resultsPerPage()).append('\n');
        }
        return sb.toString();
    }

    private static void boards(StringBuilder sb, String source, List<SourcesConfig.Board> boards) {
        if (boards.isEmpty()) {
            return;
        }
        sb.append("  ").append(source).append(":\n    boards:\n");
        for (SourcesConfig.Board b : boards) {
            sb.append("      - {slug: ").append(quote(b.slug())).append(", name: ").append(quote(b.name())).append("}\n");
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
