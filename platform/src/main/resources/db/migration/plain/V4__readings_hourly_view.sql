-- Hourly buckets under the same name as TimescaleDB's continuous aggregate, computed on read here.
CREATE VIEW readings_hourly AS
SELECT station_id,
       metric,
       date_bin(INTERVAL '1 hour', ts, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket,
       avg(value) AS avg,
       min(value) AS min,
       max(value) AS max,
       sum(value) AS sum,
       count(*)   AS count
FROM readings
GROUP BY station_id, metric, bucket;
