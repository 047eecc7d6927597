-- Registry: tenants, sites, assets, nodes and their installations.
-- Instants are timestamptz (stored as UTC); dates are date.
-- A node's status is derived from revoked_at (NULL = provisioned), so status and revocation time cannot disagree.

CREATE TABLE tenants (
    tenant_id     text        NOT NULL PRIMARY KEY,
    display_name  text        NOT NULL,
    created_at    timestamptz NOT NULL
);

CREATE TABLE sites (
    tenant_id     text        NOT NULL REFERENCES tenants (tenant_id),
    site_id       text        NOT NULL,
    name          text        NOT NULL,
    time_zone     text        NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, site_id)
);

CREATE TABLE assets (
    tenant_id        text        NOT NULL,
    site_id          text        NOT NULL,
    asset_id         text        NOT NULL,
    name             text        NOT NULL,
    machine_group    integer     NOT NULL CHECK (machine_group IN (1, 2)),
    foundation       text        NOT NULL CHECK (foundation IN ('rigid', 'flexible')),
    shaft_speed_rpm  real        NULL CHECK (shaft_speed_rpm IS NULL OR shaft_speed_rpm > 0),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, site_id, asset_id),
    FOREIGN KEY (tenant_id, site_id) REFERENCES sites (tenant_id, site_id)
);

CREATE TABLE nodes (
    node_key                       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id                      text        NOT NULL,
    site_id                        text        NOT NULL,
    asset_id                       text        NOT NULL,
    node_id                        text        NOT NULL,
    board                          text        NOT NULL CHECK (board IN ('esp32', 'stm32', 'linux')),
    certificate_thumbprint_sha256  text        NOT NULL,
    certificate_serial_number      text        NOT NULL,
    config_version                 integer     NOT NULL CHECK (config_version >= 0),
    provisioned_at                 timestamptz NOT NULL,
    revoked_at                     timestamptz NULL,
    revocation_reason              text        NULL,
    firmware_version_last_seen     text        NULL,
    last_seen_at                   timestamptz NULL,
    FOREIGN KEY (tenant_id, site_id, asset_id) REFERENCES assets (tenant_id, site_id, asset_id),
    CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))
);

-- One active registration per node id in a tenant; this index also answers the per-message authorization check.
CREATE UNIQUE INDEX nodes_active_by_node ON nodes (tenant_id, node_id) WHERE revoked_at IS NULL;

-- A certificate identifies at most one active node (device authentication looks nodes up by it).
CREATE UNIQUE INDEX nodes_active_by_certificate ON nodes (certificate_thumbprint_sha256) WHERE revoked_at IS NULL;

CREATE INDEX nodes_by_node_history ON nodes (tenant_id, node_id, provisioned_at);
CREATE INDEX nodes_by_asset ON nodes (tenant_id, site_id, asset_id);

CREATE TABLE installations (
    installation_id   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    node_key          bigint      NOT NULL REFERENCES nodes (node_key),
    mounting_point    text        NOT NULL CHECK (mounting_point IN ('drive-end', 'non-drive-end', 'other')),
    axis_orientation  text        NOT NULL,
    installer         text        NOT NULL,
    installed_on      date        NOT NULL,
    notes             text        NULL,
    recorded_at       timestamptz NOT NULL
);

CREATE INDEX installations_by_node ON installations (node_key);
