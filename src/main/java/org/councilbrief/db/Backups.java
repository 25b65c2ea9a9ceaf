package org.councilbrief.db;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.councilbrief.AppException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Backup and restore of a whole database (decision 0031), the same on H2 and PostgreSQL and from one to the other: a
 * zip with {@code backup.json} (the format, the schema's migration version, every table with its columns and their
 * kinds, row counts) and one {@code tables/NAME.jsonl} per table, a JSON array per row. A backup is read in one
 * repeatable-read transaction, so it is one moment of the data while the server keeps serving; it is written beside
 * its file and renamed into place, so a stopped backup never leaves a truncated file under the name. A restore goes
 * into an empty database: it is migrated to the backup's schema version, filled in one transaction (parents before
 * children), its identity counters moved past the restored ids, and then migrated to this version's schema.
 */
public final class Backups {
    static final String FORMAT = "councilbrief-backup";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 500;
    /** Tables a migration fills, which an empty database may already hold: replaced by the backup's rows. */
    private static final Set<String> SEEDED = Set.of("app_lock");

    private Backups() {
    }

    /** What was written or read: tables with their row counts, and the schema version. */
    public record Summary(String schemaVersion, Map<String, Long> rows) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Writes every table of {@code database} to the zip {@code out}. */
    public static Summary backup(Database database, Path out) throws AppException {
        Path target = out.toAbsolutePath().normalize();
        Path partial;
        try {
            Files.createDirectories(target.getParent());
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
        } catch (IOException e) {
            throw new AppException("cannot write the backup " + out + ": " + e.getMessage(), e);
        }
        try {
            Summary summary;
            try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file);
                    Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try {
                    summary = write(c, zip);
                } finally {
                    c.rollback();
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } catch (IOException e) {
            throw new AppException("cannot write the backup " + out + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database for the backup: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // Nothing more to do: the next backup beside it writes its own file.
            }
        }
    }

    private static Summary write(Connection c, ZipOutputStream zip) throws SQLException, IOException {
        String version = schemaVersion(c);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("formatVersion", 1);
        manifest.put("schemaVersion", version);
        manifest.put("written", OffsetDateTime.now(ZoneOffset.UTC).toString());
        manifest.put("from", c.getMetaData().getDatabaseProductName());
        ArrayNode tables = manifest.putArray("tables");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tablesInOrder(c)) {
            zip.putNextEntry(new ZipEntry("tables/" + table + ".jsonl"));
            long rows = 0;
            ObjectNode entry = tables.addObject();
            entry.put("name", table);
            ArrayNode columns = entry.putArray("columns");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> kinds = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String kind = kind(meta.getColumnType(i));
                    kinds.add(kind);
                    columns.addObject().put("name", meta.getColumnName(i).toLowerCase(Locale.ROOT)).put("kind", kind);
                }
                JsonGenerator out = JSON.getFactory().createGenerator(new NonClosing(zip));
                while (rs.next()) {
                    out.writeStartArray();
                    for (int i = 1; i <= kinds.size(); i++) {
                        writeValue(out, rs, i, kinds.get(i - 1));
                    }
                    out.writeEndArray();
                    out.writeRaw('\n');
                    rows++;
                }
                out.flush();
            }
            entry.put("rows", rows);
            counts.put(table, rows);
            zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry("backup.json"));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        return new Summary(version, counts);
    }

    /** Restores the backup {@code zip} into the empty database at {@code url}, then migrates it to this version. */
    public static Summary restore(String url, Path zipFile) throws AppException {
        try (ZipFile zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry manifestEntry = zip.getEntry("backup.json");
            if (manifestEntry == null) {
                throw new AppException(zipFile + " is not a councilbrief backup (it has no backup.json)");
            }
            JsonNode manifest = JSON.readTree(zip.getInputStream(manifestEntry));
            if (!FORMAT.equals(manifest.path("format").asText()) || manifest.path("formatVersion").asInt() != 1) {
                throw new AppException(zipFile + " is not a councilbrief backup of a format this version reads");
            }
            String version = manifest.path("schemaVersion").asText();
            try (Database database = Database.open(url, MigrationVersion.fromVersion(version))) {
                // One transaction, on an embedded file under its journal: a restore cut short leaves the database
                // empty as it was, not half-filled (decision 0051).
                Map<String, Long> counts;
                try {
                    counts = database.inJournaledTransaction("restore of " + zipFile.getFileName(),
                            handle -> fill(handle.getConnection(), zip, manifest, zipFile));
                } catch (AppException | IOException | SQLException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load()
                        .migrate();
                return new Summary(version, counts);
            }
        } catch (IOException e) {
            throw new AppException("cannot read the backup " + zipFile + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new AppException("the backup " + zipFile + " cannot be restored here: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> fill(Connection c, ZipFile zip, JsonNode manifest, Path zipFile)
            throws SQLException, IOException, AppException {
        List<String> order = tablesInOrder(c);
        Map<String, JsonNode> tables = new LinkedHashMap<>();
        for (JsonNode t : manifest.path("tables")) {
            tables.put(t.path("name").asText(), t);
        }
        if (!tables.keySet().equals(new LinkedHashSet<>(order))) {
            Set<String> missing = new LinkedHashSet<>(order);
            missing.removeAll(tables.keySet());
            Set<String> extra = new LinkedHashSet<>(tables.keySet());
            extra.removeAll(order);
            throw new AppException("the backup's tables do not match its schema version: missing " + missing
                    + ", unknown " + extra);
        }
        try (Statement s = c.createStatement()) {
            for (String table : order) {
                if (SEEDED.contains(table)) {
                    continue;
                }
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new AppException("the database is not empty (table " + table + " has rows): a backup is"
                                + " restored into a new, empty database only");
                    }
                }
            }
            for (String table : SEEDED) {
                s.executeUpdate("delete from " + table);
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : order) {
            JsonNode t = tables.get(table);
            List<String> names = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            for (JsonNode column : t.path("columns")) {
                names.add(column.path("name").asText());
                kinds.add(column.path("kind").asText());
            }
            ZipEntry entry = zip.getEntry("tables/" + table + ".jsonl");
            if (entry == null) {
                throw new AppException(zipFile + " lacks the rows of table " + table);
            }
            long rows = 0;
            String sql = "insert into " + table + " (" + String.join(", ", names) + ") values ("
                    + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
            try (BufferedReader in = new BufferedReader(new InputStreamReader(zip.getInputStream(entry),
                    StandardCharsets.UTF_8)); PreparedStatement insert = c.prepareStatement(sql)) {
                String line;
                int pending = 0;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode row = JSON.readTree(line);
                    if (!row.isArray() || row.size() != names.size()) {
                        throw new AppException(zipFile + ": table " + table + ", row " + (rows + 1)
                                + " does not have its " + names.size() + " columns");
                    }
                    for (int i = 0; i < names.size(); i++) {
                        bind(insert, i + 1, kinds.get(i), row.get(i));
                    }
                    insert.addBatch();
                    rows++;
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            if (rows != t.path("rows").asLong()) {
                throw new AppException(zipFile + ": table " + table + " has " + rows + " rows where the backup says "
                        + t.path("rows").asLong() + " (a damaged file?)");
            }
            counts.put(table, rows);
            restartIdentities(c, table);
        }
        return counts;
    }

    /** Moves each identity column's counter past the largest restored value, so new rows get new ids. */
    private static void restartIdentities(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String> identities = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), name(meta, table), null)) {
            while (rs.next()) {
                if ("YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                    identities.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String column : identities) {
                long next;
                try (ResultSet rs = s.executeQuery("select coalesce(max(" + column + "), 0) + 1 from " + table)) {
                    rs.next();
                    next = rs.getLong(1);
                }
                s.execute("alter table " + table + " alter column " + column + " restart with " + next);
            }
        }
    }

    /** The application's tables, each after the tables it refers to. */
    static List<String> tablesInOrder(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.equals("flyway_schema_history")) {
                    tables.add(table);
                }
            }
        }
        java.util.Collections.sort(tables);
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String table : tables) {
            Set<String> refs = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(c.getCatalog(), c.getSchema(), name(meta, table))) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table)) {
                        refs.add(parent);
                    }
                }
            }
            parents.put(table, refs);
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < tables.size()) {
            boolean progress = false;
            for (String table : tables) {
                if (!ordered.contains(table) && ordered.containsAll(parents.get(table))) {
                    ordered.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("the tables refer to each other in a cycle: " + parents);
            }
        }
        return ordered;
    }

    private static String name(DatabaseMetaData meta, String table) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    private static String schemaVersion(Connection c) throws SQLException {
        String history = c.getMetaData().storesUpperCaseIdentifiers() ? "\"flyway_schema_history\""
                : "flyway_schema_history";
        String version = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select \"version\" from " + history
                + " where \"success\" and \"version\" is not null")) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (version == null || MigrationVersion.fromVersion(v).isNewerThan(version)) {
                    version = v;
                }
            }
        }
        if (version == null) {
            throw new IllegalStateException("the database has no migration history");
        }
        return version;
    }

    private static String kind(int type) {
        return switch (type) {
            case Types.DATE -> "date";
            case Types.TIMESTAMP -> "timestamp";
            case Types.TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
            case Types.TIME -> "time";
            case Types.BOOLEAN, Types.BIT -> "boolean";
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> "integer";
            case Types.DECIMAL, Types.NUMERIC -> "decimal";
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> "double";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "binary";
            default -> "text";
        };
    }

    private static void writeValue(JsonGenerator out, ResultSet rs, int i, String kind) throws SQLException,
            IOException {
        Object value = switch (kind) {
            case "date" -> rs.getObject(i, LocalDate.class);
            case "timestamp" -> rs.getObject(i, LocalDateTime.class);
            case "timestamptz" -> rs.getObject(i, OffsetDateTime.class);
            case "time" -> rs.getObject(i, LocalTime.class);
            case "boolean" -> rs.getObject(i) == null ? null : rs.getBoolean(i);
            case "integer" -> rs.getObject(i) == null ? null : rs.getLong(i);
            case "decimal" -> rs.getBigDecimal(i);
            case "double" -> rs.getObject(i) == null ? null : rs.getDouble(i);
            case "binary" -> rs.getBytes(i);
            default -> rs.getString(i);
        };
        switch (value) {
            case null -> out.writeNull();
            case Boolean b -> out.writeBoolean(b);
            case Long l -> out.writeNumber(l);
            case Double d -> out.writeNumber(d);
            case java.math.BigDecimal d -> out.writeNumber(d);
            case byte[] bytes -> out.writeString(Base64.getEncoder().encodeToString(bytes));
            default -> out.writeString(value.toString());
        }
    }

    private static void bind(PreparedStatement insert, int i, String kind, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            insert.setObject(i, null);
            return;
        }
        switch (kind) {
            case "date" -> insert.setObject(i, LocalDate.parse(value.asText()));
            case "timestamp" -> insert.setObject(i, LocalDateTime.parse(value.asText()));
            case "timestamptz" -> insert.setObject(i, OffsetDateTime.parse(value.asText()));
            case "time" -> insert.setObject(i, LocalTime.parse(value.asText()));
            case "boolean" -> insert.setBoolean(i, value.asBoolean());
            case "integer" -> insert.setLong(i, value.asLong());
            case "decimal" -> insert.setBigDecimal(i, value.decimalValue());
            case "double" -> insert.setDouble(i, value.asDouble());
            case "binary" -> insert.setBytes(i, Base64.getDecoder().decode(value.asText()));
            default -> insert.setString(i, value.asText());
        }
    }

    /** The zip stream under a JSON generator, which would otherwise close it with the entry. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
