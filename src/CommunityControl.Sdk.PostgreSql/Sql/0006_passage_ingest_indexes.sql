-- Version 6: bulk ingest maintains cheaper indexes, for the same queries and results.
--
-- 1. passage_keys' index on the instant (which only the purge reads: "forget the keys before an instant") becomes a
--    BRIN index. The keys are COPYed in key order, so each key's instant lands at a random place of a B-tree on the
--    instant: measured, that B-tree was about a tenth of the server's work per ingested passage. A BRIN index keeps the
--    instant range of each run of 128 heap pages: an insert into pages not yet summarised costs next to nothing, and
--    the purge's DELETE … WHERE at < $1 reads the page ranges whose instants reach below the bound (and every range not
--    yet summarised) and rechecks each row, so it forgets exactly the keys before the instant, as before. Keys arrive
--    roughly in time order (a batch's instants span hours or days), so the ranges stay narrow. autosummarize asks
--    autovacuum to summarise each range once it is full, so the purge does not have to read the recent ones.
DROP INDEX communitycontrol.passage_keys_at;
CREATE INDEX passage_keys_at ON communitycontrol.passage_keys USING brin (at) WITH (autosummarize = on);

-- 2. The register's two tracing indexes lose their third column (sequence) and deduplication. The queries read a
--    person's or a gate's passages in an interval and sort them by (at, sequence) after a bitmap scan of the one or
--    few day partitions; the index never gave that order (the plans sort either way), and a lookup by key needs
--    (gate, at) only. Without sequence each index entry is 8 bytes narrower, and with it no two entries were ever
--    equal, so the deduplication pass B-tree runs before splitting a full page found nothing to merge: with a person
--    or a gate at one instant rarely seen twice, that remains so. The indexes are rebuilt in the migration's
--    transaction, every day partition of the register (minutes for tens of millions of passages; appends and queries
--    wait for it). The options are copied to the partitions created later.
DROP INDEX communitycontrol.passages_person_at;
DROP INDEX communitycontrol.passages_gate_at;
CREATE INDEX passages_person_at ON communitycontrol.passages (person, at) WITH (deduplicate_items = off);
CREATE INDEX passages_gate_at ON communitycontrol.passages (gate, at) WITH (deduplicate_items = off);
