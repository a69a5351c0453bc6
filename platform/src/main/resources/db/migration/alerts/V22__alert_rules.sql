-- Rules managed over the API, overlaying the rules shipped in alert-rules/defaults.yaml: a row with the id of
-- a shipped rule replaces it, deleted = true hides it, other rows add rules.
CREATE TABLE alert_rules (
    id         text PRIMARY KEY,
    definition jsonb,                                 -- null when deleted
    deleted    boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK (deleted OR definition IS NOT NULL)
);
