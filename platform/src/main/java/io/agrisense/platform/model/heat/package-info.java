/**
 * Heat warnings. Livestock: the temperature-humidity index classed by the Livestock Weather Safety Index (LCI
 * 1970, NWS 1976; Hahn et al. 2009, ASABE) with the hours in each class, THI-hours above 84 and recovery hours
 * below 75 over a day (Hubbard et al. 1999). Tea: the 14-day mean maximum grades of Li et al. (2024, J. Appl.
 * Meteorol. Sci. 35(1)). Satsuma: the critical daily maxima for abnormal flower and fruit drop (28 degrees
 * Celsius at flowering, 31 in the young-fruit stage) and harmful degree-days. The CMA high-temperature signal
 * (yellow, orange, red at 35 for three days, 37, 40 degrees; CMA Order No. 16, 2007) raises the crop levels.
 */
package io.agrisense.platform.model.heat;
