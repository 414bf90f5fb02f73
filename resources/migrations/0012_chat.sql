-- 0012: the consultant chat. An organisation's anteroom (its settings, reached by a public key),
-- anonymous clients' chats with their messages, and which consultants are on chat duty.
-- Deliberately absent: any address of a client. A client is known by the hash of a token that
-- lives in their browser tab, and by the alias they chose.

CREATE TABLE chat_settings (
    organisation_id   uuid PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    -- In the anteroom's address; rotating it retires every copy of the old embed.
    public_key        text NOT NULL UNIQUE CHECK (public_key ~ '^[A-Za-z0-9_-]{16,64}$'),
    enabled           boolean NOT NULL DEFAULT true,
    -- Origins ("https://help.example.org") that may frame the page and open its WebSocket.
    allowed_origins   text[] NOT NULL DEFAULT '{}',
    -- title, welcome, consent, waiting, outOfHours, closed: the organisation's words.
    texts             jsonb NOT NULL DEFAULT '{}',
    -- [{id, label, required}]: asked on the intake form besides alias and topic.
    questions         jsonb NOT NULL DEFAULT '[]',
    -- accent, background, text, bubble: "#rrggbb" each, never CSS.
    theme             jsonb NOT NULL DEFAULT '{}',
    quick_exit_url    text NOT NULL DEFAULT 'https://www.wikipedia.org/',
    time_zone         text NOT NULL DEFAULT 'UTC',
    -- [{day: 1..7 (Monday 1), from: "HH:MM", to: "HH:MM"}]; empty means always open.
    opening_hours     jsonb NOT NULL DEFAULT '[]',
    retention_days    integer NOT NULL DEFAULT 30 CHECK (retention_days BETWEEN 1 AND 3650),
    max_chats_per_consultant integer NOT NULL DEFAULT 3
                      CHECK (max_chats_per_consultant BETWEEN 1 AND 20),
    -- A flood of fake clients fills no more than this many places.
    max_waiting       integer NOT NULL DEFAULT 50 CHECK (max_waiting BETWEEN 1 AND 1000),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Consultants on chat duty, and the name clients see them by (never their login or e-mail).
CREATE TABLE chat_duty (
    organisation_id  uuid NOT NULL,
    user_id          uuid NOT NULL,
    chat_name        text NOT NULL CHECK (length(chat_name) BETWEEN 1 AND 60),
    since            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, user_id),
    FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE chats (
    id                  uuid NOT NULL DEFAULT muster_uuid_v7() PRIMARY KEY,
    organisation_id     uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    status              text NOT NULL DEFAULT 'waiting'
                        CHECK (status IN ('waiting', 'active', 'closed', 'abandoned')),
    alias               text NOT NULL CHECK (length(alias) BETWEEN 1 AND 60),
    topic               text NOT NULL DEFAULT '' CHECK (length(topic) <= 200),
    answers             jsonb NOT NULL DEFAULT '[]',
    team_id             uuid,
    consultant_id       uuid,
    consultant_name     text,  -- the chat name the client sees
    transfer_note       text,
    client_token_hash   bytea NOT NULL UNIQUE,  -- SHA-256; the token stays in the client's tab
    -- The client's live connection: which server holds it, and a fresh id per connection so a
    -- late goodbye from an older one cannot mark a reconnected client gone. Null: not connected.
    client_connection   uuid,
    client_server       uuid,
    client_left_at      timestamptz,
    last_seq            bigint NOT NULL DEFAULT 0,
    client_read_seq     bigint NOT NULL DEFAULT 0,
    consultant_read_seq bigint NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    accepted_at         timestamptz,
    closed_at           timestamptz,
    closed_by           text CHECK (closed_by IN ('client', 'consultant', 'timeout', 'server')),
    UNIQUE (organisation_id, id),
    FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id)
        ON DELETE SET NULL (team_id),
    FOREIGN KEY (organisation_id, consultant_id) REFERENCES users (organisation_id, id)
        ON DELETE SET NULL (consultant_id),
    CHECK ((status = 'waiting') = (accepted_at IS NULL AND consultant_id IS NULL)
           OR status IN ('closed', 'abandoned')),
    CHECK ((status IN ('closed', 'abandoned')) = (closed_at IS NOT NULL))
);
CREATE INDEX chats_queue ON chats (organisation_id, created_at) WHERE status = 'waiting';
CREATE INDEX chats_consultant ON chats (organisation_id, consultant_id) WHERE status = 'active';
CREATE INDEX chats_ended ON chats (closed_at) WHERE status IN ('closed', 'abandoned');

-- A chat's messages in the order they were committed (seq, per chat). The same client message id
-- from the same side is one message however often it is sent.
CREATE TABLE chat_messages (
    chat_id          uuid NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    seq              bigint NOT NULL,
    sender           text NOT NULL CHECK (sender IN ('client', 'consultant', 'system')),
    sender_user_id   uuid,
    sender_name      text NOT NULL DEFAULT '',
    body             text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    client_msg_id    text CHECK (length(client_msg_id) BETWEEN 1 AND 64),
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (chat_id, seq),
    UNIQUE (chat_id, sender, client_msg_id)
);

-- Answers the organisation keeps for its consultants ("Take your time, I am here.").
CREATE TABLE chat_canned_replies (
    id               uuid NOT NULL DEFAULT muster_uuid_v7() PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
    body             text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    sort_order       integer NOT NULL DEFAULT 0
);
CREATE INDEX chat_canned_replies_org ON chat_canned_replies (organisation_id, sort_order);
