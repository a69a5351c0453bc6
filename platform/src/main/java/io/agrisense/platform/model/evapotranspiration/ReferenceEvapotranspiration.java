package io.agrisense.platform.model.evapotranspiration;


/**
 * FAO-56 Penman-Monteith reference evapotranspiration ET0 (mm/day) of the hypothetical grass reference
 * crop, from daily or monthly data (Allen et al. 1998, chapters 3 and 4).
 */
public final class ReferenceEvapotranspiration {

    private ReferenceEvapotranspiration() {
    }

    public static Et0Breakdown daily(Site site, DailyWeather day) {
        return compute(site, day.date().getDayOfYear(), day.tMax(), day.tMin(), day.humidity(), day.wind(),
                day.radiation(), 0.0); // FAO-56 eq. 42: G ~ 0 for a day
    }

    public static Et0Breakdown monthly(Site site, MonthlyWeather month) {
        double mean = (month.tMax() + month.tMin()) / 2;
        double g = month.nextMonthMean() != null
                ? 0.07 * (month.nextMonthMean() - month.previousMonthMean()) // FAO-56 eq. 43
                : 0.14 * (mean - month.previousMonthMean()); // FAO-56 eq. 44
        // the 15th stands for the month, as in FAO-56 Annex 2 Tables 2.6 (Ra) and 2.7 (N)
        return compute(site, month.month().atDay(15).getDayOfYear(), month.tMax(), month.tMin(),
                month.humidity(), month.wind(), month.radiation(), g);
    }

    static Et0Breakdown compute(Site site, int dayOfYear, double tMax, double tMin, Humidity humidity,
                                WindSpeed wind, Radiation radiation, double g) {
        double tMean = (tMax + tMin) / 2; // FAO-56 eq. 9
        double slope = Psychrometrics.saturationSlope(tMean);
        double pressure = Atmosphere.pressure(site.altitude());
        double gamma = Atmosphere.psychrometricConstant(pressure);
        double u2 = (wind == null ? WindSpeed.MISSING_DATA_ESTIMATE : wind).at2m();
        double es = Psychrometrics.meanSaturationVapourPressure(tMax, tMin);
        double ea = humidity.actualVapourPressure(tMax, tMin);

        double ra = SolarGeometry.extraterrestrialRadiation(site.latitude(), dayOfYear);
        double daylight = SolarGeometry.daylightHours(site.latitude(), dayOfYear);
        double rs = solarRadiation(site, radiation, ra, daylight, tMax, tMin);
        double rso = RadiationBalance.clearSky(ra, site.altitude());
        double rns = RadiationBalance.netShortwave(rs);
        double rnl = RadiationBalance.netLongwave(tMax, tMin, ea, rs, rso);
        double rn = rns - rnl; // FAO-56 eq. 40

        double numerator = 0.408 * slope * (rn - g) + gamma * 900 / (tMean + 273) * u2 * (es - ea);
        double et0 = numerator / (slope + gamma * (1 + 0.34 * u2)); // FAO-56 eq. 6
        return new Et0Breakdown(dayOfYear, tMean, slope, pressure, gamma, u2, es, ea, ra, daylight, rs, rso, rns,
                rnl, rn, g, Math.max(0, et0));
    }

    private static double solarRadiation(Site site, Radiation radiation, double ra, double daylight,
                                         double tMax, double tMin) {
        if (radiation instanceof Radiation.Measured m) {
            return m.megajoulesPerSquareMetre();
        }
        if (radiation instanceof Radiation.Sunshine s) {
            return RadiationBalance.solarFromSunshine(ra, Math.min(s.hours(), daylight), daylight);
        }
        return RadiationBalance.solarFromTemperatureRange(ra, tMax, tMin, site.hargreavesCoefficient());
    }
}
