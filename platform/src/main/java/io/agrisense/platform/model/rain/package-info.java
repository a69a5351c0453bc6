/**
 * Rain hazards from the station's own gauge and soil probe. Rainstorm: trailing 1, 3, 6, 12 and 24 h totals of
 * the gauge's increments against the CMA rainstorm signal (50 mm in 12 h blue, in 6 h yellow, in 3 h orange,
 * 100 mm in 3 h red; CMA Order No. 16, 2007), observed or by persistence of the last hour's intensity, with the
 * 12 and 24 h rainfall grades of GB/T 28592-2012. Waterlogging: air-filled porosity of the root zone below the
 * critical 10 % by volume (Wesseling and van Wijk 1957; Grable 1966), saturation from the texture means of Rawls,
 * Brakensiek and Saxton (1982), and the time rain will take to fill the remaining pores.
 */
package io.agrisense.platform.model.rain;
