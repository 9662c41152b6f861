-- Which organization each meeting belongs to (the orgId of meeting-service's meeting-created event, when the meeting
-- has one): what the organization's quality trends and the Grafana dashboard select samples by. Kept as long as the
-- roster, a day longer than the samples.
create table quality_org_meeting (
    org_id      text         not null,
    meeting_id  text         not null,
    created_at  timestamptz  not null,
    primary key (org_id, meeting_id)
);
create index quality_org_meeting_created on quality_org_meeting (created_at);
