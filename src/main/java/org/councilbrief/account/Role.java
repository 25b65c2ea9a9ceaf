package org.councilbrief.account;

import java.util.Locale;
import org.councilbrief.AppException;

/** What a user may do: editors write, reviewers also publish, admins also manage accounts. */
public enum Role {
    EDITOR, REVIEWER, ADMIN;

    public boolean mayPublish() {
        return this == REVIEWER || this == ADMIN;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String id) throws AppException {
        for (Role role : values()) {
            if (role.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new AppException("unknown role '" + org.councilbrief.Forms.excerpt(id)
                + "'; expected editor, reviewer or admin");
    }
}
