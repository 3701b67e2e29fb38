-- Version 3: the records kept beside the passage register: temperature and symptom reports, per-person follow-up
-- schedules and the audit trail of reads. Enumerations are stored as their numbers (the library's enums never
-- renumber a defined value). A sequence column orders records that share an instant in the order recorded.

-- Twice-daily reports of people under observation; the first report under a key wins.
CREATE TABLE communitycontrol.health_reports (
    idempotency_key     text             PRIMARY KEY,
    sequence            bigint           GENERATED ALWAYS AS IDENTITY,
    person              text             NOT NULL,
    household           text             NULL,
    at                  timestamptz      NOT NULL,
    temperature_celsius double precision NULL,
    symptoms            integer          NOT NULL
);

-- A person's reports in an interval; purge by age.
CREATE INDEX health_reports_person_at ON communitycontrol.health_reports (person, at, sequence);
CREATE INDEX health_reports_at ON communitycontrol.health_reports (at);

-- One schedule per person, replaced only by a later revision. The quarantine plan is stored with the schedule (an
-- edition's plan may change; the schedule keeps the plan it was made under). first_day and until are derived from
-- the rest, stored for the daily follow-up list and for purging.
CREATE TABLE communitycontrol.follow_ups (
    person              text       PRIMARY KEY,
    exposure            smallint   NOT NULL,
    first_status        smallint   NOT NULL,
    first_days          integer    NOT NULL,
    first_test_days     integer[]  NOT NULL,
    then_status         smallint   NOT NULL,
    then_days           integer    NOT NULL,
    then_test_days      integer[]  NOT NULL,
    tests_required      integer    NOT NULL,
    test_window_days    integer    NOT NULL,
    history_window_days integer    NULL,
    plan_source         text       NULL,
    exposures           date[]     NOT NULL,
    ended_on            date       NULL,
    end_reason          smallint   NULL,
    revision            integer    NOT NULL,
    first_day           date       NOT NULL,
    until               date       NOT NULL
);

-- The daily follow-up list (schedules active on a day) and purging by end.
CREATE INDEX follow_ups_days ON communitycontrol.follow_ups (first_day, until);
CREATE INDEX follow_ups_until ON communitycontrol.follow_ups (until);

-- Who read whose records, as whom, for what (PIPL Art. 19 and 28 accountability); the first entry under a key wins.
CREATE TABLE communitycontrol.record_reads (
    idempotency_key text        PRIMARY KEY,
    sequence        bigint      GENERATED ALWAYS AS IDENTITY,
    at              timestamptz NOT NULL,
    reader          text        NOT NULL,
    reader_role     integer     NOT NULL,
    subject         text        NOT NULL,
    kind            smallint    NOT NULL,
    purpose         text        NOT NULL
);

CREATE INDEX record_reads_subject_at ON communitycontrol.record_reads (subject, at, sequence);
CREATE INDEX record_reads_at ON communitycontrol.record_reads (at);
