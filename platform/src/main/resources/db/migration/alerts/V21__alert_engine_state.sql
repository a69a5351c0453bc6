-- The alert engine's evaluation state (pending periods, hysteresis latches, rate windows, station liveness),
-- saved periodically and at shutdown; active alerts come from the alerts table when it is restored.
CREATE TABLE alert_engine_state (
    id       smallint PRIMARY KEY CHECK (id = 1),
    snapshot jsonb NOT NULL,
    saved_at timestamptz NOT NULL
);
