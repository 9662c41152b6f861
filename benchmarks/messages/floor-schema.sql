-- The floor's table: the shape of people-service's message table (V5__contacts_messages_calls.sql) with its primary
-- key and both unique indexes, without the foreign key; in a database of its own on the same PostgreSQL server.
create table if not exists floor_message (
    id                 uuid primary key,
    contact_id         uuid        not null,
    seq                bigint      not null check (seq > 0),
    sender_id          uuid        not null,
    kind               text        not null check (kind in ('text', 'call')),
    client_message_id  text,
    body               text,
    sent_at            timestamptz not null,
    unique (contact_id, seq),
    unique (sender_id, client_message_id)
);
