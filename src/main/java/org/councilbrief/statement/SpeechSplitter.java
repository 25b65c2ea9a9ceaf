package org.councilbrief.statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.council.Composition;
import org.councilbrief.council.Membership;
import org.councilbrief.council.State;
import org.councilbrief.council.StateNames;
import org.councilbrief.document.InputException;
import org.councilbrief.document.PageFurniture;
import org.councilbrief.document.SourceText;

/**
 * Cuts a Security Council meeting record into speeches. A speech starts where a line starts with a speaker's label
 * and a colon: "Mr. Roscoe (United Kingdom):", "Mr. Ndiaye (spoke in French):", "The President (spoke in Chinese):",
 * "The Secretary-General:". It reads both the record as one speech per paragraph and the printed layout (lines
 * wrapped at about 95 columns, a running header and a footer on every page, form feeds), which it first strips of its
 * page furniture.
 * <p>
 * The President speaks for the Council unless they say they speak "in my capacity as the representative of" their
 * state; then the speech is given that state. A joint statement ("on behalf of the three African members", "on behalf
 * of Gabon, Ghana and Mozambique") lists the states it speaks for; the A3 are resolved on the meeting's date.
 */
public final class SpeechSplitter {
    private static final String TITLE = "(?:Mr|Ms|Mrs|Miss|Mme|Sir|Dame|Dr|Lord|Baroness|Archbishop|Monsignor|Sheikh"
            + "|Cardinal|Prince|Princess|King|Queen|Her Royal Highness|His Royal Highness|Prof|Professor)\\.?";
    private static final String NAME = "[\\p{Lu}\\p{L}][\\p{L}\\p{M}'’.\\- ]{0,60}?";
    private static final Pattern LABEL = Pattern.compile("^\\s*(?<label>"
            + "(?<office>The (?:Acting )?President|The (?:Deputy )?Secretary-General|The Chair(?:person|man)?)"
            + "(?<officeNotes>(?:\\s*\\([^()\\n]{2,90}\\))*)"
            + "|(?<titled>" + TITLE + "\\s+" + NAME + ")(?<titledNotes>(?:\\s*\\([^()\\n]{2,90}(?:\\([^()\\n]{2,40}\\))?[^()\\n]{0,20}\\))*)"
            + "|(?<bare>[\\p{Lu}][\\p{L}'’\\-]+(?: [\\p{Lu}][\\p{L}'’\\-]+){0,3})(?<bareNotes>(?:\\s*\\([^()\\n]{2,90}\\))+)"
            + ")\\s*:(?:\\s+|$)");
    private static final Pattern NOTE = Pattern.compile("\\(((?:[^()]|\\([^()]*\\))*)\\)");
    private static final Pattern SPOKE_IN = Pattern.compile("^(?:spoke in|interpretation from|spoke) (\\p{L}+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPACITY = Pattern.compile(
            "in (?:my|its|his|her) (?:national )?capacity as (?:the )?(?:representative|Minister for Foreign Affairs|"
                    + "Foreign Minister|Permanent Representative|Prime Minister|President|Head of State|Minister)"
                    + "(?: [\\p{L}']+){0,4}? of (?:the )?([\\p{Lu}][\\p{L}\\p{M}'’\\- ]{1,60}?)(?=[.,;:]| and | in | on |$)");
    private static final Pattern ON_BEHALF = Pattern.compile(
            "on behalf of (?:the )?(three African members|African members|A3(?:\\s*\\+\\s*1|\\s*plus)?|"
                    + "([\\p{Lu}][\\p{L}\\p{M}'’\\-, ]{2,200}?))(?=[.;:]|, namely| of the | in | on | at |$)");
    private static final Pattern A3 = Pattern.compile("\\bA3\\b|African members");
    private static final Pattern A3_PLUS = Pattern.compile("\\bA3\\s*(?:\\+\\s*1|plus\\b)|A3\\+");
    private static final Pattern NAMELY = Pattern.compile(
            "(?:namely,?|\\s[-–—]) (?:the )?([\\p{Lu}][\\p{L}\\p{M}'’\\-, ]{2,160}?)(?=[.;:]| as well| in | on |$)");

    private final StateNames stateNames;
    private final Membership membership;

    public SpeechSplitter(StateNames stateNames, Membership membership) {
        this.stateNames = stateNames;
        this.membership = membership;
    }

    public SpeechSplitter() {
        this(StateNames.shipped(), Membership.shipped());
    }

    /**
     * @param date the meeting's date, used to resolve "the three African members"; may be null
     */
    public List<Speech> split(SourceText source, LocalDate date) throws InputException {
        List<String> lines = source.lines();
        PageFurniture furniture = PageFurniture.of(lines);
        List<Speech> speeches = new ArrayList<>();
        Matcher current = null;
        int currentLine = 0;
        StringBuilder text = new StringBuilder();
        boolean paragraphBreak = false;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.replace('\f', ' ').replace('\u00A0', ' ').replace('\t', ' ');
            if (line.isBlank()) {
                paragraphBreak = true;
                continue;
            }
            if (furniture.isFurniture(i)) {
                continue;
            }
            Matcher label = LABEL.matcher(line);
            if (label.find() && plausibleLabel(label)) {
                if (current != null) {
                    speeches.add(speech(speeches.size() + 1, current, text.toString(), currentLine, date));
                }
                current = label;
                currentLine = i + 1;
                text.setLength(0);
                text.append(line.substring(label.end()).strip());
                paragraphBreak = false;
                continue;
            }
            if (current == null) {
                continue; // the record's front matter: agenda, members present
            }
            if (!text.isEmpty()) {
                text.append(paragraphBreak ? "\n" : " ");
            }
            text.append(line.strip());
            paragraphBreak = false;
        }
        if (current != null) {
            speeches.add(speech(speeches.size() + 1, current, text.toString(), currentLine, date));
        }
        if (speeches.isEmpty()) {
            throw new InputException(source.name(), 0, "no speech found: a meeting record has lines that start with a"
                    + " speaker and a colon, such as 'The President:' or 'Mr. Roscoe (United Kingdom):'");
        }
        return speeches;
    }

    /** A titled label's notes must be states or "spoke in"; a bare name needs at least one such note. */
    private boolean plausibleLabel(Matcher label) {
        String notes = firstNonNull(label.group("officeNotes"), label.group("titledNotes"), label.group("bareNotes"));
        if (label.group("bare") != null) {
            for (String note : notes(notes)) {
                if (SPOKE_IN.matcher(note).find() || stateNames.parse(note).isPresent()) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private Speech speech(int index, Matcher label, String body, int line, LocalDate date) {
        String speaker = firstNonNull(label.group("office"), label.group("titled"), label.group("bare")).strip();
        String notes = firstNonNull(label.group("officeNotes"), label.group("titledNotes"), label.group("bareNotes"));
        String country = null;
        String code = null;
        String language = null;
        for (String note : notes(notes)) {
            Matcher spoke = SPOKE_IN.matcher(note);
            if (spoke.find()) {
                language = spoke.group(1);
                continue;
            }
            if (country == null) {
                Optional<State> state = stateNames.parse(note).filter(l -> l.size() == 1).map(l -> l.get(0).state());
                if (state.isPresent()) {
                    country = note.strip();
                    code = state.get().code();
                }
            }
        }
        String text = body.strip();
        if (speaker.startsWith("The President") && code == null) {
            Matcher capacity = CAPACITY.matcher(text);
            if (capacity.find()) {
                Optional<State> state = stateNames.parse(capacity.group(1)).filter(l -> l.size() == 1)
                        .map(l -> l.get(0).state());
                if (state.isPresent()) {
                    country = capacity.group(1).strip();
                    code = state.get().code();
                }
            }
        }
        List<String> onBehalfOf = onBehalfOf(text, code, date);
        return new Speech(index, label.group("label").strip(), speaker, country, code, language, onBehalfOf, text,
                line);
    }

    /**
     * The states a joint statement speaks for, read from its first 600 characters: the states it names ("on behalf of
     * Canada, Germany, Sweden and Ukraine", "namely, Gabon, Ghana and Mozambique", "the African members - the Niger,
     * South Africa and Tunisia -"), and the A3 or A3+1 of the meeting's date where it names the grouping.
     */
    List<String> onBehalfOf(String text, String own, LocalDate date) {
        String opening = text.length() > 600 ? text.substring(0, 600) : text;
        Matcher m = ON_BEHALF.matcher(opening);
        if (!m.find()) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        if (own != null) {
            codes.add(own);
        }
        String rest = opening.substring(m.start());
        Matcher namely = NAMELY.matcher(rest);
        boolean grouping = m.group(2) == null || A3.matcher(rest).find();
        if (namely.find()) {
            String list = namely.group(1).replaceAll("(?:my own country|my country|our own country|our country),?", "");
            stateNames.parse(list).ifPresent(l -> l.forEach(n -> codes.add(n.state().code())));
        } else if (m.group(2) != null) {
            stateNames.parse(m.group(2)).ifPresent(l -> l.forEach(n -> codes.add(n.state().code())));
        }
        boolean named = codes.size() > (own != null ? 1 : 0);
        if (grouping && !named && date != null) {
            try {
                Composition composition = membership.on(date);
                boolean plus = A3_PLUS.matcher(rest).find();
                String id = plus && composition.hasGrouping("A3+") ? "A3+" : "A3";
                composition.grouping(id).forEach(s -> codes.add(s.code()));
            } catch (IllegalArgumentException e) {
                // a date outside the membership the application knows: the grouping stays unresolved
            }
        }
        return codes.size() > 1 ? List.copyOf(codes) : List.of();
    }

    private static final Pattern LONG_DATE = Pattern.compile(
            "\\b(\\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December)"
                    + " ((?:19|20)\\d{2})\\b");
    private static final Pattern SHORT_DATE = Pattern.compile("\\b(\\d{2})/(\\d{2})/((?:19|20)\\d{2})\\b");

    /** The meeting's date as the record's cover or running header gives it, if it does. */
    public static Optional<LocalDate> dateOf(SourceText source) {
        String head = source.text().length() > 4000 ? source.text().substring(0, 4000) : source.text();
        Matcher shortDate = SHORT_DATE.matcher(head);
        Matcher longDate = LONG_DATE.matcher(head);
        try {
            if (longDate.find()) {
                return Optional.of(LocalDate.parse(longDate.group(1) + " " + longDate.group(2) + " " + longDate.group(3),
                        java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.ENGLISH)));
            }
            if (shortDate.find()) {
                return Optional.of(LocalDate.of(Integer.parseInt(shortDate.group(3)),
                        Integer.parseInt(shortDate.group(2)), Integer.parseInt(shortDate.group(1))));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static List<String> notes(String notes) {
        List<String> out = new ArrayList<>();
        if (notes == null) {
            return out;
        }
        Matcher m = NOTE.matcher(notes);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return "";
    }
}
