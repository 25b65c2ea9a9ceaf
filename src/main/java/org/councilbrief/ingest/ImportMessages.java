package org.councilbrief.ingest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.AppException;
import org.councilbrief.document.InputException;

/**
 * What the import page says when it refuses a file: the reason in the page's words (the importers speak to the command
 * line, "give it with --date"; the page says "enter the meeting's date") and the field it concerns, so that the page
 * shows it beside that field.
 */
final class ImportMessages {
    static final String FILE = "file";
    static final String KIND = "kind";
    static final String SITUATION = "situation";
    static final String SYMBOL = "symbol";
    static final String DATE = "date";
    /** A refusal of the whole form, shown above it. */
    static final String FORM = "form";

    /** A reason and the field it concerns. */
    record Refusal(String field, String message) {
    }

    private record Rewording(String from, String to) {
    }

    private static final List<Rewording> REWORDINGS = List.of(
            new Rewording("give it with --date", "enter the meeting's date"),
            new Rewording("give it with --symbol", "enter its symbol"),
            new Rewording("give the situation with --situation", "enter the situation it is about"),
            new Rewording("again with --date", "again with the meeting's date"),
            new Rewording("import it with: councilbrief import FILE --kind resolution",
                    "import the resolution first"));
    private static final Pattern FLAG = Pattern.compile("--([a-z][a-z-]*)");
    private static final Pattern LOOKS_LIKE = Pattern.compile("\\(it looks like: ([a-z, -]+)\\)");
    private static final Pattern UNKNOWN_KIND = Pattern.compile("unknown kind '.*'; expected one of .*");
    private static final Pattern NOT_A_DATE = Pattern.compile("'(.*)' is not a date of the form YYYY-MM-DD");

    private ImportMessages() {
    }

    /** The refusal as the page shows it. */
    static Refusal of(AppException e) {
        if (e instanceof InputException input) {
            String where = input.source() + (input.line() > 0 ? ", line " + input.line() : "") + ": ";
            return new Refusal(field(input.reason()), where + period(reword(input.reason())));
        }
        String text = reword(e.getMessage());
        return new Refusal(field(e.getMessage()), text.isEmpty() ? text
                : Character.toUpperCase(text.charAt(0)) + period(text.substring(1)));
    }

    /** The field a message concerns: the one the command line's flag names, else the one it speaks of. */
    static String field(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("--date") || m.contains("its date") || m.contains("is not a date")) {
            return DATE;
        }
        if (m.contains("--situation") || m.contains("no situation '")) {
            return SITUATION;
        }
        if (m.contains("--symbol") || m.contains("symbol")) {
            return SYMBOL;
        }
        if (m.contains("--kind") || m.contains("unknown kind") || m.contains("look like")
                || m.contains("looks like")) {
            return KIND;
        }
        return FILE;
    }

    /** The message without the command line's words. */
    static String reword(String message) {
        String text = message;
        if (UNKNOWN_KIND.matcher(text).matches()) {
            return "choose one of the kinds in the list";
        }
        Matcher date = NOT_A_DATE.matcher(text);
        if (date.matches()) {
            return "'" + date.group(1) + "' is not a date; enter it as year-month-day, e.g. 2020-01-15";
        }
        for (Rewording r : REWORDINGS) {
            text = text.replace(r.from(), r.to());
        }
        text = LOOKS_LIKE.matcher(text).replaceAll(m -> Matcher.quoteReplacement("(it looks like "
                + String.join(" or ", java.util.Arrays.stream(m.group(1).split(",\\s*")).map(ImportMessages::kindName)
                        .toList()) + ": choose that kind)"));
        // A flag not reworded above: named as the page's field.
        return FLAG.matcher(text).replaceAll(m -> Matcher.quoteReplacement("the " + fieldName(m.group(1))
                + " field"));
    }

    private static String kindName(String id) {
        return Importers.all().stream().filter(i -> i.id().equals(id)).findFirst().map(ImportRoutes::label)
                .orElse(id);
    }

    private static String fieldName(String flag) {
        return switch (flag) {
            case "date" -> "meeting date";
            case "kind" -> "kind";
            default -> flag;
        };
    }

    private static String period(String text) {
        return text.endsWith(".") ? text : text + ".";
    }
}
