package org.councilbrief.brief;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.AppException;
import org.councilbrief.council.Composition;
import org.councilbrief.council.MemberList;
import org.councilbrief.council.Membership;
import org.councilbrief.council.State;
import org.councilbrief.council.States;
import org.councilbrief.document.ParagraphRef;
import org.councilbrief.document.SymbolFinder;
import org.councilbrief.upr.UprParticipant;
import org.councilbrief.upr.UprRecommendation;
import org.councilbrief.upr.UprReview;

/**
 * Reads a published brief copied as text (like the reference brief) into a {@link Brief}. Word counts and member
 * lists in the text are recomputed, never trusted: member lists that open a sentence of the comments section become
 * member references, key-topic member lists are checked and dropped. Input that cannot be a brief is rejected with
 * the line at fault; gaps that published briefs have are kept and reported as warnings.
 */
public final class BriefTextImporter {
    /** Lines of the published page that are not part of the brief. */
    static final Set<String> FURNITURE = Set.of("top of page", "Click heading to jump to section",
            "Commenting has been turned off.", "bottom of page");
    static final String KEY_TOPICS = "Key topics below";
    static final String BULLET = "•";

    private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d+)\\.\\s+(.*)$");
    private static final Pattern BULLETED = Pattern.compile("^\\s*•\\s*(.*)$");
    private static final Pattern TITLE = Pattern.compile(
            "^(.+?) \\[(\\d+) words?( \\+ UPR recommendations)?\\]$");
    private static final Pattern UPDATED = Pattern.compile("^Updated:\\s*(.*)$");
    private static final Pattern TOPIC_DATE = Pattern.compile("^(.*) \\(([^()]*)\\)(?:: (.+))?$");
    private static final Pattern DATE_LIKE = Pattern.compile(
            "\\d{4}|\\b(January|February|March|April|May|June|July|August|September|October|November|December)\\b");
    private static final Pattern SOME_OF = Pattern.compile("^(\\d+) of the Security Council's members$");
    private static final Pattern NO_RECOMMENDATIONS = Pattern.compile(
            "^(.+?) did not offer recommendations(?:, but (.+))?\\.?$");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’)]? (?=[A-Z])");
    private static final Pattern SITUATION = Pattern.compile("related to ([A-Z][\\p{L}' -]+?)(?:,| including|\\.)");
    private static final Pattern REF_AFTER_SYMBOL = Pattern.compile(
            "^\\s*,\\s*((?:OP|PP)\\s?\\d+(?:\\s?-\\s?(?:OP|PP)?\\s?\\d+)?|paras? \\d+(?:-\\d+)?)\\]");
    private static final Pattern BRACKET_REF = Pattern.compile(
            "\\[((?:OP|PP)\\s?\\d+(?:\\s?-\\s?(?:OP|PP)?\\s?\\d+)?|paras? \\d+(?:-\\d+)?)\\]");

    private final Membership membership;
    private final States states;
    private final MemberList memberList;

    public BriefTextImporter(Membership membership) {
        this.membership = membership;
        this.states = membership.states();
        this.memberList = new MemberList(states);
    }

    /** What the caller knows that the text may not say. */
    public record Options(String situation, LocalDate asOf) {
        public static final Options NONE = new Options(null, null);
    }

    private record Line(int number, String text) {
    }

    private record KeyTopicLine(Line line, String title, LocalDate date, String members) {
    }

    private record Para(Line line, boolean numbered, int number, String text, String subHeading, List<Line> bullets) {
    }

    public BriefImport read(String text, Options options) throws AppException {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i].replace('\u00a0', ' ').stripTrailing();
            if (t.startsWith("\uFEFF")) {
                t = t.substring(1);
            }
            if (!t.isBlank() && !FURNITURE.contains(t.strip())) {
                lines.add(new Line(i + 1, t));
            }
        }
        if (lines.isEmpty()) {
            throw new AppException("the text is empty: a brief starts with an 'Updated:' line");
        }
        List<String> warnings = new ArrayList<>();

        Line first = lines.get(0);
        Matcher updatedMatch = UPDATED.matcher(first.text().strip());
        if (!updatedMatch.matches()) {
            throw error(first, "text outside any section: a brief starts with its 'Updated:' line, found '"
                    + abbreviate(first.text()) + "'");
        }
        Updated updated = updated(first, updatedMatch.group(1).strip(), warnings);

        int keyAt = indexOf(lines, KEY_TOPICS);
        if (keyAt < 0) {
            throw new AppException("the key topics are missing: no line reads '" + KEY_TOPICS + "'");
        }
        List<String> intro = new ArrayList<>();
        for (Line line : lines.subList(1, keyAt)) {
            if (title(line).isPresent() || NUMBERED.matcher(line.text()).matches()) {
                throw error(line, "text outside any section before the key topics: '" + abbreviate(line.text()) + "'");
            }
            intro.add(line.text().strip());
        }

        // The body is where the last occurrence of each section title stands; the key topics may repeat titles.
        int[] titleAt = new int[SectionKind.values().length];
        java.util.Arrays.fill(titleAt, -1);
        for (int i = keyAt + 1; i < lines.size(); i++) {
            int at = i;
            title(lines.get(i)).ifPresent(kind -> titleAt[kind.ordinal()] = at);
        }
        for (SectionKind kind : SectionKind.values()) {
            if (titleAt[kind.ordinal()] < 0) {
                throw new AppException("the section '" + kind.title() + "' is missing");
            }
        }
        int bodyStart = titleAt[0];
        for (SectionKind kind : SectionKind.values()) {
            int at = titleAt[kind.ordinal()];
            if (at < bodyStart) {
                throw new AppException("the section '" + kind.title() + "' is missing after the key topics");
            }
            if (kind.ordinal() > 0 && at < titleAt[kind.ordinal() - 1]) {
                throw error(lines.get(at), "sections out of order: '" + kind.title() + "' comes before '"
                        + SectionKind.values()[kind.ordinal() - 1].title() + "'");
            }
        }

        List<List<KeyTopicLine>> keyGroups = keyTopics(lines.subList(keyAt + 1, bodyStart));
        if (keyGroups.size() != SectionKind.values().length) {
            throw new AppException("the key topics list " + keyGroups.size() + " sections; a brief has "
                    + SectionKind.values().length + " (numbering starts again at 1 for each section)");
        }

        Map<SectionKind, Line> titleLines = new LinkedHashMap<>();
        Map<SectionKind, List<Para>> paras = new LinkedHashMap<>();
        for (SectionKind kind : SectionKind.values()) {
            int from = titleAt[kind.ordinal()];
            int to = kind.ordinal() + 1 < titleAt.length ? titleAt[kind.ordinal() + 1] : lines.size();
            titleLines.put(kind, lines.get(from));
            paras.put(kind, paragraphs(kind, lines.subList(from + 1, to)));
        }

        String situationName = situationName(options, intro, lines.get(0));
        Optional<State> situationState = states.byName(situationName);
        List<KeyTopicLine> allTopics = keyGroups.stream().flatMap(List::stream).toList();
        LocalDate asOf = options.asOf() != null ? options.asOf()
                : allTopics.stream().map(KeyTopicLine::date).filter(d -> d != null).max(LocalDate::compareTo)
                        .orElse(updated.date());
        if (asOf == null) {
            throw new AppException("cannot tell the brief's date: no item is dated and the 'Updated' line has no "
                    + "year; give the date with --as-of");
        }
        checkCovered(asOf, lines.get(0));

        List<Section> sections = new ArrayList<>();
        List<UprReview> reviews = new ArrayList<>();
        for (SectionKind kind : SectionKind.values()) {
            List<KeyTopicLine> topics = keyGroups.get(kind.ordinal());
            List<List<Para>> runs = items(kind, paras.get(kind), topics.size(), titleLines.get(kind));
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                KeyTopicLine topic = topics.get(i);
                items.add(item(kind, i + 1, topic, runs.get(i), asOf, situationState, reviews, warnings));
            }
            sections.add(new Section(kind, items));
        }
        Brief brief = new Brief(BriefComposer.slug(situationName), situationName, asOf, updated, intro, sections,
                reviews);
        checkAgainstPublished(brief, keyGroups, titleLines, warnings);
        return new BriefImport(brief, warnings);
    }

    private Updated updated(Line line, String value, List<String> warnings) throws AppException {
        for (String pattern : List.of("d MMMM yyyy", "MMMM d, yyyy", "MMMM d yyyy", "yyyy-MM-dd")) {
            try {
                return Updated.on(LocalDate.parse(value, DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH)));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        for (String pattern : List.of("MMMM d", "d MMMM", "MMMM yy", "MMMM yyyy")) {
            try {
                DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
                if (pattern.contains("y")) {
                    YearMonth.parse(value, format);
                } else {
                    MonthDay.parse(value, format);
                }
                warnings.add("line " + line.number() + ": the 'Updated' line has no full date ('" + value
                        + "'); it is kept as published");
                return new Updated(null, value);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw error(line, "cannot read the date '" + value + "' of the 'Updated' line");
    }

    private Optional<SectionKind> title(Line line) {
        String t = line.text().strip();
        Matcher m = TITLE.matcher(t);
        if (m.matches()) {
            return SectionKind.byTitle(m.group(1));
        }
        return SectionKind.byTitle(t);
    }

    private static int indexOf(List<Line> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).text().strip().equals(text)) {
                return i;
            }
        }
        return -1;
    }

    private List<List<KeyTopicLine>> keyTopics(List<Line> block) throws AppException {
        List<List<KeyTopicLine>> groups = new ArrayList<>();
        int expected = 1;
        for (Line line : block) {
            if (title(line).isPresent()) {
                continue;
            }
            Matcher m = NUMBERED.matcher(line.text());
            if (!m.matches()) {
                if (TITLE.matcher(line.text().strip()).matches()) {
                    throw error(line, "unknown section title '" + line.text().strip() + "'");
                }
                throw error(line, "text outside any section in the key topics: '" + abbreviate(line.text()) + "'");
            }
            int number = Integer.parseInt(m.group(1));
            if (number == 1) {
                groups.add(new ArrayList<>());
                expected = 1;
            }
            if (groups.isEmpty() || number != expected) {
                throw error(line, "key topic numbered " + number + " where " + expected + " was expected");
            }
            expected++;
            groups.get(groups.size() - 1).add(keyTopic(line, m.group(2).strip()));
        }
        return groups;
    }

    private KeyTopicLine keyTopic(Line line, String text) throws AppException {
        String body = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        Matcher m = TOPIC_DATE.matcher(body);
        if (m.matches() && DATE_LIKE.matcher(m.group(2)).find()) {
            LocalDate date = date(line, m.group(2));
            return new KeyTopicLine(line, m.group(1).strip(), date, m.group(3));
        }
        return new KeyTopicLine(line, body.strip(), null, null);
    }

    private static LocalDate date(Line line, String text) throws AppException {
        try {
            return LocalDate.parse(text.strip(), BriefComposer.DATE);
        } catch (DateTimeParseException e) {
            throw error(line, "cannot read the date '" + text + "' (expected a date such as 16 June 2023)");
        }
    }

    private List<Para> paragraphs(SectionKind kind, List<Line> body) throws AppException {
        List<Para> paras = new ArrayList<>();
        String subHeading = null;
        for (Line line : body) {
            Matcher numbered = NUMBERED.matcher(line.text());
            Matcher bullet = BULLETED.matcher(line.text());
            if (bullet.matches()) {
                if (paras.isEmpty()) {
                    throw error(line, "a list of UPR recommendations must follow a paragraph");
                }
                if (kind != SectionKind.COMMENTS) {
                    throw error(line, "UPR recommendations belong in the section '" + SectionKind.COMMENTS.title()
                            + "'");
                }
                paras.get(paras.size() - 1).bullets().add(new Line(line.number(), bullet.group(1).strip()));
            } else if (numbered.matches()) {
                paras.add(new Para(line, true, Integer.parseInt(numbered.group(1)), numbered.group(2).strip(),
                        subHeading, new ArrayList<>()));
            } else if (TITLE.matcher(line.text().strip()).matches()) {
                throw error(line, "unknown section title '" + line.text().strip() + "'");
            } else if (isSubHeading(line.text().strip())) {
                subHeading = line.text().strip();
            } else {
                paras.add(new Para(line, false, 0, line.text().strip(), subHeading, new ArrayList<>()));
            }
        }
        return paras;
    }

    /** A short line without closing punctuation, such as "Women, Peace and Security". */
    static boolean isSubHeading(String text) {
        return WordCount.of(text) <= 8 && !text.matches(".*[.:;!?)\\]]$");
    }

    /**
     * Groups a section's paragraphs into items, one per key topic: a sub-heading and its paragraphs form one item
     * when the key topics count sub-headings; otherwise each paragraph is an item.
     */
    private List<List<Para>> items(SectionKind kind, List<Para> paras, int topics, Line title) throws AppException {
        List<List<Para>> bySubHeading = new ArrayList<>();
        String current = null;
        for (Para para : paras) {
            if (bySubHeading.isEmpty() || para.subHeading() == null || !para.subHeading().equals(current)) {
                bySubHeading.add(new ArrayList<>());
            }
            current = para.subHeading();
            bySubHeading.get(bySubHeading.size() - 1).add(para);
        }
        if (bySubHeading.size() == topics) {
            return bySubHeading;
        }
        if (paras.size() == topics) {
            return paras.stream().map(List::of).toList();
        }
        throw error(title, "the key topics list " + topics + " item(s) for '" + kind.title() + "' but the section has "
                + paras.size() + " paragraph(s) in " + bySubHeading.size() + " group(s)");
    }

    private Item item(SectionKind kind, int index, KeyTopicLine topic, List<Para> run, LocalDate asOf,
            Optional<State> situationState, List<UprReview> reviews, List<String> warnings) throws AppException {
        String id = kind.id() + "-" + index;
        LocalDate date = topic.date();
        if (date == null) {
            warnings.add("line " + topic.line().number() + ": item '" + abbreviate(topic.title()) + "' has no date");
        } else {
            checkCovered(date, topic.line());
        }
        Composition composition = membership.on(date != null ? date : asOf);
        boolean numbered = run.get(0).numbered();
        List<Paragraph> paragraphs = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        String uprReview = null;
        for (Para para : run) {
            if (para.numbered() != numbered) {
                throw error(para.line(), "an item mixes numbered and unnumbered paragraphs");
            }
            paragraphs.add(kind == SectionKind.COMMENTS ? withMemberLists(composition, para, warnings)
                    : Paragraph.of(para.text()));
            sources(para.text(), sources);
            if (!para.bullets().isEmpty()) {
                UprReview review = uprReview(para, date != null ? date : asOf, situationState, topic);
                reviews.add(review);
                uprReview = review.id();
            }
        }
        if (sources.isEmpty()) {
            warnings.add("line " + run.get(0).line().number() + ": item '" + abbreviate(topic.title())
                    + "' cites no source");
        }
        if (topic.members() != null) {
            checkMemberList(topic, composition);
        }
        return new Item(id, topic.title(), date, run.get(0).subHeading(), numbered, paragraphs, sources, null,
                uprReview);
    }

    /** Cuts a paragraph into text and the member lists that open its sentences. */
    private Paragraph withMemberLists(Composition composition, Para para, List<String> warnings) {
        return withMemberLists(composition, para.text(), "line " + para.line().number(), warnings);
    }

    /**
     * Cuts a paragraph's text into text and the member lists that open its sentences; {@code where} names the place in
     * warnings ("line 12").
     */
    Paragraph withMemberLists(Composition composition, String text, String where, List<String> warnings) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        Matcher m = SENTENCE_END.matcher(text);
        while (m.find()) {
            starts.add(m.end());
        }
        List<Segment> segments = new ArrayList<>();
        int pos = 0;
        for (int start : starts) {
            Optional<MemberList.Parsed> parsed = memberList.parseLeading(composition, text.substring(start));
            if (parsed.isEmpty()) {
                continue;
            }
            if (start > pos) {
                segments.add(Segment.text(text.substring(pos, start)));
            }
            List<String> refs = parsed.get().refs();
            if (!memberList.ordered(composition, refs).equals(refs)) {
                warnings.add(where + ": the member list '"
                        + text.substring(start, start + parsed.get().length()) + "' is not in a brief's order; "
                        + "it is rewritten in order");
            }
            segments.add(Segment.members(refs, parsed.get().expanded()));
            pos = start + parsed.get().length();
        }
        if (pos < text.length()) {
            segments.add(Segment.text(text.substring(pos)));
        }
        return new Paragraph(segments);
    }

    private static void sources(String text, List<Source> sources) {
        List<SymbolFinder.Found> found = SymbolFinder.find(text);
        for (int i = 0; i < found.size(); i++) {
            SymbolFinder.Found f = found.get(i);
            int limit = i + 1 < found.size() ? found.get(i + 1).start() : text.length();
            String after = text.substring(f.end(), limit);
            String paragraph = null;
            Matcher inBracket = REF_AFTER_SYMBOL.matcher(after);
            Matcher later = BRACKET_REF.matcher(after);
            if (inBracket.find()) {
                paragraph = inBracket.group(1);
            } else if (later.find()) {
                paragraph = later.group(1);
            }
            String canonical = paragraph;
            if (paragraph != null) {
                try {
                    canonical = ParagraphRef.parse(paragraph.replace(" ", "")
                            .replaceFirst("^(paras?)", "$1 ")).toString();
                } catch (AppException e) {
                    canonical = paragraph;
                }
            }
            Source source = new Source(f.symbol().canonical(), canonical, null);
            if (!sources.contains(source)) {
                sources.add(source);
            }
        }
    }

    private UprReview uprReview(Para para, LocalDate date, Optional<State> situationState, KeyTopicLine topic)
            throws AppException {
        State underReview = situationState.orElseThrow(() -> error(topic.line(),
                "cannot tell which state the UPR recommendations are for: the situation is not a state"));
        Map<String, List<String>> byText = new LinkedHashMap<>();
        List<UprParticipant> participants = new ArrayList<>();
        State current = null;
        for (Line bullet : para.bullets()) {
            String text = bullet.text();
            Optional<State> heading = states.byName(text);
            Matcher none = NO_RECOMMENDATIONS.matcher(text);
            if (heading.isPresent()) {
                current = heading.get();
            } else if (none.matches()) {
                State state = states.byName(none.group(1)).orElseThrow(() -> error(bullet,
                        "unknown state '" + none.group(1) + "' in the UPR recommendations"));
                participants.add(new UprParticipant(state.code(), none.group(2)));
            } else if (isSubHeading(text)) {
                throw error(bullet, "unknown state '" + text + "' in the UPR recommendations");
            } else if (current == null) {
                throw error(bullet, "a UPR recommendation before the name of the member that made it");
            } else {
                byText.computeIfAbsent(text, t -> new ArrayList<>()).add(current.code());
            }
        }
        List<UprRecommendation> recommendations = byText.entrySet().stream()
                .map(e -> new UprRecommendation(null, e.getKey(), e.getValue(), null)).toList();
        return new UprReview(UprReview.defaultId(underReview.code(), date), underReview.code(), 0, 0, date, null,
                recommendations, participants);
    }

    private void checkMemberList(KeyTopicLine topic, Composition composition) throws AppException {
        String members = topic.members().strip();
        if (members.equals(MemberList.ALL_MEMBERS) || SOME_OF.matcher(members).matches()) {
            return;
        }
        for (String name : members.split(", | and ")) {
            String n = name.strip();
            if (n.startsWith("the ") && composition.hasGrouping(n.substring(4)) || composition.hasGrouping(n)) {
                continue;
            }
            if (states.byName(n).isEmpty()) {
                throw error(topic.line(), "unknown state '" + n + "' in the member list");
            }
        }
    }

    /** Compares what the published text says with what councilbrief computes, and reports each difference. */
    private void checkAgainstPublished(Brief brief, List<List<KeyTopicLine>> keyGroups, Map<SectionKind, Line> titles,
            List<String> warnings) {
        BriefView view = new BriefComposer(membership).compose(brief);
        for (BriefView.SectionView section : view.sections()) {
            Line line = titles.get(section.kind());
            Matcher m = TITLE.matcher(line.text().strip());
            if (m.matches() && Integer.parseInt(m.group(2)) != section.wordCount()) {
                warnings.add("line " + line.number() + ": the published count is " + m.group(2)
                        + " words; the section has " + section.wordCount());
            }
        }
        for (BriefView.KeyTopicGroup group : view.keyTopics()) {
            List<KeyTopicLine> published = keyGroups.get(group.kind().ordinal());
            for (int i = 0; i < group.topics().size(); i++) {
                KeyTopicLine line = published.get(i);
                String computed = group.topics().get(i).text();
                String text = NUMBERED.matcher(line.line().text()).replaceFirst("$2").strip();
                if (!computed.equals(text)) {
                    warnings.add("line " + line.line().number() + ": the key topic reads '" + abbreviate(text)
                            + "'; councilbrief computes '" + abbreviate(computed) + "'");
                }
            }
        }
    }

    private String situationName(Options options, List<String> intro, Line first) throws AppException {
        if (options.situation() != null) {
            return states.byName(options.situation()).map(s -> s.shortName().replaceFirst("^the ", ""))
                    .orElse(options.situation());
        }
        for (String paragraph : intro) {
            Matcher m = SITUATION.matcher(paragraph);
            if (m.find()) {
                return m.group(1).strip();
            }
        }
        throw error(first, "cannot tell which situation the brief is about; give it with --situation");
    }

    private void checkCovered(LocalDate date, Line line) throws AppException {
        // A later year whose elected members are not all recorded is read with those that are (decision 0026).
        if (date.getYear() < Membership.FIRST_YEAR) {
            throw error(line, "the date " + date + " is before " + Membership.FIRST_YEAR
                    + ", when the Security Council first met");
        }
    }

    private static String abbreviate(String text) {
        String t = text.strip();
        return t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }

    private static AppException error(Line line, String message) {
        return new BriefFormatException(line.number(), message);
    }

}
