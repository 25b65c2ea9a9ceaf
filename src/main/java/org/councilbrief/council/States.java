package org.councilbrief.council;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The states shipped with councilbrief ({@code states.tsv}), found by code or by any of their names. Name look-up
 * ignores case, accents, apostrophes, hyphens, "and"/"&", "St"/"Saint" and a leading article, so "Côte d’Ivoire",
 * "Cote d'Ivoire", "St Kitts & Nevis" and "the UK" all resolve. {@link #byNameOrNear} also accepts one slip of OCR
 * or typing ("C6te d'Ivoire", "Trinidad an Tobago") where it points to one state only.
 */
public final class States {
    private final Map<String, State> byCode = new LinkedHashMap<>();
    private final Map<String, State> byName = new HashMap<>();

    States(List<State> states) {
        for (State state : states) {
            byCode.put(state.code(), state);
            index(state.code(), state);
            index(state.name(), state);
            index(state.shortName(), state);
            index(state.label(), state);
            state.aliases().forEach(alias -> index(alias, state));
        }
    }

    private static final States SHIPPED = load();

    /** The states shipped with the application. */
    public static States shipped() {
        return SHIPPED;
    }

    public Collection<State> all() {
        return byCode.values();
    }

    public Optional<State> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public State require(String code) {
        State state = byCode.get(code);
        if (state == null) {
            throw new IllegalArgumentException("no state with code " + code);
        }
        return state;
    }

    /** Finds a state by any of its names or its code. */
    public Optional<State> byName(String name) {
        return Optional.ofNullable(byName.get(normalize(name)));
    }

    /**
     * Finds a state by name, or else by the one name within a small edit distance (1 for names of 7 characters or
     * more, 2 for 14 or more) when exactly one state is that close.
     */
    public Optional<State> byNameOrNear(String name) {
        String key = normalize(name);
        State exact = byName.get(key);
        if (exact != null || key.length() < 7) {
            return Optional.ofNullable(exact);
        }
        int allowed = key.length() >= 14 ? 2 : 1;
        State found = null;
        int best = Integer.MAX_VALUE;
        boolean tie = false;
        for (Map.Entry<String, State> entry : byName.entrySet()) {
            String candidate = entry.getKey();
            if (Math.abs(candidate.length() - key.length()) > allowed) {
                continue;
            }
            int distance = EditDistance.atMost(key, candidate, allowed);
            if (distance < best) {
                best = distance;
                found = entry.getValue();
                tie = false;
            } else if (distance == best && distance <= allowed && !entry.getValue().equals(found)) {
                tie = true;
            }
        }
        return best <= allowed && !tie ? Optional.of(found) : Optional.empty();
    }

    private void index(String name, State state) {
        byName.putIfAbsent(normalize(name), state);
    }

    static String normalize(String name) {
        String s = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replace("’", "").replace("‘", "").replace("`", "").replace("'", "").toLowerCase(Locale.ROOT);
        s = s.replace('&', ' ').replace('-', ' ').replace('.', ' ').replaceAll("\\band\\b", " ");
        s = s.replaceAll("\\bst\\b", "saint").replaceAll("\\s+", " ").strip();
        if (s.startsWith("the ")) {
            s = s.substring(4);
        }
        return s;
    }

    private static States load() {
        List<State> states = new ArrayList<>();
        for (String[] f : TsvRows.read("states.tsv")) {
            List<String> aliases = f[6].isEmpty() ? List.of() : Arrays.asList(f[6].split(";"));
            states.add(new State(f[0], f[1], f[2], f[3], f[4], State.Status.valueOf(f[5].toUpperCase(Locale.ROOT)),
                    List.copyOf(aliases)));
        }
        return new States(states);
    }
}
