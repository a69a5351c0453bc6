-- Hourly buckets maintained by TimescaleDB; recent hours are refreshed every 30 minutes.
-- A continuous aggregate cannot be created inside a transaction (see the .conf file next to this script).
CREATE MATERIALIZED VIEW readings_hourly WITH (timescaledb.continuous) AS
SELECT station_id,
       metric,
       time_bucket(INTERVAL '1 hour', ts, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket,
       avg(value) AS avg,
       min(value) AS min,
       max(value) AS max,
       sum(value) AS sum,
       count(*)   AS count
FROM readings
GROUP BY station_id, metric, bucket
WITH NO DATA;

SELECT add_continuous_aggregate_policy('readings_hourly',
    start_offset => INTERVAL '3 days',
    end_offset => INTERVAL '1 hour',
    schedule_interval => INTERVAL '30 minutes');
