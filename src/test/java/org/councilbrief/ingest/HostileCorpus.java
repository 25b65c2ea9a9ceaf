package org.councilbrief.ingest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.councilbrief.SharedData;
import org.councilbrief.document.TestPdfs;

/**
 * A corpus of malformed files for every import kind, written by code into a folder (nothing of it is committed): empty
 * and blank files, binary junk under every extension, truncated, encrypted, image-only and blank PDFs, invalid UTF-8,
 * Windows-1252, UTF-16, NUL bytes and other control characters, mixed line ends, a 10 MB single line, repeated
 * content; for CSV exports also header-only files, broken quoting, duplicate and missing columns, formula cells,
 * over-long fields and huge tables. Each file says what a correct import does with it ({@link Expect}) and, for a
 * refusal, a word of the reason and the line it must name. The same seed gives the same bytes.
 */
public final class HostileCorpus {
    /** The import kind of the published brief read back as text ({@code brief import-text}: command line only). */
    public static final String BRIEF_TEXT = "brief-text";
    static final int TEN_MB = 10 * 1024 * 1024;

    /** What a correct import does with a file. */
    public enum Expect {
        /** Refused: nothing written, a message that names the file and the reason. */
        REFUSED,
        /** Imported (a file in an unusual but readable form). */
        IMPORTED,
        /** Either, so long as a refusal is a clear one: a judgement the importer may make either way. */
        EITHER
    }

    /**
     * One file of the corpus.
     *
     * @param kind the import kind ({@code upr-csv}, …, or {@link #BRIEF_TEXT})
     * @param source what the file was made from ("UPR Info CSV", "UHRI CSV", "meeting record", …)
     * @param malformation what is wrong with it, in a few words (the figures group by it)
     * @param file the file
     * @param expect what a correct import does
     * @param reason a word the refusal's reason must contain, or null
     * @param line the line a refusal must name, or 0
     * @param date the meeting date the person importing gives, or null
     */
    public record Case(String kind, String source, String malformation, Path file, Expect expect, String reason,
            int line, String date) {
        public String name() {
            return file.getFileName().toString();
        }

        @Override
        public String toString() {
            return source + " / " + malformation + " (" + name() + ")";
        }
    }

    private record Base(String kind, String source, String name, String text, String date, boolean csv) {
    }

    private final Path dir;
    private final List<Case> cases = new ArrayList<>();
    private final Random random = new Random(20261202L);
    private int next;

    private HostileCorpus(Path dir) {
        this.dir = dir;
    }

    /** Writes the whole corpus into {@code dir} and says what each file is. */
    public static List<Case> write(Path dir) {
        HostileCorpus corpus = new HostileCorpus(dir);
        Path data = SharedData.root().resolve("data");
        List<String> uprInfo = SharedData.read(data.resolve("upr-themes/upr_recommendations_sessions_01-12.csv"))
                .lines().limit(41).toList();
        String uprInfoCsv = String.join("\n", uprInfo) + "\n";
        List<Base> bases = List.of(
                new Base("upr-report", "UPR report", "A_HRC_59_15.txt", SharedData.read(data.resolve(
                        "upr-reports/slovenia_4th_cycle/reports/slovenia2025_A-HRC-59-15.txt")), null, false),
                new Base("meeting-record", "meeting record", "SPV.8703.txt", SharedData.read(data.resolve(
                        "council-speeches/meetings/SPV.8703.txt")), "2020-01-15", false),
                new Base("press-release", "press release", "SC15341.txt", SharedData.read(data.resolve(
                        "pages/seed_sources/sc15341_press_release_30jun2023_res2690.txt")), null, false),
                new Base("resolution", "resolution", "S_RES_2690_2023.txt", SharedData.read(data.resolve(
                        "pages/seed_sources/res2690_2023_text_partial.txt")), null, false),
                new Base("upr-csv", "UPR Info CSV", "upr-info.csv", uprInfoCsv, null, true),
                new Base("upr-csv", "UHRI CSV", "uhri.csv", uhri(uprInfo), null, true),
                new Base(BRIEF_TEXT, "brief text", "brief-mali.txt", SharedData.read(SharedData.referenceBrief()),
                        null, false));
        for (Base base : bases) {
            corpus.everyKind(base);
            if (base.csv()) {
                corpus.csv(base);
            } else if (!base.kind().equals(BRIEF_TEXT)) {
                corpus.pdfs(base);
            }
        }
        corpus.textKinds(bases);
        return List.copyOf(corpus.cases);
    }

    /** The UPR Info rows as an export of the Universal Human Rights Index, with its own column names and order. */
    private static String uhri(List<String> uprInfo) {
        StringBuilder out = new StringBuilder("\"Recommendation\",\"Recommending State\",\"State under Review\","
                + "\"Session\",\"Themes\",\"Position\"\r\n");
        for (String line : uprInfo.subList(1, uprInfo.size())) {
            List<String> f = splitCsv(line);
            out.append(quote(f.get(4))).append(',').append(quote(f.get(3))).append(',').append(quote(f.get(2)))
                    .append(',').append(quote("UPR session " + f.get(1))).append(',').append(quote(f.get(5)))
                    .append(',').append(quote(f.get(6))).append("\r\n");
        }
        return out.toString();
    }

    private static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String quote(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }

    // ---- what every kind gets

    private void everyKind(Base b) {
        String text = b.text();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        add(b, "empty file", b.name(), new byte[0], Expect.REFUSED, "empty", 0);
        add(b, "blank file", b.name(), " \n\n \t \n".getBytes(StandardCharsets.US_ASCII), Expect.REFUSED, "no text", 0);
        add(b, "byte-order mark only", b.name(), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Expect.REFUSED,
                "no text", 0);
        add(b, "newlines only (10 MB)", b.name(), repeat("\n", TEN_MB), Expect.REFUSED, "lines", 0);
        add(b, "10 MB of blank lines, then the document", b.name(), concat(repeat("\n", TEN_MB), utf8),
                Expect.REFUSED, "lines", 0);
        add(b, "10 MB of spaces, then the document", b.name(), concat(repeat(" ", TEN_MB), utf8), Expect.REFUSED,
                "characters", 1);
        for (String extension : List.of(".txt", ".csv", ".pdf", ".md", ".docx", ".bin")) {
            add(b, "binary junk", stem(b.name()) + extension, junk(4096), Expect.REFUSED, null, 0);
        }
        add(b, "binary junk", stem(b.name()) + "-zip.txt", zipLike(), Expect.REFUSED, "not a text", 0);
        add(b, "binary junk", stem(b.name()) + "-png.pdf", pngLike(), Expect.REFUSED, "not a text", 0);
        add(b, "binary junk without NUL bytes", b.name(), highBytes(8192), Expect.REFUSED, null, 0);
        add(b, "UTF-8 with byte-order mark", b.name(), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8), expectGood(b), null, 0);
        boolean uhri = b.source().startsWith("UHRI");
        // Accents, curly quotes and a dash in Windows-1252: in a CSV, in a row of its own.
        String accented = b.csv() ? row(uhri, "Protéger les défenseurs — résumé", "Côte d’Ivoire", "Algeria", "1")
                : b.kind().equals(BRIEF_TEXT) ? "" : "Côte d’Ivoire — résumé";
        // The published brief holds characters Windows-1252 lacks: they become '?', and its structure with them.
        add(b, "Windows-1252", b.name(), (text.strip() + "\n" + accented + "\n").replace("’", "'").replace("“", "\"")
                .replace("”", "\"").getBytes(Charset.forName("windows-1252")), b.kind().equals(BRIEF_TEXT)
                ? Expect.EITHER : expectGood(b), null, 0);
        // A brief is read by its structure: a byte read as another letter may break a title the key topics repeat.
        add(b, "invalid UTF-8", b.name(), invalidUtf8(utf8), b.kind().equals(BRIEF_TEXT) ? Expect.EITHER
                : expectGood(b), null, 0);
        add(b, "UTF-16LE with byte-order mark", b.name(), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                text.getBytes(StandardCharsets.UTF_16LE)), expectGood(b), null, 0);
        add(b, "UTF-16BE with byte-order mark", b.name(), concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                text.getBytes(StandardCharsets.UTF_16BE)), expectGood(b), null, 0);
        add(b, "UTF-16LE without byte-order mark", b.name(), text.getBytes(StandardCharsets.UTF_16LE), Expect.REFUSED,
                "not a text", 0);
        int nulLine = lineAfter(text, 6000);
        add(b, "NUL byte in the middle", b.name(), insertAtLine(text, nulLine, "word\u0000word")
                .getBytes(StandardCharsets.UTF_8), Expect.REFUSED, "NUL", nulLine);
        add(b, "NUL bytes throughout", b.name(), text.replace(" ", " \u0000").getBytes(StandardCharsets.UTF_8),
                Expect.REFUSED, null, 0);
        String bell = "\u0001\u0007bell\u001b[31m";
        add(b, "control characters", b.name(), (b.csv() ? text.strip() + "\n" + row(uhri, "Ratify" + bell, "France",
                "Algeria", "1") + "\n" : insertAtLine(text, nulLine, bell)).getBytes(StandardCharsets.UTF_8),
                expectGood(b), null, 0);
        add(b, "mixed line ends", b.name(), mixedLineEnds(text).getBytes(StandardCharsets.UTF_8), expectGood(b), null,
                0);
        add(b, "carriage returns only", b.name(), text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8),
                expectGood(b), null, 0);
        add(b, "10 MB single line", b.name(), repeat("lorem ipsum ", TEN_MB / 12), Expect.REFUSED, "characters", 1);
        int longLine = lineAfter(text, 3000);
        add(b, "10 MB line inside the document", b.name(), insertAtLine(text, longLine, "x".repeat(TEN_MB))
                .getBytes(StandardCharsets.UTF_8), Expect.REFUSED, "characters", longLine);
        // The first line of a record given as text with one speech per paragraph is a speech.
        add(b, "first line only", b.name(), text.lines().findFirst().orElse("").getBytes(StandardCharsets.UTF_8),
                b.kind().equals("meeting-record") ? Expect.EITHER : Expect.REFUSED, null, 0);
        add(b, "truncated at a third", b.name(), Arrays.copyOf(utf8, utf8.length / 3), Expect.EITHER, null, 0);
        add(b, "repeated 10 times", b.name(), repeat(text + "\n", 10), Expect.EITHER, null, 0);
        add(b, "file name of 240 characters", "n".repeat(236 - b.name().length()) + "-" + b.name() + ".txt",
                utf8, Expect.IMPORTED, null, 0);
        add(b, "HTML page", stem(b.name()) + ".txt", ("<!DOCTYPE html><html><head><title>Access denied</title>"
                + "</head><body><h1>403 Forbidden</h1><script>alert(1)</script></body></html>\n")
                .getBytes(StandardCharsets.UTF_8), Expect.REFUSED, null, 0);
        add(b, "JSON", stem(b.name()) + ".txt", "{\"error\": \"not found\", \"items\": [1, 2, 3]}\n"
                .getBytes(StandardCharsets.UTF_8), Expect.REFUSED, null, 0);
        add(b, "PDF header then junk", stem(b.name()) + ".pdf", concat("%PDF-1.7\n".getBytes(StandardCharsets
                .US_ASCII), junk(4000)), Expect.REFUSED, "PDF", 0);
    }

    /** A file in an unusual but readable form: imported. */
    private static Expect expectGood(Base b) {
        return Expect.IMPORTED;
    }

    // ---- PDFs of the text kinds

    private void pdfs(Base b) {
        byte[] pdf = TestPdfs.fromPages(b.text());
        String name = stem(b.name()) + ".pdf";
        add(b, "PDF (control)", name, pdf, Expect.IMPORTED, null, 0);
        for (int percent : new int[] {5, 50, 95, 99}) {
            add(b, "truncated PDF", stem(b.name()) + "-cut" + percent + ".pdf",
                    Arrays.copyOf(pdf, pdf.length * percent / 100), Expect.REFUSED, "cut short", 0);
        }
        add(b, "encrypted PDF (password to open)", name, encrypt(pdf, "secret", new AccessPermission()),
                Expect.REFUSED, "password", 0);
        AccessPermission noCopy = new AccessPermission();
        noCopy.setCanExtractContent(false);
        add(b, "encrypted PDF (copying forbidden)", name, encrypt(pdf, "", noCopy), Expect.REFUSED, "extract", 0);
        add(b, "encrypted PDF (copying allowed)", name, encrypt(pdf, "", new AccessPermission()), Expect.IMPORTED,
                null, 0);
        add(b, "image-only PDF", name, imageOnlyPdf(3), Expect.REFUSED, "no text", 0);
        add(b, "PDF of blank pages", name, imageOnlyPdf(0), Expect.REFUSED, "no text", 0);
    }

    // ---- what CSV exports get

    private void csv(Base b) {
        List<String> lines = b.text().lines().toList();
        String header = lines.get(0);
        String nl = b.text().contains("\r\n") ? "\r\n" : "\n";
        boolean uhri = b.source().startsWith("UHRI");
        Function<List<String>, byte[]> join = rows -> (String.join(nl, rows) + nl).getBytes(StandardCharsets.UTF_8);
        add(b, "header only", b.name(), join.apply(List.of(header)), Expect.REFUSED, "no rows", 1);
        add(b, "header only, no line end", b.name(), header.getBytes(StandardCharsets.UTF_8), Expect.REFUSED,
                "no rows", 1);
        add(b, "header and blank lines", b.name(), join.apply(List.of(header, "", "", "")), Expect.REFUSED,
                "no rows", 1);
        add(b, "header and empty rows", b.name(), join.apply(List.of(header, ",,,,,", ",,,,,")), Expect.REFUSED,
                null, 2);
        add(b, "one row, no line end", b.name(), (header + nl + lines.get(1)).getBytes(StandardCharsets.UTF_8),
                Expect.IMPORTED, null, 0);
        // Column 'text' (UPR Info) or 'Recommendation' (UHRI) is the first one the importer needs.
        String textColumn = uhri ? "\"Recommendation\"" : "text";
        add(b, "duplicate header", b.name(), join.apply(replaceFirst(lines, 0, header + "," + textColumn)),
                Expect.REFUSED, "twice", 1);
        add(b, "duplicate header differing in case", b.name(), join.apply(replaceFirst(lines, 0, header + ","
                + (uhri ? "RECOMMENDATION " : "TEXT "))), Expect.REFUSED, "same name", 1);
        add(b, "missing column", b.name(), join.apply(lines.stream().map(l -> l.substring(l.indexOf(',') + 1))
                .map(l -> l.substring(l.indexOf(',') + 1)).map(l -> l.substring(l.indexOf(',') + 1)).toList()),
                Expect.REFUSED, "no column", 1);
        // UHRI's quoted header, tab-separated, reads as broken quotes; UPR Info's as one column.
        add(b, "tab-separated", b.name(), join.apply(lines.stream().map(l -> l.replace(",", "\t")).toList()),
                Expect.REFUSED, uhri ? null : "no column", 1);
        add(b, "semicolon-separated", b.name(), join.apply(semicolonRows(header, uhri)), Expect.IMPORTED, null, 0);
        String unclosed = uhri ? "\"Ratify the Convention,France,Algeria,UPR session 1,,Supported"
                : "s01-x,1,Algeria,France,\"Ratify the Convention,,Accepted,1";
        add(b, "unclosed quote", b.name(), join.apply(replaceFirst(lines, 3, unclosed)), Expect.REFUSED, null, 0);
        add(b, "unclosed quote at the end", b.name(), join.apply(append(lines, unclosed)), Expect.REFUSED, "quote",
                lines.size() + 1);
        add(b, "quote inside an unquoted field", b.name(), join.apply(append(lines, uhri
                ? "Ratify the \"Convention\" now,France,Algeria,1,,Supported"
                : "s01-x,1,Algeria,France,Ratify the \"Convention\" now,,Accepted,1")), Expect.EITHER, null, 0);
        add(b, "text after a closing quote", b.name(), join.apply(append(lines, uhri
                ? "\"Ratify\" the Convention,France,Algeria,1,,Supported"
                : "s01-x,1,Algeria,France,\"Ratify\" the Convention,,Accepted,1")), Expect.EITHER, null, 0);
        add(b, "row with too many fields", b.name(), join.apply(replaceFirst(lines, 5, lines.get(5) + ",extra,more")),
                Expect.REFUSED, "fields", 6);
        add(b, "row with too few fields", b.name(), join.apply(replaceFirst(lines, 7,
                lines.get(7).substring(0, lines.get(7).lastIndexOf(',')))), Expect.REFUSED, "fields", 8);
        for (String formula : List.of("=HYPERLINK(\"http://example.org\",\"x\")", "+cmd|' /C calc'!A0", "-2+3",
                "@SUM(A1:A9)")) {
            add(b, "formula cell in the text", b.name(), join.apply(append(lines, row(uhri, formula, "France",
                    "Algeria", "1"))), Expect.IMPORTED, null, 0);
        }
        add(b, "formula cell as the state under review", b.name(), join.apply(append(lines, row(uhri, "Ratify",
                "France", "=HYPERLINK(\"http://example.org\")", "1"))), Expect.REFUSED, "state under review",
                lines.size() + 1);
        add(b, "formula cell as the session", b.name(), join.apply(append(lines, row(uhri, "Ratify", "France",
                "Algeria", "=1+2"))), Expect.REFUSED, "session", lines.size() + 1);
        add(b, "formula cell as the recommending state", b.name(), join.apply(append(lines, row(uhri, "Ratify",
                "@SUM(A1)", "Algeria", "1"))), Expect.IMPORTED, null, 0);
        for (String session : List.of("0", "-5", "99999999999", "1e3", "", "session one")) {
            add(b, "bad session '" + session + "'", b.name(), join.apply(append(lines, row(uhri, "Ratify", "France",
                    "Algeria", session))), Expect.REFUSED, "session", lines.size() + 1);
        }
        add(b, "empty recommendation text", b.name(), join.apply(append(lines, row(uhri, "", "France", "Algeria",
                "1"))), Expect.REFUSED, "empty", lines.size() + 1);
        add(b, "unknown state under review (long name)", b.name(), join.apply(append(lines, row(uhri, "Ratify",
                "France", "Atlantis ".repeat(5000), "1"))), Expect.REFUSED, "state under review", lines.size() + 1);
        add(b, "10 MB recommendation on one line", b.name(), join.apply(append(lines, row(uhri,
                "Ratify ".repeat(TEN_MB / 7), "France", "Algeria", "1"))), Expect.REFUSED, "characters",
                lines.size() + 1);
        add(b, "10 MB recommendation over many lines", b.name(), join.apply(append(lines, row(uhri,
                "Ratify the Convention\n".repeat(TEN_MB / 22), "France", "Algeria", "1"))), Expect.REFUSED,
                "characters", lines.size() + 1);
        add(b, "50,000-character recommendation", b.name(), join.apply(append(lines, row(uhri,
                "Ratify ".repeat(50_000 / 7), "France", "Algeria", "1"))), Expect.REFUSED, "characters",
                lines.size() + 1);
        add(b, "5,000-character issue list", b.name(), join.apply(append(lines, row(uhri, "Ratify", "France",
                "Algeria", "1", issues(5_000)))), Expect.REFUSED, "characters", lines.size() + 1);
        add(b, "10,000 recommending states in one cell", b.name(), join.apply(append(lines, row(uhri, "Ratify",
                "France;".repeat(10_000), "Algeria", "1"))), Expect.IMPORTED, null, 0);
        add(b, "NUL byte in a field", b.name(), join.apply(append(lines, row(uhri, "Rat\u0000ify", "France",
                "Algeria", "1"))), Expect.REFUSED, "NUL", lines.size() + 1);
        add(b, "carriage return inside a quoted field", b.name(), join.apply(append(lines, row(uhri,
                "Ratify\r\nthe Convention\rnow", "France", "Algeria", "1"))), Expect.IMPORTED, null, 0);
        add(b, "one good row and one bad row", b.name(), join.apply(List.of(header, lines.get(1), row(uhri, "Ratify",
                "France", "Nowhere Land", "1"))), Expect.REFUSED, "state under review", 3);
        add(b, "10 MB header", b.name(), join.apply(replaceFirst(lines, 0, header + "," + "column,".repeat(TEN_MB / 7)
                + "end")), Expect.REFUSED, "characters", 1);
        add(b, "5,000 columns", b.name(), join.apply(wide(lines, 5000)), Expect.IMPORTED, null, 0);
        add(b, "huge table (30,000 rows)", b.name(), join.apply(huge(header, uhri, 30_000, false)), Expect.IMPORTED,
                null, 0);
        add(b, "the same row 30,000 times", b.name(), join.apply(huge(header, uhri, 30_000, true)), Expect.IMPORTED,
                null, 0);
    }

    /** Distinct issues, comma-separated, to {@code length} characters. */
    private static String issues(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; out.length() < length; i++) {
            out.append(out.isEmpty() ? "" : ",").append("Issue ").append(i);
        }
        return out.toString();
    }

    private static List<String> semicolonRows(String header, boolean uhri) {
        return List.of(header.replace(',', ';'), uhri
                ? "\"Ratify the Convention\";\"France\";\"Algeria\";\"UPR session 1\";\"\";\"Supported\""
                : "s01-1;1;Algeria;France;Ratify the Convention;;Accepted;1");
    }

    private static List<String> wide(List<String> lines, int extra) {
        List<String> out = new ArrayList<>();
        StringBuilder more = new StringBuilder();
        for (int i = 0; i < extra; i++) {
            more.append(",c").append(i);
        }
        out.add(lines.get(0) + more);
        for (String line : lines.subList(1, lines.size())) {
            out.add(line + ",".repeat(extra));
        }
        return out;
    }

    private static List<String> huge(String header, boolean uhri, int rows, boolean same) {
        List<String> out = new ArrayList<>(rows + 1);
        out.add(header);
        String[] states = {"Algeria", "Brazil", "Chile", "Denmark", "Ecuador", "France", "Ghana", "India", "Japan",
            "Kenya"};
        for (int i = 0; i < rows; i++) {
            String text = same ? "Ratify the Convention against Torture" : "Ratify convention number " + i;
            out.add(row(uhri, text, states[i % states.length], same ? "Mali" : states[(i / 7) % states.length],
                    same ? "1" : String.valueOf(1 + i % 12)));
        }
        return out;
    }

    private static String row(boolean uhri, String text, String from, String to, String session) {
        return row(uhri, text, from, to, session, "Women's rights");
    }

    private static String row(boolean uhri, String text, String from, String to, String session, String issues) {
        if (uhri) {
            return String.join(",", quote(text), quote(from), quote(to), quote(session.isEmpty() ? ""
                    : session.matches("\\d+") ? "UPR session " + session : session), quote(issues),
                    quote("Supported"));
        }
        return String.join(",", "s99-00001", quote(session), quote(to), quote(from), quote(text), quote(issues),
                "Accepted", "1");
    }

    // ---- things only text kinds get

    private void textKinds(List<Base> bases) {
        for (Base b : bases) {
            if (b.csv()) {
                continue;
            }
            List<String> lines = b.text().lines().toList();
            // A report's front page holds no recommendation; the first lines of a resolution, a press release, a brief
            // or a record given as text with one speech per paragraph may be a short one.
            boolean frontPage = b.kind().equals("upr-report");
            add(b, "first 12 lines only", b.name(), String.join("\n", lines.subList(0, Math.min(12, lines.size())))
                    .getBytes(StandardCharsets.UTF_8), frontPage ? Expect.REFUSED : Expect.EITHER, null, 0);
            add(b, "one paragraph of 50,000 characters", b.name(), insertAtLine(b.text(), lineAfter(b.text(),
                    b.text().length() / 2), "The Council recalls " + "all its resolutions, ".repeat(50_000 / 22))
                    .getBytes(StandardCharsets.UTF_8), Expect.EITHER, null, 0);
        }
        Base meeting = bases.stream().filter(b -> b.kind().equals("meeting-record")).findFirst().orElseThrow();
        add(meeting, "200,000 one-line speeches", meeting.name(), repeat("Mr. Roscoe (United Kingdom): Yes.\n",
                200_000), Expect.REFUSED, "speeches", 0);
        add(meeting, "speaker label of 100,000 characters", meeting.name(), ("The President: "
                + "Mr. ".repeat(25_000) + "(France): I thank you.\n").getBytes(StandardCharsets.UTF_8), Expect.EITHER,
                null, 0);
        Base press = bases.stream().filter(b -> b.kind().equals("press-release")).findFirst().orElseThrow();
        add(press, "headline of 20,000 characters", press.name(), ("9365th Meeting (AM)\nSC/15341\n\n"
                + "Security Council ".repeat(1200) + "\n\nThe Security Council decided today to terminate a mandate."
                + "\n\nThe representative of Ghana said the decision was right.\n").getBytes(StandardCharsets.UTF_8),
                Expect.EITHER, null, 0);
    }

    // ---- making bytes

    private void add(Base b, String malformation, String name, byte[] bytes, Expect expect, String reason, int line) {
        try {
            Path folder = dir.resolve(String.format("%03d", next++));
            Files.createDirectories(folder);
            Path file = folder.resolve(name);
            Files.write(file, bytes);
            cases.add(new Case(b.kind(), b.source(), malformation, file, expect, reason, line, b.date()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private byte[] junk(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        b[n / 2] = 0;
        return b;
    }

    /** Bytes 0x80–0xFF only: no NUL, no control character, text in any single-byte encoding, and no sense. */
    private byte[] highBytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (0x80 + random.nextInt(0x80));
        }
        return b;
    }

    private byte[] zipLike() {
        return concat(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}, junk(2000));
    }

    private byte[] pngLike() {
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, junk(2000));
    }

    private static byte[] repeat(String s, int times) {
        return s.repeat(times).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A few bytes that are not UTF-8 (a lone continuation byte, 0xFF, a cut sequence) in otherwise UTF-8 text. */
    private static byte[] invalidUtf8(byte[] utf8) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int third = utf8.length / 3;
        out.write(utf8, 0, third);
        out.writeBytes(new byte[] {(byte) 0xC3, '('});
        out.write(utf8, third, third);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0x80});
        out.write(utf8, 2 * third, utf8.length - 2 * third);
        return out.toByteArray();
    }

    private static String mixedLineEnds(String text) {
        StringBuilder out = new StringBuilder();
        String[] ends = {"\r\n", "\n", "\r", "\r\n"};
        int i = 0;
        for (String line : text.split("\n", -1)) {
            out.append(line).append(ends[i++ % ends.length]);
        }
        return out.toString();
    }

    /** The number (from 1) of the first line that starts after character {@code at}. */
    private static int lineAfter(String text, int at) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
                if (i >= Math.min(at, text.length() - 2)) {
                    return n;
                }
            }
        }
        return n;
    }

    /** The text with {@code line} inserted as line number {@code n}. */
    private static String insertAtLine(String text, int n, String line) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        lines.add(Math.min(n - 1, lines.size()), line);
        return String.join("\n", lines);
    }

    private static List<String> replaceFirst(List<String> lines, int index, String with) {
        List<String> out = new ArrayList<>(lines);
        out.set(index, with);
        return out;
    }

    private static List<String> append(List<String> lines, String row) {
        List<String> out = new ArrayList<>(lines);
        out.add(row);
        return out;
    }

    private static byte[] encrypt(byte[] pdf, String userPassword, AccessPermission permission) {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permission);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scan: {@code pages} pages each holding an image and no text; with 0, three blank pages. */
    private byte[] imageOnlyPdf(int pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int p = 0; p < Math.max(pages, 3); p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                if (pages > 0) {
                    BufferedImage image = new BufferedImage(200, 260, BufferedImage.TYPE_INT_RGB);
                    for (int y = 0; y < image.getHeight(); y += 4) {
                        for (int x = 0; x < image.getWidth(); x++) {
                            image.setRGB(x, y, random.nextInt(3) == 0 ? 0x000000 : 0xFFFFFF);
                        }
                    }
                    PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
                    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                        content.drawImage(xobject, 50, 100, 500, 650);
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
