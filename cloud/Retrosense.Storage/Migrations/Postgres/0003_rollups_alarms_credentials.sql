-- Rollups, cloud alarms with their history, per-node MQTT credentials, node activity, and the tables later issues fill.
-- Instants are timestamptz (UTC); JSON is text (the same text in both dialects, so parameters bind alike).

-- Per asset, per minute and per hour: count/sum/min/max merge by upsert, so a bucket is exact however its messages
-- arrive (late and historical ones add to their own bucket). mean = value_sum / value_count.
CREATE TABLE asset_rollups (
    tenant_id     text NOT NULL,
    asset_id      text NOT NULL,
    resolution    text NOT NULL CHECK (resolution IN ('minute', 'hour')),
    bucket_start  timestamptz NOT NULL,
    metric        text NOT NULL,
    value_count   bigint NOT NULL CHECK (value_count > 0),
    value_sum     double precision NOT NULL,
    value_min     double precision NOT NULL,
    value_max     double precision NOT NULL,
    PRIMARY KEY (tenant_id, asset_id, resolution, bucket_start, metric)
);

-- Retention deletes by resolution and age.
CREATE INDEX asset_rollups_by_resolution_bucket ON asset_rollups (resolution, bucket_start);

-- Alarms raised by nodes or by the cloud; cleared and acknowledged in place, every step also kept in alarm_events.
CREATE TABLE alarms (
    alarm_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id             text NOT NULL,
    site_id               text NOT NULL,
    asset_id              text NOT NULL,
    node_id               text NULL,
    origin                text NOT NULL CHECK (origin IN ('node', 'cloud')),
    condition_key         text NOT NULL,
    severity              text NOT NULL CHECK (severity IN ('warning', 'alarm')),
    message               text NOT NULL,
    value                 double precision NULL,
    threshold             double precision NULL,
    raised_at             timestamptz NOT NULL,
    cleared_at            timestamptz NULL,
    clear_reason          text NULL,
    acknowledged_at       timestamptz NULL,
    acknowledged_by       text NULL,
    acknowledgement_note  text NULL
);

-- At most one active alarm per (tenant, asset, node, condition); an asset-level alarm has no node (COALESCE to '').
CREATE UNIQUE INDEX alarms_one_active_per_condition ON alarms (tenant_id, asset_id, COALESCE(node_id, ''), condition_key) WHERE cleared_at IS NULL;
CREATE INDEX alarms_by_tenant_raised ON alarms (tenant_id, raised_at);
CREATE INDEX alarms_active_by_condition ON alarms (condition_key) WHERE cleared_at IS NULL;
CREATE INDEX alarms_by_cleared ON alarms (cleared_at) WHERE cleared_at IS NOT NULL;

CREATE TABLE alarm_events (
    event_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alarm_id    bigint NOT NULL REFERENCES alarms (alarm_id),
    event_type  text NOT NULL CHECK (event_type IN ('raised', 'escalated', 'cleared', 'acknowledged')),
    event_at    timestamptz NOT NULL,
    actor       text NOT NULL,
    severity    text NOT NULL CHECK (severity IN ('warning', 'alarm')),
    note        text NULL
);

CREATE INDEX alarm_events_by_alarm ON alarm_events (alarm_id, event_id);

-- Per-node MQTT password: only its SHA-256. Keyed by the registration (node_key), so a node id provisioned again after
-- revocation does not inherit the old password.
CREATE TABLE node_credentials (
    node_key       bigint NOT NULL PRIMARY KEY REFERENCES nodes (node_key),
    tenant_id      text NOT NULL,
    node_id        text NOT NULL,
    secret_sha256  bytea NOT NULL CHECK (octet_length(secret_sha256) = 32),
    issued_at      timestamptz NOT NULL
);

-- When each node was last heard from (the offline monitor reads it); last_message_ts never moves backwards.
CREATE TABLE node_activity (
    tenant_id         text NOT NULL,
    node_id           text NOT NULL,
    site_id           text NOT NULL,
    asset_id          text NOT NULL,
    last_received_at  timestamptz NOT NULL,
    last_message_ts   timestamptz NOT NULL,
    last_kind         text NOT NULL,
    last_boot         bigint NOT NULL,
    PRIMARY KEY (tenant_id, node_id)
);

-- The tables below are filled by later issues (models, predictions, process optimization, usage reporting);
-- those issues may extend them with further migrations.

-- Model outputs per asset: anomaly score, failure risk, remaining useful life, fault type.
CREATE TABLE predictions (
    prediction_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      text NOT NULL,
    asset_id       text NOT NULL,
    model_name     text NOT NULL,
    model_version  text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('anomaly', 'failure_risk', 'rul', 'fault_type')),
    ts             timestamptz NOT NULL,
    value          double precision NULL,
    label          text NULL,
    details_json   text NULL,
    created_at     timestamptz NOT NULL
);

CREATE INDEX predictions_by_asset_kind_time ON predictions (tenant_id, asset_id, kind, ts);
CREATE INDEX predictions_by_time ON predictions (ts);

-- Process-optimization recommendations (setpoints for an asset or a line) and what became of them.
CREATE TABLE recommendations (
    recommendation_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id          text NOT NULL,
    asset_id           text NULL,
    line_id            text NULL,
    model_version      text NOT NULL,
    ts                 timestamptz NOT NULL,
    setpoints_json     text NOT NULL,
    expected_effect    text NULL,
    status             text NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected', 'applied', 'expired')),
    created_at         timestamptz NOT NULL,
    CHECK (asset_id IS NOT NULL OR line_id IS NOT NULL)
);

CREATE INDEX recommendations_by_tenant_time ON recommendations (tenant_id, ts);

-- Trained models; tenant NULL = shared by every tenant. One active version per (tenant, name).
CREATE TABLE models (
    model_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      text NULL,
    name           text NOT NULL,
    version        text NOT NULL,
    kind           text NOT NULL,
    trained_at     timestamptz NOT NULL,
    metrics_json   text NULL,
    artifact_ref   text NOT NULL,
    is_active      boolean NOT NULL DEFAULT false
);

CREATE UNIQUE INDEX models_by_name_version ON models (COALESCE(tenant_id, ''), name, version);
CREATE UNIQUE INDEX models_one_active ON models (COALESCE(tenant_id, ''), name) WHERE is_active;

-- Who used what and when (the funding program's usage reporting); retention never deletes these before three years.
CREATE TABLE usage_events (
    usage_event_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       text NOT NULL,
    ts              timestamptz NOT NULL,
    actor           text NOT NULL,
    event_type      text NOT NULL,
    details_json    text NULL
);

CREATE INDEX usage_events_by_tenant_time ON usage_events (tenant_id, ts);
CREATE INDEX usage_events_by_time ON usage_events (ts);

-- Retention deletes raw messages by message time (the existing index starts with tenant_id).
CREATE INDEX node_messages_by_time ON node_messages (ts);
