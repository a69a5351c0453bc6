-- TimescaleDB: readings become a hypertable with daily chunks; chunks older than 7 days are compressed
-- (segmented per series, so a series query decompresses only its own segments) and dropped after 5 years.
SELECT create_hypertable('readings', 'ts', chunk_time_interval => INTERVAL '1 day', migrate_data => true);

ALTER TABLE readings SET (
    timescaledb.compress,
    timescaledb.compress_segmentby = 'station_id, metric',
    timescaledb.compress_orderby = 'ts DESC'
);
SELECT add_compression_policy('readings', INTERVAL '7 days');
SELECT add_retention_policy('readings', INTERVAL '5 years');
