-- A broker's own Telegram bot. The token and the webhook secret are credentials: stored sealed with
-- AES-GCM under a key derived from SECRET_KEY (never in clear, never in brokers.settings, which the worker
-- reads whole). One bot per broker; the default bot (TELEGRAM_TOKEN) lives in the environment, not here.
CREATE TABLE broker_telegram (
    broker_id          uuid PRIMARY KEY REFERENCES brokers (id) ON DELETE CASCADE,
    token_ciphertext   bytea       NOT NULL,
    secret_ciphertext  bytea       NOT NULL,
    -- where the broker's team notifications go through this bot (a chat or group id), or null
    notify_chat_id     bigint,
    updated_at         timestamptz NOT NULL DEFAULT now()
);
