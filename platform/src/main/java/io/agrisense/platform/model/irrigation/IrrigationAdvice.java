package io.agrisense.platform.model.irrigation;

/**
 * What to apply today.
 *
 * @param netMm          water to bring the root zone back to field capacity, 0 when none is needed
 * @param grossMm        net divided by the application efficiency: what the system must deliver
 * @param cropEt         crop evapotranspiration ETc used for the day, mm
 * @param depletionNow   root-zone depletion from the soil moisture reading, mm
 * @param depletionAfter projected depletion at the end of the day without irrigation, mm
 * @param readilyAvailable RAW, mm: the depletion at which irrigation starts
 * @param reason         one line an operator can read
 */
public record IrrigationAdvice(double netMm, double grossMm, double cropEt, double depletionNow,
                               double depletionAfter, double readilyAvailable, String reason) {

    public boolean irrigate() {
        return netMm > 0;
    }
}
