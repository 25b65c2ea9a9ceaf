package org.councilbrief.council;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a list of state names as UN documents write them inside one pair of brackets or after "on behalf of": "Brazil,
 * Chile", "Mexico and Brazil", "Brazil/Spain", "Bolivia (Plurinational State of)". Names that themselves contain "and"
 * ("Bosnia and Herzegovina", "Saint Vincent and the Grenadines") are kept whole: the list is cut so that every part is
 * a known name, preferring exact names to near ones and fewer, longer names to more.
 */
public final class StateNames {
    /** One state as written and as resolved. */
    public record Named(String written, State state) {
    }

    private static final Pattern TOKEN = Pattern.compile("\\([^()]*\\)|[^\\s,;/()]+|[,;/]");

    private final States states;

    public StateNames(States states) {
        this.states = states;
    }

    public static StateNames shipped() {
        return Holder.SHIPPED;
    }

    private static final class Holder {
        static final StateNames SHIPPED = new StateNames(States.shipped());
    }

    /** The states of a list, or empty if any part of it is not a state. */
    public Optional<List<Named>> parse(String list) {
        String text = list.strip();
        if (text.isEmpty() || text.length() > 400) {
            return Optional.empty();
        }
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        if (tokens.size() > 80) {
            return Optional.empty();
        }
        Optional<List<Named>> exact = cut(tokens, false);
        return exact.isPresent() ? exact : cut(tokens, true);
    }

    private static boolean isSeparator(String token) {
        return token.equals(",") || token.equals(";") || token.equals("/") || token.equalsIgnoreCase("and")
                || token.equals("&");
    }

    /** Dynamic programming over token positions: best[i] is the shortest cut of tokens[0, i) into names. */
    private Optional<List<Named>> cut(List<String> tokens, boolean near) {
        int n = tokens.size();
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Named>[] best = new List[n + 1];
        best[0] = List.of();
        for (int i = 0; i < n; i++) {
            if (best[i] == null) {
                continue;
            }
            if (isSeparator(tokens.get(i))) {
                offer(best, i + 1, best[i]);
                continue;
            }
            StringBuilder written = new StringBuilder();
            for (int j = i; j < n && j - i < 12; j++) {
                String token = tokens.get(j);
                if (token.equals(",") || token.equals(";") || token.equals("/")) {
                    break;
                }
                if (!written.isEmpty()) {
                    written.append(' ');
                }
                written.append(token);
                String name = written.toString();
                Optional<State> state = near ? states.byNameOrNear(name) : states.byName(name);
                if (state.isPresent()) {
                    List<Named> next = new ArrayList<>(best[i]);
                    next.add(new Named(name, state.get()));
                    offer(best, j + 1, next);
                }
            }
        }
        return Optional.ofNullable(best[n]).filter(found -> !found.isEmpty());
    }

    private static void offer(List<Named>[] best, int at, List<Named> candidate) {
        if (best[at] == null || candidate.size() < best[at].size()) {
            best[at] = candidate;
        }
    }
}
