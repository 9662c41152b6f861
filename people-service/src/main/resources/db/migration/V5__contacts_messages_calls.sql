-- Contacts, blocks, direct messages with read markers, and calls between contacts (PEOPLE.md §3-§5).

-- Asked by email and kept whether or not an account has that address, so that the asker learns nothing about who
-- signed up; an account made later with the address finds the request. Compared by email_key, as sign-in compares.
create table contact_request (
    id            uuid primary key,
    from_account  uuid        not null references account (id) on delete cascade,
    email         text        not null,
    email_key     text        not null,
    created_at    timestamptz not null,
    unique (from_account, email_key)
);
create index contact_request_to on contact_request (email_key);

-- One contact per pair of people, whoever asked: the unique index on the unordered pair decides, so two requests
-- accepted at the same moment make one contact.
create table contact (
    id            uuid primary key,
    account_a     uuid        not null references account (id) on delete cascade,
    account_b     uuid        not null references account (id) on delete cascade,
    created_at    timestamptz not null,
    check (account_a <> account_b)
);
create unique index contact_pair on contact (least(account_a, account_b), greatest(account_a, account_b));
create index contact_a on contact (account_a);
create index contact_b on contact (account_b);

create table account_block (
    blocker       uuid        not null references account (id) on delete cascade,
    blocked       uuid        not null references account (id) on delete cascade,
    created_at    timestamptz not null,
    primary key (blocker, blocked),
    check (blocker <> blocked)
);
create index account_block_blocked on account_block (blocked);

-- The direct messages of one contact. last_seq is the sequence number of its newest message: a send takes this row's
-- lock and adds one, so numbers follow the commit order, never repeat and leave no gaps (unread = last_seq - marker).
-- Ending the contact deletes the conversation with it: its history stays readable to neither person.
create table conversation (
    contact_id    uuid        primary key references contact (id) on delete cascade,
    last_seq      bigint      not null default 0 check (last_seq >= 0)
);

create table message (
    id                     uuid primary key,
    contact_id             uuid        not null references conversation (contact_id) on delete cascade,
    seq                    bigint      not null check (seq > 0),
    sender_id              uuid        not null,
    kind                   text        not null check (kind in ('text', 'call')),
    -- the sender's own id for a text message: the same one again is a retry, answered with the stored message
    client_message_id      text,
    body                   text,
    call_id                uuid,
    call_outcome           text check (call_outcome in ('ended', 'declined', 'cancelled', 'missed', 'busy')),
    call_duration_seconds  bigint check (call_duration_seconds >= 0),
    sent_at                timestamptz not null,
    unique (contact_id, seq),
    unique (sender_id, client_message_id),
    check ((kind = 'text') = (body is not null and client_message_id is not null)),
    check ((kind = 'call') = (call_id is not null and call_outcome is not null and call_duration_seconds is not null))
);

-- How far each of the two people has read, as a sequence number; a person's own sends move theirs.
create table read_marker (
    contact_id    uuid        not null references conversation (contact_id) on delete cascade,
    account_id    uuid        not null,
    read_seq      bigint      not null default 0 check (read_seq >= 0),
    primary key (contact_id, account_id)
);

-- Every state change is one conditional update (... where state = 'ringing'), so the first answer wins by the
-- database. meeting_id is null for a busy attempt, which never got a meeting.
create table call (
    id               uuid primary key,
    contact_id       uuid        not null references contact (id) on delete cascade,
    caller_id        uuid        not null,
    callee_id        uuid        not null,
    meeting_id       text,
    state            text        not null
        check (state in ('ringing', 'answered', 'ended', 'declined', 'cancelled', 'missed', 'busy')),
    created_at       timestamptz not null,
    ring_expires_at  timestamptz not null,
    answered_at      timestamptz,
    ended_at         timestamptz,
    check ((meeting_id is null) = (state = 'busy')),
    check (case state
        when 'ringing' then answered_at is null and ended_at is null
        when 'answered' then answered_at is not null and ended_at is null
        when 'ended' then answered_at is not null and ended_at is not null
        else ended_at is not null end)
);
create index call_ringing on call (ring_expires_at) where state = 'ringing';
create index call_ringing_callee on call (callee_id) where state = 'ringing';
create index call_answered_caller on call (caller_id) where state = 'answered';
create index call_answered_callee on call (callee_id) where state = 'answered';
create index call_answered_since on call (answered_at) where state = 'answered';
create index call_active_meeting on call (meeting_id) where state in ('ringing', 'answered');
-- rings per minute from one caller to one callee
create index call_recent on call (caller_id, callee_id, created_at);
