-- Ingestion: every accepted node message once by (tenant, node, boot, seq), kind-specific rows, and quarantine.
-- Instants are timestamptz (UTC).
-- payload is the decoded message re-serialized as JSON, so fields without a column are never lost.

CREATE TABLE node_messages (
    message_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     text NOT NULL,
    site_id       text NOT NULL,
    asset_id      text NOT NULL,
    node_id       text NOT NULL,
    boot          bigint NOT NULL,
    seq           bigint NOT NULL,
    kind          text NOT NULL,
    ts            timestamptz NOT NULL,
    received_at   timestamptz NOT NULL,
    historical    boolean NOT NULL,
    time_quality  text NOT NULL,
    firmware      text NOT NULL,
    payload       text NOT NULL,
    -- The dedupe key: MQTT QoS 1 and store-and-forward repeat (node, boot, seq); INSERT ... ON CONFLICT DO NOTHING skips it.
    CONSTRAINT node_messages_dedupe UNIQUE (tenant_id, node_id, boot, seq)
);

CREATE INDEX node_messages_by_asset_time ON node_messages (tenant_id, asset_id, ts);
CREATE INDEX node_messages_by_kind_time ON node_messages (tenant_id, kind, ts);

CREATE TABLE telemetry_windows (
    message_id        bigint NOT NULL PRIMARY KEY REFERENCES node_messages (message_id),
    config_version    bigint NOT NULL,
    rate_hz           double precision NOT NULL,
    samples           bigint NOT NULL,
    zone              text NOT NULL,
    vel_rms_max_mm_s  double precision NULL
);

-- One row per axis of a telemetry window; bands_json is the bands_g object as JSON text (NULL when omitted).
CREATE TABLE telemetry_features (
    message_id    bigint NOT NULL REFERENCES node_messages (message_id),
    axis          text NOT NULL CHECK (axis IN ('x', 'y', 'z')),
    rms_g         double precision NULL,
    peak_g        double precision NULL,
    p2p_g         double precision NULL,
    crest         double precision NULL,
    kurtosis      double precision NULL,
    skewness      double precision NULL,
    vel_rms_mm_s  double precision NULL,
    dominant_hz   double precision NULL,
    env_rms_g     double precision NULL,
    env_bpfo_g    double precision NULL,
    env_bpfi_g    double precision NULL,
    env_bsf_g     double precision NULL,
    env_ftf_g     double precision NULL,
    bands_json    text NULL,
    PRIMARY KEY (message_id, axis)
);

-- Present only when the telemetry message carried env; a channel without readings has NULLs.
CREATE TABLE environment_readings (
    message_id  bigint NOT NULL PRIMARY KEY REFERENCES node_messages (message_id),
    temp_c_mean double precision NULL,
    temp_c_min  double precision NULL,
    temp_c_max  double precision NULL,
    rh_pct_mean double precision NULL,
    rh_pct_min  double precision NULL,
    rh_pct_max  double precision NULL,
    pressure_hpa_mean double precision NULL,
    pressure_hpa_min  double precision NULL,
    pressure_hpa_max  double precision NULL
);

CREATE TABLE node_alarms (
    message_id     bigint NOT NULL PRIMARY KEY REFERENCES node_messages (message_id),
    source         text NOT NULL,
    channel        text NOT NULL,
    axis           text NOT NULL,
    severity       text NOT NULL,
    state          text NOT NULL,
    value          double precision NULL,
    threshold      double precision NULL,
    zone           text NULL,
    previous_zone  text NULL
);

CREATE TABLE node_status_history (
    message_id        bigint NOT NULL PRIMARY KEY REFERENCES node_messages (message_id),
    config_version    bigint NOT NULL,
    uptime_s          bigint NOT NULL,
    free_heap_bytes   bigint NOT NULL,
    rssi_dbm          bigint NOT NULL,
    reset_reason      text NOT NULL,
    queue_depth       bigint NOT NULL,
    queue_capacity    bigint NOT NULL,
    queue_dropped     bigint NOT NULL,
    publish_failures  bigint NOT NULL
);

-- The latest status per node by message time: a late or replayed older status does not overwrite a newer one.
CREATE TABLE node_status (
    tenant_id         text NOT NULL,
    node_id           text NOT NULL,
    message_id        bigint NOT NULL REFERENCES node_messages (message_id),
    ts                timestamptz NOT NULL,
    config_version    bigint NOT NULL,
    uptime_s          bigint NOT NULL,
    free_heap_bytes   bigint NOT NULL,
    rssi_dbm          bigint NOT NULL,
    reset_reason      text NOT NULL,
    queue_depth       bigint NOT NULL,
    queue_capacity    bigint NOT NULL,
    queue_dropped     bigint NOT NULL,
    publish_failures  bigint NOT NULL,
    PRIMARY KEY (tenant_id, node_id)
);

-- Rejected messages: payload capped at 16 KiB (payload_size_bytes is the size as received); tenant from the topic when it parses.
CREATE TABLE quarantine (
    quarantine_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id           text NULL,
    topic               text NOT NULL,
    payload             bytea NOT NULL,
    payload_size_bytes  bigint NOT NULL,
    reason_code         text NOT NULL,
    reason_message      text NOT NULL,
    received_at         timestamptz NOT NULL
);

CREATE INDEX quarantine_by_tenant_time ON quarantine (tenant_id, received_at);
CREATE INDEX quarantine_by_time ON quarantine (received_at);
