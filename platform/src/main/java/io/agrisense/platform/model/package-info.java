/**
 * Agronomic and environmental models as pure functions, each tested against published reference values:
 * dew point (Magnus), vapour pressure deficit (FAO-56), temperature-humidity index (NRC 1971, Armstrong 1994
 * bands), oxygen saturation (Benson and Krause 1984), growing degree days (average methods of McMaster and
 * Wilhelm 1997, single sine of Baskerville and Emin 1969), and the shared tools of the warning models: least squares
 * with prediction errors and trend lines. {@link io.agrisense.platform.model.derived.DerivedSeries} turns a station's latest
 * readings into derived readings that are stored, and can raise alerts, like any metric (it lives in {@code model.derived},
 * which composes the others, so that none of them depends on it).
 * <p>
 * Sub-packages by concern: {@code evapotranspiration} (FAO-56 ET0, its vapour pressure relations, solar geometry;
 * depends on nothing here), {@code warning} (the look-ahead warning value and its CMA signal levels) and one package
 * per hazard: {@code frost}, {@code oxygen}, {@code heat}, {@code rain} (rainstorm, waterlogging), {@code wind}
 * (gale; also WMO wind averages and the pollution rose), {@code pest}, {@code disease} and {@code irrigation}. The
 * environmental side: {@code air} (HJ 633-2012 and US EPA air quality indices with the GB 3095-2012 completeness
 * rules), {@code water} (GB 3838-2002 surface-water class) and {@code tracing} (plume travel along a river, neighbour
 * anomalies, episode warnings downwind); {@code stats} holds the robust statistics they share. Plain Java without
 * I/O; {@code model.runtime} runs them.
 */
package io.agrisense.platform.model;
