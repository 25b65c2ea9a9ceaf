package org.councilbrief.council;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Member lists as a brief writes them: groupings first ("the A3"), then states in alphabetical order of their short
 * names, "the" kept where it belongs, the last two joined by "and" with no serial comma. A member list is held as
 * references (state codes such as {@code GBR}, grouping ids such as {@code A3}) and written out from them; the reverse,
 * {@link #parseLeading}, reads the list that opens a sentence of a published brief.
 */
public final class MemberList {
    public static final String ALL_MEMBERS = "All Council members";

    private final States states;

    public MemberList(States states) {
        this.states = states;
    }

    /**
     * Writes a member list in a brief's order.
     *
     * @param composition the Council whose groupings are meant (for their members when {@code expandGroupings})
     * @param refs state codes and grouping ids, in any order
     * @param expandGroupings write the members of each grouping after it: "the A3 (Gabon, Ghana and Mozambique)"
     */
    public String prose(Composition composition, List<String> refs, boolean expandGroupings) {
        List<String> parts = new ArrayList<>();
        for (String ref : ordered(composition, refs)) {
            if (composition.hasGrouping(ref)) {
                String part = "the " + ref;
                if (expandGroupings) {
                    part += " (" + join(composition.grouping(ref).stream().map(State::shortName).toList()) + ")";
                }
                parts.add(part);
            } else {
                parts.add(states.require(ref).shortName());
            }
        }
        return join(parts);
    }

    /** The references in a brief's order: groupings in the order of the year's groupings, then states by short name. */
    public List<String> ordered(Composition composition, List<String> refs) {
        Set<String> unique = new LinkedHashSet<>(refs);
        List<String> groupings = composition.groupings().keySet().stream().filter(unique::contains).toList();
        List<String> stateRefs = unique.stream().filter(r -> !composition.hasGrouping(r))
                .sorted(Comparator.comparing(code -> states.require(code).sortKey())).toList();
        List<String> all = new ArrayList<>(groupings);
        all.addAll(stateRefs);
        return all;
    }

    /** The state codes a list of references stands for, groupings replaced by their members. */
    public Set<String> expand(Composition composition, List<String> refs) {
        Set<String> codes = new LinkedHashSet<>();
        for (String ref : refs) {
            if (composition.hasGrouping(ref)) {
                composition.grouping(ref).forEach(s -> codes.add(s.code()));
            } else {
                codes.add(ref);
            }
        }
        return codes;
    }

    /** "a", "a and b", "a, b and c". */
    public static String join(List<String> parts) {
        if (parts.isEmpty()) {
            return "";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    public static String capitalize(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * A member list read from text.
     *
     * @param refs the state codes and grouping ids, in the order written
     * @param expanded whether groupings were followed by their members in brackets
     * @param length how many characters of the text the list takes
     */
    public record Parsed(List<String> refs, boolean expanded, int length) {
    }

    private static final Pattern EXPANSION = Pattern.compile("^ \\(([^)]*)\\)");

    /**
     * Reads the member list that opens {@code text} ("The A3, Albania and the UK called for…"), if the text opens with
     * one: names of members or groupings of {@code composition}, joined by commas and "and", followed by a space and a
     * word in lower case (the verb).
     */
    public Optional<Parsed> parseLeading(Composition composition, String text) {
        List<String> refs = new ArrayList<>();
        boolean expanded = false;
        int pos = 0;
        while (true) {
            Optional<Match> name = matchName(composition, text, pos);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            refs.add(name.get().ref());
            pos = name.get().end();
            Matcher expansion = EXPANSION.matcher(text.substring(pos));
            if (composition.hasGrouping(name.get().ref()) && expansion.find()) {
                expanded = true;
                pos += expansion.end();
            }
            if (text.startsWith(", ", pos)) {
                pos += 2;
            } else if (text.startsWith(" and ", pos)) {
                pos += 5;
            } else {
                break;
            }
        }
        if (pos + 1 < text.length() && text.charAt(pos) == ' ' && Character.isLowerCase(text.charAt(pos + 1))) {
            return Optional.of(new Parsed(List.copyOf(refs), expanded, pos));
        }
        return Optional.empty();
    }

    private record Match(String ref, int end) {
    }

    private Optional<Match> matchName(Composition composition, String text, int pos) {
        int start = pos;
        if (text.startsWith("the ", pos) || text.startsWith("The ", pos)) {
            start = pos + 4;
        }
        Match best = null;
        for (String grouping : composition.groupings().keySet()) {
            if (text.startsWith(grouping, start) && boundary(text, start + grouping.length())) {
                best = longer(best, new Match(grouping, start + grouping.length()));
            }
        }
        for (CouncilMember member : composition.members()) {
            State state = member.state();
            List<String> names = new ArrayList<>(List.of(state.sortKey(), state.label(), state.name()));
            names.addAll(state.aliases()); // an editor may write "the United Kingdom" for "the UK"
            for (String name : names) {
                if (text.startsWith(name, start) && boundary(text, start + name.length())) {
                    best = longer(best, new Match(state.code(), start + name.length()));
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean boundary(String text, int end) {
        return end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '+'
                && text.charAt(end) != '\'' && text.charAt(end) != '’';
    }

    private static Match longer(Match a, Match b) {
        return a == null || b.end() > a.end() ? b : a;
    }
}
