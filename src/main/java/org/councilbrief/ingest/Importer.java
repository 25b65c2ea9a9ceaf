package org.councilbrief.ingest;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.AppException;
import org.councilbrief.db.Database;
import org.councilbrief.document.InputException;
import org.councilbrief.document.Resolution;
import org.councilbrief.document.ResolutionParser;
import org.councilbrief.document.Series;
import org.councilbrief.document.SourceText;
import org.councilbrief.document.SourceTexts;
import org.councilbrief.document.Symbol;
import org.councilbrief.document.Symbols;
import org.councilbrief.statement.Meeting;
import org.councilbrief.statement.PressSummary;
import org.councilbrief.statement.PressSummaryParser;
import org.councilbrief.statement.Speech;
import org.councilbrief.statement.SpeechSplitter;
import org.councilbrief.statement.Statement;
import org.councilbrief.upr.ExtractedRecommendation;
import org.councilbrief.upr.UprInfoCsv;
import org.councilbrief.upr.UprRecommendation;
import org.councilbrief.upr.UprReport;
import org.councilbrief.upr.UprReportParser;
import org.councilbrief.upr.UprResponses;
import org.councilbrief.upr.UprReview;
import org.councilbrief.upr.UprSessions;

/**
 * Imports one file of a given kind: reads it completely (a file that cannot be read, or is not what its kind says, is
 * rejected with file, line and reason before anything is written), then writes it in one transaction. Importing the
 * same file again changes nothing.
 */
public final class Importer {
    private static final Pattern PV_IN_NAME = Pattern.compile("S[/_-]?PV[._-](\\d{3,5})", Pattern.CASE_INSENSITIVE);
    private static final Pattern PV_IN_TEXT = Pattern.compile("\\bS/PV\\.(\\d{3,5})(?:\\s*\\(Resumption (\\d)\\))?");

    private final ImportRepository repository;

    public Importer(Database database) {
        this.repository = new ImportRepository(database.jdbi());
    }

    public ImportResult importFile(Path file, ImportKind kind, ImportOptions options) throws AppException {
        byte[] bytes = readBytes(file);
        return importBytes(file.toString(), bytes, kind, options);
    }

    public ImportResult importBytes(String name, byte[] bytes, ImportKind kind, ImportOptions options)
            throws AppException {
        if (options.situation() != null && !repository.situationExists(options.situation())) {
            throw new AppException("no situation '" + options.situation() + "' in the database");
        }
        SourceText source = SourceTexts.of(name, bytes);
        ParsedImport parsed = read(kind, source, options);
        List<String> warnings = new ArrayList<>(parsed.warnings());
        boolean written = repository.write(kind, sha256(bytes), name, parsed, warnings);
        if (!source.fromPdf() && !source.encoding().equals("UTF-8")) {
            warnings.add("read as " + source.encoding());
        }
        return new ImportResult(kind, name, parsed.target(), parsed.counts(), !written, warnings);
    }

    /** Reads a file as {@code kind} without writing anything: what the import page previews. */
    ParsedImport read(ImportKind kind, SourceText source, ImportOptions options) throws AppException {
        return switch (kind) {
            case UPR_REPORT -> uprReport(source, options);
            case MEETING_RECORD -> meetingRecord(source, options);
            case PRESS_RELEASE -> pressRelease(source, options);
            case RESOLUTION -> resolution(source, options);
            case UPR_CSV -> uprCsv(source);
        };
    }

    private ParsedImport uprReport(SourceText source, ImportOptions options) throws AppException {
        UprReport report = new UprReportParser().parse(source);
        String state = report.stateUnderReview();
        if (state == null && options.situation() != null) {
            state = repository.situationState(options.situation()).orElse(null);
        }
        if (state == null) {
            throw new InputException(source.name(), 0, "the report does not say which state was reviewed;"
                    + " give the situation with --situation");
        }
        int session = report.session();
        if (session == 0 && report.reviewDate() != null) {
            session = UprSessions.on(report.reviewDate()).map(UprSessions.Session::number).orElse(0);
        }
        if (session == 0) {
            throw new InputException(source.name(), 0, "the report does not say in which session the review was held");
        }
        final int sessionNumber = session;
        LocalDate date = report.reviewDate() != null ? report.reviewDate()
                : UprSessions.session(session).map(UprSessions.Session::from).orElseThrow(() -> new InputException(
                        source.name(), 0, "session " + sessionNumber + " is not in the application's list of sessions"));
        String symbol = options.symbol() != null ? Symbols.parse(options.symbol()).canonical() : report.symbol();
        Map<String, String> answers = options.responses() == null ? Map.of()
                : UprResponses.read(SourceTexts.read(options.responses()));
        List<String> warnings = new ArrayList<>(report.warnings());
        List<UprRecommendation> recs = new ArrayList<>();
        int unanswered = 0;
        for (ExtractedRecommendation r : report.recommendations()) {
            String response = answers.getOrDefault(r.paragraph(), r.response());
            if (!answers.isEmpty() && !answers.containsKey(r.paragraph())) {
                unanswered++;
            }
            recs.add(new UprRecommendation(r.paragraph(), r.text(), r.recommendingStateCodes(),
                    "pending".equals(response) ? null : response));
        }
        if (unanswered > 0) {
            warnings.add(options.responses() + " gives no response for " + unanswered + " recommendations");
        }
        UprReview review = new UprReview(UprReview.sessionId(state, session), state, UprSessions.cycleOf(session),
                session, date, symbol, recs, List.of(), symbol != null ? symbol : "Working Group report");
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("recommendations", recs.size());
        counts.put("withoutStates", (int) recs.stream().filter(r -> r.recommendingStates().isEmpty()).count());
        counts.put("answered", (int) recs.stream().filter(r -> r.response() != null).count());
        return new ParsedImport.Reviews("UPR review " + review.id(), List.of(review), counts, warnings);
    }

    private ParsedImport meetingRecord(SourceText source, ImportOptions options) throws AppException {
        new SpeechSplitter().split(source, null); // is it a meeting record at all?
        String symbol = meetingSymbol(source, options);
        LocalDate date = options.date() != null ? options.date() : SpeechSplitter.dateOf(source).orElseThrow(
                () -> new InputException(source.name(), 0, "the record does not print its date; give it with --date"));
        List<Speech> speeches = new SpeechSplitter().split(source, date);
        List<Statement> statements = new ArrayList<>();
        for (Speech s : speeches) {
            String onBehalf = s.onBehalfOf().isEmpty() ? null : String.join(";", s.onBehalfOf());
            statements.add(new Statement(symbol, s.index(), clip(s.speaker(), 300), s.countryCode(), onBehalf,
                    s.language(), s.text()));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("speeches", statements.size());
        counts.put("withState", (int) statements.stream().filter(s -> s.stateCode() != null).count());
        return new ParsedImport.MeetingRecord(new Meeting(symbol, options.situation(), date, null, null), statements,
                counts, List.of());
    }

    private static String meetingSymbol(SourceText source, ImportOptions options) throws AppException {
        if (options.symbol() != null) {
            Symbol symbol = Symbols.parse(options.symbol());
            if (symbol.series() != Series.SC_MEETING) {
                throw new AppException("'" + options.symbol() + "' is not the symbol of a meeting record (S/PV.nnnn)");
            }
            return symbol.canonical();
        }
        String head = source.text().length() > 3000 ? source.text().substring(0, 3000) : source.text();
        Matcher inText = PV_IN_TEXT.matcher(head);
        if (inText.find()) {
            return Symbols.parse(inText.group()).canonical();
        }
        Matcher inName = PV_IN_NAME.matcher(source.name());
        if (inName.find()) {
            return "S/PV." + inName.group(1);
        }
        throw new InputException(source.name(), 0, "the record does not print its symbol; give it with --symbol");
    }

    private ParsedImport pressRelease(SourceText source, ImportOptions options) throws AppException {
        PressSummary summary = new PressSummaryParser().parse(source);
        String number = options.symbol() != null ? Symbols.parse(options.symbol()).canonical() : summary.pressRelease();
        if (number == null) {
            throw new InputException(source.name(), 0, "the summary does not print its number; give it with --symbol");
        }
        summary = new PressSummary(number, summary.meeting(), summary.headline(), summary.paragraphs());
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("paragraphs", summary.paragraphs().size());
        counts.put("attributed", (int) summary.paragraphs().stream().filter(p -> p.speaker() != null).count());
        return new ParsedImport.Press(summary, counts, List.of());
    }

    private ParsedImport resolution(SourceText source, ImportOptions options) throws AppException {
        Resolution resolution = ResolutionParser.parse(source, null);
        String symbolText = options.symbol() != null ? options.symbol() : resolution.symbol();
        if (symbolText == null) {
            throw new InputException(source.name(), 0, "the resolution does not print its symbol; give it with --symbol");
        }
        Symbol symbol = Symbols.parse(symbolText);
        if (symbol.series() != Series.SC_RESOLUTION) {
            throw new AppException("'" + symbolText + "' is not the symbol of a resolution (S/RES/nnnn (yyyy))");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("preambular", (int) resolution.paragraphs().stream()
                .filter(p -> p.kind() == org.councilbrief.document.ParagraphRef.Kind.PP).count());
        counts.put("operative", (int) resolution.paragraphs().stream()
                .filter(p -> p.kind() == org.councilbrief.document.ParagraphRef.Kind.OP && p.sub().isEmpty()).count());
        return new ParsedImport.ResolutionText(symbol, resolution, counts, List.of());
    }

    private ParsedImport uprCsv(SourceText source) throws AppException {
        UprInfoCsv.Result result = new UprInfoCsv().read(source);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("rows", result.rows());
        counts.put("reviews", result.reviews().size());
        counts.put("recommendations", result.reviews().stream().mapToInt(r -> r.recommendations().size()).sum());
        String target = result.reviews().size() == 1 ? "UPR review " + result.reviews().get(0).id()
                : result.reviews().size() + " UPR reviews";
        return new ParsedImport.Reviews(target, result.reviews(), counts, result.warnings());
    }

    private static byte[] readBytes(Path file) throws InputException {
        try {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new InputException(file.toString(), 0, java.nio.file.Files.exists(file) ? "not a file"
                        : "no such file");
            }
            if (java.nio.file.Files.size(file) > SourceTexts.MAX_BYTES) {
                throw new InputException(file.toString(), 0, "larger than " + (SourceTexts.MAX_BYTES >> 20) + " MB");
            }
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new InputException(file.toString(), 0, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

}
