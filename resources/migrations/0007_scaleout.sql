-- 0007: several muster-server processes on one database. Who is online is no longer one
-- process's memory: each server registers itself, renews a heartbeat, and records which people
-- have at least one connection on it. Pushes too large for a NOTIFY travel through an outbox.

-- One row per running server process, renewed every few seconds. A server whose heartbeat is
-- older than the stated bound is dead (killed, cut off) and is removed by whichever live server
-- notices first, with its connections.
CREATE UNLOGGED TABLE server_instances (
    id            uuid PRIMARY KEY,
    host          text NOT NULL DEFAULT '',
    started_at    timestamptz NOT NULL DEFAULT now(),
    heartbeat_at  timestamptz NOT NULL DEFAULT now()
);

-- A person is online while some live server has a row for them. Soft state, hence unlogged: a
-- crash of PostgreSQL empties it, and every server then registers again with what it holds.
-- No foreign key to server_instances: a server's first connections may be recorded before its
-- first heartbeat commits; the sweep removes rows of servers that are gone (ServerStore::reap).
CREATE UNLOGGED TABLE live_connections (
    server_id        uuid NOT NULL,
    organisation_id  uuid NOT NULL,
    user_id          uuid NOT NULL,
    since            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, server_id)
);
CREATE INDEX live_connections_server ON live_connections(server_id);

-- A batch of pushes too large for NOTIFY's 8000-byte payload: the notification carries the row's
-- id, every other server reads the row, and rows older than a minute are swept.
CREATE UNLOGGED TABLE push_outbox (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payload     text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX push_outbox_created ON push_outbox(created_at);
