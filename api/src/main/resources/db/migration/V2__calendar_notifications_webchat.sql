-- The local calendar (weekly availability, blocks, visits), the team's notifications, the web chat's
-- sessions, and idempotent stage moves. Every write the worker retries must land once.

-- Weekly visit hours of a broker, in the broker's time zone (brokers.time_zone).
-- weekday is ISO: 1 = Monday … 7 = Sunday.
CREATE TABLE availability (
    id            bigserial PRIMARY KEY,
    broker_id     uuid        NOT NULL REFERENCES brokers (id) ON DELETE CASCADE,
    weekday       smallint    NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_time    time        NOT NULL,
    end_time      time        NOT NULL,
    slot_minutes  integer     NOT NULL DEFAULT 60 CHECK (slot_minutes BETWEEN 5 AND 480),
    CHECK (start_time < end_time),
    UNIQUE (broker_id, weekday, start_time)
);

-- Time the broker is away (holidays, an agent's leave): no slot overlapping a block is offered.
CREATE TABLE calendar_blocks (
    id         bigserial PRIMARY KEY,
    broker_id  uuid        NOT NULL REFERENCES brokers (id) ON DELETE CASCADE,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    reason     text,
    CHECK (starts_at < ends_at)
);
CREATE INDEX calendar_blocks_broker_idx ON calendar_blocks (broker_id, starts_at);

-- Property visits. The id is chosen by the lead's workflow, so a retried booking finds its own row.
-- lead_id has no foreign key on purpose: a booking must not fail because the lead's read-model row is
-- written a moment later by another activity.
CREATE TABLE appointments (
    id             uuid PRIMARY KEY,
    broker_id      uuid        NOT NULL REFERENCES brokers (id) ON DELETE CASCADE,
    lead_id        uuid        NOT NULL,
    workflow_id    text,
    lead_name      text,
    notes          text,
    slot_start     timestamptz NOT NULL,
    slot_end       timestamptz NOT NULL,
    status         text        NOT NULL DEFAULT 'BOOKED' CHECK (status IN ('BOOKED', 'CANCELLED')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    cancelled_at   timestamptz,
    cancel_reason  text,
    CHECK (slot_start < slot_end)
);
-- The one guard against double booking: two concurrent inserts of one slot cannot both succeed.
CREATE UNIQUE INDEX appointments_slot_booked_key ON appointments (broker_id, slot_start) WHERE status = 'BOOKED';
CREATE INDEX appointments_broker_start_idx ON appointments (broker_id, slot_start);
CREATE INDEX appointments_lead_idx ON appointments (lead_id);

-- What the workflows told the broker's team; key is the sender's idempotency key.
CREATE TABLE notifications (
    id           uuid PRIMARY KEY,
    broker_id    uuid        NOT NULL REFERENCES brokers (id) ON DELETE CASCADE,
    kind         text        NOT NULL,
    lead_id      uuid,
    workflow_id  text,
    text         text        NOT NULL,
    key          text        NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_broker_idx ON notifications (broker_id, created_at DESC);

-- A web chat visitor's session; the id is the unguessable token the widget keeps.
CREATE TABLE webchat_sessions (
    id          text PRIMARY KEY,
    broker_id   uuid        NOT NULL REFERENCES brokers (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A retried stage-move write records one row.
CREATE UNIQUE INDEX stage_history_move_key ON stage_history (lead_id, to_stage, moved_at);
