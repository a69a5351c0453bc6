/**
 * Air quality indices: China's AQI by HJ 633-2012 (IAQI per Table 1, real-time and daily reports with the Table 1
 * substitutions) over averages that meet the GB 3095-2012 Table 4 and HJ 663-2013 completeness rules, and the US EPA AQI
 * by EPA-454/B-24-002 (2024) with the PM NowCast. Pure functions over hourly means; no I/O.
 */
package io.agrisense.platform.model.air;
