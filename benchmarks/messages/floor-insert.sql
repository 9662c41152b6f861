-- One pgbench transaction: a single-row INSERT in autocommit, one commit (fsync on, as the harness runs PostgreSQL).
insert into floor_message (id, contact_id, seq, sender_id, kind, client_message_id, body, sent_at)
values (gen_random_uuid(), gen_random_uuid(), 1, gen_random_uuid(), 'text', gen_random_uuid()::text,
        'A benchmark message of about the length people type in a chat, 80 characters.', now());
