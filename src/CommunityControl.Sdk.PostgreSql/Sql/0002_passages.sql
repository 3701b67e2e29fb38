-- Version 2: the passage register, partitioned by UTC day (declarative range partitions on at; one partition per day,
-- created on demand by ensure_passage_day). Retention drops whole days. A passage's enumerations are stored as their
-- numbers (the library's enums never renumber a defined value).
CREATE SEQUENCE communitycontrol.passage_sequence AS bigint;

CREATE TABLE communitycontrol.passages (
    at                  timestamptz      NOT NULL,
    sequence            bigint           NOT NULL DEFAULT nextval('communitycontrol.passage_sequence'),
    idempotency_key     text             NOT NULL,
    gate                text             NOT NULL,
    person              text             NOT NULL,
    household           text             NULL,
    direction           smallint         NOT NULL,
    category            smallint         NOT NULL,
    temperature_celsius double precision NULL,
    health_code         smallint         NOT NULL,
    pass_id             text             NULL,
    outcome             smallint         NOT NULL,
    reasons             bigint           NOT NULL,
    obligations         integer          NOT NULL,
    missing_permissions integer          NOT NULL,
    escalate_to         integer          NOT NULL,
    operator            integer          NOT NULL,
    device              text             NULL
) PARTITION BY RANGE (at);

-- A key is unique in its day's partition here, and across days in passage_keys (a unique index on a partitioned
-- table must hold the partition key).
CREATE UNIQUE INDEX passages_key ON communitycontrol.passages (idempotency_key, at);

-- Tracing: a person's passages in an interval (the case's movements), and a gate's (who else passed there, when).
CREATE INDEX passages_person_at ON communitycontrol.passages (person, at, sequence);
CREATE INDEX passages_gate_at ON communitycontrol.passages (gate, at, sequence);

-- Every key once, whatever the day: the first record's instant finds its partition. Not partitioned (a lookup by key
-- must not visit every day); purged by range with the days it indexes.
CREATE TABLE communitycontrol.passage_keys (
    idempotency_key text        PRIMARY KEY,
    at              timestamptz NOT NULL
);

CREATE INDEX passage_keys_at ON communitycontrol.passage_keys (at);

-- Creates the partition of one UTC day unless it exists. Concurrent callers serialise on an advisory lock; the check
-- after it reads pg_class with the statement's snapshot (to_regclass may answer from a stale catalog cache), and a
-- duplicate that still slips through is ignored.
CREATE FUNCTION communitycontrol.ensure_passage_day(day date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    name text := 'passages_' || to_char(day, 'YYYYMMDD');
BEGIN
    IF to_regclass('communitycontrol.' || name) IS NOT NULL THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('communitycontrol.passages', 0));
    IF EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'communitycontrol' AND c.relname = name) THEN
        RETURN;
    END IF;
    BEGIN
        EXECUTE format(
            'CREATE TABLE IF NOT EXISTS communitycontrol.%I PARTITION OF communitycontrol.passages FOR VALUES FROM (%L) TO (%L)',
            name,
            (day::timestamp AT TIME ZONE 'UTC'),
            ((day + 1)::timestamp AT TIME ZONE 'UTC'));
    EXCEPTION WHEN duplicate_table OR unique_violation THEN
        NULL;
    END;
END;
$$;
