-- Ingestion: every accepted node message once by (tenant, node, boot, seq), kind-specific rows, and quarantine.
-- Instants are UTC unix milliseconds (INTEGER); booleans are 0/1.
-- payload is the decoded message re-serialized as JSON, so fields without a column are never lost.

CREATE TABLE node_messages (
    message_id    INTEGER NOT NULL PRIMARY KEY,
    tenant_id     TEXT NOT NULL,
    site_id       TEXT NOT NULL,
    asset_id      TEXT NOT NULL,
    node_id       TEXT NOT NULL,
    boot          INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    ts            INTEGER NOT NULL,
    received_at   INTEGER NOT NULL,
    historical    INTEGER NOT NULL CHECK (historical IN (0, 1)),
    time_quality  TEXT NOT NULL,
    firmware      TEXT NOT NULL,
    payload       TEXT NOT NULL,
    -- The dedupe key: MQTT QoS 1 and store-and-forward repeat (node, boot, seq); INSERT ... ON CONFLICT DO NOTHING skips it.
    CONSTRAINT node_messages_dedupe UNIQUE (tenant_id, node_id, boot, seq)
) STRICT;

CREATE INDEX node_messages_by_asset_time ON node_messages (tenant_id, asset_id, ts);
CREATE INDEX node_messages_by_kind_time ON node_messages (tenant_id, kind, ts);

CREATE TABLE telemetry_windows (
    message_id        INTEGER NOT NULL PRIMARY KEY REFERENCES node_messages (message_id),
    config_version    INTEGER NOT NULL,
    rate_hz           REAL NOT NULL,
    samples           INTEGER NOT NULL,
    zone              TEXT NOT NULL,
    vel_rms_max_mm_s  REAL NULL
) STRICT;

-- One row per axis of a telemetry window; bands_json is the bands_g object as JSON text (NULL when omitted).
CREATE TABLE telemetry_features (
    message_id    INTEGER NOT NULL REFERENCES node_messages (message_id),
    axis          TEXT NOT NULL CHECK (axis IN ('x', 'y', 'z')),
    rms_g         REAL NULL,
    peak_g        REAL NULL,
    p2p_g         REAL NULL,
    crest         REAL NULL,
    kurtosis      REAL NULL,
    skewness      REAL NULL,
    vel_rms_mm_s  REAL NULL,
    dominant_hz   REAL NULL,
    env_rms_g     REAL NULL,
    env_bpfo_g    REAL NULL,
    env_bpfi_g    REAL NULL,
    env_bsf_g     REAL NULL,
    env_ftf_g     REAL NULL,
    bands_json    TEXT NULL,
    PRIMARY KEY (message_id, axis)
) STRICT;

-- Present only when the telemetry message carried env; a channel without readings has NULLs.
CREATE TABLE environment_readings (
    message_id  INTEGER NOT NULL PRIMARY KEY REFERENCES node_messages (message_id),
    temp_c_mean REAL NULL,
    temp_c_min  REAL NULL,
    temp_c_max  REAL NULL,
    rh_pct_mean REAL NULL,
    rh_pct_min  REAL NULL,
    rh_pct_max  REAL NULL,
    pressure_hpa_mean REAL NULL,
    pressure_hpa_min  REAL NULL,
    pressure_hpa_max  REAL NULL
) STRICT;

CREATE TABLE node_alarms (
    message_id     INTEGER NOT NULL PRIMARY KEY REFERENCES node_messages (message_id),
    source         TEXT NOT NULL,
    channel        TEXT NOT NULL,
    axis           TEXT NOT NULL,
    severity       TEXT NOT NULL,
    state          TEXT NOT NULL,
    value          REAL NULL,
    threshold      REAL NULL,
    zone           TEXT NULL,
    previous_zone  TEXT NULL
) STRICT;

CREATE TABLE node_status_history (
    message_id        INTEGER NOT NULL PRIMARY KEY REFERENCES node_messages (message_id),
    config_version    INTEGER NOT NULL,
    uptime_s          INTEGER NOT NULL,
    free_heap_bytes   INTEGER NOT NULL,
    rssi_dbm          INTEGER NOT NULL,
    reset_reason      TEXT NOT NULL,
    queue_depth       INTEGER NOT NULL,
    queue_capacity    INTEGER NOT NULL,
    queue_dropped     INTEGER NOT NULL,
    publish_failures  INTEGER NOT NULL
) STRICT;

-- The latest status per node by message time: a late or replayed older status does not overwrite a newer one.
CREATE TABLE node_status (
    tenant_id         TEXT NOT NULL,
    node_id           TEXT NOT NULL,
    message_id        INTEGER NOT NULL REFERENCES node_messages (message_id),
    ts                INTEGER NOT NULL,
    config_version    INTEGER NOT NULL,
    uptime_s          INTEGER NOT NULL,
    free_heap_bytes   INTEGER NOT NULL,
    rssi_dbm          INTEGER NOT NULL,
    reset_reason      TEXT NOT NULL,
    queue_depth       INTEGER NOT NULL,
    queue_capacity    INTEGER NOT NULL,
    queue_dropped     INTEGER NOT NULL,
    publish_failures  INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, node_id)
) STRICT;

-- Rejected messages: payload capped at 16 KiB (payload_size_bytes is the size as received); tenant from the topic when it parses.
CREATE TABLE quarantine (
    quarantine_id       INTEGER NOT NULL PRIMARY KEY,
    tenant_id           TEXT NULL,
    topic               TEXT NOT NULL,
    payload             BLOB NOT NULL,
    payload_size_bytes  INTEGER NOT NULL,
    reason_code         TEXT NOT NULL,
    reason_message      TEXT NOT NULL,
    received_at         INTEGER NOT NULL
) STRICT;

CREATE INDEX quarantine_by_tenant_time ON quarantine (tenant_id, received_at);
CREATE INDEX quarantine_by_time ON quarantine (received_at);
