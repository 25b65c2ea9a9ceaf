package org.councilbrief.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Whether a database already holds every migration this build ships, so that opening it can skip Flyway (decision
 * 0050): Flyway's configuration alone loads about a thousand classes (its own and Jackson's), 0.3-0.5 s of every
 * command's start, to find that nothing is to be done. Up to date means: Flyway's history table lists, as applied
 * with success, exactly the versioned scripts found in {@link #FOLDER}, by version, description and checksum; anything
 * else (a new database, an older or newer one, a failed migration, a script applied with other content) goes through
 * Flyway, which migrates, validates or refuses as before.
 */
final class Migrations {
    static final String FOLDER = "db/migration";
    private static final Pattern SCRIPT = Pattern.compile("V([0-9][0-9._]*)__(.+)\\.sql");

    private Migrations() {
    }

    /** The shipped scripts as "version|description", description with spaces for underscores as Flyway writes it. */
    static Set<String> shipped() {
        return new TreeSet<>(scripts().keySet());
    }

    /** The shipped scripts' file names by "version|description". */
    private static java.util.Map<String, String> scripts() {
        URL url = Migrations.class.getClassLoader().getResource(FOLDER);
        if (url == null) {
            throw new IllegalStateException("no " + FOLDER + " on the class path");
        }
        Set<String> names = new TreeSet<>();
        try {
            if (url.getProtocol().equals("jar")) {
                String path = url.getPath(); // file:/…/councilbrief.jar!/db/migration, percent-encoded
                try (JarFile file = new JarFile(Path.of(new java.net.URI(path.substring(0, path.indexOf("!/"))))
                        .toFile())) {
                    file.stream().map(e -> e.getName()).filter(n -> n.startsWith(FOLDER + "/"))
                            .map(n -> n.substring(FOLDER.length() + 1)).forEach(names::add);
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.map(f -> f.getFileName().toString()).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        java.util.Map<String, String> scripts = new java.util.TreeMap<>();
        for (String name : names) {
            Matcher m = SCRIPT.matcher(name);
            if (m.matches()) {
                scripts.put(m.group(1).replace('_', '.') + "|" + m.group(2).replace('_', ' '), name);
            }
        }
        return scripts;
    }

    /**
     * Whether the database's history lists exactly the shipped scripts, each applied with success and with the
     * checksum Flyway gave the same script. Anything unexpected, even a failure to list the scripts, answers false:
     * this can only make a start faster, never stop one.
     */
    static boolean upToDate(DataSource dataSource) {
        Set<String> applied = new TreeSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select \"version\", \"description\", \"type\", \"success\","
                        + " \"checksum\" from \"flyway_schema_history\" where \"version\" is not null")) {
            while (rs.next()) {
                if (!rs.getBoolean(4) || !"SQL".equals(rs.getString(3))) {
                    return false;
                }
                applied.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(5));
            }
        } catch (SQLException e) {
            return false; // no history table yet, or one this build cannot read: Flyway decides
        }
        try {
            return !applied.isEmpty() && applied.equals(shippedWithChecksums());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@link #shipped()} with each script's checksum as Flyway computes it: "version|description|checksum". */
    static Set<String> shippedWithChecksums() {
        Set<String> out = new TreeSet<>();
        scripts().forEach((script, file) -> out.add(script + "|" + checksum(FOLDER + "/" + file)));
        return out;
    }

    /**
     * Flyway's checksum of a script: a CRC-32 of its lines' UTF-8 bytes, line ends left out and a byte-order mark
     * removed from the first line. {@code MigrationsTest} holds it equal to what Flyway records.
     */
    static int checksum(String resource) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        try (java.io.InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(in,
                    StandardCharsets.UTF_8));
            boolean first = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                first = false;
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }
}
