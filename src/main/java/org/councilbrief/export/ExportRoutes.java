package org.councilbrief.export;

import org.councilbrief.WebRoutes;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.councilbrief.AppException;

/**
 * The downloads the search page links to: {@code GET /export/{recommendations|positions|statements}.{csv|jsonl}} with
 * the search page's parameters ({@code q}, {@code situation}, {@code member}, {@code theme}, {@code year}; {@code kind}
 * is the search page's own and names the dataset already in the path, so it is not read). Streamed as it is read: the
 * response starts at once and carries every matching row. A bad parameter is a 400 in words, before any row.
 */
public final class ExportRoutes {
    /**
     * Downloads streamed at once: each holds a database connection while it streams, and the pool is small, so more
     * would starve the pages; one more is answered 429 with Retry-After.
     */
    static final int AT_ONCE = 2;
    private static final java.util.concurrent.Semaphore STREAMING = new java.util.concurrent.Semaphore(AT_ONCE);

    private ExportRoutes() {
    }

    public static void register(WebRoutes app, Exports exports) {
        app.get("/export/{file}", ctx -> download(ctx, exports));
    }

    private static void download(Context ctx, Exports exports) throws Exception {
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        if (dot < 0) {
            throw new NotFoundResponse();
        }
        Dataset dataset = Dataset.byId(file.substring(0, dot)).orElseThrow(NotFoundResponse::new);
        Format format = Format.byId(file.substring(dot + 1)).orElseThrow(NotFoundResponse::new);
        ExportFilter filter;
        try {
            filter = exports.filter(ctx.queryParam("q"), ctx.queryParam("situation"), ctx.queryParam("member"),
                    ctx.queryParam("theme"), ctx.queryParam("year"));
        } catch (AppException e) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result("The download could not be made: "
                    + e.getMessage() + ".");
            return;
        }
        if (!STREAMING.tryAcquire()) {
            ctx.status(429).header("Retry-After", "10").contentType("text/plain; charset=utf-8").result(
                    "Other downloads are being made; try again in a few seconds.");
            return;
        }
        try {
            ctx.contentType(format.contentType());
            ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Cache-Control", "no-store");
            // Written straight to the response as rows are read: nothing is held but the current row and the buffer.
            Writer out = new BufferedWriter(new OutputStreamWriter(ctx.res().getOutputStream(),
                    StandardCharsets.UTF_8), 1 << 16);
            exports.write(dataset, format, filter, out);
            out.flush();
        } finally {
            STREAMING.release();
        }
    }
}
