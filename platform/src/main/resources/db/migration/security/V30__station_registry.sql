-- Who may send: the registry is the authority on stations and gateways (the stations table records what was seen).
-- A secret is kept only as a slow hash (PBKDF2-HMAC-SHA512 in Mosquitto's $7$ format); a DTLS pre-shared key only
-- encrypted with the deployment's secret key (AES-256-GCM, the station id as associated data).
CREATE TABLE station_registry (
    station_id        text PRIMARY KEY CHECK (station_id ~ '^[A-Za-z0-9_-]{1,64}$'),
    kind              text NOT NULL DEFAULT 'station' CHECK (kind IN ('station', 'gateway')),
    via_gateway       text REFERENCES station_registry (station_id),
    profile           text,
    name              text,
    latitude          double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude         double precision CHECK (longitude BETWEEN -180 AND 180),
    elevation         double precision,
    owner             text,
    enabled           boolean NOT NULL DEFAULT true,
    secret_hash       text NOT NULL,
    psk_ciphertext    bytea,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    secret_rotated_at timestamptz NOT NULL
);
CREATE INDEX station_registry_gateway_idx ON station_registry (via_gateway) WHERE via_gateway IS NOT NULL;
