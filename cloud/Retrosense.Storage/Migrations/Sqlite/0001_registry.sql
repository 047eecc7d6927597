-- Registry: tenants, sites, assets, nodes and their installations.
-- Instants are UTC unix milliseconds (INTEGER); dates are ISO text (yyyy-MM-dd).
-- A node's status is derived from revoked_at (NULL = provisioned), so status and revocation time cannot disagree.

CREATE TABLE tenants (
    tenant_id     TEXT    NOT NULL PRIMARY KEY,
    display_name  TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE sites (
    tenant_id     TEXT    NOT NULL REFERENCES tenants (tenant_id),
    site_id       TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    time_zone     TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, site_id)
) STRICT;

CREATE TABLE assets (
    tenant_id        TEXT    NOT NULL,
    site_id          TEXT    NOT NULL,
    asset_id         TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    machine_group    INTEGER NOT NULL CHECK (machine_group IN (1, 2)),
    foundation       TEXT    NOT NULL CHECK (foundation IN ('rigid', 'flexible')),
    shaft_speed_rpm  REAL    NULL CHECK (shaft_speed_rpm IS NULL OR shaft_speed_rpm > 0),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, site_id, asset_id),
    FOREIGN KEY (tenant_id, site_id) REFERENCES sites (tenant_id, site_id)
) STRICT;

CREATE TABLE nodes (
    node_key                       INTEGER NOT NULL PRIMARY KEY,
    tenant_id                      TEXT    NOT NULL,
    site_id                        TEXT    NOT NULL,
    asset_id                       TEXT    NOT NULL,
    node_id                        TEXT    NOT NULL,
    board                          TEXT    NOT NULL CHECK (board IN ('esp32', 'stm32', 'linux')),
    certificate_thumbprint_sha256  TEXT    NOT NULL,
    certificate_serial_number      TEXT    NOT NULL,
    config_version                 INTEGER NOT NULL CHECK (config_version >= 0),
    provisioned_at                 INTEGER NOT NULL,
    revoked_at                     INTEGER NULL,
    revocation_reason              TEXT    NULL,
    firmware_version_last_seen     TEXT    NULL,
    last_seen_at                   INTEGER NULL,
    FOREIGN KEY (tenant_id, site_id, asset_id) REFERENCES assets (tenant_id, site_id, asset_id),
    CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))
) STRICT;

-- One active registration per node id in a tenant; this index also answers the per-message authorization check.
CREATE UNIQUE INDEX nodes_active_by_node ON nodes (tenant_id, node_id) WHERE revoked_at IS NULL;

-- A certificate identifies at most one active node (device authentication looks nodes up by it).
CREATE UNIQUE INDEX nodes_active_by_certificate ON nodes (certificate_thumbprint_sha256) WHERE revoked_at IS NULL;

CREATE INDEX nodes_by_node_history ON nodes (tenant_id, node_id, provisioned_at);
CREATE INDEX nodes_by_asset ON nodes (tenant_id, site_id, asset_id);

CREATE TABLE installations (
    installation_id   INTEGER NOT NULL PRIMARY KEY,
    node_key          INTEGER NOT NULL REFERENCES nodes (node_key),
    mounting_point    TEXT    NOT NULL CHECK (mounting_point IN ('drive-end', 'non-drive-end', 'other')),
    axis_orientation  TEXT    NOT NULL,
    installer         TEXT    NOT NULL,
    installed_on      TEXT    NOT NULL,
    notes             TEXT    NULL,
    recorded_at       INTEGER NOT NULL
) STRICT;

CREATE INDEX installations_by_node ON installations (node_key);
