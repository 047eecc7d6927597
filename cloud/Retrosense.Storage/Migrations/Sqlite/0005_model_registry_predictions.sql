-- Issue 5, live scoring: the model registry gets a scope (tenant, or one asset of it), the package (bytes in the store
-- or a path beside it), its metadata and who promoted what when; predictions get the site and node they belong to.

-- A model belongs to a tenant (site and asset NULL) or to one asset (both set: an asset id is unique only within its
-- site). version keeps 0003's text column, version_number orders versions 1, 2, 3… per (scope, name).
ALTER TABLE models ADD COLUMN site_id TEXT NULL;
ALTER TABLE models ADD COLUMN asset_id TEXT NULL;
ALTER TABLE models ADD COLUMN version_number INTEGER NOT NULL DEFAULT 0;
ALTER TABLE models ADD COLUMN metadata_json TEXT NOT NULL DEFAULT '{}';
ALTER TABLE models ADD COLUMN package BLOB NULL;
ALTER TABLE models ADD COLUMN package_bytes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE models ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE models ADD COLUMN registered_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE models ADD COLUMN promoted_at INTEGER NULL;

-- 0003's uniqueness was per (tenant, name); it becomes per (tenant, site, asset, name).
DROP INDEX models_by_name_version;
DROP INDEX models_one_active;
CREATE UNIQUE INDEX models_by_scope_name_version ON models (COALESCE(tenant_id, ''), COALESCE(site_id, ''), COALESCE(asset_id, ''), name, version);
CREATE UNIQUE INDEX models_one_active_per_scope ON models (COALESCE(tenant_id, ''), COALESCE(site_id, ''), COALESCE(asset_id, ''), name) WHERE is_active = 1;
CREATE INDEX models_by_tenant ON models (tenant_id, model_id);

-- Every promotion and roll-back; a roll-back re-promotes the replaced_model_id of the promotion that made the current
-- version active.
CREATE TABLE model_promotions (
    promotion_id       INTEGER NOT NULL PRIMARY KEY,
    tenant_id          TEXT NOT NULL,
    site_id            TEXT NULL,
    asset_id           TEXT NULL,
    name               TEXT NOT NULL,
    model_id           INTEGER NULL REFERENCES models (model_id),
    replaced_model_id  INTEGER NULL REFERENCES models (model_id),
    action             TEXT NOT NULL CHECK (action IN ('promote', 'rollback')),
    promoted_at        INTEGER NOT NULL,
    promoted_by        TEXT NOT NULL
) STRICT;

CREATE INDEX model_promotions_by_scope ON model_promotions (tenant_id, name, promotion_id);

ALTER TABLE predictions ADD COLUMN site_id TEXT NOT NULL DEFAULT '';
ALTER TABLE predictions ADD COLUMN node_id TEXT NULL;
CREATE INDEX predictions_by_site_asset_time ON predictions (tenant_id, site_id, asset_id, ts);
