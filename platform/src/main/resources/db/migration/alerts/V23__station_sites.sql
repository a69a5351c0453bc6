-- Where stations stand (from the location in their online status), kept for the daily models (ET0 needs latitude
-- and elevation) even while a station's last status is "offline".
CREATE TABLE station_sites (
    station_id text PRIMARY KEY,
    latitude   double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude  double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    elevation  double precision NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL
);
