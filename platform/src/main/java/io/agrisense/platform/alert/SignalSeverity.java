package io.agrisense.platform.alert;

import io.agrisense.platform.model.warning.SignalLevel;

/**
 * Maps the CMA early-warning colours of a model warning onto alert severities. The alert scale has three
 * steps for four colours: blue (general) informs, yellow (relatively serious) warns, and orange (serious) and
 * red (particularly serious) are both critical, because from orange on the CMA's defence guides call for emergency
 * measures (CMA Order No. 16, 2007) and critical is the severity a webhook filter picks for people on call.
 */
public final class SignalSeverity {

    private SignalSeverity() {
    }

    public static Severity of(SignalLevel level) {
        return switch (level) {
            case BLUE -> Severity.INFO;
            case YELLOW -> Severity.WARNING;
            case ORANGE, RED -> Severity.CRITICAL;
        };
    }
}
