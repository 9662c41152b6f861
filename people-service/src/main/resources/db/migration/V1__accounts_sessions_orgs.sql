-- Accounts, sign-in sessions, organizations and the event outbox (PEOPLE.md §1-§3, §6).

create table account (
    id               uuid primary key,
    email            text        not null,
    -- lower-cased and trimmed: the identity for sign-in and uniqueness; email keeps what the person typed
    email_key        text        not null unique,
    display_name     text        not null,
    -- null for an account that signs in only through an OpenID Connect provider
    password_hash    text,
    created_at       timestamptz not null,
    password_changed_at timestamptz
);

-- One row per sign-in: a refresh-token family. The token itself is never stored, only its SHA-256.
create table session (
    id               uuid primary key,
    account_id       uuid        not null references account (id) on delete cascade,
    token_hash       bytea       not null unique,
    -- the token this one replaced, and when: presented again within the grace it gets the same successor,
    -- afterwards it proves theft and revokes the family
    previous_hash    bytea unique,
    rotated_at       timestamptz,
    created_at       timestamptz not null,
    last_used_at     timestamptz not null,
    expires_at       timestamptz not null,
    revoked_at       timestamptz,
    revoked_reason   text,
    user_agent       text,
    client_address   text
);
create index session_account on session (account_id) where revoked_at is null;

create table org (
    id                       uuid primary key,
    name                     text        not null,
    max_concurrent_streams   integer check (max_concurrent_streams between 1 and 20),
    created_at               timestamptz not null
);

create table org_member (
    org_id       uuid        not null references org (id) on delete cascade,
    account_id   uuid        not null references account (id) on delete cascade,
    role         text        not null check (role in ('owner', 'admin', 'member')),
    joined_at    timestamptz not null,
    primary key (org_id, account_id)
);
create index org_member_account on org_member (account_id);

create table org_invitation (
    id           uuid primary key,
    org_id       uuid        not null references org (id) on delete cascade,
    email        text        not null,
    role         text        not null check (role in ('admin', 'member')),
    token_hash   bytea       not null unique,
    invited_by   uuid        references account (id) on delete set null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    accepted_by  uuid        references account (id) on delete set null,
    accepted_at  timestamptz
);

-- Written in the same transaction as the change it announces; the relay publishes rows in id order and deletes them
-- once Kafka acknowledged, so a committed change is never lost and an uncommitted one never published.
create table outbox (
    id           bigserial primary key,
    event_id     uuid        not null,
    event_type   text        not null,
    event_key    text        not null,
    payload      jsonb       not null,
    created_at   timestamptz not null
);

-- Every refresh token a session has replaced (hash only): presenting one again, past the grace, is theft.
create table retired_token (
    token_hash   bytea primary key,
    session_id   uuid        not null references session (id) on delete cascade,
    retired_at   timestamptz not null
);
