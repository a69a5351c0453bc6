package io.agrisense.platform.auth;

import java.util.Objects;

/** Who a request, a connection or a post comes from, once its credentials were checked. */
public sealed interface Principal permits Principal.Operator, Principal.Station, Principal.Share, Principal.Anonymous {

    /** The name written to the audit log and to alert acknowledgements. */
    String displayName();

    /** Whether this principal may do what needs {@code role} (stations and sharing tokens hold no operator role). */
    default boolean hasRole(Role role) {
        return false;
    }

    /** A person (sign-in session) or a script or model (API token) acting with the account's role. */
    record Operator(String username, Role role, String tokenId) implements Principal {
        public Operator {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(role, "role");
        }

        @Override
        public String displayName() {
            return username;
        }

        @Override
        public boolean hasRole(Role required) {
            return role.atLeast(required);
        }
    }

    /** A station proving itself with its own secret: it may send its own readings, nothing else. */
    record Station(String stationId) implements Principal {
        public Station {
            Objects.requireNonNull(stationId, "stationId");
        }

        @Override
        public String displayName() {
            return "station " + stationId;
        }
    }

    /** A read-only sharing token for another agency or institute, limited to its scope. */
    record Share(String tokenId, String label, ShareScope scope) implements Principal {
        public Share {
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(scope, "scope");
        }

        @Override
        public String displayName() {
            return "share " + (label == null || label.isBlank() ? tokenId : label);
        }
    }

    /** No credentials, in open mode only (the demo): acts as an admin. */
    record Anonymous() implements Principal {
        @Override
        public String displayName() {
            return "anonymous";
        }

        @Override
        public boolean hasRole(Role role) {
            return true;
        }
    }
}
