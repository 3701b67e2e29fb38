-- Version 4: the arrival register (流动人员登记) and workers' attendance (clock-ins and clock-outs). As in version 3,
-- the first record under an idempotency key wins, enumerations are stored as their numbers, and a sequence column
-- orders records that share an instant in the order recorded.

-- Arrivals from elsewhere. The itinerary is a jsonb array of {"place", "from", "to", "level"} objects (dates as
-- yyyy-MM-dd, level null when unknown), kept in the arrival's row: it is always written and read whole with its
-- arrival, so an append stays one INSERT … ON CONFLICT and a purge one DELETE, and it stays readable in SQL
-- (jsonb_array_elements) should an operator need to ask which arrivals passed through an area.
CREATE TABLE communitycontrol.arrivals (
    idempotency_key text        PRIMARY KEY,
    sequence        bigint      GENERATED ALWAYS AS IDENTITY,
    person          text        NOT NULL,
    household       text        NULL,
    destination     text        NOT NULL,
    arrived_at      timestamptz NOT NULL,
    origin          text        NOT NULL,
    itinerary       jsonb       NOT NULL
);

-- A person's arrivals in an interval; every arrival in an interval (a day's arrivals, to assess them) and purge by age.
CREATE INDEX arrivals_person_at ON communitycontrol.arrivals (person, arrived_at, sequence);
CREATE INDEX arrivals_at ON communitycontrol.arrivals (arrived_at, sequence);

-- Workers' clock-ins (kind 1) and clock-outs (kind 2).
CREATE TABLE communitycontrol.attendance (
    idempotency_key text        PRIMARY KEY,
    sequence        bigint      GENERATED ALWAYS AS IDENTITY,
    person          text        NOT NULL,
    kind            smallint    NOT NULL,
    at              timestamptz NOT NULL
);

-- A worker's records in an interval; everyone's records in an interval (an attendance sheet) and purge by age.
CREATE INDEX attendance_person_at ON communitycontrol.attendance (person, at, sequence);
CREATE INDEX attendance_at ON communitycontrol.attendance (at, sequence);
