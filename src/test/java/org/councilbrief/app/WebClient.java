package org.councilbrief.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An HTTP client to an application a {@link WebTest} started: OkHttp with its defaults (redirects followed, no cookie
 * jar), and paths taken relative to the application's origin.
 */
final class WebClient {
    private final OkHttpClient okHttp = new OkHttpClient();
    private final String origin;

    WebClient(String origin) {
        this.origin = origin;
    }

    /** {@code http://localhost:PORT}, without a trailing slash. */
    String getOrigin() {
        return origin;
    }

    OkHttpClient getOkHttp() {
        return okHttp;
    }

    /** GET {@code path} (from the origin); the caller closes the response. */
    Response get(String path) {
        return get(path, request -> { });
    }

    /** GET {@code path} with what {@code request} adds (headers); the caller closes the response. */
    Response get(String path, Consumer<Request.Builder> request) {
        return request(path, request);
    }

    /** A request to {@code path} as {@code request} builds it (a method, headers); the caller closes the response. */
    Response request(String path, Consumer<Request.Builder> request) {
        Request.Builder builder = new Request.Builder().url(origin + path);
        request.accept(builder);
        return request(builder.build());
    }

    /** Sends {@code request} as it is; the caller closes the response. */
    Response request(Request request) {
        try {
            return okHttp.newCall(request).execute();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
