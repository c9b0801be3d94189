package dev.jobintel.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jobintel.classify.taxonomy.Vocabulary;
import dev.jobintel.pipeline.Explanation;
import dev.jobintel.pipeline.StatusReport;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.report.JobFilter;
import dev.jobintel.report.MarketReports;
import dev.jobintel.report.Report;
import dev.jobintel.report.ReportFormat;
import dev.jobintel.store.Database;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local dashboard: the ledger and the market reports as one page, and each report as CSV or
 * JSON, read from the database on every request. Read only: it changes nothing. It binds where it is
 * told (the command defaults to 127.0.0.1), runs no script, and escapes everything a posting says.
 *
 * <ul>
 *   <li>{@code GET /?city=&family=&since=&open=1&remote=1&area=}: the page</li>
 *   <li>{@code GET /report/QUESTION.csv} or {@code .json}, with the same filter: one report, whole (at most
 *   {@link #DOWNLOAD_ROWS} rows), or its first {@code limit=N} rows</li>
 *   <li>{@code GET /status.json}: the ledger, as {@code jobintel status --json} gives it</li>
 * </ul>
 */
public final class Dashboard implements AutoCloseable {

    private static final Pattern REPORT = Pattern.compile("/report/([a-z]+)\\.(csv|json)");
    private static final List<String> FILTER_KEYS = List.of("city", "family", "since", "open", "remote", "area");
    private static final List<String> SWITCHES = List.of("open", "remote");
    private static final java.util.Set<String> SWITCH_ON = java.util.Set.of("on", "true", "1", "yes");
    private static final java.util.Set<String> SWITCH_OFF = java.util.Set.of("off", "false", "0", "no");
    /**
     * Rows a download carries at most: the whole report of any market this tool is measured on (the
     * 100,000 postings of 'bench pipeline', the jobs list included), while a {@code limit} of a billion, or
     * weeks of trends back to a since of year -200,000,000, is not built in memory for whoever asks.
     */
    static final int DOWNLOAD_ROWS = 100_000;

    private final Database db;
    private final LocationResolver places;
    /** The taxonomy's families, read when a family is asked for that the database does not know yet; null for none. */
    private final Supplier<Vocabulary> families;
    private final int limit;
    private final HttpServer server;
    private final ExecutorService pool;
    private final java.util.concurrent.atomic.AtomicLong answered = new java.util.concurrent.atomic.AtomicLong();

    /** The boards the configuration names (source, slug, address), as status marks failing boards by them. */
    private final Map<String, Map<String, String>> configured;

    private Dashboard(Database db, LocationResolver places,
                      Supplier<Vocabulary> families, int limit,
                      HttpServer server, ExecutorService pool, Map<String, Map<String, String>> configured) {
        this.db = db;
        this.families = families;
        this.configured = configured;
        this.places = places;
        this.limit = limit;
        this.server = server;
        this.pool = pool;
    }

    /**
     * Serves {@code db} on {@code host:port} (port 0 picks a free one) with at most {@code limit} rows per
     * report on the page (a download carries the whole report); {@code places} reads the area filter.
     */
    public static Dashboard start(Database db, LocationResolver places, String host, int port, int limit)
            throws IOException {
        return start(db, places, host, port, limit, Map.of());
    }

    /**
     * As {@link #start(Database, LocationResolver, String, int, int)}, with the boards the configuration names
     * ({@code SourceFactory.configuredBoards}): {@code /status.json} marks failing boards by them as
     * {@code status --json} does (a board no longer configured, a back-off earned at another address).
     */
    public static Dashboard start(Database db, LocationResolver places, String host, int port, int limit,
                                  Map<String, Map<String, String>> configured) throws IOException {
        return start(db, places, () -> null, host, port, limit, configured);
    }

    /**
     * As {@link #start(Database, LocationResolver, String, int, int, Map)}, with the families of the taxonomy in use
     * ({@code families}, read when a family is asked for that the database's reference table does not have yet, as a
     * taxonomy: file of one's own adds one before a command that writes copied it there).
     */
    public static Dashboard start(Database db, LocationResolver places,
                                  Supplier<Vocabulary> families,
                                  String host, int port, int limit, Map<String, Map<String, String>> configured)
            throws IOException {
        // The JDK server reads a request on a worker thread and waits for it without limit by
        // default: four clients that send half a request would take the dashboard down.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "10"));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "120"));
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        // Enough threads that a request does not queue behind stalled ones (the JDK reads a request
        // on a worker thread, and times a queued one from its arrival): sixteen half-sent requests
        // held a pool of sixteen for the ten seconds of maxReqTime. Idle threads cost little.
        ExecutorService pool = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "jobintel-dashboard");
            t.setDaemon(true);
            return t;
        });
        Dashboard d = new Dashboard(db, places, families, limit, server, pool, configured);
        server.createContext("/", d::handle);
        server.setExecutor(pool);
        server.start();
        return d;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    /** Requests answered so far. */
    public long answered() {
        return answered.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        // The catch is inside: a 500 must be sent before the exchange is closed, not after.
        try (ex) {
            answered.incrementAndGet();
            try {
                route(ex);
            } catch (RuntimeException e) {
                if (Database.isUnreachable(e)) {
                    if (Database.sqliteFile(db.url()) != null) {
                        // Every connection to the file busy with other requests for the pool's whole wait (many
                        // large pages at once): nothing is wrong with the database, asked again it answers.
                        ex.getResponseHeaders().set("Retry-After", "5");
                        send(ex, 503, "text/plain", "The dashboard is busy answering other requests to the database; "
                                + "ask again in a moment.");
                    } else {
                        // A PostgreSQL server down or restarting: not a schema missing; asked again it waits again.
                        send(ex, 503, "text/plain", "The database cannot be reached (its server is down or restarting, "
                                + "or the network is gone). The dashboard answers again once it is back.");
                    }
                    return;
                }
                if (!db.schemaCurrent()) {
                    // A new file at the path that a run is still making, or one of another version: not ready.
                    send(ex, 503, "text/plain", "The database at its path has no jobintel schema of this version (a "
                            + "new or empty file, or one a run is still making). The dashboard shows it once "
                            + "'jobintel run' or 'jobintel db migrate' has made it.");
                    return;
                }
                // The details go to the operator's terminal, not to whoever asked.
                System.err.println("dashboard: " + ex.getRequestURI() + ": " + e);
                send(ex, 500, "text/plain", "The dashboard could not answer; the server's output says why.");
            }
        }
    }

    private void route(HttpExchange ex) throws IOException {
        if (!hostAllowed(ex.getRequestHeaders().getFirst("Host"))) {
            // A page elsewhere can point a name of its own at 127.0.0.1 (DNS rebinding) and read
            // what it serves; a dashboard bound to this machine only answers to this machine's names.
            send(ex, 403, "text/plain", "This dashboard answers to localhost and 127.0.0.1 only.");
            return;
        }
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            send(ex, 405, "text/plain", "Only GET: the dashboard never changes anything.");
            return;
        }
        if (!db.followFile()) {
            // Deleted or moved while serving: not a mix of the deleted file's answers and errors.
            send(ex, 503, "text/plain", "The database file is gone (deleted or moved). The dashboard shows it again "
                    + "once a database is back at its path, such as after 'jobintel run'.");
            return;
        }
        String path = ex.getRequestURI().getPath();
        // A query with a broken escape never gets here: the server answers 400 to its request line.
        String rawQuery = utf8(ex.getRequestURI().getRawQuery());
        Map<String, String> filter = filter(rawQuery);
        Matcher m = REPORT.matcher(path);
        if (path.equals("/")) {
            page(ex, filter);
        } else if (path.equals("/status.json")) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode status = mapper.valueToTree(StatusReport.read(db).withConfiguredBoards(configured));
            status.remove("database"); // where the database is stays with whoever runs the server
            send(ex, 200, "application/json", mapper.writerWithDefaultPrettyPrinter().writeValueAsString(status));
        } else if (m.matches() && MarketReports.QUESTIONS.contains(m.group(1))) {
            report(ex, m.group(1), m.group(2).equals("csv") ? ReportFormat.CSV : ReportFormat.JSON, filter, rawQuery);
        } else {
            send(ex, 404, "text/plain", "Not here. The dashboard is at /.");
        }
    }

    /**
     * A query as its client sent it: the JDK server reads the request line one byte per character (ISO 8859-1),
     * so a query typed with its letters as they are ({@code curl '...?city=Zürich'}, whose UTF-8 bytes go
     * unescaped) arrives as "ZÃ¼rich". Those bytes are read again as the UTF-8 they are; a browser's query,
     * percent-escaped ASCII, is unchanged.
     */
    static String utf8(String rawQuery) {
        return rawQuery == null || rawQuery.chars().allMatch(c -> c < 0x80) ? rawQuery
                : new String(rawQuery.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /**
     * Whether a request naming {@code host} (its Host header) is for this server: any name when
     * it listens beyond this machine, else only the loopback names and addresses.
     */
    boolean hostAllowed(String host) {
        if (!server.getAddress().getAddress().isLoopbackAddress()) {
            return true;
        }
        if (host == null) {
            return false;
        }
        String name = host.strip().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            name = end < 0 ? name : name.substring(0, end + 1);
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1); // "localhost." is the same name, fully qualified
        }
        return name.equals("localhost") || ipv6Loopback(name) || name.matches("127(\\.\\d{1,3}){3}");
    }

    /**
     * Whether {@code name} is the IPv6 loopback address in brackets, however written: serve on ::1 prints
     * [0:0:0:0:0:0:0:1], which wget and Python send as written, and browsers as [::1]. Only a literal of
     * hex digits and colons is parsed, so no name is ever looked up.
     */
    private static boolean ipv6Loopback(String name) {
        if (name.length() < 4 || !name.startsWith("[") || !name.endsWith("]")
                || !name.substring(1, name.length() - 1).matches("[0-9a-f:]*:[0-9a-f:]*")) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(name).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false; // not an address at all ("[1:2:3]")
        }
    }

    private record PageData(StatusReport status, Explanation explanation, List<Report> reports, String error) {
    }

    private void page(HttpExchange ex, Map<String, String> filter) throws IOException {
        // One snapshot: the ledger, its explanation and the reports agree while a run writes.
        PageData d = db.read(c -> {
            StatusReport status = StatusReport.read(c, db.url());
            Explanation explanation = Explanation.read(c, db.dialect(), status, 2, 0);
            try {
                return new PageData(status, explanation, reports(c, MarketReports.QUESTIONS, filter, limit), null);
            } catch (IllegalArgumentException e) {
                return new PageData(status, explanation, List.of(), e.getMessage());
            }
        });
        send(ex, d.error() == null ? 200 : 400, "text/html",
                DashboardPage.render(d.status(), d.explanation(), d.reports(), filter, d.error()));
    }

    private void report(HttpExchange ex, String question, ReportFormat format, Map<String, String> filter,
                        String rawQuery) throws IOException {
        List<Report> reports;
        try {
            // A download is for a spreadsheet or a program: the whole report, not the page's few rows.
            int rows = downloadLimit(rawQuery);
            reports = db.read(c -> reports(c, List.of(question), filter, rows));
        } catch (IllegalArgumentException e) {
            send(ex, 400, "text/plain", e.getMessage());
            return;
        }
        StringWriter out = new StringWriter();
        // The scope as the command line writes it: the two switches as booleans, not the form's "on".
        Map<String, Object> scope = new LinkedHashMap<>(filter);
        scope.replaceAll((k, v) -> SWITCHES.contains(k) ? (Object) Boolean.TRUE : v);
        format.write(new PrintWriter(out), reports, scope);
        if (format == ReportFormat.CSV) {
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"jobintel-" + question + ".csv\"");
        }
        send(ex, 200, format == ReportFormat.CSV ? "text/csv" : "application/json", out.toString());
    }

    /**
     * The reports for {@code filter}, from {@code c}, with at most {@code rows} rows each; IllegalArgumentException
     * names a filter value it cannot take.
     */
    private List<Report> reports(java.sql.Connection c, List<String> questions, Map<String, String> filter, int rows) {
        for (String k : SWITCHES) {
            if (filter.containsKey(k) && !filter.get(k).equals("on")) {
                throw new IllegalArgumentException(k + " takes on or off (true or false), got '" + filter.get(k) + "'");
            }
        }
        Long since = filter.containsKey("since") ? JobFilter.parseTime(filter.get("since"), "since") : null;
        JobFilter f = JobFilter.resolve(c, places, families, new JobFilter.Asked(filter.get("city"), filter.get("family"), since,
                filter.containsKey("open"), filter.containsKey("remote"), filter.get("area")));
        return MarketReports.answer(c, questions, f, rows);
    }

    /**
     * The rows a download asks for: its query's last {@code limit}, else the whole report; at most {@link #DOWNLOAD_ROWS}.
     *
     * @throws IllegalArgumentException for a limit that is no number of rows from 1 to {@link #DOWNLOAD_ROWS}
     */
    static int downloadLimit(String rawQuery) {
        String given = null;
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8).equals("limit")) {
                given = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
            }
        }
        if (given == null || given.isEmpty()) {
            return DOWNLOAD_ROWS;
        }
        try {
            int n = Integer.parseInt(given);
            if (n >= 1 && n <= DOWNLOAD_ROWS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                "limit takes a number of rows from 1 to %d (none: the whole report), got '%s'", DOWNLOAD_ROWS, given));
    }

    /** The filter in a query string: known keys with a value; anything else is ignored. */
    static Map<String, String> filter(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
            if (SWITCHES.contains(key)) {
                // A checkbox sends "on"; a hand-written link may say true or false, and false means off: the last
                // said wins, as for every other field ("open=1&open=0" is off).
                String v = value.toLowerCase(java.util.Locale.ROOT);
                if (SWITCH_OFF.contains(v)) {
                    out.remove(key);
                } else if (!v.isEmpty()) {
                    out.put(key, SWITCH_ON.contains(v) ? "on" : value);
                }
            } else if (key.equals("since") && !value.isEmpty()) {
                out.put(key, since(value, pair.substring(eq + 1)));
            } else if (FILTER_KEYS.contains(key) && !value.isEmpty()) {
                out.put(key, value);
            }
        }
        return out;
    }

    /**
     * A since as its query gives it ({@code decoded}, from {@code raw}). A browser sends a typed "+" as %2B and
     * a space as "+", but a link written by hand (curl, a script) with the form a refused since names,
     * "2026-11-01T09:00+01:00", means an offset: decoded as a space, it was refused again as
     * "2026-11-01T09:00 01:00". Its "+" is read as itself when only that makes a time; so is its last "+" alone,
     * the offset of a time with a space: "2026-11-01+09:00+01:00" is "2026-11-01 09:00+01:00", as the report
     * command takes it.
     */
    private static String since(String decoded, String raw) {
        if (raw.indexOf('+') < 0 || reads(decoded)) {
            return decoded;
        }
        String literal = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8).strip();
        if (reads(literal)) {
            return literal;
        }
        int last = raw.lastIndexOf('+');
        String offset = URLDecoder.decode(raw.substring(0, last) + "%2B" + raw.substring(last + 1),
                StandardCharsets.UTF_8).strip();
        return reads(offset) ? offset : decoded;
    }

    private static boolean reads(String since) {
        try {
            JobFilter.parseTime(since, "since");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The filter as a query string, for links that keep it ("" when empty). */
    static String query(Map<String, String> filter) {
        List<String> parts = new ArrayList<>();
        filter.forEach((k, v) -> parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type + "; charset=utf-8");
        h.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
