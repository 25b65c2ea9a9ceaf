package org.councilbrief.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.councilbrief.AppException;
import org.councilbrief.document.InputException;
import org.councilbrief.document.SourceText;
import org.councilbrief.document.SourceTexts;
import org.councilbrief.document.Symbols;
import org.councilbrief.upr.ExtractedRecommendation;
import org.councilbrief.upr.UprInfoCsv;
import org.councilbrief.upr.UprRecommendation;
import org.councilbrief.upr.UprReport;
import org.councilbrief.upr.UprReportParser;
import org.councilbrief.upr.UprResponses;
import org.councilbrief.upr.UprReview;
import org.councilbrief.upr.UprSessions;

/**
 * A UPR Working Group report: one review, keyed by the state under review and the session ({@code DZA-S1}), with its
 * recommendations and, given {@code --responses}, the answers of its addendum or thematic list.
 */
final class UprReportImporter implements Importer {
    private static final Pattern LOOKS_LIKE = Pattern.compile("(?i)conclusions\\s+and\\s*/\\s*or\\s+recommendations");

    @Override
    public String id() {
        return "upr-report";
    }

    @Override
    public String description() {
        return "UPR Working Group report (A/HRC/…): recommendations and recommending states";
    }

    @Override
    public boolean canRead(SourceText text) {
        return LOOKS_LIKE.matcher(text.text()).find();
    }

    @Override
    public ParsedImport read(SourceText source, ImportOptions options, ImportContext context) throws AppException {
        UprReport report = new UprReportParser().parse(source);
        String state = report.stateUnderReview();
        if (state == null && options.situation() != null) {
            state = context.situationState(options.situation()).orElse(null);
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
        if (options.symbol() != null && report.symbol() != null && !report.symbol().equals(symbol)) {
            // as for the other documents (OwnSymbol): a review is never stored under another report's symbol
            throw new InputException(source.name(), 0, "the symbol given says " + symbol + " but the report's header"
                    + " says " + report.symbol() + "; correct the symbol");
        }
        Map<String, String> answers = options.responses() == null ? Map.of()
                : UprResponses.read(SourceTexts.read(options.responses()));
        List<String> warnings = new ArrayList<>(report.warnings());
        List<UprRecommendation> recs = new ArrayList<>();
        int unanswered = 0;
        for (ExtractedRecommendation r : report.recommendations()) {
            if (r.text().length() > UprInfoCsv.MAX_TEXT) {
                throw new InputException(source.name(), 0, "recommendation " + r.paragraph() + " has "
                        + String.format(Locale.ROOT, "%,d", r.text().length()) + " characters; at most "
                        + String.format(Locale.ROOT, "%,d", UprInfoCsv.MAX_TEXT) + " are read (decision 0032): "
                        + InputException.excerpt(r.text()));
            }
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
}
