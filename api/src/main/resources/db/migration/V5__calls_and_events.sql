-- The voice calls' read model, leads created or imported from the dashboard (their tags), and the
-- indexes behind the lead list's sorts and keyset paging and the pipeline metrics.

-- One row per call attempt, written by the worker after each call (POST /internal/v1/calls); a retried
-- write finds its row by call_workflow_id. lead_id references the lead: a call is recorded only once the
-- lead's row exists (the endpoint answers 409 before that, and the worker's activity retries).
CREATE TABLE calls (
    id                uuid PRIMARY KEY,
    broker_id         uuid        NOT NULL REFERENCES brokers (id) ON DELETE CASCADE,
    lead_id           uuid        NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    workflow_id       text        NOT NULL,
    call_workflow_id  text        NOT NULL UNIQUE,
    attempt           integer     NOT NULL DEFAULT 1,
    provider          text,
    provider_call_id  text,
    status            text        NOT NULL
        CHECK (status IN ('COMPLETED', 'NO_ANSWER', 'BUSY', 'VOICEMAIL', 'FAILED', 'CANCELED', 'IN_PROGRESS')),
    ended_reason      text,
    duration_seconds  integer     NOT NULL DEFAULT 0 CHECK (duration_seconds >= 0),
    transcript        text,
    summary           text,
    recording_url     text,
    started_at        timestamptz,
    ended_at          timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX calls_broker_started_idx ON calls (broker_id, started_at DESC);
CREATE INDEX calls_lead_idx ON calls (lead_id, started_at DESC);

-- Labels given when a lead is created or imported from the dashboard; the workflow never writes them.
ALTER TABLE leads ADD COLUMN tags text[] NOT NULL DEFAULT '{}';

-- Keyset paging: every sort of the lead list is (key, id) within a broker.
CREATE INDEX leads_broker_created_id_idx ON leads (broker_id, created_at, id);
CREATE INDEX leads_broker_updated_id_idx ON leads (broker_id, updated_at, id);
CREATE INDEX leads_broker_score_id_idx ON leads (broker_id, score, id);
CREATE INDEX leads_broker_last_message_id_idx ON leads (broker_id, last_message_at, id);
CREATE INDEX leads_broker_activity_id_idx ON leads (broker_id, (COALESCE(last_message_at, created_at)), id);
-- Duplicate checks of created and imported leads.
CREATE INDEX leads_broker_email_idx ON leads (broker_id, lower(email)) WHERE email IS NOT NULL;

-- Pipeline metrics: moves and messages of a broker over a period.
CREATE INDEX stage_history_broker_moved_idx ON stage_history (broker_id, moved_at);
CREATE INDEX messages_broker_created_idx ON messages (broker_id, created_at);
