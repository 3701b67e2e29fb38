-- Version 1: the outing ledger. One row per outing; the quota check takes a transaction-scoped advisory lock on the
-- household, so the household needs no row of its own.
CREATE TABLE communitycontrol.outings (
    sequence    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    household   text        NOT NULL,
    person      text        NOT NULL,
    started_at  timestamptz NOT NULL,
    ended_at    timestamptz NULL,
    request_key text        NULL
);

-- The count of a household's outings around an instant.
CREATE INDEX outings_household_started ON communitycontrol.outings (household, started_at);

-- Open outings: the count without an interval, and a person's latest open outing.
CREATE INDEX outings_open ON communitycontrol.outings (household, person, sequence) WHERE ended_at IS NULL;

-- One outing per gate request: a retry with the same key finds the outing already recorded.
CREATE UNIQUE INDEX outings_request_key ON communitycontrol.outings (household, request_key) WHERE request_key IS NOT NULL;
