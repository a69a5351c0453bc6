package io.agrisense.platform.alert.api;

import io.vertx.ext.web.RoutingContext;

/**
 * Who may act on alerts and rules over the API. The platform has no operator accounts yet, so
 * {@link #EVERYONE} allows every request; once accounts exist, an implementation that checks the request's
 * operator role (a session or token) is passed to the routes instead, and denied requests get 403.
 */
@FunctionalInterface
public interface OperatorAccess {

    enum Action {
        ACKNOWLEDGE_ALERT("acknowledging alerts"), CHANGE_RULES("changing alert rules");

        private final String text;

        Action(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    boolean allows(RoutingContext request, Action action);

    /** Today's policy: no accounts, everyone may. */
    OperatorAccess EVERYONE = (request, action) -> true;
}
