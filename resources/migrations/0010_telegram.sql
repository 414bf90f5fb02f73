-- 0010: the convention's chat bot. A person links their Telegram chat with a one-time setup key
-- from My time (only its hash is kept); the bot answers /hours, /code, /rewards and /unlink and
-- sends their notices. One server at a time polls the Bot API: it holds a lease, and the offset
-- of the updates read survives a change of poller.

CREATE TABLE telegram_setup_keys (
    key_hash         bytea PRIMARY KEY,
    organisation_id  uuid NOT NULL,
    user_id          uuid NOT NULL,
    expires_at       timestamptz NOT NULL,
    used_at          timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX telegram_setup_keys_user ON telegram_setup_keys (organisation_id, user_id);

-- A person has at most one chat, and a chat speaks for at most one person.
CREATE TABLE telegram_links (
    organisation_id  uuid NOT NULL,
    user_id          uuid NOT NULL,
    chat_id          bigint NOT NULL UNIQUE,
    linked_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, user_id),
    FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE telegram_poller (
    id            boolean PRIMARY KEY DEFAULT true CHECK (id),
    server_id     uuid,
    lease_until   timestamptz NOT NULL DEFAULT '-infinity',
    update_offset bigint NOT NULL DEFAULT 0
);
INSERT INTO telegram_poller DEFAULT VALUES;
