package org.councilbrief;

import io.javalin.config.EventConfig;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.Handler;
import java.util.function.Consumer;

/**
 * Where the {@code *Routes} classes register their routes: the calls they were written with in Javalin 6
 * ({@code app.get(path, handler)}, {@code app.post}, {@code app.before}, {@code app.after}, {@code app.exception},
 * {@code app.error}, {@code app.events}), passed on to Javalin 7's configuration, where routes are now declared
 * (decision 0036).
 */
public final class WebRoutes {
    private final JavalinConfig config;

    public WebRoutes(JavalinConfig config) {
        this.config = config;
    }

    public WebRoutes get(String path, Handler handler) {
        config.routes.get(path, handler);
        return this;
    }

    public WebRoutes post(String path, Handler handler) {
        config.routes.post(path, handler);
        return this;
    }

    public WebRoutes before(Handler handler) {
        config.routes.before(handler);
        return this;
    }

    public WebRoutes before(String path, Handler handler) {
        config.routes.before(path, handler);
        return this;
    }

    public WebRoutes after(Handler handler) {
        config.routes.after(handler);
        return this;
    }

    public WebRoutes after(String path, Handler handler) {
        config.routes.after(path, handler);
        return this;
    }

    public <E extends Exception> WebRoutes exception(Class<E> type, ExceptionHandler<? super E> handler) {
        config.routes.exception(type, handler);
        return this;
    }

    public WebRoutes error(int status, String contentType, Handler handler) {
        config.routes.error(status, contentType, handler);
        return this;
    }

    public WebRoutes error(int status, Handler handler) {
        config.routes.error(status, handler);
        return this;
    }

    public WebRoutes events(Consumer<EventConfig> events) {
        events.accept(config.events);
        return this;
    }
}
