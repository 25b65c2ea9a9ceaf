package org.councilbrief.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Security Council resolution into paragraphs. The preamble runs from "The Security Council," to the first
 * operative paragraph "1."; each preambular paragraph opens with a capitalised participle or adjective ("Recalling",
 * "Reaffirming", "Deeply concerned") at the start of a line after a line that ended a paragraph (",", ";" or ":").
 * Operative paragraphs are numbered "1.", "2.", …; their sub-paragraphs are lettered "(a)", "(b)", and those may hold
 * roman "(i)", "(ii)". Lines are joined across line and page breaks once running headers and footers are gone.
 */
public final class ResolutionParser {
    private static final Pattern COUNCIL = Pattern.compile("^\\s*The Security Council\\s*[,;:]?\\s*$");
    private static final Pattern OPERATIVE = Pattern.compile("^\\s*(\\d{1,3})\\.\\s+(\\S.*)$");
    private static final Pattern SUB = Pattern.compile("^\\s*\\(([a-z]{1,2}|[ivxl]{1,6})\\)\\s+(\\S.*)$");
    private static final Pattern PREAMBLE_START = Pattern.compile(
            "^\\s*(?:[A-Z][a-z]+ing|Deeply|Gravely|Strongly|Further|Emphasizing|Mindful|Conscious|Aware|Determined"
                    + "|Bearing|Having|Convinced|Alarmed|Concerned|Taking|Acting|Underlining|Underscoring|Stressing"
                    + "|Noting|Recognizing|Reaffirming|Welcoming|Commending|Determining|Affirming|Desirous|Guided"
                    + "|Expressing|Acknowledging|Condemning|Encouraging|Reiterating|Recalling|Emphasising)\\b");
    private static final Pattern SYMBOL = Pattern.compile("S/RES/(\\d{1,4})\\s*\\((\\d{4})\\)");
    private static final Pattern ADOPTED = Pattern.compile("(?i)\\badopted by the Security Council at its [^,;]{1,40}?"
            + "meetings?,? on (\\d{1,2}) (January|February|March|April|May|June|July|August|September|October"
            + "|November|December),? (\\d{4})");
    private static final Pattern TITLE = Pattern.compile("(?i)\\bResolution (\\d{1,4}) \\((\\d{4})\\)");

    private ResolutionParser() {
    }

    private static final class Open {
        final ParagraphRef.Kind kind;
        final int number;
        final String sub;
        final StringBuilder text = new StringBuilder();

        Open(ParagraphRef.Kind kind, int number, String sub, String first) {
            this.kind = kind;
            this.number = number;
            this.sub = sub;
            text.append(first.strip());
        }

        ResolutionParagraph close() {
            return new ResolutionParagraph(kind, number, sub, text.toString().replaceAll("\\s+", " ").strip());
        }
    }

    public static Resolution parse(SourceText source, String symbolHint) throws InputException {
        List<String> lines = source.lines();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (COUNCIL.matcher(lines.get(i)).matches()) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            throw new InputException(source.name(), 0,
                    "not a resolution: no line 'The Security Council,' opens the preamble");
        }
        // The resolution's own symbol and title stand above its preamble, which recalls other resolutions.
        String head = String.join(" ", lines.subList(0, Math.min(start, 40)));
        String symbol = symbolHint != null ? symbolHint : symbolIn(head).orElse(null);
        PageFurniture furniture = PageFurniture.of(lines);
        List<ResolutionParagraph> out = new ArrayList<>();
        Open open = null;
        int preambular = 0;
        int operative = 0;
        String letter = "";
        boolean previousEnded = true;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i).replace('\f', ' ').replace('\u00A0', ' ');
            if (line.isBlank() || furniture.isFurniture(i)) {
                continue;
            }
            if (line.strip().matches("(?i)\\[?(?:excerpt|text) (?:ends|truncated)[^\\]]*\\]?|_{3,}")) {
                break;
            }
            Matcher op = OPERATIVE.matcher(line);
            Matcher sub = SUB.matcher(line);
            if (op.matches() && Integer.parseInt(op.group(1)) == operative + 1) {
                close(open, out);
                operative++;
                letter = "";
                open = new Open(ParagraphRef.Kind.OP, operative, "", op.group(2));
            } else if (sub.matches() && operative > 0 && previousEnded) {
                close(open, out);
                String id = sub.group(1);
                boolean roman = id.matches("[ivxl]+") && !letter.isEmpty() && !isNextLetter(letter, id);
                String path = roman ? letter + "." + id : id;
                if (!roman) {
                    letter = id;
                }
                open = new Open(ParagraphRef.Kind.OP, operative, path, sub.group(2));
            } else if (operative == 0 && previousEnded && PREAMBLE_START.matcher(line).find()) {
                close(open, out);
                preambular++;
                open = new Open(ParagraphRef.Kind.PP, preambular, "", line);
            } else if (open != null) {
                open.text.append(' ').append(line.strip());
            }
            String stripped = line.strip();
            previousEnded = stripped.endsWith(",") || stripped.endsWith(";") || stripped.endsWith(":")
                    || stripped.endsWith(".");
        }
        close(open, out);
        if (out.isEmpty()) {
            throw new InputException(source.name(), start + 1, "the resolution has no paragraphs after its preamble line");
        }
        Matcher title = TITLE.matcher(head);
        return new Resolution(symbol, title.find() ? "Resolution " + title.group(1) + " (" + title.group(2) + ")" : null,
                out, adopted(head));
    }

    /** The day of "Adopted by the Security Council at its 9365th meeting, on 30 June 2023" above the preamble. */
    static LocalDate adopted(String head) {
        Matcher m = ADOPTED.matcher(head.replaceAll("\\s+", " "));
        if (!m.find()) {
            return null;
        }
        try {
            String month = m.group(2).substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + m.group(2).substring(1).toLowerCase(java.util.Locale.ROOT);
            return LocalDate.parse(m.group(1) + " " + month + " " + m.group(3),
                    java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.ENGLISH));
        } catch (java.time.format.DateTimeParseException e) {
            return null; // "31 February": no date rather than a wrong one
        }
    }

    /** "i" after "h" is the letter i, not the roman one. */
    private static boolean isNextLetter(String letter, String id) {
        return letter.length() == 1 && id.length() == 1 && id.charAt(0) == letter.charAt(0) + 1;
    }

    private static void close(Open open, List<ResolutionParagraph> out) {
        if (open != null) {
            out.add(open.close());
        }
    }

    static Optional<String> symbolIn(String text) {
        Matcher m = SYMBOL.matcher(text);
        if (m.find()) {
            return Optional.of("S/RES/" + m.group(1) + " (" + m.group(2) + ")");
        }
        Matcher t = TITLE.matcher(text);
        return t.find() ? Optional.of("S/RES/" + t.group(1) + " (" + t.group(2) + ")") : Optional.empty();
    }
}
