-- Call-quality history (docs/quality.md, "Storage"): every sample consumed from parley.quality.samples, and who took
-- part in each meeting (from parley.meeting.events), so the views can be read after the meeting and its join tokens
-- are gone. Only metrics-collector uses this database.

-- One row per sample. Partitioned by the day it was measured (UTC): the collector creates each day's partition ahead
-- of time and drops whole partitions once they are past the retention window, so expiry never deletes row by row.
-- The primary key is what makes storing idempotent: a redelivered record has the same event id (a name-based UUID
-- of meeting, participant, session and timestamp) and is not stored again. It leads with the meeting and the time,
-- so it also serves every read: a meeting's samples over a range, and the export's keyset pages.
create table quality_sample (
    meeting_id          text             not null,
    measured_at         timestamptz      not null,
    event_id            uuid             not null,
    participant_id      text             not null,
    session_id          text             not null,
    received_at         timestamptz      not null,
    format              text             not null,
    meeting_session_id  text,
    rtt_ms              double precision,
    jitter_ms           double precision,
    send_loss_pct       double precision,
    recv_loss_pct       double precision,
    send_bitrate_bps    double precision,
    recv_bitrate_bps    double precision,
    audio_send_bitrate_bps double precision,
    audio_recv_bitrate_bps double precision,
    video_send_bitrate_bps double precision,
    video_recv_bitrate_bps double precision,
    frames_per_second   double precision,
    frame_width         integer,
    frame_height        integer,
    primary key (meeting_id, measured_at, event_id)
) partition by range (measured_at);

-- Everyone who hosted or joined a meeting, with the join token's subject: the account id for signed-in people,
-- whose access token then opens the meeting's quality after it ended.
create table quality_participant (
    meeting_id      text         not null,
    participant_id  text         not null,
    user_id         text,
    role            text         not null,
    joined_at       timestamptz  not null,
    primary key (meeting_id, participant_id)
);
create index quality_participant_account on quality_participant (user_id, meeting_id);
create index quality_participant_joined on quality_participant (joined_at);
