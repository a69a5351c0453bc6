-- Assertions after the migrations (run by check-timescaledb.sh through psql; every failure raises an error).
\set ON_ERROR_STOP on

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM timescaledb_information.hypertables
                 WHERE hypertable_name = 'readings' AND compression_enabled) THEN
    RAISE EXCEPTION 'readings is not a hypertable with compression enabled';
  END IF;
  IF (SELECT string_agg(attname, ',' ORDER BY segmentby_column_index)
      FROM timescaledb_information.compression_settings
      WHERE hypertable_name = 'readings' AND segmentby_column_index IS NOT NULL) <> 'station_id,metric' THEN
    RAISE EXCEPTION 'compression is not segmented by station_id, metric';
  END IF;
  IF (SELECT count(*) FROM timescaledb_information.jobs
      WHERE hypertable_name = 'readings' AND proc_name IN ('policy_compression', 'policy_retention')) <> 2 THEN
    RAISE EXCEPTION 'compression and retention policies are missing';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM timescaledb_information.continuous_aggregates WHERE view_name = 'readings_hourly') THEN
    RAISE EXCEPTION 'continuous aggregate readings_hourly is missing';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM timescaledb_information.jobs WHERE proc_name = 'policy_refresh_continuous_aggregate') THEN
    RAISE EXCEPTION 'continuous aggregate refresh policy is missing';
  END IF;
END $$;

SELECT hypertable_name, compression_enabled FROM timescaledb_information.hypertables;
SELECT proc_name, schedule_interval, config FROM timescaledb_information.jobs WHERE proc_name LIKE 'policy_%' ORDER BY proc_name;

-- The writer's idempotent multi-row insert: three new readings, then a redelivery that inserts nothing.
-- (psql's ROW_COUNT is the number of rows the previous statement returned.)
CREATE FUNCTION pg_temp.check(ok boolean, message text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT ok THEN RAISE EXCEPTION 'check failed: %', message; END IF;
END $$;

EXECUTE insert_readings('{pond-3,pond-3,pond-3}', '{water_temperature,water_temperature,water_temperature}',
                        '{2024-05-01T06:00:00Z,2024-05-01T06:20:00Z,2024-05-01T07:10:00Z}', '{20.0,23.0,19.25}');
SELECT pg_temp.check(:ROW_COUNT = 3, 'the first insert stores 3 rows');
EXECUTE insert_readings('{pond-3,pond-3}', '{water_temperature,water_temperature}',
                        '{2024-05-01T06:00:00Z,2024-05-01T06:20:00Z}', '{20.0,99.0}');
SELECT pg_temp.check(:ROW_COUNT = 0, 'a redelivery stores nothing');
EXECUTE select_existing('{pond-3,pond-3}', '{water_temperature,water_temperature}', '{2024-05-01T06:00:00Z,2024-05-01T06:20:00Z}');
SELECT pg_temp.check(:ROW_COUNT = 2, 'the conflict lookup finds both stored rows');
EXECUTE upsert_latest('{pond-3}', '{water_temperature}', '{2024-05-01T07:10:00Z}', '{19.25}');
EXECUTE upsert_latest('{pond-3}', '{water_temperature}', '{2024-05-01T06:00:00Z}', '{20.0}');
SELECT pg_temp.check((SELECT count(*) FROM readings) = 3, 'readings holds 3 rows');
SELECT pg_temp.check((SELECT value FROM readings WHERE ts = '2024-05-01T06:20:00Z') = 23.0, 'the first value stays stored');
SELECT pg_temp.check((SELECT value FROM latest_readings WHERE station_id = 'pond-3') = 19.25, 'latest_readings never goes back in time');

-- The series query of SeriesReader in TimescaleDB mode: time_bucket(step, ts, origin) and each aggregate.
CREATE TEMP TABLE buckets AS
SELECT time_bucket('3600 seconds'::interval, ts, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket,
       avg(value) AS avg, min(value) AS min, max(value) AS max, sum(value) AS sum, count(*) AS count,
       (array_agg(value ORDER BY ts DESC))[1] AS last
FROM readings WHERE station_id = 'pond-3' AND metric = 'water_temperature'
  AND ts >= '2024-05-01T00:00:00Z' AND ts < '2024-05-02T00:00:00Z'
GROUP BY bucket ORDER BY bucket;
SELECT * FROM buckets;
DO $$
BEGIN
  IF (SELECT row(avg, min, max, sum, count, last)::text FROM buckets WHERE bucket = '2024-05-01T06:00:00Z')
     <> '(21.5,20,23,43,2,23)' THEN
    RAISE EXCEPTION 'bucket 06:00 is wrong: %', (SELECT row(avg, min, max, sum, count, last)::text FROM buckets WHERE bucket = '2024-05-01T06:00:00Z');
  END IF;
  IF (SELECT count(*) FROM buckets) <> 2 THEN RAISE EXCEPTION 'expected 2 buckets'; END IF;
END $$;

-- The continuous aggregate materialises the same hourly numbers.
CALL refresh_continuous_aggregate('readings_hourly', NULL, NULL);
SELECT * FROM readings_hourly ORDER BY bucket;
DO $$
BEGIN
  IF (SELECT row(avg, min, max, count)::text FROM readings_hourly WHERE bucket = '2024-05-01T06:00:00Z') <> '(21.5,20,23,2)' THEN
    RAISE EXCEPTION 'readings_hourly 06:00 is wrong';
  END IF;
END $$;

-- Idempotent writes still work once a chunk is compressed (a station replaying old buffered readings).
SELECT count(compress_chunk(c)) AS compressed_chunks FROM show_chunks('readings') c;
SELECT pg_temp.check((SELECT count(*) FROM timescaledb_information.chunks WHERE hypertable_name = 'readings' AND is_compressed) > 0,
                     'a chunk is compressed');
EXECUTE insert_readings('{pond-3,pond-3}', '{water_temperature,water_temperature}',
                        '{2024-05-01T06:00:00Z,2024-05-01T06:40:00Z}', '{20.0,21.0}');
SELECT pg_temp.check(:ROW_COUNT = 1, 'an insert into a compressed chunk stores only the new row');
SELECT pg_temp.check((SELECT count(*) FROM readings) = 4, 'the compressed hypertable holds no duplicate');
