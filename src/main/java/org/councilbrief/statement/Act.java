package org.councilbrief.statement;

/** What a position does (DESIGN.md "Vocabulary"). */
public enum Act {
    CALLS_FOR("calls-for"), CONDEMNS("condemns"), WELCOMES("welcomes"), EXPRESSES_CONCERN("expresses-concern"),
    REJECTS("rejects"), NOTES("notes");

    private final String id;

    Act(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Act byId(String id) {
        for (Act act : values()) {
            if (act.id.equals(id)) {
                return act;
            }
        }
        throw new IllegalArgumentException("unknown act '" + id + "'");
    }
}
