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
            ObjectNode hn = n.putObject("hints");
            if (h.salary() != null) {
                hn.putObject("salary").put("min", h.salary().min()).put("max", h.salary().max())
                        .put("currency", h.salary().currency()).put("period", h.salary().period().code());
            }
            if (h.workplace() != null) {
                hn.put("workplace", h.workplace());
            }
            if (h.remote() != null) {
                hn.put("remote", h.remote());
            }
            if (h.employmentType() != null) {
                hn.put("employment_type", h.employmentType());
            }
            if (h.department() != null) {
                hn.put("department", h.department());
            }
            if (h.experienceLevel() != null) {
                hn.put("experience_level", h.experienceLevel());
            }
            if (!h.countries().isEmpty()) {
                h.countries().forEach(hn.putArray("countries")::add);
            }
            if (!h.extra().isEmpty()) {
                ObjectNode ex = hn.putObject("extra");
                h.extra().forEach(ex::put);
            }
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
