/**
 * FAO Irrigation and Drainage Paper 56 (Allen et al., 1998): the vapour pressure relations of its chapter 3
 * (also used by the dew point and VPD models), Penman-Monteith reference evapotranspiration
 * from daily or monthly data with every intermediate term, and solar geometry (also sunrise, sunset and the night
 * between them, for the frost and oxygen projections). The root-zone water balance that turns ET0 into irrigation
 * advice lives in {@code model.irrigation}.
 */
package io.agrisense.platform.model.evapotranspiration;
