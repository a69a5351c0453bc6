-- Stations register themselves with their first message; the retained status topic fills in the rest.
CREATE TABLE stations (
    id             text PRIMARY KEY,
    profile        text,
    name           text,
    agent_version  text,
    first_seen     timestamptz NOT NULL,
    last_seen      timestamptz,
    status         text CHECK (status IN ('online', 'offline')),
    status_time    timestamptz,
    last_status    jsonb,
    reading_count  bigint NOT NULL DEFAULT 0,
    rejected_count bigint NOT NULL DEFAULT 0
);

-- Every reading that was not stored, with the reason an operator reads (docs/architecture.md: nothing is lost silently).
CREATE TABLE rejected_readings (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at     timestamptz NOT NULL,
    station_id      text,
    metric          text,
    ts              timestamptz,
    value           double precision,
    reason_code     text NOT NULL,
    reason          text NOT NULL,
    source          text NOT NULL,
    payload_excerpt text
);
CREATE INDEX rejected_readings_station_idx ON rejected_readings (station_id, id DESC);

-- SenML string records named "event": what the station did on its own (edge rules, commands).
CREATE TABLE station_events (
    station_id  text NOT NULL,
    ts          timestamptz NOT NULL,
    event       text NOT NULL,
    received_at timestamptz NOT NULL,
    source      text NOT NULL,
    PRIMARY KEY (station_id, ts, event)
);
