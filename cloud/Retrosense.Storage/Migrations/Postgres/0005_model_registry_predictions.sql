-- Issue 5, live scoring: the model registry gets a scope (tenant, or one asset of it), the package (bytes in the store
-- or a path beside it), its metadata and who promoted what when; predictions get the site and node they belong to.

-- A model belongs to a tenant (site and asset NULL) or to one asset (both set: an asset id is unique only within its
-- site). version keeps 0003's text column, version_number orders versions 1, 2, 3… per (scope, name).
ALTER TABLE models
    ADD COLUMN site_id text NULL,
    ADD COLUMN asset_id text NULL,
    ADD COLUMN version_number integer NOT NULL DEFAULT 0,
    ADD COLUMN metadata_json text NOT NULL DEFAULT '{}',
    ADD COLUMN package bytea NULL,
    ADD COLUMN package_bytes bigint NOT NULL DEFAULT 0,
    ADD COLUMN created_by text NOT NULL DEFAULT '',
    ADD COLUMN registered_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN promoted_at timestamptz NULL;

-- 0003's uniqueness was per (tenant, name); it becomes per (tenant, site, asset, name).
DROP INDEX models_by_name_version;
DROP INDEX models_one_active;
CREATE UNIQUE INDEX models_by_scope_name_version ON models (COALESCE(tenant_id, ''), COALESCE(site_id, ''), COALESCE(asset_id, ''), name, version);
CREATE UNIQUE INDEX models_one_active_per_scope ON models (COALESCE(tenant_id, ''), COALESCE(site_id, ''), COALESCE(asset_id, ''), name) WHERE is_active;
CREATE INDEX models_by_tenant ON models (tenant_id, model_id);

-- Every promotion and roll-back; a roll-back re-promotes the replaced_model_id of the promotion that made the current
-- version active.
CREATE TABLE model_promotions (
    promotion_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id          text NOT NULL,
    site_id            text NULL,
    asset_id           text NULL,
    name               text NOT NULL,
    model_id           bigint NULL REFERENCES models (model_id),
    replaced_model_id  bigint NULL REFERENCES models (model_id),
    action             text NOT NULL CHECK (action IN ('promote', 'rollback')),
    promoted_at        timestamptz NOT NULL,
    promoted_by        text NOT NULL
);

CREATE INDEX model_promotions_by_scope ON model_promotions (tenant_id, name, promotion_id);

ALTER TABLE predictions
    ADD COLUMN site_id text NOT NULL DEFAULT '',
    ADD COLUMN node_id text NULL;
CREATE INDEX predictions_by_site_asset_time ON predictions (tenant_id, site_id, asset_id, ts);
