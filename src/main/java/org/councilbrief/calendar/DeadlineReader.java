package org.councilbrief.calendar;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.document.ParagraphRef;
import org.councilbrief.document.Resolution;
import org.councilbrief.document.ResolutionParagraph;

/**
 * Reads the days a resolution's operative paragraphs set: "Decides to extend the mandate of MINUSMA until 30 June
 * 2023", "Decides to renew until 31 May 2024 the measures on arms…", "for an initial period of one year from the date
 * of adoption of this resolution", "for a further period of twelve months, until 31 January 2024", "Decides that,
 * until 30 September 2023, MINUSMA is authorized to…", "Decides to terminate the mandate … on 30 June 2023",
 * "expresses its intention to review … no later than 31 August 2022". A paragraph that recalls, notes or requests a
 * report sets no deadline; a period counted from the adoption needs the adoption's day, which the resolution's
 * header gives. Rules, not a learnt model: each deadline is said with the words it was read from (decision 0040).
 */
public final class DeadlineReader {
    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October"
            + "|November|December";
    private static final String DATE = "(\\d{1,2})\\s+(" + MONTHS + "),?\\s+(\\d{4})";
    private static final Pattern A_DATE = Pattern.compile(DATE);
    private static final String NUMBER = "\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|twenty-four|twenty four";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("twenty-four", 24), Map.entry("twenty four", 24));
    /** The verbs that make or end a time-limited thing, each starting a clause read on its own. */
    private static final Pattern VERB = Pattern.compile("(?i)\\b(?:(extend|renew|prolong)(?:s|ed|ing)?"
            + "|(terminate)s?|(create|establish|re-establish|authori[sz]e|deploy)s?"
            + "|(remain in (?:force|effect)|shall apply|shall expire|shall terminate|is authori[sz]ed|are authori[sz]ed)"
            + "|(review)|(decides that))\\b");
    /** A paragraph the Council decides in: not one that recalls, notes or only asks for a report. */
    private static final Pattern DECIDES = Pattern.compile("(?i)^(?:\\S+\\s+){0,3}?(?:decides|agrees|extends|renews"
            + "|authori[sz]es|requests the Secretary-General to (?:create|establish|re-establish|extend))\\b");
    private static final Pattern UNTIL = Pattern.compile("(?i)\\buntil\\s+" + DATE);
    private static final Pattern ON = Pattern.compile("(?i)\\b(?:on|as of|as from|with effect from|effective)\\s+"
            + DATE);
    private static final Pattern NO_LATER = Pattern.compile("(?i)\\b(?:no later than|not later than|by|before)\\s+"
            + DATE);
    private static final Pattern PERIOD = Pattern.compile("(?i)\\bfor\\s+(?:(?:a|an)\\s+)?(?:(?:initial|further"
            + "|additional|final|new|another)\\s+)?(?:period\\s+of\\s+)?(" + NUMBER + ")\\s+(months?|years?)"
            + "|\\bfor\\s+(?:a|one|another|an\\s+additional)\\s+(?:further\\s+)?(year)\\b");
    private static final Pattern FROM_ADOPTION = Pattern.compile("(?i)^[,\\s]*(?:starting\\s+|beginning\\s+)?from"
            + "\\s+(?:the\\s+(?:date\\s+of\\s+(?:the\\s+)?)?)?adoption\\s+of\\s+(?:this|the\\s+present)\\s+resolution"
            + "|^[,\\s]*from\\s+the\\s+(?:date\\s+of\\s+)?adoption\\b");
    private static final Pattern FROM_DATE = Pattern.compile("(?i)^[,\\s]*(?:starting|beginning|commencing|as)?"
            + "\\s*(?:on|from)\\s+" + DATE);
    private static final Pattern SANCTIONS = Pattern.compile("(?i)\\b(measures|sanctions|embargo|funds|freeze"
            + "|entry into or transit|travel)\\b");
    private static final Pattern PANEL = Pattern.compile("(?i)\\b(panel of experts|group of (?:up to \\w+ )?experts"
            + "|monitoring team|monitoring group)\\b");
    private static final DateTimeFormatter DAY = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d MMMM uuuu").toFormatter(Locale.ENGLISH);

    private DeadlineReader() {
    }

    /** The deadlines of a resolution, paragraph by paragraph, in the order they are set. */
    public static List<Deadline> read(Resolution resolution) {
        List<Deadline> out = new ArrayList<>();
        for (ResolutionParagraph p : resolution.paragraphs()) {
            if (p.kind() != ParagraphRef.Kind.OP) {
                continue;
            }
            // A sub-paragraph reads on after its paragraph's opening ("Decides to renew until 31 May 2024:").
            String text = p.text();
            if (p.sub().isEmpty() && text.strip().endsWith(":")) {
                continue; // its sub-paragraphs say what it decides, each read with this opening
            }
            if (!p.sub().isEmpty()) {
                String parent = resolution.paragraphs().stream().filter(q -> q.kind() == ParagraphRef.Kind.OP
                        && q.number() == p.number() && q.sub().isEmpty()).map(ResolutionParagraph::text).findFirst()
                        .orElse("");
                if (!parent.strip().endsWith(":")) {
                    continue;
                }
                text = parent.strip() + " " + text;
            }
            out.addAll(read(resolution.symbol(), p.label(), text, resolution.adopted()));
        }
        return out;
    }

    /**
     * The deadlines one operative paragraph sets.
     *
     * @param adopted the resolution's adoption, from which "from the date of adoption" counts, or null if not known
     */
    public static List<Deadline> read(String symbol, String paragraph, String text, LocalDate adopted) {
        String t = text.replaceAll("\\s+", " ").strip();
        List<Deadline> out = new ArrayList<>();
        if (!DECIDES.matcher(t).find()) {
            return out;
        }
        Matcher verbs = VERB.matcher(t);
        List<int[]> starts = new ArrayList<>();
        while (verbs.find()) {
            starts.add(new int[] {verbs.start(), verbs.end()});
        }
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i)[0];
            int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : t.length();
            // "Decides that, until 30 September 2023, MINUSMA is authorized": the day stands before its verb.
            int before = Math.max(i == 0 ? 0 : starts.get(i - 1)[1], 0);
            clause(symbol, paragraph, t, before, from, to, adopted, i + 1 == starts.size()).ifPresent(d -> {
                if (out.stream().noneMatch(o -> o.date().equals(d.date()) && o.kind().equals(d.kind()))) {
                    out.add(d);
                }
            });
        }
        return out;
    }

    private static Optional<Deadline> clause(String symbol, String paragraph, String t, int before, int from, int to,
            LocalDate adopted, boolean last) {
        String clause = t.substring(from, to);
        String lead = t.substring(before, from);
        Matcher verb = VERB.matcher(clause);
        verb.lookingAt();
        String v = verb.group().toLowerCase(Locale.ROOT);
        boolean review = verb.group(5) != null;
        // "Decides that, for an initial period of one year …, all Member States shall freeze": only a period counts
        // there; a day after "decides that" belongs to the verb that follows ("until 30 September, X is authorized").
        boolean decidesThat = verb.group(6) != null;
        if (decidesThat && !last) {
            return Optional.empty();
        }
        boolean terminate = verb.group(2) != null || v.contains("expire") || v.contains("shall terminate");
        boolean authorized = v.startsWith("is author") || v.startsWith("are author") || verb.group(3) != null
                && v.startsWith("author");
        String rest = clause.substring(verb.end());
        LocalDate date = null;
        String evidence = null;
        Matcher m;
        if (review) {
            if ((m = NO_LATER.matcher(rest)).find() && m.start() < 160) {
                date = day(m);
                evidence = m.group();
            }
            if (date == null) {
                return Optional.empty();
            }
            String subject = subject(rest.substring(0, m.start())).orElse("the measures");
            return Optional.of(new Deadline(symbol, paragraph, date, "review", subject, evidence));
        }
        if (decidesThat) {
            m = null;
        } else if ((m = UNTIL.matcher(rest)).find()) {
            date = day(m);
            evidence = m.group();
        } else if ((m = UNTIL.matcher(lead)).find() && authorized) {
            date = day(m);
            evidence = m.group();
        } else if (terminate && (m = ON.matcher(rest)).find()) {
            date = day(m);
            evidence = m.group();
        }
        String in = date != null ? null : (m = PERIOD.matcher(rest)).find() ? rest
                : (m = PERIOD.matcher(lead)).find() ? lead : null;
        if (in != null) {
            Period period = period(m);
            String after = in.substring(m.end());
            Matcher start;
            if ((start = FROM_DATE.matcher(after)).find()) {
                LocalDate first = day(start);
                date = first == null ? null : first.plus(period).minusDays(1);
                evidence = m.group() + start.group();
            } else if (FROM_ADOPTION.matcher(after).find() && adopted != null) {
                // A year from the adoption on 5 September 2017 runs to 5 September 2018, as the Council counts it.
                date = adopted.plus(period);
                evidence = m.group() + " from the adoption (" + adopted + ")";
            }
        }
        if (date == null) {
            return Optional.empty();
        }
        String kind;
        String subject;
        String whole = lead + clause;
        if (PANEL.matcher(whole).find() && !SANCTIONS.matcher(subject(rest).orElse("")).find()) {
            kind = "panel";
            Matcher panel = PANEL.matcher(whole);
            panel.find();
            // "a group of up to five experts ("the Panel of Experts")": the name it is known by.
            String name = whole.toLowerCase(Locale.ROOT).contains("panel of experts") ? "Panel of Experts"
                    : panel.group(1).toLowerCase(Locale.ROOT);
            subject = subject(rest).filter(s -> PANEL.matcher(s).find()).orElse("the " + name);
        } else if (SANCTIONS.matcher(whole).find() && !whole.toLowerCase(Locale.ROOT).contains("mandate")) {
            kind = "sanctions";
            subject = measures(whole).orElseGet(() -> subject(rest).orElse("the sanctions measures"));
        } else if (terminate) {
            kind = "end";
            subject = subject(rest).or(() -> subject(lead.replaceFirst("(?i)^.*?\\bthat\\b,?", "")))
                    .orElse("the mandate");
        } else if (authorized) {
            kind = "authorization";
            subject = authorization(lead, clause).orElse("the authorization");
        } else {
            kind = "mandate";
            subject = subject(rest).or(() -> subject(lead.replaceFirst("(?i)^.*?\\bthat\\b,?", "")))
                    .orElse("the mandate");
        }
        return Optional.of(new Deadline(symbol, paragraph, date, kind, subject, evidence.strip()));
    }

    /** What is extended: the verb's object, without the days and periods around it. */
    static Optional<String> subject(String rest) {
        String s = rest.replaceAll("(?i)\\buntil\\s+" + DATE + ",?", " ").replaceAll("\\s+", " ")
                .replaceFirst("^[\\s,:;]*(?:\\([a-z]{1,4}\\)\\s*)?", "").strip();
        Matcher end = Pattern.compile("(?i)\\s*(?:,|;|:|\\.$|\\buntil\\b|\\bfor (?:a|an|one|another|the|\\d)"
                + "|\\bon \\d|\\bas (?:set out|defined|specified|contained|outlined|established|modified)"
                + "|\\bunder resolution|\\bthat is\\b|\\band (?:requests|decides|expresses|to)\\b|\\bwhich\\b"
                + "|\\bwith effect\\b|\\bno later\\b|\\bby \\d)").matcher(s);
        String object = end.find() ? s.substring(0, end.start()) : s;
        object = object.strip();
        if (!object.matches("(?i)^(?:the|its|their|this|a|an)\\b.*") || object.length() < 5) {
            return Optional.empty();
        }
        return Optional.of(object.length() > 160 ? object.substring(0, 157) + "…" : object);
    }

    /** The sanctions measures a paragraph names, in everyday words ("travel ban, asset freeze"), if it names any. */
    static Optional<String> measures(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        if (t.contains("entry into or transit") || t.contains("travel ban") || t.contains("travel and")) {
            names.add("travel ban");
        }
        if (t.contains("freeze") || t.contains("financial measures") || t.contains("funds")) {
            names.add("asset freeze");
        }
        if (t.contains("measures on arms") || t.contains("arms embargo") || t.contains("arms and related")) {
            names.add("arms embargo");
        }
        Optional<String> object = subject(text.replaceFirst("(?i)^.*?\\b(?:renew|extend)(?:s|ed)?\\b", ""));
        String said = object.filter(o -> o.toLowerCase(Locale.ROOT).contains("measures")).orElse(null);
        if (names.isEmpty()) {
            return Optional.ofNullable(said).or(() -> Optional.of("the sanctions measures"));
        }
        return Optional.of("the sanctions measures (" + String.join(", ", names) + ")"
                + (said == null ? "" : ": " + said));
    }

    /** "Decides that, until 30 September 2023, MINUSMA is authorized to respond…": MINUSMA's authorization. */
    private static Optional<String> authorization(String lead, String clause) {
        Matcher who = Pattern.compile("(?i)" + DATE + ",?\\s+(.{2,80}?)\\s*$").matcher(lead.strip());
        String holder = who.find() ? who.group(4) : null;
        Matcher what = Pattern.compile("(?i)^\\S+\\s+author\\w*\\s+(to\\s+[^,;]{3,90})").matcher(clause);
        String to = what.find() ? what.group(1).strip() : null;
        if (holder == null && to == null) {
            return Optional.empty();
        }
        return Optional.of("the authorization" + (holder == null ? "" : " of " + holder) + (to == null ? ""
                : " " + to));
    }

    private static Period period(Matcher m) {
        if (m.group(3) != null) {
            return Period.ofYears(1);
        }
        String n = m.group(1).toLowerCase(Locale.ROOT);
        int count = n.matches("\\d+") ? Integer.parseInt(n) : NUMBERS.get(n);
        return m.group(2).toLowerCase(Locale.ROOT).startsWith("year") ? Period.ofYears(count) : Period.ofMonths(count);
    }

    /** The day of a match whose first three groups are day, month and year; null for a day that does not exist. */
    private static LocalDate day(Matcher m) {
        int g = m.groupCount() >= 3 ? m.groupCount() - 2 : 1;
        try {
            return LocalDate.parse(m.group(g) + " " + m.group(g + 1) + " " + m.group(g + 2), DAY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Every day written in a text, for tests and for the calendar's checks. */
    static List<LocalDate> days(String text) {
        List<LocalDate> out = new ArrayList<>();
        Matcher m = A_DATE.matcher(text);
        while (m.find()) {
            Optional.ofNullable(day(m)).ifPresent(out::add);
        }
        return out;
    }
}
