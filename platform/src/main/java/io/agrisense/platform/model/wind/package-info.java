/**
 * Wind: WMO-No. 8 vector averages (2-min, 10-min), scalar mean speed and the 3-s gust, and the pollution rose that
 * summarises a pollutant by wind sector and speed class. Pure functions, no I/O.
 */
package io.agrisense.platform.model.wind;
