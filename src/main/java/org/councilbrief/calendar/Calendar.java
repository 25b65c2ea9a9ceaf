package org.councilbrief.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.document.Resolution;
import org.councilbrief.document.ResolutionParagraph;
import org.councilbrief.document.Symbols;
import org.councilbrief.situation.PlannedMeeting;
import org.councilbrief.upr.UprSessions;

/**
 * The calendar of the situations on the agenda: the deadlines the resolutions held set (a later resolution's deadline
 * for the same thing replaces an earlier one's), the meetings editors planned, the UPR reviews of the situations'
 * states held and the next one expected (a state is reviewed once a cycle, 14 sessions later; 12 after the first
 * cycle). Only situations the public may see are named (those with a published brief); a resolution's deadline is
 * public whatever its situation.
 */
public final class Calendar {
    /** The UPR reviews expected whose session's days are not known yet: a state, its situation and the session. */
    public record Expected(String situation, String situationName, int session) {
    }

    private final List<CalendarEvent> events;
    private final List<Expected> unscheduled;

    private Calendar(List<CalendarEvent> events, List<Expected> unscheduled) {
        this.events = List.copyOf(events);
        this.unscheduled = List.copyOf(unscheduled);
    }

    /**
     * The calendar from the database.
     *
     * @param published the situations with a published brief: only these are named, and only their planned meetings
     *     and UPR reviews shown
     */
    public static Calendar read(CalendarRepository repository, Set<String> published) {
        List<CalendarRepository.Place> places = repository.places().stream()
                .filter(p -> published.contains(p.id())).toList();
        return build(places, repository.resolutions(), repository.plannedMeetings(), repository.reviews());
    }

    static Calendar build(List<CalendarRepository.Place> places, List<Resolution> resolutions,
            List<PlannedMeeting> meetings, List<CalendarRepository.Review> reviews) {
        Map<String, CalendarRepository.Place> byId = new HashMap<>();
        places.forEach(p -> byId.put(p.id(), p));
        List<CalendarEvent> events = new ArrayList<>();
        // A later resolution on the same thing replaces an earlier one's day: keep the latest by (year, number).
        Map<String, Map.Entry<int[], CalendarEvent>> deadlines = new LinkedHashMap<>();
        for (Resolution r : resolutions) {
            List<Deadline> read = DeadlineReader.read(r);
            if (read.isEmpty()) {
                continue;
            }
            Optional<CalendarRepository.Place> place = situationsOf(r, places).stream().findFirst()
                    .map(byId::get);
            int[] order = order(r.symbol());
            for (Deadline d : read) {
                // Only a resolution on a known situation replaces another's day: "the mandate" alone says whose
                // only there.
                String key = place.isPresent() ? place.get().id() + "|" + d.kind() + "|"
                        + d.subject().toLowerCase(Locale.ROOT) : d.source() + "|" + d.kind() + "|" + d.date();
                CalendarEvent event = new CalendarEvent(uid("deadline", d.symbol() + "|" + d.paragraph() + "|"
                        + d.kind() + "|" + d.date()), d.date(), d.date(), "deadline", d.what(),
                        place.map(CalendarRepository.Place::id).orElse(null),
                        place.map(CalendarRepository.Place::name).orElse(null), d.source(),
                        Symbols.tryParse(d.symbol()).map(s -> s.url().toString()).orElse(null), "“" + d.evidence()
                                + "”");
                Map.Entry<int[], CalendarEvent> held = deadlines.get(key);
                if (held == null || compare(order, held.getKey()) >= 0) {
                    deadlines.put(key, Map.entry(order, event));
                }
            }
        }
        deadlines.values().forEach(e -> events.add(e.getValue()));
        for (PlannedMeeting m : meetings) {
            CalendarRepository.Place place = byId.get(m.situation());
            if (place == null) {
                continue;
            }
            events.add(new CalendarEvent(uid("meeting", String.valueOf(m.id())), m.date(), m.date(), "meeting",
                    m.title(), place.id(), place.name(), m.source(), href(m.source()), "Planned by the editors"));
        }
        List<Expected> unscheduled = new ArrayList<>();
        for (CalendarRepository.Place place : places) {
            if (place.stateCode() == null) {
                continue;
            }
            List<CalendarRepository.Review> held = reviews.stream()
                    .filter(r -> r.state().equals(place.stateCode())).toList();
            for (CalendarRepository.Review r : held) {
                events.add(new CalendarEvent(uid("upr", r.id()), r.date(), r.date(), "upr", "UPR review"
                        + (r.session() > 0 ? " (Working Group, session " + r.session() + ")" : ""),
                        place.id(), place.name(), r.report(), href(r.report()), "Universal Periodic Review"));
            }
            int last = held.stream().mapToInt(CalendarRepository.Review::session).max().orElse(0);
            if (last == 0) {
                continue;
            }
            int next = last + (last <= 12 ? 12 : 14);
            Optional<UprSessions.Session> session = UprSessions.session(next);
            if (session.isPresent()) {
                events.add(new CalendarEvent(uid("upr-expected", place.stateCode() + "-S" + next),
                        session.get().from(), session.get().to(), "upr-expected",
                        "UPR review expected (Working Group, session " + next + ")", place.id(), place.name(),
                        null, null, "A state is reviewed once a cycle; the day within the session is set later"));
            } else {
                unscheduled.add(new Expected(place.id(), place.name(), next));
            }
        }
        events.sort(Comparator.comparing(CalendarEvent::start).thenComparing(CalendarEvent::title)
                .thenComparing(CalendarEvent::uid));
        return new Calendar(events, unscheduled);
    }

    /** Every event, in order of day. */
    public List<CalendarEvent> events() {
        return events;
    }

    /** The events that end on or after {@code from} and start on or before {@code to}. */
    public List<CalendarEvent> between(LocalDate from, LocalDate to) {
        return events.stream().filter(e -> !e.end().isBefore(from) && !e.start().isAfter(to)).toList();
    }

    /** The next reviews whose session has no days recorded yet. */
    public List<Expected> unscheduled() {
        return unscheduled;
    }

    /**
     * The situations a resolution is on: those whose names (the situation's, its state's) it uses most, at least
     * twice, a name inside a longer one not counted ("Sudan" in "South Sudan").
     */
    static List<String> situationsOf(Resolution r, Collection<CalendarRepository.Place> places) {
        StringBuilder text = new StringBuilder(r.title() == null ? "" : r.title());
        for (ResolutionParagraph p : r.paragraphs()) {
            text.append('\n').append(p.text());
        }
        record Hit(int start, int end, String place) {
        }
        List<Hit> hits = new ArrayList<>();
        for (CalendarRepository.Place place : places) {
            for (String name : place.names()) {
                Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text);
                while (m.find()) {
                    hits.add(new Hit(m.start(), m.end(), place.id()));
                }
            }
        }
        hits.sort(Comparator.comparingInt((Hit h) -> h.start() - h.end()));
        List<Hit> kept = new ArrayList<>();
        for (Hit h : hits) {
            if (kept.stream().noneMatch(k -> h.start() < k.end() && k.start() < h.end())) {
                kept.add(h);
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        kept.forEach(h -> counts.merge(h.place(), 1, Integer::sum));
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return counts.entrySet().stream().filter(e -> e.getValue() >= 2 && e.getValue() * 3 >= max)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
    }

    private static int[] order(String symbol) {
        return Symbols.tryParse(symbol).map(s -> new int[] {s.year(), s.number()}).orElse(new int[] {0, 0});
    }

    private static int compare(int[] a, int[] b) {
        return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
    }

    /** A source's public address: a URL as given, a document symbol's permanent link, or null. */
    static String href(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        String s = source.strip();
        if (s.matches("(?i)https?://\\S+")) {
            return s;
        }
        return Symbols.tryParse(s).map(x -> x.url().toString()).orElse(null);
    }

    /** A UID that is the same for the same event on every run: a hash of what the event is, at the project's name. */
    static String uid(String kind, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((kind + "|" + key)
                    .getBytes(StandardCharsets.UTF_8));
            return kind + "-" + HexFormat.of().formatHex(hash, 0, 12) + "@councilbrief";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
