/**
 * Pond dissolved oxygen: species bands, and the night's sag projected from dusk to dawn (linear, Boyd, Romaire and
 * Johnston 1978; log-linear, Madenjian, Rogers and Fast 1987) with respiration corrected for the water's cooling
 * (theta 1.047, Lin 2007), giving the time the critical level is crossed and when the aerator must start.
 */
package io.agrisense.platform.model.oxygen;
