-- Sign-in through OpenID Connect providers (PEOPLE.md §2). An external identity is the provider's (issuer, sub), never
-- an email address: a provider may let anyone claim an address, so an email never finds an account here.

create table external_identity (
    issuer       text        not null,
    subject      text        not null,
    account_id   uuid        not null references account (id) on delete cascade,
    -- the configured provider's id, by which the person lists and unlinks the identity
    provider     text        not null,
    -- what the provider said when the identity was linked, so the person recognises it; never used to find an account
    email        text,
    linked_at    timestamptz not null,
    primary key (issuer, subject),
    -- one identity per provider and account, so that unlinking by provider names exactly one; also the index for
    -- listing an account's identities
    unique (account_id, issuer)
);
