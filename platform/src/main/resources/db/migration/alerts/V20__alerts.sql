-- Alerts and their history. One row per alert, from firing to resolution; every transition is also an event.
CREATE TABLE alerts (
    id                  text PRIMARY KEY,
    rule_id             text NOT NULL,
    rule_name           text NOT NULL,
    station_id          text NOT NULL,
    metric              text NOT NULL,                -- 'status' for station_offline alerts
    severity            text NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    state               text NOT NULL CHECK (state IN ('pending', 'firing', 'acknowledged', 'resolved')),
    started_at          timestamptz NOT NULL,         -- when the condition became true (start of the pending period)
    fired_at            timestamptz NOT NULL,
    trigger_value       double precision,             -- null for no_data and station_offline
    trigger_time        timestamptz,                  -- the station's time of the reading that confirmed it
    trigger_received_at timestamptz,                  -- when the platform received that reading; null when the timer fired it
    latency_ms          double precision,             -- fired_at minus trigger_received_at (or the end of the for-duration)
    worst_value         double precision,
    message             text NOT NULL,
    acknowledged_at     timestamptz,
    acknowledged_by     text,
    resolved_at         timestamptz,
    resolve_value       double precision,
    resolve_reason      text,
    command_id          text UNIQUE,                  -- the downlink command the rule's action sent
    command             jsonb,
    command_status      text CHECK (command_status IN ('pending', 'sent', 'ok', 'error', 'no_reply', 'not_sent')),
    command_reply       jsonb,
    command_replied_at  timestamptz,
    updated_at          timestamptz NOT NULL
);

-- No storms: at most one active alert per rule, station and metric, whatever the engine does.
CREATE UNIQUE INDEX alerts_one_active ON alerts (rule_id, station_id, metric) WHERE state IN ('firing', 'acknowledged');
CREATE INDEX alerts_by_state ON alerts (state, fired_at DESC);
CREATE INDEX alerts_by_station ON alerts (station_id, fired_at DESC);
CREATE INDEX alerts_by_fired_at ON alerts (fired_at DESC);

-- Every transition (firing, acknowledged, resolved) with the JSON that was notified.
CREATE TABLE alert_events (
    id         uuid PRIMARY KEY,                      -- the Idempotency-Key of webhook deliveries
    seq        bigserial UNIQUE,
    alert_id   text NOT NULL REFERENCES alerts (id),
    state      text NOT NULL CHECK (state IN ('firing', 'acknowledged', 'resolved')),
    at         timestamptz NOT NULL,
    reason     text NOT NULL,
    latency_ms double precision,
    payload    jsonb NOT NULL
);
CREATE INDEX alert_events_by_alert ON alert_events (alert_id, seq);

-- The notification outbox: written in the transaction of the transition, delivered at least once afterwards.
CREATE TABLE alert_deliveries (
    id              bigserial PRIMARY KEY,
    event_id        uuid NOT NULL REFERENCES alert_events (id),
    channel         text NOT NULL CHECK (channel IN ('mqtt', 'webhook', 'command')),
    target          text NOT NULL,                    -- MQTT topic or webhook URL
    payload         text NOT NULL,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'expired')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX alert_deliveries_by_event ON alert_deliveries (event_id);
