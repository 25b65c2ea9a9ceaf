package org.councilbrief.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.Progress;
import org.councilbrief.db.Database;
import org.councilbrief.site.SiteBuilder;
import org.councilbrief.site.SiteFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code councilbrief publish --out DIR}: the whole public site as files with relative links. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Writes the public site (pages, downloads, feed) as files with relative links, for any static"
                + " web server or a plain folder.")
final class PublishCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the site to.")
    Path out;

    @Option(names = "--demo", description = "Publish the demo data instead of a database.")
    boolean demo;

    @Option(names = "--date", description = "The day the site speaks for (default: today).")
    LocalDate date;

    @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
    String db;

    @Override
    public Integer call() throws AppException {
        long start = System.nanoTime();
        // The first PDF, Word file and theme tagging load much once; a spare core does it while the database loads.
        Thread.ofPlatform().daemon().name("warm-up").start(SiteBuilder::warmUp);
        List<SiteFile> files;
        long built;
        PrintWriter err = spec.commandLine().getErr();
        try (Database database = demo ? Database.inMemory("publish-" + System.nanoTime())
                : Database.openOrDefault(db)) {
            Application application = Application.start(database, demo);
            if (demo) {
                DemoData.loadMeetings(database);
            }
            built = System.nanoTime();
            try (Progress progress = Progress.start("Rendering pages", -1, err)) {
                files = new SiteBuilder(database, application.membership(), date != null ? date
                        : application.today()).build(progress);
            }
        }
        long bytes = 0;
        try {
            bytes = writeWhole(out, files);
        } catch (IOException e) {
            throw new AppException("cannot write the site to " + out + ": " + e.getMessage(), e);
        }
        err.printf("councilbrief: wrote %d files (%.1f MB) to %s in %.1f s (database %.1f s, pages %.1f s)%n",
                files.size(), bytes / 1e6, out, (System.nanoTime() - start) / 1e9, (built - start) / 1e9,
                (System.nanoTime() - built) / 1e9);
        err.flush();
        return 0;
    }

    /**
     * Writes the site into a new folder beside {@code out} and then puts it in the place of {@code out} by renaming,
     * so that a publish stopped at any moment (killed, a full disk) leaves the earlier site whole, never a mix of old
     * and new pages; what a stopped run left beside it is removed by the next. A folder that holds anything but an
     * earlier site is refused rather than replaced.
     */
    static long writeWhole(Path out, List<SiteFile> files) throws IOException, AppException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        Files.createDirectories(parent);
        if (Files.isDirectory(target) && !Files.exists(target.resolve("index.html"))) {
            try (var entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new AppException("the folder " + out + " holds other files than a site: publish into a new"
                            + " or empty folder, or one an earlier publish wrote");
                }
            }
        }
        try (var stale = Files.list(parent)) {
            for (Path p : stale.filter(p -> p.getFileName().toString().startsWith("." + name + ".partial-")
                    || p.getFileName().toString().startsWith("." + name + ".previous-")).toList()) {
                deleteTree(p);
            }
        }
        Path partial = Files.createTempDirectory(parent, "." + name + ".partial-");
        long bytes = 0;
        for (SiteFile file : files) {
            Path path = partial.resolve(file.path()).normalize();
            if (!path.startsWith(partial)) {
                throw new AppException("refusing to write outside " + out + ": " + file.path());
            }
            Files.createDirectories(path.getParent());
            Files.write(path, file.bytes());
            bytes += file.bytes().length;
        }
        if (Files.exists(target)) {
            Path previous = parent.resolve("." + name + ".previous-" + partial.getFileName().toString()
                    .substring(name.length() + ".partial-".length() + 1));
            Files.move(target, previous, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            deleteTree(previous);
        } else {
            Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return bytes;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
