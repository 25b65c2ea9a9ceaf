package org.councilbrief.brief;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.councilbrief.brief.BriefView.Block;
import org.councilbrief.brief.BriefView.KeyTopic;
import org.councilbrief.brief.BriefView.KeyTopicGroup;
import org.councilbrief.brief.BriefView.ParagraphView;
import org.councilbrief.brief.BriefView.SectionView;
import org.councilbrief.brief.BriefView.SourceView;
import org.councilbrief.brief.BriefView.Span;
import org.councilbrief.brief.BriefView.UprBlock;
import org.councilbrief.brief.BriefView.UprMember;
import org.councilbrief.council.Composition;
import org.councilbrief.council.CouncilMember;
import org.councilbrief.council.MemberList;
import org.councilbrief.council.Membership;
import org.councilbrief.council.State;
import org.councilbrief.document.SymbolFinder;
import org.councilbrief.document.Symbols;
import org.councilbrief.upr.UprParticipant;
import org.councilbrief.upr.UprRecommendation;
import org.councilbrief.upr.UprReview;

/**
 * Composes a {@link BriefView} from a {@link Brief}: the rules of DESIGN.md "The brief" as code. Pure: the same brief
 * and membership give the same view.
 */
public final class BriefComposer {
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    static final String UPR_SUFFIX = " + UPR recommendations";

    private final java.util.function.Supplier<Membership> membership;
    private final MemberList memberList;

    public BriefComposer(Membership membership) {
        this(() -> membership);
    }

    /** A composer that asks for the Council's composition as recorded now, each time it composes. */
    public BriefComposer(java.util.function.Supplier<Membership> membership) {
        this.membership = membership;
        this.memberList = new MemberList(membership.get().states());
    }

    public BriefView compose(Brief brief) {
        List<SectionView> sections = new ArrayList<>();
        List<KeyTopicGroup> keyTopics = new ArrayList<>();
        for (SectionKind kind : SectionKind.values()) {
            Section section = brief.section(kind);
            SectionView view = section(brief, section);
            sections.add(view);
            List<KeyTopic> topics = new ArrayList<>();
            int n = 1;
            for (Item item : section.items()) {
                topics.add(new KeyTopic(n++, keyTopic(brief, kind, item), anchor(item)));
            }
            keyTopics.add(new KeyTopicGroup(kind, view.heading(), view.anchor(), topics));
        }
        return new BriefView(brief.situation(), brief.situationName(), updatedLine(brief.updated()), brief.intro(),
                keyTopics, sections);
    }

    static String updatedLine(Updated updated) {
        return "Updated: " + (updated.date() != null ? DATE.format(updated.date()) : updated.asPublished());
    }

    static String anchor(Item item) {
        return "item-" + item.id();
    }

    private SectionView section(Brief brief, Section section) {
        List<Block> blocks = new ArrayList<>();
        String currentHeading = null;
        List<ParagraphView> current = null;
        boolean withUpr = false;
        int words = 0;
        for (Item item : section.items()) {
            if (current == null || !Objects.equals(item.subHeading(), currentHeading)) {
                current = new ArrayList<>();
                currentHeading = item.subHeading();
                blocks.add(new Block(currentHeading, currentHeading == null ? null : slug(currentHeading), current));
                if (currentHeading != null) {
                    words += WordCount.of(currentHeading);
                }
            }
            Composition composition = compositionFor(brief, item);
            List<String> texts = item.paragraphs().stream().map(p -> text(composition, p)).toList();
            List<SourceView> sources = uncited(item.sources(), String.join("\n", texts));
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                words += WordCount.of(text);
                boolean last = i == texts.size() - 1;
                UprBlock upr = last && item.uprReview() != null ? uprBlock(brief, item) : null;
                withUpr |= upr != null;
                int number = item.numbered() ? current.size() + 1 : 0;
                current.add(new ParagraphView(number, i == 0 ? anchor(item) : null, text, spans(text), upr,
                        last && !sources.isEmpty() ? sources : null));
            }
        }
        String title = section.kind().title();
        String heading = title + " [" + words + " words" + (withUpr ? UPR_SUFFIX : "") + "]";
        return new SectionView(section.kind(), title, heading, section.kind().id(), words, withUpr, List.copyOf(blocks));
    }

    /** The Council of the item's date, or of the brief's date for an undated item. */
    private Composition compositionFor(Brief brief, Item item) {
        LocalDate date = item.date() != null ? item.date() : brief.asOf();
        return membership.get().on(date);
    }

    /** A paragraph's text, each member list written out; a list that opens a sentence starts with a capital. */
    String text(Composition composition, Paragraph paragraph) {
        StringBuilder text = new StringBuilder();
        for (Segment segment : paragraph.segments()) {
            if (segment.isMembers()) {
                String prose = memberList.prose(composition, segment.members(), segment.expand());
                text.append(sentenceStart(text) ? MemberList.capitalize(prose) : prose);
            } else {
                text.append(segment.text());
            }
        }
        return text.toString();
    }

    private static boolean sentenceStart(StringBuilder text) {
        String before = text.toString().stripTrailing();
        return before.isEmpty() || before.endsWith(".") || before.endsWith("!") || before.endsWith("?");
    }

    /**
     * The sources to show after an item: those its text does not cite already, as a published brief cites ("S/2023/402
     * ... [para 19]"), so that a source is read once, in the text or after it.
     */
    static List<SourceView> uncited(List<Source> sources, String text) {
        Set<String> cited = new LinkedHashSet<>();
        SymbolFinder.find(text).forEach(f -> cited.add(f.symbol().canonical()));
        List<SourceView> out = new ArrayList<>();
        for (Source source : sources) {
            if (source.url() != null) {
                if (!text.contains(source.url())) {
                    out.add(new SourceView(null, null, source.url(), source.url()));
                }
                continue;
            }
            if (source.symbol() == null || cited.contains(source.symbol())
                    && (source.paragraph() == null || text.contains(source.paragraph()))) {
                continue;
            }
            String url = Symbols.tryParse(source.symbol()).map(s -> s.url().toString()).orElse(null);
            out.add(new SourceView(source.symbol(), source.paragraph(), source.symbol()
                    + (source.paragraph() == null ? "" : ", " + source.paragraph()), url));
        }
        return List.copyOf(out);
    }

    static List<Span> spans(String text) {
        List<Span> spans = new ArrayList<>();
        int pos = 0;
        for (SymbolFinder.Found found : SymbolFinder.find(text)) {
            if (found.start() < pos) {
                continue;
            }
            if (found.start() > pos) {
                spans.add(new Span(text.substring(pos, found.start()), null));
            }
            spans.add(new Span(text.substring(found.start(), found.end()), found.symbol().url().toString()));
            pos = found.end();
        }
        if (pos < text.length()) {
            spans.add(new Span(text.substring(pos), null));
        }
        return List.copyOf(spans);
    }

    private String keyTopic(Brief brief, SectionKind kind, Item item) {
        String line = item.title();
        if (item.date() != null) {
            line += " (" + DATE.format(item.date()) + ")";
        }
        String members = kind == SectionKind.COMMENTS ? referrers(brief, item) : null;
        if (members != null) {
            return line + ": " + members + ".";
        }
        return line.endsWith(".") ? line : line + ".";
    }

    /**
     * Who referred to human rights in a comments item: "All Council members" when all fifteen did, the count of
     * members listed for a UPR item, else the members named in the item's member lists.
     */
    private String referrers(Brief brief, Item item) {
        Composition composition = compositionFor(brief, item);
        int size = composition.members().size();
        if (item.uprReview() != null) {
            int listed = uprBlock(brief, item).members().size();
            return listed == size ? MemberList.ALL_MEMBERS : listed + " of the Security Council's members";
        }
        List<String> refs = new ArrayList<>();
        item.paragraphs().forEach(p -> p.segments().stream().filter(Segment::isMembers)
                .forEach(s -> refs.addAll(s.members())));
        if (refs.isEmpty()) {
            return null;
        }
        Set<String> codes = new LinkedHashSet<>(memberList.expand(composition, refs));
        codes.retainAll(composition.codes());
        if (codes.size() == size) {
            return MemberList.ALL_MEMBERS;
        }
        List<String> collapsed = new ArrayList<>();
        for (String ref : new LinkedHashSet<>(refs)) {
            if (composition.hasGrouping(ref)) {
                List<String> of = composition.grouping(ref).stream().map(State::code).toList();
                collapsed.add(ref);
                of.forEach(codes::remove);
            }
        }
        collapsed.addAll(codes);
        return memberList.prose(composition, collapsed, false);
    }

    private UprBlock uprBlock(Brief brief, Item item) {
        UprReview review = brief.uprReview(item.uprReview()).orElseThrow(() -> new IllegalArgumentException(
                "item " + item.id() + " refers to UPR review " + item.uprReview() + ", which the brief does not hold"));
        Composition composition = membership.get().on(brief.asOf());
        List<UprMember> members = new ArrayList<>();
        List<CouncilMember> byLabel = composition.members().stream()
                .sorted(Comparator.comparing(m -> m.state().label())).toList();
        for (CouncilMember member : byLabel) {
            State state = member.state();
            List<String> recommendations = review.recommendations().stream()
                    .filter(r -> r.recommendingStates().contains(state.code())).map(UprRecommendation::text).toList();
            if (!recommendations.isEmpty()) {
                members.add(new UprMember(state.code(), state.label(), "upr-" + state.code(), recommendations, null));
                continue;
            }
            review.participants().stream().filter(p -> p.code().equals(state.code())).findFirst()
                    .ifPresent(p -> members.add(new UprMember(state.code(), state.label(), "upr-" + state.code(),
                            List.of(), participantNote(state, p))));
        }
        return new UprBlock(review.id(), List.copyOf(members), composition.gap().orElse(null));
    }

    static String participantNote(State state, UprParticipant participant) {
        String note = state.label() + " did not offer recommendations";
        return participant.note() == null || participant.note().isBlank() ? note + "." : note + ", but "
                + participant.note();
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
