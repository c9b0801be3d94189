package dev.jobintel.source.http;

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The network, through OkHttp: connect and read timeouts, streamed bodies. */
public final class OkHttpTransport implements Transport {

    /** Redirects that never end (a loop): the same on every attempt, so not worth retrying. */
    public static final class TooManyRedirects extends java.net.ProtocolException {
        private static final long serialVersionUID = 1L;

        TooManyRedirects(String message) {
            super(message);
        }
    }

    /**
     * A redirect from https to plain http: following it would send the request, and any key in its
     * query (Adzuna's app_key), again unencrypted. The same on every attempt, so not retried.
     */
    public static final class InsecureRedirect extends java.net.ProtocolException {
        private static final long serialVersionUID = 1L;

        InsecureRedirect(String message) {
            super(message);
        }
    }

    private final OkHttpClient client;

    public OkHttpTransport(HttpSettings settings) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(Math.max(1, settings.perHostConcurrency()));
        this.client = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                // A pooled connection the server has closed since (an HTTP/1.0 server, a short keep-alive)
                // fails at once; OkHttp's silent retry on a fresh connection keeps that from costing one
                // of the Fetcher's attempts and hiding the server's real answer behind "end of stream".
                .retryOnConnectionFailure(true)
                .followRedirects(true)
                // Sees every hop before OkHttp follows it: an https request is never sent on over http.
                .addNetworkInterceptor(OkHttpTransport::refuseDowngrade)
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(8, 1, TimeUnit.MINUTES))
                .build();
    }

    /** Passes every answer on but a redirect from https to http, which fails as an {@link InsecureRedirect}. */
    private static Response refuseDowngrade(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        String location = response.isRedirect() ? response.header("Location") : null;
        HttpUrl target = location == null ? null : request.url().resolve(location);
        if (request.isHttps() && target != null && !target.isHttps()) {
            response.close();
            throw new InsecureRedirect("refused a redirect from https to plain http (" + Fetcher.redact(target.toString())
                    + "): the request, with any key it carries, would travel unencrypted");
        }
        return response;
    }

    @Override
    public Exchange get(URI uri, Map<String, String> headers) throws IOException {
        Request.Builder rb = new Request.Builder().url(uri.toString()).get();
        headers.forEach(rb::header);
        // Asked for here rather than by OkHttp, so that a body declared gzip but not gzip fails as
        // a typed ZipException (not retried) instead of OkHttp's plain IOException.
        rb.header("Accept-Encoding", "gzip");
        Response response;
        try {
            response = client.newCall(rb.build()).execute();
        } catch (java.net.ProtocolException e) {
            // OkHttp's only word for a redirect loop is this message.
            if (String.valueOf(e.getMessage()).startsWith("Too many follow-up requests")) {
                throw new TooManyRedirects("the server redirects in a loop (" + e.getMessage() + ")");
            }
            throw e;
        }
        return new Exchange() {
            @Override
            public int status() {
                return response.code();
            }

            @Override
            public String header(String name) {
                return response.header(name);
            }

            @Override
            public InputStream body() throws IOException {
                ResponseBody b = response.body();
                if (b == null) {
                    return InputStream.nullInputStream();
                }
                String encoding = response.header("Content-Encoding");
                if (encoding == null || !encoding.strip().equalsIgnoreCase("gzip")) {
                    return b.byteStream();
                }
                // An empty body is empty however it is declared (an error page with no text, a 204):
                // read as gzip, it would fail as a cut stream and hide the status it came with.
                java.io.PushbackInputStream in = new java.io.PushbackInputStream(b.byteStream(), 1);
                int first = in.read();
                if (first < 0) {
                    return InputStream.nullInputStream();
                }
                in.unread(first);
                return new java.util.zip.GZIPInputStream(in, 64 * 1024);
            }

            @Override
            public void close() {
                response.close();
            }
        };
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
