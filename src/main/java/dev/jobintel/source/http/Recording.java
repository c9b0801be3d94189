package dev.jobintel.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The layout of a recording directory: per host, one body file with the exact bytes received
 * and one {@code .meta.json} with the URL (credentials redacted), status and content type.
 * Files are named by a hash of the redacted URL, so a replay finds them whatever keys the
 * recording run used, and no key is ever written to disk.
 */
public final class Recording implements ResponseStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public Recording(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * The replay key of a request: scheme, host, port and path, then the query parameters decoded,
     * sorted and re-encoded, with credentials replaced by "***". Parameter order, encoding
     * ("+" or "%20") and keys do not make two requests different.
     */
    public static String key(URI uri) {
        StringBuilder sb = new StringBuilder();
        sb.append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() != -1) {
            sb.append(':').append(uri.getPort());
        }
        sb.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        String q = uri.getRawQuery();
        if (q != null && !q.isEmpty()) {
            java.util.List<String> params = new java.util.ArrayList<>();
            for (String pair : q.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (Fetcher.SECRET_PARAMS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    value = "***";
                }
                params.add(encode(name) + "=" + encode(value));
            }
            java.util.Collections.sort(params);
            sb.append('?').append(String.join("&", params));
        }
        return sb.toString();
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Path base(URI uri) {
        String host = uri.getHost() == null ? "local" : uri.getHost().replaceAll("[^A-Za-z0-9.-]", "_");
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key(uri).getBytes(StandardCharsets.UTF_8));
            return dir.resolve(host).resolve(HexFormat.of().formatHex(h, 0, 10));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void write(URI uri, int status, String contentType, byte[] body) throws IOException {
        Path base = base(uri);
        Files.createDirectories(base.getParent());
        Files.write(base.resolveSibling(base.getFileName() + ".body"), body);
        writeMeta(base, uri, status, contentType);
    }

    /** A write to the recording failed (disk full, directory gone), as opposed to reading the response. */
    public static final class Unwritable extends IOException {
        private static final long serialVersionUID = 1L;

        Unwritable(IOException cause) {
            super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * Saves a response too large to hold in memory: {@code head}, then the rest of {@code body}
     * streamed to the body file, at most {@link Body#MAX_BYTES} in all. Returns the body file.
     *
     * @throws Unwritable     when the recording cannot be written
     * @throws Body.TooLarge  when the response goes past the limit (nothing of it is kept)
     * @throws IOException    when the response cannot be read to its end
     */
    public Path write(URI uri, int status, String contentType, byte[] head, InputStream body) throws IOException {
        Path base = base(uri);
        Path file = base.resolveSibling(base.getFileName() + ".body");
        OutputStream out;
        try {
            Files.createDirectories(base.getParent());
            out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new Unwritable(e);
        }
        boolean done = false;
        try (out) {
            long size = head.length;
            save(out, head, head.length);
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = body.read(buf)) > 0) {
                size += n;
                if (size > Body.MAX_BYTES) {
                    throw new Body.TooLarge();
                }
                save(out, buf, n);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
        try {
            writeMeta(base, uri, status, contentType);
        } catch (IOException e) {
            throw new Unwritable(e);
        }
        return file;
    }

    private static void save(OutputStream out, byte[] bytes, int n) throws Unwritable {
        try {
            out.write(bytes, 0, n);
        } catch (IOException e) {
            throw new Unwritable(e);
        }
    }

    /** Removes the response recorded for {@code uri}, if any: its meta first, which is what a replay looks for. */
    public void forget(URI uri) throws IOException {
        Path base = base(uri);
        Files.deleteIfExists(base.resolveSibling(base.getFileName() + ".meta.json"));
        Files.deleteIfExists(base.resolveSibling(base.getFileName() + ".body"));
    }

    private void writeMeta(Path base, URI uri, int status, String contentType) throws IOException {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("url", key(uri));
        meta.put("status", status);
        meta.put("content_type", contentType);
        Files.writeString(base.resolveSibling(base.getFileName() + ".meta.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta));
    }

    @Override
    public String describe() {
        return dir.toString();
    }

    /** The recorded response for {@code uri}, or null when there is none. */
    @Override
    public Entry read(URI uri) throws IOException {
        Path base = base(uri);
        Path meta = base.resolveSibling(base.getFileName() + ".meta.json");
        if (!Files.exists(meta)) {
            return null;
        }
        JsonNode m;
        try {
            m = JSON.readTree(meta.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new ReplayTransport.BrokenRecording("the recording's " + meta + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        }
        if (!m.isObject()) {
            throw new ReplayTransport.BrokenRecording("the recording's " + meta + " holds no JSON object", null);
        }
        Path body = base.resolveSibling(base.getFileName() + ".body");
        if (!Files.isRegularFile(body)) {
            throw new ReplayTransport.BrokenRecording("the recording has " + meta + " but no " + body, null);
        }
        if (Files.isSymbolicLink(body) || Files.isSymbolicLink(meta)) {
            // A recording holds what servers sent; a link would make a replay read (and store as a
            // reject) any file of this machine.
            throw new ReplayTransport.BrokenRecording("the recording's " + body + " is a symbolic link, not a "
                    + "response that was recorded; a replay reads only files the recording wrote", null);
        }
        return new Entry(m.path("url").asText(), m.path("status").asInt(200),
                m.hasNonNull("content_type") ? m.get("content_type").asText() : null, () -> Files.newInputStream(body));
    }
}
