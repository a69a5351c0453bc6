package io.agrisense.bench.alert;

import java.time.Duration;

/**
 * Everything the report states besides the probe tally: the setup, the background load as planned and as
 * achieved, and whether every acknowledged background reading was stored.
 *
 * @param achievedReadingsPerSecond background readings the broker acknowledged per second during the measurement
 * @param foreignReadings           readings of other stations on a shared broker that the platform ingested too
 */
record RunFacts(String servers, String ruleId, String profile, int probes, Duration warmup, Duration measured,
                int requestedCycles, Duration pause, Duration timeout, LoadPlan load, int connections,
                double achievedReadingsPerSecond, long readingsPublished, long readingsAcked, long packsFailed,
                long readingsStored, long foreignReadings, long strayAlerts, long unreadableAlerts, long tapUnexpected) {

    /** The load generator reached at least 95 % of the asked rate. */
    boolean loadReached() {
        return achievedReadingsPerSecond >= 0.95 * load.readingsPerSecond();
    }

    boolean everyReadingStored() {
        return packsFailed == 0 && readingsStored == readingsAcked && readingsAcked == readingsPublished;
    }
}
