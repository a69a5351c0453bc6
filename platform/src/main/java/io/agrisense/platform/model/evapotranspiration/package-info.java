/**
 * FAO Irrigation and Drainage Paper 56 (Allen et al., 1998): the vapour pressure relations of its chapter 3
 * (also used by the dew point and VPD models), Penman-Monteith reference evapotranspiration
 * from daily or monthly data with every intermediate term, solar geometry (also sunrise, for the frost and
 * oxygen projections), and a root-zone water balance that turns ET0, rain and soil moisture into irrigation advice.
 */
package io.agrisense.platform.model.evapotranspiration;
