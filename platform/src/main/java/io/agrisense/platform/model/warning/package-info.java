/**
 * The shared shape of a look-ahead warning: {@link io.agrisense.platform.model.warning.Warning} (hazard,
 * station, level, expected time, lead time, confidence, key figures, a sentence for the console) and
 * {@link io.agrisense.platform.model.warning.Reassessment}, the one rule by which a warning stands or is
 * resolved when its moment passes or the conditions change. Levels are the four colours of the China
 * Meteorological Administration's early-warning signals (CMA Order No. 16, 2007); confidences are normal
 * probabilities, Phi(margin / sigma), with the normal distribution function of Abramowitz and Stegun (1964)
 * 26.2.17. Plain Java, no I/O; the hazard models live in the sibling packages.
 */
package io.agrisense.platform.model.warning;
