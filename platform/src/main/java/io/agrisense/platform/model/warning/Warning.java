package io.agrisense.platform.model.warning;

import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A warning that looks ahead: what is expected at a station, when, how surely and how serious, with the
 * figures behind it and a sentence for the console. It is a kind of alert for the runtime; its severity comes
 * from {@link #level()} (see {@code alert.SignalSeverity}).
 *
 * @param subject    what is threatened or what threatens, e.g. "tea shoots", "pond", "Chilo suppressalis"
 * @param issuedAt   when the model assessed it (the runtime's clock)
 * @param expectedAt when the event is expected: a threshold crossing, a stage date, or, for an event already
 *                   under way, when it began (then earlier than {@code issuedAt})
 * @param validUntil when the warning's moment has passed (sunrise for frost, dawn for the oxygen sag); the
 *                   runtime resolves it then unless a fresh assessment extends it
 */
public record Warning(Hazard hazard, String subject, StationId station, SignalLevel level, Instant issuedAt,
                      Instant expectedAt, Instant validUntil, Confidence confidence, List<KeyFigure> figures,
                      String message) {

    public Warning {
        Objects.requireNonNull(hazard, "hazard");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expectedAt, "expectedAt");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(message, "message");
        if (!validUntil.isAfter(issuedAt)) {
            throw new IllegalArgumentException(hazard.wireName() + " warning valid until " + validUntil
                    + " must end after it is issued at " + issuedAt);
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException(hazard.wireName() + " warning needs a message");
        }
        figures = List.copyOf(figures);
    }

    /** How long before the event the warning comes; zero for an event already under way. */
    public Duration leadTime() {
        Duration lead = Duration.between(issuedAt, expectedAt);
        return lead.isNegative() ? Duration.ZERO : lead;
    }

    /** One live warning per station and key: "frost/tea shoots", "pest_stage/Chilo suppressalis". */
    public String key() {
        return hazard.wireName() + "/" + subject;
    }

    public OptionalDouble quantity(String name) {
        for (KeyFigure f : figures) {
            if (f instanceof KeyFigure.Quantity q && q.name().equals(name)) {
                return OptionalDouble.of(q.value());
            }
        }
        return OptionalDouble.empty();
    }

    public Optional<Instant> moment(String name) {
        for (KeyFigure f : figures) {
            if (f instanceof KeyFigure.Moment m && m.name().equals(name)) {
                return Optional.of(m.at());
            }
        }
        return Optional.empty();
    }
}
