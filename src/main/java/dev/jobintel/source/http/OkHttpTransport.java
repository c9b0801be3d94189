package dev.jobintel.source.http;

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
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
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(8, 1, TimeUnit.MINUTES))
                .build();
    }

    @Override
    public Exchange get(URI uri, Map<String, String> headers) throws IOException {
        Request.Builder rb = new Request.Builder().url(uri.toString()).get();
        headers.forEach(rb::header);
        Response response = client.newCall(rb.build()).execute();
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
            public InputStream body() {
                ResponseBody b = response.body();
                return b == null ? InputStream.nullInputStream() : b.byteStream();
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
