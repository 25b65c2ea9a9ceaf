package org.councilbrief.theme;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.councilbrief.AppException;
import org.councilbrief.council.TsvRows;

/**
 * A scheme of themes shipped with councilbrief: {@code upr-info} (UPR Info's 54 issues) or {@code council} (the
 * themes Council members raise in statements). The Council scheme's ids are a contract (DESIGN.md, decision 0024):
 * labels may be added, none renamed or removed.
 */
public final class Taxonomy {
    public static final String UPR_INFO = "upr-info";
    public static final String COUNCIL = "council";

    /**
     * Ids the Council scheme once used in place of DESIGN.md's fixed ones, with the fixed id each stands for: a label
     * is still found by them (a file or command written before decision 0024), but only the fixed id is written.
     */
    static final Map<String, String> FORMER_COUNCIL_IDS = Map.of("conflict-related-sexual-violence", "sexual-violence",
            "children-and-armed-conflict", "children", "cooperation-with-un-mechanisms", "cooperation-with-un");

    private final String scheme;
    private final List<ThemeLabel> labels;
    private final Map<String, ThemeLabel> byKey = new LinkedHashMap<>();

    Taxonomy(String scheme, List<ThemeLabel> labels, Map<String, String> formerIds) {
        this.scheme = scheme;
        this.labels = List.copyOf(labels);
        for (ThemeLabel label : labels) {
            byKey.put(key(label.id()), label);
            byKey.putIfAbsent(key(label.name()), label);
        }
        formerIds.forEach((former, id) -> byKey.putIfAbsent(key(former), byKey.get(key(id))));
    }

    private static final Taxonomy UPR = load(UPR_INFO, "upr-info.tsv", false, Map.of());
    private static final Taxonomy COUNCIL_SCHEME = load(COUNCIL, "council.tsv", true, FORMER_COUNCIL_IDS);

    public static Taxonomy uprInfo() {
        return UPR;
    }

    public static Taxonomy council() {
        return COUNCIL_SCHEME;
    }

    public static Taxonomy of(String scheme) throws AppException {
        return switch (scheme) {
            case UPR_INFO -> UPR;
            case COUNCIL -> COUNCIL_SCHEME;
            default -> throw new AppException("unknown scheme '" + scheme + "'; expected upr-info or council");
        };
    }

    public String scheme() {
        return scheme;
    }

    public List<ThemeLabel> labels() {
        return labels;
    }

    public int size() {
        return labels.size();
    }

    public int indexOf(ThemeLabel label) {
        return labels.indexOf(label);
    }

    /** A label by its id, its name or a former id, ignoring case, accents and punctuation. */
    public Optional<ThemeLabel> label(String idOrName) {
        return Optional.ofNullable(byKey.get(key(idOrName)));
    }

    static String key(String text) {
        String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("['’]", "").replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static Taxonomy load(String scheme, String resource, boolean withId, Map<String, String> formerIds) {
        List<ThemeLabel> labels = new ArrayList<>();
        for (String[] f : TsvRows.read(Taxonomy.class, resource)) {
            int o = withId ? 1 : 0;
            String id = f[0];
            String name = f[o];
            labels.add(new ThemeLabel(id, name, f[o + 1], split(f[o + 2]), split(f[o + 3])));
        }
        return new Taxonomy(scheme, labels, formerIds);
    }

    private static List<String> split(String cues) {
        return cues.isBlank() ? List.of() : Arrays.stream(cues.split(";")).map(String::strip)
                .filter(c -> !c.isEmpty()).toList();
    }
}
