package org.councilbrief.search;

import java.util.List;

/**
 * One text the search finds: a brief's paragraph, a speech, a press-summary paragraph, a position, a UPR
 * recommendation or a resolution paragraph, with what its facets are made of.
 *
 * @param id unique within the index ("speech:S/PV.9385:3")
 * @param group the unit the index replaces as a whole when its data change ("meeting:S/PV.9385")
 * @param kind one of {@link SearchIndex#KINDS}
 * @param title the line shown above the passage
 * @param url the page and anchor showing the text, relative to the site's top ("briefs/mali.html#item-3")
 * @param text the text searched and shown
 * @param situation the situation the text is shown under, or null
 * @param members the states the text is by (ISO3), possibly none
 * @param themes the Council theme ids of the text, possibly none
 * @param year the year of the text, or null
 * @param visible whether the public site shows it (a position once accepted, if its state sat on the Council)
 * @param situations every situation the text concerns, {@code situation} first (a UPR recommendation concerns each
 *     situation on the state reviewed); a filter by any of them finds it
 */
public record SearchText(String id, String group, String kind, String title, String url, String text,
        String situation, List<String> members, List<String> themes, Integer year, boolean visible,
        List<String> situations) {
    public SearchText {
        members = members == null ? List.of() : List.copyOf(members);
        themes = themes == null ? List.of() : List.copyOf(themes);
        text = text == null ? "" : text;
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        if (situation != null && !situation.isBlank()) {
            all.add(situation);
        }
        if (situations != null) {
            situations.stream().filter(x -> x != null && !x.isBlank()).forEach(all::add);
        }
        situations = List.copyOf(all);
        situation = situations.isEmpty() ? null : situations.get(0);
    }

    /** A text under one situation at most. */
    public SearchText(String id, String group, String kind, String title, String url, String text, String situation,
            List<String> members, List<String> themes, Integer year, boolean visible) {
        this(id, group, kind, title, url, text, situation, members, themes, year, visible, List.of());
    }
}
