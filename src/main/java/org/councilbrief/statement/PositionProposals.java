package org.councilbrief.statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.councilbrief.council.Composition;
import org.councilbrief.council.MemberList;
import org.councilbrief.council.States;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.theme.ThemeLabel;

/**
 * Writes the comments-section sentences of a meeting from its positions, in the brief's style (DESIGN.md rule 4):
 * the Council members who took the same act on the same theme in one sentence, groupings first ("The A3, Albania,
 * France and the UK called for accountability."), each sentence with the evidence it rests on; and the key-topic line,
 * "All Council members" or the list of the members who referred to human rights. Only Council members on the
 * meeting's date are written; rejected positions are left out, and so are proposals the reader is less sure of than
 * its default threshold.
 */
public final class PositionProposals {
    /** The themes that count as referring to human rights in the key-topic line. */
    public static final Set<String> HUMAN_RIGHTS = Set.of("accountability", "protection-of-civilians",
            "womens-participation", "sexual-violence", "children", "humanitarian-access", "ihl-ihrl",
            "foreign-security-personnel", "hate-speech", "cooperation-with-un", "detention-and-torture",
            "civic-space", "extrajudicial-killings", "displacement", "inclusion");

    /**
     * A position of a statement, as proposals read it.
     *
     * @param index the speech's index in the meeting record, or the paragraph's in the press release
     * @param pressRelease the press summary the position was read in, or null for the meeting record
     */
    public record Input(int index, String pressRelease, Position position) {
        /** A position read in speech {@code speechIndex} of the meeting record. */
        public Input(int speechIndex, Position position) {
            this(speechIndex, null, position);
        }
    }

    /** One sentence and what it rests on. */
    public record Sentence(String act, String theme, List<String> members, String text, List<Input> evidence) {
    }

    /** The sentences, and the key-topic line with its members. */
    public record Proposal(List<Sentence> sentences, String keyTopic, List<String> keyTopicMembers) {
    }

    private final MemberList memberList = new MemberList(States.shipped());

    public Proposal propose(List<Input> positions, Composition composition) {
        Map<String, List<Input>> byActAndTheme = new LinkedHashMap<>();
        Set<String> humanRights = new LinkedHashSet<>();
        for (Input input : positions) {
            Position p = input.position();
            if (p.status() == Position.Status.REJECTED || !composition.isMember(p.stateCode()) || p.status()
                    == Position.Status.PROPOSED && p.measured() && p.probability() < PositionModel.shipped().threshold()) {
                continue;
            }
            byActAndTheme.computeIfAbsent(p.act().id() + " " + p.theme(), k -> new ArrayList<>()).add(input);
            if (HUMAN_RIGHTS.contains(p.theme())) {
                humanRights.add(p.stateCode());
            }
        }
        List<Sentence> sentences = new ArrayList<>();
        for (List<Input> group : byActAndTheme.values()) {
            Position first = group.get(0).position();
            Set<String> members = new LinkedHashSet<>();
            group.forEach(i -> members.add(i.position().stateCode()));
            List<String> refs = withGroupings(composition, members);
            String text = MemberList.capitalize(memberList.prose(composition, refs, false)) + " "
                    + phrase(first.act(), first.theme()) + ".";
            sentences.add(new Sentence(first.act().id(), first.theme(), List.copyOf(members), text, List.copyOf(group)));
        }
        sentences.sort((a, b) -> Integer.compare(b.members().size(), a.members().size()));
        String keyTopic = humanRights.size() == composition.members().size() ? MemberList.ALL_MEMBERS
                : memberList.prose(composition, withGroupings(composition, humanRights), false);
        return new Proposal(sentences, MemberList.capitalize(keyTopic), List.copyOf(humanRights));
    }

    /** The members as references, the A3 (or A3+) written as the grouping when all its members are there. */
    static List<String> withGroupings(Composition composition, Set<String> members) {
        List<String> refs = new ArrayList<>(members);
        for (String grouping : List.of("A3+", "A3")) {
            List<String> codes = composition.grouping(grouping).stream().map(s -> s.code()).toList();
            if (!codes.isEmpty() && refs.containsAll(codes)) {
                refs.removeAll(codes);
                refs.add(0, grouping);
                break;
            }
        }
        return refs;
    }

    private static final Map<String, String[]> PHRASES = phrases();

    private static Map<String, String[]> phrases() {
        Map<String, String[]> phrases = new java.util.HashMap<>();
        for (String[] f : org.councilbrief.council.TsvRows.read(Taxonomy.class, "council-sentences.tsv")) {
            phrases.put(f[0], java.util.Arrays.copyOfRange(f, 1, 7));
        }
        return phrases;
    }

    /** "called for investigations and accountability": the words that follow the member list. */
    static String phrase(Act act, String theme) {
        String[] byAct = PHRASES.get(theme);
        if (byAct != null) {
            return byAct[act.ordinal()];
        }
        String name = Taxonomy.council().label(theme).map(ThemeLabel::name).orElse(theme);
        return verb(act) + " " + name;
    }

    static String verb(Act act) {
        return switch (act) {
            case CALLS_FOR -> "called for";
            case CONDEMNS -> "condemned";
            case WELCOMES -> "welcomed";
            case EXPRESSES_CONCERN -> "expressed concern about";
            case REJECTS -> "rejected";
            case NOTES -> "noted";
        };
    }
}
