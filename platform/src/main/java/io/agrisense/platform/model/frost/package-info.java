/**
 * Frost: tonight's minimum and the time the crop's critical temperature is crossed, by the on-farm minimum
 * forecast and square-root-of-time trend of Snyder and de Melo-Abreu ("Frost Protection: fundamentals,
 * practice and economics", FAO 2005, vol. 1, ch. 5), Brunt's square-root law fitted to tonight's readings, or the
 * straight-line trend on nights that are not radiation nights; CMA frost signal levels (CMA Order No. 16, 2007);
 * critical temperatures of spring tea shoots and satsuma.
 */
package io.agrisense.platform.model.frost;
