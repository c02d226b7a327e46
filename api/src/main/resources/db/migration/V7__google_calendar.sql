-- Google Calendar: the calendars brokers and agents connected through OAuth, the one-use states of the
-- connect flow, and where each visit landed in Google (docs/calendar-google.md).

-- A connected Google calendar: the broker's (user_id null) or one agent's. The refresh token is a credential:
-- sealed with AES-GCM under a key derived from SECRET_KEY (CredentialCipher), bound to the row's id.
--   source 'oauth':       connected from the dashboard; refresh_token_ciphertext holds the token.
--   source 'environment': the default broker's GOOGLE_REFRESH_TOKEN, which lives in the worker's environment;
--                         a row appears only when Google revoked it (status DISCONNECTED), remembering which
--                         token (env_token_fingerprint) so a replaced GOOGLE_REFRESH_TOKEN is tried again.
CREATE TABLE calendar_connections (
    id                        uuid PRIMARY KEY,
    broker_id                 uuid        NOT NULL REFERENCES brokers (id) ON DELETE CASCADE,
    user_id                   uuid REFERENCES users (id) ON DELETE CASCADE,
    provider                  text        NOT NULL DEFAULT 'google' CHECK (provider = 'google'),
    source                    text        NOT NULL DEFAULT 'oauth' CHECK (source IN ('oauth', 'environment')),
    refresh_token_ciphertext  bytea,
    env_token_fingerprint     text,
    calendar_id               text        NOT NULL DEFAULT 'primary' CHECK (length(calendar_id) BETWEEN 1 AND 255),
    status                    text        NOT NULL DEFAULT 'CONNECTED' CHECK (status IN ('CONNECTED', 'DISCONNECTED')),
    meet                      boolean     NOT NULL DEFAULT false,
    -- the Google account's granted scopes, as the token endpoint answered them
    scopes                    text,
    connected_by              uuid REFERENCES users (id) ON DELETE SET NULL,
    connected_at              timestamptz NOT NULL DEFAULT now(),
    disconnected_at           timestamptz,
    disconnect_reason         text,
    updated_at                timestamptz NOT NULL DEFAULT now(),
    CHECK (source = 'environment' OR refresh_token_ciphertext IS NOT NULL),
    CHECK (source = 'oauth' OR user_id IS NULL)
);
-- one calendar per broker, and one per agent
CREATE UNIQUE INDEX calendar_connections_broker_key ON calendar_connections (broker_id, provider) WHERE user_id IS NULL;
CREATE UNIQUE INDEX calendar_connections_user_key ON calendar_connections (broker_id, user_id, provider)
    WHERE user_id IS NOT NULL;

-- The connect flow's state parameter: signed (HMAC under SECRET_KEY) and also recorded here, so that it
-- expires and is used at most once (the callback deletes the row it consumes). code_verifier is PKCE's.
CREATE TABLE calendar_oauth_states (
    nonce          text PRIMARY KEY,
    broker_id      uuid        NOT NULL REFERENCES brokers (id) ON DELETE CASCADE,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    for_agent      boolean     NOT NULL,
    code_verifier  text        NOT NULL,
    -- the redirect_uri the authorization request named: the code exchange must repeat it exactly
    redirect_uri   text        NOT NULL,
    expires_at     timestamptz NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX calendar_oauth_states_expiry_idx ON calendar_oauth_states (expires_at);

-- Where a visit lives in Google, or why it could not be put there (the local booking stands either way).
ALTER TABLE appointments
    ADD COLUMN calendar_provider      text,
    ADD COLUMN calendar_connection_id uuid REFERENCES calendar_connections (id) ON DELETE SET NULL,
    ADD COLUMN calendar_id            text,
    ADD COLUMN google_event_id        text,
    ADD COLUMN google_event_link      text,
    ADD COLUMN meet_link              text,
    ADD COLUMN calendar_sync_error    text,
    ADD COLUMN calendar_synced_at     timestamptz;
