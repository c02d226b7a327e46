-- Every call to a language model, for the operations view's cost and latency (issue 5). A repaired turn is
-- two rows sharing turn_id; a retried post of the same attempt is one row.
CREATE TABLE llm_calls (
    id              bigserial PRIMARY KEY,
    turn_id         text        NOT NULL,
    attempt         integer     NOT NULL,
    broker_id       uuid REFERENCES brokers (id) ON DELETE CASCADE,
    workflow_id     text,
    purpose         text        NOT NULL,
    provider        text        NOT NULL,
    model           text,
    prompt_version  text,
    latency_ms      bigint      NOT NULL,
    tokens_in       integer,
    tokens_out      integer,
    cost_usd        numeric(14, 6),
    outcome         text        NOT NULL,
    error           text,
    called_at       timestamptz NOT NULL,
    UNIQUE (turn_id, attempt)
);
CREATE INDEX llm_calls_broker_day_idx ON llm_calls (broker_id, called_at);
