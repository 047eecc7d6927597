-- Placeholder holding version 4 for the ingest-throughput work (issue 4), which owns migration 0004, so that 0005
-- (live scoring) applies on this branch. When the real 0004 is merged, delete this file: the two must never both ship.
SELECT 1;
