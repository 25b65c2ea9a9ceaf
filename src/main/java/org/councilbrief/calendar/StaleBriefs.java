package org.councilbrief.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.councilbrief.document.Resolution;
import org.councilbrief.document.Symbols;

/**
 * Which briefs are stale, and why: a meeting record, a press summary, a resolution or a UPR review on the brief's
 * situation imported after its latest publication, or the brief's date older than the office's limit. A meeting is on
 * the situation it was imported for, a press summary on its meeting's, a UPR review on its state's, a resolution on
 * the situations it names most ({@link Calendar#situationsOf}). A brief never published is stale by its date only.
 */
public final class StaleBriefs {
    /** The days after which the office calls a brief's date old, unless it sets another limit. */
    public static final int DEFAULT_DAYS = 30;
    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern(
            "d MMMM yyyy", java.util.Locale.ENGLISH);

    /**
     * One reason a brief is stale.
     *
     * @param situation the brief's situation
     * @param reason the reason in words
     * @param label what is new, as a link's words ("S/PV.9365"), or the brief's for an old date
     * @param href where to see it: a workspace address relative to the site's top ("workspace/positions?meeting=…")
     *     or a document's public address
     * @param at when it arrived (for an old date: the day the limit was passed, at midnight)
     */
    public record Reason(String situation, String reason, String label, String href, LocalDateTime at) {
    }

    private final CalendarRepository repository;

    public StaleBriefs(CalendarRepository repository) {
        this.repository = repository;
    }

    /**
     * The reasons for each stale brief, newest first, by situation; a brief that is not stale is absent.
     *
     * @param today the day it is
     * @param limitDays the office's limit on a brief's age
     */
    public Map<String, List<Reason>> reasons(LocalDate today, int limitDays) {
        List<CalendarRepository.BriefDates> briefs = repository.briefDates();
        Map<String, List<Reason>> out = new LinkedHashMap<>();
        LocalDateTime since = briefs.stream().map(CalendarRepository.BriefDates::published)
                .filter(java.util.Objects::nonNull).min(LocalDateTime::compareTo).orElse(null);
        Map<String, LocalDateTime> published = new HashMap<>();
        briefs.forEach(b -> {
            if (b.published() != null) {
                published.put(b.situation(), b.published());
            }
        });
        if (since != null) {
            // A fixed number of statements, whatever the number of briefs and of items: the arrivals come with what
            // places them, and the situations and resolutions they need are read once.
            List<CalendarRepository.Arrival> arrivals = repository.arrivals(since);
            List<CalendarRepository.Place> places = arrivals.stream().anyMatch(a -> a.kind().equals("upr-review")
                    || a.kind().equals("resolution")) ? repository.places() : List.of();
            Map<String, List<String>> resolutionPlaces = resolutionPlaces(arrivals, places);
            Map<String, List<String>> stateSituations = new HashMap<>();
            places.stream().filter(p -> p.stateCode() != null).forEach(p -> stateSituations
                    .computeIfAbsent(p.stateCode(), k -> new ArrayList<>()).add(p.id()));
            for (CalendarRepository.Arrival a : arrivals) {
                for (String situation : situationsOf(a, resolutionPlaces, stateSituations)) {
                    LocalDateTime last = published.get(situation);
                    if (last != null && a.at().isAfter(last)) {
                        out.computeIfAbsent(situation, k -> new ArrayList<>()).add(reason(situation, a, last));
                    }
                }
            }
        }
        for (CalendarRepository.BriefDates b : briefs) {
            long age = ChronoUnit.DAYS.between(b.asOf(), today);
            if (age > limitDays) {
                out.computeIfAbsent(b.situation(), k -> new ArrayList<>()).add(new Reason(b.situation(),
                        "The brief is dated " + DATE.format(b.asOf()) + ", " + age + " days ago; the office asks for"
                                + " a new date after " + limitDays + " days.", "the brief's date",
                        "workspace/briefs/" + b.situation(), b.asOf().plusDays(limitDays + 1L).atStartOfDay()));
            }
        }
        out.values().forEach(list -> list.sort(java.util.Comparator.comparing(Reason::at).reversed()));
        return out;
    }

    private Map<String, List<String>> resolutionPlaces(List<CalendarRepository.Arrival> arrivals,
            List<CalendarRepository.Place> places) {
        Set<String> symbols = new TreeSet<>();
        arrivals.stream().filter(a -> a.kind().equals("resolution")).forEach(a -> symbols.add(a.key()));
        Map<String, List<String>> out = new HashMap<>();
        if (symbols.isEmpty()) {
            return out;
        }
        for (Resolution r : repository.resolutions(symbols)) {
            out.put(r.symbol(), Calendar.situationsOf(r, places));
        }
        return out;
    }

    private static List<String> situationsOf(CalendarRepository.Arrival a, Map<String, List<String>> resolutions,
            Map<String, List<String>> stateSituations) {
        return switch (a.kind()) {
            case "meeting", "press-release" -> a.situation() == null ? List.of() : List.of(a.situation());
            case "upr-review" -> a.state() == null ? List.of() : stateSituations.getOrDefault(a.state(), List.of());
            case "resolution" -> resolutions.getOrDefault(a.key(), List.of());
            default -> List.of();
        };
    }

    private static Reason reason(String situation, CalendarRepository.Arrival a, LocalDateTime published) {
        String when = " imported on " + DATE.format(a.at()) + ", after the brief was last published on "
                + DATE.format(published) + ".";
        return switch (a.kind()) {
            case "meeting" -> new Reason(situation, "Meeting record " + a.key() + when, a.key(),
                    "workspace/positions?meeting=" + encode(a.key()), a.at());
            case "press-release" -> {
                Optional<String> meeting = Optional.ofNullable(a.meeting());
                yield new Reason(situation, "Press summary " + a.key() + when, a.key(), meeting
                        .map(m -> "workspace/positions?meeting=" + encode(m))
                        .orElse(Symbols.tryParse(a.key()).map(s -> s.url().toString()).orElse(null)), a.at());
            }
            case "upr-review" -> new Reason(situation, "UPR review " + a.key() + when, "UPR review " + a.key(),
                    "workspace/briefs/" + situation, a.at());
            default -> new Reason(situation, "Resolution " + a.key() + when, a.key(),
                    Symbols.tryParse(a.key()).map(s -> s.url().toString()).orElse(null), a.at());
        };
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
