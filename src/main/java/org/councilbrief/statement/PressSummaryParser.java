package org.councilbrief.statement;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.council.State;
import org.councilbrief.council.StateNames;
import org.councilbrief.document.InputException;
import org.councilbrief.document.SourceText;

/**
 * Reads a UN press-release meeting summary ("meetings coverage", SC/nnnnn). Paragraphs are separated by blank lines.
 * A paragraph is given to a speaker when it opens with an attribution the UN's writers use:
 * <ul>
 * <li>"The representative of Ghana, also speaking for Gabon and Mozambique, said …"</li>
 * <li>"Ghana's representative, speaking on behalf of the three African members, said …"</li>
 * <li>"The speaker for France …", "France's delegate …", "Speaking for the United States, …"</li>
 * <li>"El-Ghassim Wane, Special Representative of the Secretary-General …, said …" (a briefer, no state)</li>
 * </ul>
 * A paragraph without an attribution that goes on in the third person ("He added", "She also said", "The
 * representative also …") stays with the speaker before it; any other paragraph is the release's narrative.
 */
public final class PressSummaryParser {
    private static final String STATE = "(?:the )?([\\p{Lu}][\\p{L}\\p{M}'’\\-]*(?:[ ,-]+(?:and |of |the |de )*[\\p{Lu}(][\\p{L}\\p{M}'’()\\-]*){0,7})";
    private static final List<Pattern> ATTRIBUTIONS = List.of(
            Pattern.compile("^(?:The |the )?(?:representative|delegate|speaker|Permanent Representative|Ambassador|"
                    + "Foreign Minister|Minister for Foreign Affairs|Deputy Permanent Representative) (?:of|for) "
                    + STATE + "(?=[,.:;]| said| says| stressed| noted| expressed| welcomed| called| urged| also)"),
            Pattern.compile("^" + STATE + "[’']s? (?:representative|delegate|speaker|Ambassador|Foreign Minister)\\b"),
            Pattern.compile("^Speaking (?:for|on behalf of) " + STATE + ",")
    );
    private static final Pattern BRIEFER = Pattern.compile(
            "^([\\p{Lu}][\\p{L}\\p{M}'’.\\-]+(?: [\\p{Lu}][\\p{L}\\p{M}'’.\\-]+){0,4}), ([^.]{3,300}?),? (?:said|says|"
                    + "noted|told|stressed|presented|briefed|reported|warned|recalled|underscored|highlighted)\\b");
    private static final Pattern ALSO_FOR = Pattern.compile(
            "^[^.]{0,120}?(?:also )?(?:speaking|spoke) (?:also )?(?:for|on behalf of) (?:the )?"
                    + "(three African members|A3(?:\\s*\\+\\s*1)?|[^.;]{3,200}?)(?:,| said|;|\\.)");
    private static final Pattern CONTINUES = Pattern.compile(
            "^(?:He|She|They|The (?:representative|delegate|speaker)|It|Further|Furthermore|In addition|Moreover|"
                    + "Turning to|On the|As for|Also|Finally),?\\s");
    private static final Pattern PRESS_RELEASE = Pattern.compile("\\bSC/(\\d{4,6})\\b");
    private static final Pattern RELEASE_LINE = Pattern.compile("SC/\\d{4,6}");
    private static final Pattern MEETING = Pattern.compile("\\b(\\d{4,5})(?:st|nd|rd|th) [Mm]eeting\\b");
    private static final Pattern DATE = Pattern.compile("(?i)\\b(\\d{1,2}) (January|February|March|April|May|June|"
            + "July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?"
            + " (\\d{4})\\b");

    private final StateNames stateNames;

    public PressSummaryParser(StateNames stateNames) {
        this.stateNames = stateNames;
    }

    public PressSummaryParser() {
        this(StateNames.shipped());
    }

    private record Block(int line, String text) {
    }

    public PressSummary parse(SourceText source) throws InputException {
        List<Block> blocks = blocks(source.lines());
        String release = null;
        String meeting = null;
        String headline = null;
        LocalDate date = null;
        List<PressParagraph> paragraphs = new ArrayList<>();
        String speaker = null;
        String code = null;
        List<String> onBehalfOf = List.of();
        for (Block block : blocks) {
            String text = block.text();
            if (date == null && headline == null && paragraphs.isEmpty() && text.length() < 300) {
                date = date(text);
            }
            if (text.length() < 80) {
                Matcher r = PRESS_RELEASE.matcher(text);
                Matcher m = MEETING.matcher(text);
                boolean found = false;
                if (release == null && r.find()) {
                    release = "SC/" + r.group(1);
                    found = true;
                }
                if (meeting == null && m.find()) {
                    meeting = "S/PV." + m.group(1);
                    found = true;
                }
                if (found) {
                    continue;
                }
            }
            if (text.length() < 200 && !text.endsWith(".") && !text.contains(" said")) {
                if (headline == null && release != null) {
                    headline = text;
                }
                speaker = null; // a heading ("Statements", "Action") ends the speaker before it
                code = null;
                onBehalfOf = List.of();
                continue;
            }
            Attribution attribution = attribution(text);
            if (attribution != null) {
                speaker = attribution.speaker();
                code = attribution.code();
                onBehalfOf = attribution.onBehalfOf();
            } else if (speaker == null || !CONTINUES.matcher(text).find()) {
                speaker = null;
                code = null;
                onBehalfOf = List.of();
            }
            paragraphs.add(new PressParagraph(paragraphs.size() + 1, speaker, code, onBehalfOf, text, block.line()));
        }
        if (paragraphs.isEmpty()) {
            throw new InputException(source.name(), 0, "no paragraphs: a press summary has paragraphs of running text");
        }
        if (release == null && meeting == null) {
            throw new InputException(source.name(), 0,
                    "not a press-release meeting summary: no release number (SC/nnnnn) and no 'nnnnth Meeting' line");
        }
        return new PressSummary(release, meeting, date, headline, paragraphs);
    }

    /** The release's date line ("30 June 2023", "30 JUNE 2023", "28 Aug 2023"), or null. */
    private static LocalDate date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.find()) {
            return null;
        }
        try {
            String month = m.group(2).substring(0, 3).toUpperCase(Locale.ROOT);
            Month named = java.util.Arrays.stream(Month.values()).filter(x -> x.name().startsWith(month)).findFirst()
                    .orElseThrow();
            return LocalDate.of(Integer.parseInt(m.group(3)), named, Integer.parseInt(m.group(1)));
        } catch (java.time.DateTimeException e) {
            return null; // "31 June": not a date
        }
    }

    record Attribution(String speaker, String code, List<String> onBehalfOf) {
    }

    Attribution attribution(String text) {
        for (Pattern pattern : ATTRIBUTIONS) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                Optional<State> state = state(m.group(1));
                if (state.isPresent()) {
                    String speaker = text.substring(0, m.end()).replaceAll("[,.:;]$", "").strip();
                    return new Attribution(speaker, state.get().code(), alsoFor(text, state.get().code()));
                }
            }
        }
        Matcher briefer = BRIEFER.matcher(text);
        if (briefer.find() && state(briefer.group(1)).isEmpty()) {
            return new Attribution(briefer.group(1), null, List.of());
        }
        return null;
    }

    /** The longest start of the words that is a state: "Ghana, also speaking" gives Ghana. */
    private Optional<State> state(String words) {
        String w = words.strip();
        while (!w.isEmpty()) {
            Optional<State> state = stateNames.parse(w).filter(l -> l.size() == 1).map(l -> l.get(0).state());
            if (state.isPresent()) {
                return state;
            }
            int cut = Math.max(w.lastIndexOf(' '), w.lastIndexOf(','));
            if (cut <= 0) {
                break;
            }
            w = w.substring(0, cut).strip();
        }
        return Optional.empty();
    }

    private List<String> alsoFor(String text, String own) {
        Matcher m = ALSO_FOR.matcher(text);
        if (!m.find()) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        codes.add(own);
        String list = m.group(1).replaceAll("(?:its own country|his own country|her own country|itself),?", "");
        stateNames.parse(list).ifPresent(l -> l.forEach(n -> codes.add(n.state().code())));
        return codes.size() > 1 ? List.copyOf(codes) : List.of();
    }

    private static List<Block> blocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i).replace('\f', ' ').replace('\u00A0', ' ').strip() : "";
            boolean furniture = line.startsWith("URL:") || line.startsWith("Retrieved-via:")
                    || line.startsWith("[excerpt");
            boolean header = line.length() < 60 && (RELEASE_LINE.matcher(line).matches()
                    || MEETING.matcher(line).lookingAt());
            if (header) {
                if (!text.isEmpty()) {
                    blocks.add(new Block(start, text.toString()));
                    text.setLength(0);
                }
                blocks.add(new Block(i + 1, line));
                continue;
            }
            if (line.isEmpty() || furniture) {
                if (!text.isEmpty()) {
                    blocks.add(new Block(start, text.toString()));
                    text.setLength(0);
                }
                continue;
            }
            if (text.isEmpty()) {
                start = i + 1;
            } else {
                text.append(' ');
            }
            text.append(line);
            // Web copies put a paragraph on one long line with no blank line after it.
            if (line.length() > 150 && line.matches(".*[.”\"’)]$")) {
                blocks.add(new Block(start, text.toString()));
                text.setLength(0);
            }
        }
        return blocks;
    }
}
