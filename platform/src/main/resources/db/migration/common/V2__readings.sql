-- The time series. The key makes writes idempotent: a redelivered message stores nothing twice.
-- V3 (plain/ or timescaledb/, chosen at start) adds the storage-specific part.
CREATE TABLE readings (
    station_id text NOT NULL,
    metric     text NOT NULL,
    ts         timestamptz NOT NULL,
    value      double precision NOT NULL,
    PRIMARY KEY (station_id, metric, ts)
);

-- The newest reading per station and metric, maintained by the writer so /latest never scans the series.
CREATE TABLE latest_readings (
    station_id text NOT NULL,
    metric     text NOT NULL,
    ts         timestamptz NOT NULL,
    value      double precision NOT NULL,
    PRIMARY KEY (station_id, metric)
);
