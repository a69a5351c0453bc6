package io.agrisense.platform.auth;

import java.util.Locale;

/** What an operator may do: viewers read, operators also acknowledge alerts and send commands, admins change everything. */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    public boolean atLeast(Role required) {
        return compareTo(required) >= 0;
    }

    /** The lower-case name used in the API, the database and the CLI. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code viewer}, {@code operator} or {@code admin}; an {@link IllegalArgumentException} names the choices. */
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.wireName().equals(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be one of viewer, operator, admin, got '" + text + "'");
    }
}
