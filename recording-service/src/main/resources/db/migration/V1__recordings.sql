-- One row per recording, from meeting-service's recording-started and recording-stopped events. The row is also the
-- processing job: state 'processing' with claim_id/lease_until naming the worker that holds it until the lease ends.
create table recording (
    recording_id         text         primary key,
    meeting_id           text         not null,
    state                text         not null check (state in ('recording', 'processing', 'ready', 'failed')),
    started_at           timestamptz  not null,
    stopped_at           timestamptz,
    stop_reason          text,
    host_participant_id  text,
    host_account_id      text,
    org_id               text,
    max_seconds          integer,
    duration_seconds     double precision,
    failure_reason       text,
    attempts             integer      not null default 0,
    claim_id             text,
    lease_until          timestamptz,
    not_before           timestamptz,
    processed_at         timestamptz,
    created_at           timestamptz  not null default now()
);
create index recording_meeting on recording (meeting_id, started_at);
create index recording_host_account on recording (host_account_id) where host_account_id is not null;
create index recording_org on recording (org_id) where org_id is not null;
create index recording_jobs on recording (stopped_at) where state = 'processing';
create index recording_started on recording (started_at);
