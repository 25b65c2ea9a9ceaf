package org.councilbrief.upr;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.document.InputException;
import org.councilbrief.document.SourceText;

/**
 * The state under review's answers to its recommendations, read from one of the two documents that give them:
 * <ul>
 * <li>the report's addendum (A/HRC/59/15/Add.1), whose paragraphs say "The Government accepts the following
 * recommendations: 140.7, 140.8, …" or "takes note of recommendations 140.1, …", with ranges such as "140.11-14";</li>
 * <li>OHCHR's thematic list, where each recommendation is followed by "Supported" or "Noted".</li>
 * </ul>
 */
public final class UprResponses {
    private static final Pattern REF = Pattern.compile("(?<!\\d)(\\d{1,3})\\.(\\d{1,3})(?:\\s*[-–]\\s*(\\d{1,3}))?(?![\\d])");
    private static final Pattern THEMATIC_ITEM = Pattern.compile("^\\s*(\\d{1,3}\\.\\d{1,3})\\s+\\S");
    private static final Pattern ANSWER_LINE = Pattern.compile("^\\s*(Supported|Noted|Accepted|Rejected)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOTED_INTRO = Pattern.compile(
            "takes? note|(?:are|were) noted|noted recommendations|does not (?:accept|support)|cannot (?:accept|support)"
                    + "|not (?:be )?(?:accepted|supported)|rejects?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SUPPORTED_INTRO = Pattern.compile(
            "accepts?\\b|supports?\\b|accepted recommendations|enjoys? the support", Pattern.CASE_INSENSITIVE);

    private UprResponses() {
    }

    /** Recommendation number ("140.7") to "supported" or "noted". */
    public static Map<String, String> read(SourceText source) throws InputException {
        Map<String, String> answers = source.text().lines().anyMatch(l -> ANSWER_LINE.matcher(l).matches())
                ? thematic(source) : addendum(source);
        answers = inMainParagraph(answers);
        if (answers.isEmpty()) {
            throw new InputException(source.name(), 0,
                    "no responses found: expected an addendum listing accepted and noted recommendations,"
                            + " or a thematic list with 'Supported' or 'Noted' under each recommendation");
        }
        return answers;
    }

    /** Keeps the numbers of the report's recommendations paragraph (the most frequent one), not "99.9 per cent". */
    private static Map<String, String> inMainParagraph(Map<String, String> answers) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        answers.keySet().forEach(k -> counts.merge(k.substring(0, k.indexOf('.')), 1, Integer::sum));
        String main = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        Map<String, String> kept = new LinkedHashMap<>();
        answers.forEach((k, v) -> {
            if (k.startsWith(main + ".")) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    private static Map<String, String> thematic(SourceText source) {
        Map<String, String> answers = new LinkedHashMap<>();
        String pending = null;
        for (String line : source.lines()) {
            Matcher item = THEMATIC_ITEM.matcher(line);
            Matcher answer = ANSWER_LINE.matcher(line);
            if (answer.matches() && pending != null) {
                answers.putIfAbsent(pending, normalize(answer.group(1)));
                pending = null;
            } else if (item.find()) {
                pending = item.group(1);
            }
        }
        return answers;
    }

    private static Map<String, String> addendum(SourceText source) {
        Map<String, String> answers = new LinkedHashMap<>();
        String state = null;
        for (String line : source.lines()) {
            boolean intro = line.toLowerCase(Locale.ROOT).contains("recommendation");
            if (intro && NOTED_INTRO.matcher(line).find()) {
                state = "noted";
            } else if (intro && SUPPORTED_INTRO.matcher(line).find()) {
                state = "supported";
            }
            if (state == null) {
                continue;
            }
            Matcher ref = REF.matcher(line);
            while (ref.find()) {
                int paragraph = Integer.parseInt(ref.group(1));
                int from = Integer.parseInt(ref.group(2));
                int to = ref.group(3) == null ? from : Integer.parseInt(ref.group(3));
                if (to < from || to - from > 100) {
                    to = from;
                }
                for (int n = from; n <= to; n++) {
                    answers.putIfAbsent(paragraph + "." + n, state);
                }
            }
        }
        return answers;
    }

    private static String normalize(String answer) {
        String a = answer.toLowerCase(Locale.ROOT);
        return a.equals("supported") || a.equals("accepted") ? "supported" : "noted";
    }
}
