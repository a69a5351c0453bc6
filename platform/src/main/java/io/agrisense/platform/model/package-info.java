/**
 * Agronomic and environmental models as pure functions, each tested against published reference values:
 * dew point (Magnus), vapour pressure deficit (FAO-56), temperature-humidity index (NRC 1971, Armstrong 1994
 * bands), oxygen saturation (Benson and Krause 1984), growing degree days, frost and low-oxygen risk by the
 * night's trend. {@link io.agrisense.platform.model.DerivedSeries}
 * turns a station's latest readings into derived readings that are stored, and can raise alerts, like any metric.
 * FAO-56 reference evapotranspiration, its vapour pressure relations and irrigation advice live in
 * {@code model.evapotranspiration}, which depends on nothing here; the
 * environmental side in {@code model.air} (HJ 633-2012 and US EPA air quality indices with the GB 3095-2012
 * completeness rules), {@code model.water} (GB 3838-2002 surface-water class), {@code model.wind} (WMO wind
 * averages, pollution rose) and {@code model.tracing} (plume travel along a river, neighbour anomalies, episode
 * warnings downwind); {@code model.stats} holds the robust statistics they share.
 */
package io.agrisense.platform.model;
