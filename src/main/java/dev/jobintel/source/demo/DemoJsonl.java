package dev.jobintel.source.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobintel.posting.Hints;

/** A demo record as a line of the neutral JSON Lines import format. */
final class DemoJsonl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoJsonl() {
    }

    static String line(DemoRecord r) {
        if (r.brokenLine() != null) {
            return r.brokenLine();
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("source", r.source());
        n.put("id", r.id());
        n.put("url", r.url());
        n.put("company", r.company());
        n.put("title", r.title());
        n.put("location", r.location());
        n.put("description", r.escapedHtml() ? escape(r.descriptionHtml()) : r.descriptionHtml());
        n.put("posted_at", r.postedAt() == null ? null : r.postedAt().toString());
        Hints h = r.hints();
        if (h == null) {
            n.putNull("hints");
        } else if (!h.isEmpty()) {
            dev.jobintel.source.jsonl.JsonlRecord.putHints(n.putObject("hints"), h);
        }
        return n.toString();
    }

    /** Entity-escaped HTML, the way Greenhouse sends content. */
    static String escape(String html) {
        if (html == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(html.length() + html.length() / 4);
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
