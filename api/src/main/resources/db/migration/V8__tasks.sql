-- Tasks for humans: what a lead's workflow asks of the broker's team (call a lead by hand, approve a call,
-- contact an imported lead, close a lead after its visit). The dashboard's inbox lists the open ones.

-- Opened by the worker (POST /internal/v1/leads/{leadId}/tasks), idempotent by the workflow's key per lead;
-- closed by a human from the dashboard (done_by the user) or by the workflow (done_by null). kind is not
-- checked here: the api accepts the workflows module's TaskKind names, so a new kind needs no migration.
CREATE TABLE tasks (
    id           uuid PRIMARY KEY,
    broker_id    uuid        NOT NULL REFERENCES brokers (id) ON DELETE CASCADE,
    lead_id      uuid        NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    workflow_id  text        NOT NULL,
    key          text        NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    kind         text        NOT NULL,
    title        text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    detail       text        CHECK (length(detail) <= 2000),
    status       text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'DISMISSED')),
    -- the lead's assigned agent when the task was opened; it stays theirs if the lead changes hands
    assignee_id  uuid REFERENCES users (id) ON DELETE SET NULL,
    due_at       timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    done_at      timestamptz,
    done_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    note         text        CHECK (length(note) <= 1000),
    UNIQUE (lead_id, key),
    CHECK ((status = 'OPEN') = (done_at IS NULL))
);
-- the inbox: a broker's open tasks, soonest due first
CREATE INDEX tasks_broker_open_idx ON tasks (broker_id, (COALESCE(due_at, created_at))) WHERE status = 'OPEN';
CREATE INDEX tasks_broker_created_idx ON tasks (broker_id, created_at);
CREATE INDEX tasks_lead_idx ON tasks (lead_id, created_at);
CREATE INDEX tasks_assignee_idx ON tasks (assignee_id) WHERE assignee_id IS NOT NULL;
