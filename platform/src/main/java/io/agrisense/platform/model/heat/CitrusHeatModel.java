package io.agrisense.platform.model.heat;

import static io.agrisense.platform.model.warning.KeyFigure.quantity;

import io.agrisense.platform.model.DailySeries;
import io.agrisense.platform.model.warning.Confidence;
import io.agrisense.platform.model.warning.Hazard;
import io.agrisense.platform.model.warning.KeyFigure;
import io.agrisense.platform.model.warning.Reassessment;
import io.agrisense.platform.model.warning.SignalLevel;
import io.agrisense.platform.model.warning.Warning;
import io.agrisense.platform.model.warning.WarningText;
import io.agrisense.protocol.StationId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Abnormal flower and fruit drop of satsuma mandarin in heat, after "温州蜜柑花期幼果期异常落果的温度指标研究"
 * (temperature indices of abnormal fruit drop of satsuma at flowering and young-fruit stage; field trials of
 * 1988 in Jinhua-Quzhou, Zhejiang, with drop records from Zhejiang, Hunan, Hubei, Jiangxi and Fujian): a daily
 * maximum above 28 degrees Celsius around petal fall and above 31 in the young-fruit stage is the critical harmful
 * temperature, and the harm grows with its duration, measured as harmful high-temperature degree-days
 * HTDD = sum of (Tmax - Tcritical) over the days above it. A day above the stage's critical maximum gives a blue
 * warning; the CMA high-temperature signal on the same days raises it. Confidence: P(maximum above critical) with
 * 0.3 K of sensor error.
 */
public final class CitrusHeatModel {

    /** The sensitive stages and their critical daily maxima. */
    public enum Stage {
        FLOWERING(28, "flowers and young fruit drop"), YOUNG_FRUIT(31, "young fruit drop");

        private final double criticalMaximum;
        private final String harm;

        Stage(double criticalMaximum, String harm) {
            this.criticalMaximum = criticalMaximum;
            this.harm = harm;
        }

        public double criticalMaximum() {
            return criticalMaximum;
        }
    }

    /** The grove's daily maxima since the stage began, consecutive, oldest first, the last today's or yesterday's. */
    public record Grove(StationId station, ZoneId zone, Stage stage, List<DailyMaximum> daysInStage) {
        public Grove {
            daysInStage = DailySeries.requireConsecutive(daysInStage, DailyMaximum::date);
        }
    }

    public Optional<Warning> assess(Grove grove, Instant now) {
        if (grove.daysInStage().isEmpty()) {
            return Optional.empty();
        }
        DailyMaximum today = grove.daysInStage().get(grove.daysInStage().size() - 1);
        DailySeries.requireRecent(today.date(), grove.zone(), now);
        double critical = grove.stage().criticalMaximum();
        Optional<SignalLevel> cma = HighTemperatureSignal.of(grove.daysInStage());
        boolean harmful = today.celsius() > critical;
        if (!harmful && cma.isEmpty()) {
            return Optional.empty();
        }
        double htdd = grove.daysInStage().stream().mapToDouble(d -> Math.max(0, d.celsius() - critical)).sum();
        SignalLevel level = SignalLevel.max(SignalLevel.BLUE, cma.orElse(SignalLevel.BLUE));
        Confidence confidence = Confidence.ofMargin(today.celsius() - critical, 0.3, String.format(Locale.ROOT,
                "P(maximum > %s Cel) with 0.3 K of sensor error", WarningText.number(critical, 0)));
        List<KeyFigure> figures = List.of(
                quantity("today_maximum", today.celsius(), "Cel"),
                quantity("critical_maximum", critical, "Cel"),
                quantity("harmful_degree_days", htdd, "K.d"));
        String stage = grove.stage() == Stage.FLOWERING ? "flowering" : "young fruit";
        String sentence = String.format(Locale.ROOT,
                "satsuma %s heat: %s °C today, above the %s °C at which %s; %s degree-days of harmful heat this stage;"
                        + " irrigate and mist the canopy in the afternoon",
                stage, WarningText.number(today.celsius(), 1), WarningText.number(critical, 0), grove.stage().harm,
                WarningText.number(htdd, 1));
        return Optional.of(new Warning(Hazard.CROP_HEAT, "citrus " + stage, grove.station(), level, now, now,
                today.date().plusDays(2).atStartOfDay(grove.zone()).toInstant(), confidence, figures, sentence));
    }

    public Reassessment reassess(Warning previous, Grove grove, Instant now) {
        return Reassessment.of(previous, assess(grove, now), now);
    }
}
