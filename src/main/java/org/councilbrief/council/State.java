package org.councilbrief.council;

import java.util.List;

/**
 * A state as councilbrief knows it: a UN member, an observer state, or a former state that sat on the Council.
 *
 * @param code ISO 3166-1 alpha-3 code (YUG, CSK, DDR for former states)
 * @param name the name the UN uses ("United Kingdom of Great Britain and Northern Ireland")
 * @param shortName the form used in a brief's prose, with its article where English needs one ("the UK")
 * @param label the form used in headings and in the UPR block, without article ("UK", "USA")
 * @param group the UN regional group for electoral purposes, or "none"
 * @param status member, observer or former
 * @param aliases other names found in UN documents and UPR data
 */
public record State(String code, String name, String shortName, String label, String group, Status status,
        List<String> aliases) {

    public enum Status {
        MEMBER, OBSERVER, FORMER
    }

    public static final String AFRICAN_GROUP = "African";

    /** The short name without its article, used to sort member lists ("the UK" sorts as "UK"). */
    public String sortKey() {
        return shortName.startsWith("the ") ? shortName.substring(4) : shortName;
    }

    public boolean takesArticle() {
        return shortName.startsWith("the ");
    }
}
