/**
 * Pest stage models by degree-days: each stage with its own lower threshold, upper threshold and thermal
 * constant, daily degree-days by the single sine method with horizontal cutoff (Baskerville and Emin 1969; Zalom
 * et al. 1983). Models: rice stem borer Chilo suppressalis (Coop and Barker 2020, Oregon IPM Center for USDA
 * APHIS), Asian citrus psyllid Diaphorina citri (Nava et al. 2007, J. Appl. Entomol. 131:709), rice leaf roller
 * Cnaphalocrocis medinalis (Appl. Entomol. Zool. 15(3):207, 1980). The warning announces the stage a grower acts
 * on, projected at the last week's temperatures.
 */
package io.agrisense.platform.model.pest;
