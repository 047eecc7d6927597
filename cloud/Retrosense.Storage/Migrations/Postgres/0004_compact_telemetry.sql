-- Compact telemetry (issue 4, ingest throughput): a telemetry message is stored as its node_messages row only. Its
-- window, axis features and environment summary are read back from node_messages.payload (the node's own validated
-- bytes, or the decoded message serialized when built in code), which every telemetry row has held in full since
-- 0002. The three per-message child tables cost five rows and about 65 bound values per message on the hot write path
-- (perf on the ingest benchmark, docs/benchmarks.md) and hold nothing the payload does not, so they are dropped.
DROP TABLE telemetry_features;
DROP TABLE environment_readings;
DROP TABLE telemetry_windows;

-- The alarm list is the only reader of (tenant_id, kind, ts); a partial index on alarm rows serves it, and telemetry
-- rows, nearly all of the table, no longer pay for an index entry they never use.
DROP INDEX node_messages_by_kind_time;
CREATE INDEX node_messages_alarms_by_tenant_time ON node_messages (tenant_id, ts) WHERE kind = 'alarm';
