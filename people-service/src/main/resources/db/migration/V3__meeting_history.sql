-- "My meetings" (PEOPLE.md §3): built from parley.meeting.events, kept after Redis forgets the meeting.

create table meeting_record (
    meeting_id   text primary key,
    title        text,
    slug         text,
    created_at   timestamptz not null,
    ended_at     timestamptz
);

create table meeting_participant (
    meeting_id      text        not null references meeting_record (meeting_id) on delete cascade,
    participant_id  text        not null,
    -- set when the participant joined signed in; guests stay anonymous (null)
    account_id      uuid        references account (id) on delete set null,
    name            text        not null,
    role            text        not null,
    joined_at       timestamptz not null,
    primary key (meeting_id, participant_id)
);
create index meeting_participant_account on meeting_participant (account_id, joined_at desc, meeting_id)
    where account_id is not null;
