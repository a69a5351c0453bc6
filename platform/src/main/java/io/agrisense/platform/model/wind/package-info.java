/**
 * Wind: WMO-No. 8 vector averages (2-min, 10-min), scalar mean speed and the 3-s gust; the pollution rose that
 * summarises a pollutant by wind sector and speed class; and the gale hazard: the wind force scale of GB/T 28591-2012
 * and the CMA gale signal (mean force 6/8/10/12 or gusts 7/9/11/13 for blue/yellow/orange/red; CMA Order No. 16,
 * 2007) on the station's 10-minute mean and gust, carried to 10 m by the logarithmic wind profile of FAO-56 eq. 47.
 * Pure functions, no I/O.
 */
package io.agrisense.platform.model.wind;
