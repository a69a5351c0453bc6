-- Plain PostgreSQL: readings arrive roughly in time order, so a BRIN index on ts stays tiny and prunes
-- time-range scans; the primary key (station_id, metric, ts) serves per-series queries.
CREATE INDEX readings_ts_brin ON readings USING brin (ts) WITH (pages_per_range = 32);
