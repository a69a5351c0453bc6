/**
 * Irrigation advice by the root-zone water balance of FAO Irrigation and Drainage Paper 56 (Allen et al. 1998)
 * chapter 8: ET0 (from {@code model.evapotranspiration}) times the crop coefficient of Tables 11 and 12 (adjusted
 * to the climate by eq. 62), effective rain, TAW and RAW from the soil and the rooting depth and depletion
 * fraction of Table 22, the water stress coefficient Ks and deep percolation; a daily recommendation in mm.
 */
package io.agrisense.platform.model.irrigation;
