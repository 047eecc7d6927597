-- Rollups, cloud alarms with their history, per-node MQTT credentials, node activity, and the tables later issues fill.
-- Instants are UTC unix milliseconds (INTEGER); booleans are 0/1; JSON is TEXT (the same text in both dialects).

-- Per asset, per minute and per hour: count/sum/min/max merge by upsert, so a bucket is exact however its messages
-- arrive (late and historical ones add to their own bucket). mean = value_sum / value_count.
CREATE TABLE asset_rollups (
    tenant_id     TEXT NOT NULL,
    asset_id      TEXT NOT NULL,
    resolution    TEXT NOT NULL CHECK (resolution IN ('minute', 'hour')),
    bucket_start  INTEGER NOT NULL,
    metric        TEXT NOT NULL,
    value_count   INTEGER NOT NULL CHECK (value_count > 0),
    value_sum     REAL NOT NULL,
    value_min     REAL NOT NULL,
    value_max     REAL NOT NULL,
    PRIMARY KEY (tenant_id, asset_id, resolution, bucket_start, metric)
) STRICT;

-- Retention deletes by resolution and age.
CREATE INDEX asset_rollups_by_resolution_bucket ON asset_rollups (resolution, bucket_start);

-- Alarms raised by nodes or by the cloud; cleared and acknowledged in place, every step also kept in alarm_events.
CREATE TABLE alarms (
    alarm_id              INTEGER NOT NULL PRIMARY KEY,
    tenant_id             TEXT NOT NULL,
    site_id               TEXT NOT NULL,
    asset_id              TEXT NOT NULL,
    node_id               TEXT NULL,
    origin                TEXT NOT NULL CHECK (origin IN ('node', 'cloud')),
    condition_key         TEXT NOT NULL,
    severity              TEXT NOT NULL CHECK (severity IN ('warning', 'alarm')),
    message               TEXT NOT NULL,
    value                 REAL NULL,
    threshold             REAL NULL,
    raised_at             INTEGER NOT NULL,
    cleared_at            INTEGER NULL,
    clear_reason          TEXT NULL,
    acknowledged_at       INTEGER NULL,
    acknowledged_by       TEXT NULL,
    acknowledgement_note  TEXT NULL
) STRICT;

-- At most one active alarm per (tenant, asset, node, condition); an asset-level alarm has no node (COALESCE to '').
CREATE UNIQUE INDEX alarms_one_active_per_condition ON alarms (tenant_id, asset_id, COALESCE(node_id, ''), condition_key) WHERE cleared_at IS NULL;
CREATE INDEX alarms_by_tenant_raised ON alarms (tenant_id, raised_at);
CREATE INDEX alarms_active_by_condition ON alarms (condition_key) WHERE cleared_at IS NULL;
CREATE INDEX alarms_by_cleared ON alarms (cleared_at) WHERE cleared_at IS NOT NULL;

CREATE TABLE alarm_events (
    event_id    INTEGER NOT NULL PRIMARY KEY,
    alarm_id    INTEGER NOT NULL REFERENCES alarms (alarm_id),
    event_type  TEXT NOT NULL CHECK (event_type IN ('raised', 'escalated', 'cleared', 'acknowledged')),
    event_at    INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    severity    TEXT NOT NULL CHECK (severity IN ('warning', 'alarm')),
    note        TEXT NULL
) STRICT;

CREATE INDEX alarm_events_by_alarm ON alarm_events (alarm_id, event_id);

-- Per-node MQTT password: only its SHA-256. Keyed by the registration (node_key), so a node id provisioned again after
-- revocation does not inherit the old password.
CREATE TABLE node_credentials (
    node_key       INTEGER NOT NULL PRIMARY KEY REFERENCES nodes (node_key),
    tenant_id      TEXT NOT NULL,
    node_id        TEXT NOT NULL,
    secret_sha256  BLOB NOT NULL CHECK (length(secret_sha256) = 32),
    issued_at      INTEGER NOT NULL
) STRICT;

-- When each node was last heard from (the offline monitor reads it); last_message_ts never moves backwards.
CREATE TABLE node_activity (
    tenant_id         TEXT NOT NULL,
    node_id           TEXT NOT NULL,
    site_id           TEXT NOT NULL,
    asset_id          TEXT NOT NULL,
    last_received_at  INTEGER NOT NULL,
    last_message_ts   INTEGER NOT NULL,
    last_kind         TEXT NOT NULL,
    last_boot         INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, node_id)
) STRICT;

-- The tables below are filled by later issues (models, predictions, process optimization, usage reporting);
-- those issues may extend them with further migrations.

-- Model outputs per asset: anomaly score, failure risk, remaining useful life, fault type.
CREATE TABLE predictions (
    prediction_id  INTEGER NOT NULL PRIMARY KEY,
    tenant_id      TEXT NOT NULL,
    asset_id       TEXT NOT NULL,
    model_name     TEXT NOT NULL,
    model_version  TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('anomaly', 'failure_risk', 'rul', 'fault_type')),
    ts             INTEGER NOT NULL,
    value          REAL NULL,
    label          TEXT NULL,
    details_json   TEXT NULL,
    created_at     INTEGER NOT NULL
) STRICT;

CREATE INDEX predictions_by_asset_kind_time ON predictions (tenant_id, asset_id, kind, ts);
CREATE INDEX predictions_by_time ON predictions (ts);

-- Process-optimization recommendations (setpoints for an asset or a line) and what became of them.
CREATE TABLE recommendations (
    recommendation_id  INTEGER NOT NULL PRIMARY KEY,
    tenant_id          TEXT NOT NULL,
    asset_id           TEXT NULL,
    line_id            TEXT NULL,
    model_version      TEXT NOT NULL,
    ts                 INTEGER NOT NULL,
    setpoints_json     TEXT NOT NULL,
    expected_effect    TEXT NULL,
    status             TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected', 'applied', 'expired')),
    created_at         INTEGER NOT NULL,
    CHECK (asset_id IS NOT NULL OR line_id IS NOT NULL)
) STRICT;

CREATE INDEX recommendations_by_tenant_time ON recommendations (tenant_id, ts);

-- Trained models; tenant NULL = shared by every tenant. One active version per (tenant, name).
CREATE TABLE models (
    model_id       INTEGER NOT NULL PRIMARY KEY,
    tenant_id      TEXT NULL,
    name           TEXT NOT NULL,
    version        TEXT NOT NULL,
    kind           TEXT NOT NULL,
    trained_at     INTEGER NOT NULL,
    metrics_json   TEXT NULL,
    artifact_ref   TEXT NOT NULL,
    is_active      INTEGER NOT NULL DEFAULT 0 CHECK (is_active IN (0, 1))
) STRICT;

CREATE UNIQUE INDEX models_by_name_version ON models (COALESCE(tenant_id, ''), name, version);
CREATE UNIQUE INDEX models_one_active ON models (COALESCE(tenant_id, ''), name) WHERE is_active = 1;

-- Who used what and when (the funding program's usage reporting); retention never deletes these before three years.
CREATE TABLE usage_events (
    usage_event_id  INTEGER NOT NULL PRIMARY KEY,
    tenant_id       TEXT NOT NULL,
    ts              INTEGER NOT NULL,
    actor           TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    details_json    TEXT NULL
) STRICT;

CREATE INDEX usage_events_by_tenant_time ON usage_events (tenant_id, ts);
CREATE INDEX usage_events_by_time ON usage_events (ts);

-- Retention deletes raw messages by message time (the existing index starts with tenant_id).
CREATE INDEX node_messages_by_time ON node_messages (ts);
