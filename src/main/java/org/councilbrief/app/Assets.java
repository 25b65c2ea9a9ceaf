package org.councilbrief.app;

import org.councilbrief.WebRoutes;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The scripts the workspace's pages load, served from the application's own jar, never fetched at run time: htmx
 * (from its webjar, the version in the pom's properties) at {@code /assets/htmx.min.js}, kept by browsers for a year
 * (its address carries the version, {@code ?v=2.0.8}, so that a new one is fetched), and the positions page's keys at
 * {@code /assets/positions.js}.
 */
final class Assets {
    /** The htmx version the webjar on the class path carries. */
    static final String HTMX_VERSION = webjarVersion("htmx.org");
    private static final byte[] HTMX = read("META-INF/resources/webjars/htmx.org/" + HTMX_VERSION
            + "/dist/htmx.min.js");
    private static final byte[] POSITIONS = read("org/councilbrief/assets/positions.js");

    private Assets() {
    }

    static void register(WebRoutes app) {
        app.get("/assets/htmx.min.js", ctx -> script(ctx, HTMX, "public, max-age=31536000, immutable"));
        app.get("/assets/positions.js", ctx -> script(ctx, POSITIONS, "public, max-age=3600"));
    }

    private static void script(Context ctx, byte[] bytes, String cache) {
        ctx.contentType("text/javascript; charset=utf-8").header("Cache-Control", cache).result(bytes);
    }

    private static String webjarVersion(String artifact) {
        Properties properties = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Assets.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing from the application: " + path);
        }
        return in;
    }
}
