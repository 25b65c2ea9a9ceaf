package org.councilbrief.statement;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.council.Composition;
import org.councilbrief.council.MemberList;
import org.councilbrief.council.State;
import org.councilbrief.council.States;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.theme.ThemeLabel;

/**
 * A meeting's positions organised as the brief will read them, for the editors who decide them: by theme, then by act,
 * one sentence per act and theme ("France, Niger and the UK called for investigations and accountability."), each
 * with its members and, under each member, the quotes it rests on, shown inside their paragraph. Names, never codes:
 * members by their short names, acts as verbs, themes by their names in the Council scheme.
 */
public final class PositionReview {
    private static final States STATES = States.shipped();
    private static final MemberList MEMBER_LIST = new MemberList(STATES);
    /** How much of a long paragraph is shown on each side of the evidence sentence. */
    private static final int CONTEXT = 320;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’)]?\\s+");

    /** Counts of positions by status. */
    public record Counts(int total, int accepted, int rejected, int undecided) {
        static Counts of(List<Quote> quotes) {
            int accepted = 0;
            int rejected = 0;
            for (Quote q : quotes) {
                if (q.status().equals("accepted")) {
                    accepted++;
                } else if (q.status().equals("rejected")) {
                    rejected++;
                }
            }
            return new Counts(quotes.size(), accepted, rejected, quotes.size() - accepted - rejected);
        }

        /** "3 to decide, 2 accepted", "all 4 accepted", "1 accepted, 1 rejected". */
        public String line() {
            if (total > 0 && accepted == total) {
                return total == 1 ? "accepted" : "all " + total + " accepted";
            }
            if (total > 0 && rejected == total) {
                return total == 1 ? "rejected" : "all " + total + " rejected";
            }
            List<String> parts = new ArrayList<>();
            if (undecided > 0) {
                parts.add(undecided + " to decide");
            }
            if (accepted > 0) {
                parts.add(accepted + " accepted");
            }
            if (rejected > 0) {
                parts.add(rejected + " rejected");
            }
            return String.join(", ", parts);
        }

        /** "undecided", "accepted", "rejected", or "mixed" (decided, some each way). */
        public String state() {
            return undecided > 0 ? "undecided" : accepted == total ? "accepted" : rejected == total ? "rejected"
                    : "mixed";
        }
    }

    /**
     * One position as the page shows it: the evidence inside its paragraph ({@code before}, {@code evidence},
     * {@code after}; "…" where the paragraph is cut), where it was read and a link to it there.
     *
     * @param status "proposed", "accepted" or "rejected"
     * @param where "Speech 4, Mr. Hunter" or "SC/14334, paragraph 7"
     * @param link the speech view at the evidence, relative to the workspace
     */
    public record Quote(long id, String member, String act, String theme, String status, String where, String link,
            String before, String evidence, String after, double probability) {
        public boolean undecided() {
            return status.equals("proposed");
        }

        /** "92% sure", or "" where no probability was measured. */
        public String sure() {
            return Double.isNaN(probability) ? "" : Math.round(probability * 100) + "% sure";
        }

        /** "to decide", "accepted", "rejected". */
        public String statusName() {
            return undecided() ? "to decide" : status;
        }
    }

    /**
     * A member of a sentence with its quotes.
     *
     * @param name its short name as a brief writes it, capitalised ("The UK")
     * @param onCouncil whether it sat on the Council on the meeting's date (only members are written)
     */
    public record Member(String code, String name, boolean onCouncil, List<Quote> quotes, Counts counts) {
        public List<Long> ids() {
            return quotes.stream().map(Quote::id).toList();
        }
    }

    /**
     * One sentence of the comments: the positions of one act on one theme.
     *
     * @param key the sentence's anchor without its "s-" ("calls-for-accountability")
     * @param text the sentence the positions not rejected write, or, when all are rejected, that all would write
     * @param written whether the brief would write it now (some position not rejected, by a Council member)
     * @param next the anchor of the next sentence with a position to decide after this one (from the top again at
     *     the end), or null when no other has one
     */
    public record Sentence(String key, String act, String actName, String theme, String text, boolean written,
            List<Member> members, Counts counts, String next) {
        public String anchor() {
            return "s-" + key;
        }

        /** What the sentence's Accept and Reject decide: its undecided positions, or all once none is undecided. */
        public List<Long> ids() {
            List<Long> undecided = members.stream().flatMap(m -> m.quotes().stream()).filter(Quote::undecided)
                    .map(Quote::id).toList();
            return !undecided.isEmpty() ? undecided : members.stream().flatMap(m -> m.ids().stream()).toList();
        }
    }

    /** A theme's sentences. */
    public record Theme(String id, String name, List<Sentence> sentences, Counts counts) {
        public String anchor() {
            return "t-" + id;
        }

        /** As {@link Sentence#ids()}, over the whole theme. */
        public List<Long> ids() {
            List<Long> undecided = quotes().stream().filter(Quote::undecided).map(Quote::id).toList();
            return !undecided.isEmpty() ? undecided : quotes().stream().map(Quote::id).toList();
        }

        private List<Quote> quotes() {
            return sentences.stream().flatMap(s -> s.members().stream()).flatMap(m -> m.quotes().stream()).toList();
        }
    }

    /**
     * The page's content.
     *
     * @param counts over every position of the meeting at the threshold shown, whatever member or status is filtered
     * @param sentences how many sentences, and {@code undecidedSentences} how many have a position to decide
     * @param below proposals left out because the reader is less sure of them than the threshold shown
     */
    public record Review(List<Theme> themes, Counts counts, int sentences, int undecidedSentences, int below) {
        /** The anchor of the first sentence with a position to decide, or null. */
        public String firstUndecided() {
            return themes.stream().flatMap(t -> t.sentences().stream()).filter(s -> s.counts().undecided() > 0)
                    .map(Sentence::anchor).findFirst().orElse(null);
        }

        /** The theme a sentence (by its anchor) belongs to, or null. */
        public Theme themeOf(String anchor) {
            return themes.stream().filter(t -> t.sentences().stream().anyMatch(s -> s.anchor().equals(anchor)))
                    .findFirst().orElse(null);
        }

        public Theme theme(String id) {
            return themes.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
        }

        public Sentence sentence(String anchor) {
            return themes.stream().flatMap(t -> t.sentences().stream()).filter(s -> s.anchor().equals(anchor))
                    .findFirst().orElse(null);
        }
    }

    /** Where a position was read: the speech (with its speaker) or the press-summary paragraph, and its text. */
    record Source(String where, String text) {
    }

    private PositionReview() {
    }

    /**
     * Builds the page of a meeting's positions.
     *
     * @param composition the Council on the meeting's date, or null when that year's Council is not known
     * @param sources where each position was read, by position id
     * @param member keep only this member's positions (an ISO code), or null
     * @param status keep only positions of this status ("proposed", "accepted", "rejected"), or null
     * @param minimum leave out proposals the reader is less sure of than this probability (decided positions and
     *     those without a measured probability are always shown)
     */
    static Review build(String meeting, List<StatementRepository.StoredPosition> stored, Composition composition,
            Map<Long, Source> sources, String member, String status, double minimum) {
        Map<Long, Quote> quotes = new LinkedHashMap<>();
        stored.forEach(p -> quotes.put(p.id(), quote(meeting, p, sources.get(p.id()))));
        // what is to decide is what the threshold shows: proposals below it wait until an editor lowers it
        Counts all = Counts.of(stored.stream().filter(p -> shown(p.position(), minimum)).map(p -> quotes.get(p.id()))
                .toList());
        List<StatementRepository.StoredPosition> shown = stored.stream()
                .filter(p -> member == null || p.position().stateCode().equals(member))
                .filter(p -> status == null || statusOf(p.position()).equals(status)).toList();
        int below = (int) shown.stream().filter(p -> !shown(p.position(), minimum)).count();
        // the surest first: themes by their surest position, the acts of a theme likewise
        Map<String, Double> themeSure = new LinkedHashMap<>();
        Map<String, Double> sentenceSure = new LinkedHashMap<>();
        for (StatementRepository.StoredPosition p : shown) {
            double sure = sureness(p.position());
            themeSure.merge(p.position().theme(), sure, Math::max);
            sentenceSure.merge(p.position().theme() + " " + p.position().act(), sure, Math::max);
        }
        Map<String, Map<Act, List<StatementRepository.StoredPosition>>> byTheme = new LinkedHashMap<>();
        shown.stream().filter(p -> shown(p.position(), minimum))
                .sorted(Comparator.comparingDouble((StatementRepository.StoredPosition p) -> -themeSure.get(p
                        .position().theme())).thenComparingInt(p -> themeOrder(p.position().theme()))
                        .thenComparing(p -> p.position().theme())
                        .thenComparingDouble(p -> -sentenceSure.get(p.position().theme() + " " + p.position().act()))
                        .thenComparing(p -> p.position().act())
                        .thenComparingDouble(p -> -sureness(p.position())))
                .forEach(p -> byTheme.computeIfAbsent(p.position().theme(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(p.position().act(), k -> new ArrayList<>()).add(p));
        List<Theme> themes = new ArrayList<>();
        int sentences = 0;
        int undecidedSentences = 0;
        for (var theme : byTheme.entrySet()) {
            List<Sentence> list = new ArrayList<>();
            for (var act : theme.getValue().entrySet()) {
                Sentence sentence = sentence(act.getKey(), theme.getKey(), act.getValue(), composition, quotes);
                list.add(sentence);
                sentences++;
                if (sentence.counts().undecided() > 0) {
                    undecidedSentences++;
                }
            }
            themes.add(new Theme(theme.getKey(), MemberList.capitalize(themeName(theme.getKey())), list,
                    Counts.of(list.stream().flatMap(s -> s.members().stream()).flatMap(m -> m.quotes().stream())
                            .toList())));
        }
        return new Review(withNext(themes), all, sentences, undecidedSentences, below);
    }

    /** Whether a position is shown at this threshold: decided, not measured, or at least as sure. */
    static boolean shown(Position p, double minimum) {
        return p.status() != Position.Status.PROPOSED || !p.measured() || p.probability() >= minimum;
    }

    /** How sure a position is, for the order: one without a measured probability counts as sure. */
    private static double sureness(Position p) {
        return p.measured() ? p.probability() : 1;
    }

    /** The themes with each sentence's {@code next}: the next sentence to decide, in the page's order. */
    private static List<Theme> withNext(List<Theme> themes) {
        List<Sentence> order = themes.stream().flatMap(t -> t.sentences().stream()).toList();
        Map<String, String> next = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            for (int k = 1; k < order.size(); k++) {
                Sentence candidate = order.get((i + k) % order.size());
                if (candidate.counts().undecided() > 0) {
                    next.put(order.get(i).key(), candidate.anchor());
                    break;
                }
            }
        }
        return themes.stream().map(t -> new Theme(t.id(), t.name(), t.sentences().stream()
                .map(s -> new Sentence(s.key(), s.act(), s.actName(), s.theme(), s.text(), s.written(), s.members(),
                        s.counts(), next.get(s.key()))).toList(), t.counts())).toList();
    }

    private static Sentence sentence(Act act, String theme, List<StatementRepository.StoredPosition> positions,
            Composition composition, Map<Long, Quote> quotes) {
        Map<String, List<Quote>> byMember = new LinkedHashMap<>();
        for (StatementRepository.StoredPosition p : positions) {
            byMember.computeIfAbsent(p.position().stateCode(), k -> new ArrayList<>())
                    .add(quotes.get(p.id()));
        }
        List<Member> members = new ArrayList<>();
        byMember.forEach((code, own) -> members.add(new Member(code, MemberList.capitalize(shortName(code)),
                composition == null || composition.isMember(code), List.copyOf(own), Counts.of(own))));
        members.sort(Comparator.comparing((Member m) -> !m.onCouncil()).thenComparing(m -> sortKey(m.code())));
        Set<String> written = new LinkedHashSet<>();
        members.stream().filter(Member::onCouncil).filter(m -> m.counts().rejected() < m.counts().total())
                .forEach(m -> written.add(m.code()));
        Set<String> named = written;
        if (named.isEmpty()) {
            named = new LinkedHashSet<>();
            for (Member m : members) {
                named.add(m.code());
            }
        }
        String text = MemberList.capitalize(memberProse(composition, named)) + " "
                + PositionProposals.phrase(act, theme) + ".";
        List<Quote> all = members.stream().flatMap(m -> m.quotes().stream()).toList();
        return new Sentence(act.id() + "-" + theme, act.id(), PositionProposals.verb(act), theme, text,
                !written.isEmpty(), List.copyOf(members), Counts.of(all), null);
    }

    /** The members as a brief writes them, groupings first; without a Council to go by, in order of short name. */
    private static String memberProse(Composition composition, Set<String> codes) {
        if (composition == null || !codes.stream().allMatch(composition::isMember)) {
            return MemberList.join(codes.stream().sorted(Comparator.comparing(PositionReview::sortKey))
                    .map(PositionReview::shortName).toList());
        }
        return MEMBER_LIST.prose(composition, PositionProposals.withGroupings(composition, codes), false);
    }

    private static Quote quote(String meeting, StatementRepository.StoredPosition p, Source source) {
        Position position = p.position();
        String[] parts = source == null ? new String[] {"", position.evidence(), ""}
                : excerpt(source.text(), position.evidence());
        String link = "speeches?meeting=" + URLEncoder.encode(meeting, StandardCharsets.UTF_8) + "&position=" + p.id()
                + "#evidence";
        return new Quote(p.id(), position.stateCode(), position.act().id(), position.theme(), statusOf(position),
                source == null ? MemberList.capitalize(p.where()) : source.where(), link, parts[0], parts[1],
                parts[2], position.probability());
    }

    static String statusOf(Position position) {
        return position.status().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The paragraph of {@code text} that holds {@code evidence}, split around it: what comes before, the evidence as
     * written there, what follows. A long paragraph is cut at a sentence's end about {@value #CONTEXT} characters on
     * each side, with "…" where it is cut. Evidence not found in the text is shown alone.
     */
    static String[] excerpt(String text, String evidence) {
        int at = text.indexOf(evidence);
        if (at < 0 || evidence.isEmpty()) {
            return new String[] {"", evidence, ""};
        }
        int start = Math.max(text.lastIndexOf("\n\n", at), text.lastIndexOf('\n', at));
        start = start < 0 ? 0 : start + 1;
        int end = text.indexOf('\n', at + evidence.length());
        end = end < 0 ? text.length() : end;
        String before = text.substring(start, at).stripLeading();
        String after = text.substring(at + evidence.length(), end).stripTrailing();
        if (before.length() > CONTEXT) {
            String tail = before.substring(before.length() - CONTEXT);
            Matcher m = SENTENCE_END.matcher(tail);
            int cut = -1;
            while (m.find()) {
                if (m.end() < tail.length()) {
                    cut = m.end();
                    break;
                }
            }
            if (cut < 0) {
                cut = Math.max(0, tail.indexOf(' ') + 1);
            }
            before = "… " + tail.substring(cut);
        }
        if (after.length() > CONTEXT) {
            // Up to the end of the sentence that follows the evidence, or a word's end when it is long.
            int cut = -1;
            Matcher m = SENTENCE_END.matcher(after);
            while (m.find() && m.start() < CONTEXT) {
                if (m.start() > 0) {
                    cut = m.start() + 1;
                    break;
                }
            }
            if (cut < 0) {
                cut = Math.max(0, after.lastIndexOf(' ', CONTEXT));
            }
            after = after.substring(0, cut) + " …";
        }
        return new String[] {before, text.substring(at, at + evidence.length()), after};
    }

    /** "the UK": the short name a brief writes, or the code of a state the application does not know. */
    static String shortName(String code) {
        return STATES.byCode(code).map(State::shortName).orElse(code);
    }

    private static String sortKey(String code) {
        return STATES.byCode(code).map(State::sortKey).orElse(code);
    }

    /** "accountability", "the peacekeeping mission": the theme's name in the Council scheme, or its id. */
    static String themeName(String theme) {
        return Taxonomy.council().label(theme).map(ThemeLabel::name).orElse(theme);
    }

    private static int themeOrder(String theme) {
        Taxonomy council = Taxonomy.council();
        return council.label(theme).map(council::indexOf).orElse(Integer.MAX_VALUE);
    }
}
