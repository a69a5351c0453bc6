package io.agrisense.platform.model.irrigation;

/**
 * What to apply today.
 *
 * @param netMm   water to bring the root zone back to field capacity, 0 when none is needed
 * @param grossMm net divided by the application efficiency: what the system must deliver
 * @param balance today's FAO-56 water balance without irrigation
 * @param reason  one line an operator can read
 */
public record IrrigationAdvice(double netMm, double grossMm, RootZoneBalance.Day balance, String reason) {

    public boolean irrigate() {
        return netMm > 0;
    }

    /** Crop evapotranspiration ETc of the day, mm. */
    public double cropEt() {
        return balance.cropEt();
    }

    /** Root-zone depletion at the start of the day, mm. */
    public double depletionNow() {
        return balance.depletionStart();
    }

    /** Projected depletion at the end of the day without irrigation, mm. */
    public double depletionAfter() {
        return balance.depletionEnd();
    }

    /** RAW, mm: the depletion at which irrigation starts. */
    public double readilyAvailable() {
        return balance.readilyAvailable();
    }
}
