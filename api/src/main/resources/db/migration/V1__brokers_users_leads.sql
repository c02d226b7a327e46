-- Inmo's first schema: tenants, accounts, and the read model of the lead workflows.
-- The workflows own the truth about a lead; these tables are what the dashboard lists and filters.

CREATE TABLE brokers (
    id            uuid PRIMARY KEY,
    slug          text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name          text        NOT NULL,
    time_zone     text        NOT NULL DEFAULT 'America/Santiago',
    country_code  text        NOT NULL DEFAULT 'CL',
    persona_name  text        NOT NULL DEFAULT 'Sofía',
    persona_tone  text        NOT NULL DEFAULT 'cercano y profesional',
    -- zones, business hours, score thresholds, cadence, call caps: one document the workflow reads
    settings      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id             uuid PRIMARY KEY,
    broker_id      uuid REFERENCES brokers (id) ON DELETE CASCADE,
    email          text        NOT NULL,
    password_hash  text        NOT NULL,
    full_name      text        NOT NULL,
    role           text        NOT NULL CHECK (role IN ('SUPERADMIN', 'ADMIN', 'AGENT')),
    active         boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    -- only a superadmin stands outside every broker
    CHECK ((role = 'SUPERADMIN') = (broker_id IS NULL))
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_broker_idx ON users (broker_id);

CREATE TABLE leads (
    id                 uuid PRIMARY KEY,
    broker_id          uuid        NOT NULL REFERENCES brokers (id) ON DELETE CASCADE,
    workflow_id        text        NOT NULL UNIQUE,
    channel            text        NOT NULL CHECK (channel IN ('TELEGRAM', 'WEBCHAT', 'IMPORT', 'MANUAL')),
    channel_ref        text,
    source             text,
    name               text,
    phone              text,
    email              text,
    zone               text,
    property_type      text,
    bedrooms           integer,
    budget_clp         bigint,
    monthly_income_clp bigint,
    dicom_status       text CHECK (dicom_status IN ('CLEAN', 'HAS_DEBT', 'DIRTY', 'UNKNOWN')),
    timeline           text,
    stage              text        NOT NULL DEFAULT 'NEW'
        CHECK (stage IN ('NEW', 'PROFILING', 'FINANCIAL_QUALIFICATION', 'POTENTIAL', 'SCHEDULED', 'WON', 'LOST')),
    score              integer     NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 100),
    status             text        NOT NULL DEFAULT 'COLD' CHECK (status IN ('COLD', 'WARM', 'HOT', 'QUALIFIED')),
    human_mode         boolean     NOT NULL DEFAULT false,
    needs_attention    boolean     NOT NULL DEFAULT false,
    attention_reason   text,
    opted_out          boolean     NOT NULL DEFAULT false,
    unreachable        boolean     NOT NULL DEFAULT false,
    assigned_agent_id  uuid REFERENCES users (id) ON DELETE SET NULL,
    next_action        text,
    next_action_at     timestamptz,
    last_message_at    timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leads_broker_stage_idx ON leads (broker_id, stage, updated_at DESC);
CREATE INDEX leads_broker_created_idx ON leads (broker_id, created_at DESC);
CREATE INDEX leads_agent_idx ON leads (assigned_agent_id) WHERE assigned_agent_id IS NOT NULL;
CREATE INDEX leads_attention_idx ON leads (broker_id) WHERE needs_attention;

CREATE TABLE messages (
    id                  uuid PRIMARY KEY,
    lead_id             uuid        NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    broker_id           uuid        NOT NULL REFERENCES brokers (id) ON DELETE CASCADE,
    direction           text        NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    author              text        NOT NULL CHECK (author IN ('LEAD', 'AI', 'HUMAN', 'SYSTEM')),
    author_user_id      uuid REFERENCES users (id) ON DELETE SET NULL,
    -- the channel's own id (Telegram message id, web chat client id) or the workflow's outbound key;
    -- unique per lead so a retried write records one message
    external_id         text        NOT NULL,
    body                text        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (lead_id, external_id)
);
CREATE INDEX messages_lead_idx ON messages (lead_id, created_at);

CREATE TABLE stage_history (
    id          bigserial PRIMARY KEY,
    lead_id     uuid        NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    broker_id   uuid        NOT NULL REFERENCES brokers (id) ON DELETE CASCADE,
    from_stage  text,
    to_stage    text        NOT NULL,
    reason      text        NOT NULL,
    -- 'ai' for automatic moves, otherwise the user id of the human who moved it
    actor       text        NOT NULL,
    moved_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stage_history_lead_idx ON stage_history (lead_id, moved_at);
