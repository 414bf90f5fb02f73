-- 0001: organisations, users, sessions, teams, states and the audit trail.
-- Every tenant table carries organisation_id so the schema can later be distributed by
-- organisation; cross-table references include it, so a row can never point into another org.

-- UUIDv7: 48 bits of Unix milliseconds, then random bits; keys sort by creation time.
CREATE FUNCTION muster_uuid_v7() RETURNS uuid
LANGUAGE sql VOLATILE AS $$
    SELECT encode(
        set_bit(set_bit(
            overlay(uuid_send(gen_random_uuid())
                    PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                    FROM 1 FOR 6),
            52, 1), 53, 1),
        'hex')::uuid
$$;

-- Timestamps on the wire: ISO 8601 in UTC with milliseconds, e.g. 2026-11-25T09:30:00.000Z.
CREATE FUNCTION muster_iso(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

CREATE FUNCTION muster_touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE TABLE organisations (
    id          uuid PRIMARY KEY DEFAULT muster_uuid_v7(),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));

CREATE TABLE teams (
    id               uuid NOT NULL DEFAULT muster_uuid_v7(),
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    archived         boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (organisation_id, id)
);
CREATE UNIQUE INDEX teams_name_key ON teams (organisation_id, lower(name));

CREATE TABLE states (
    id               uuid NOT NULL DEFAULT muster_uuid_v7(),
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    label            text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
    color            text NOT NULL CHECK (color ~ '^#[0-9a-f]{6}$'),
    icon             text NOT NULL DEFAULT '',
    sort_order       integer NOT NULL DEFAULT 0,
    is_available     boolean NOT NULL DEFAULT false,
    is_default       boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (organisation_id, id)
);
CREATE UNIQUE INDEX states_label_key ON states (organisation_id, lower(label));
-- One default state per organisation.
CREATE UNIQUE INDEX states_one_default ON states (organisation_id) WHERE is_default;

CREATE TABLE users (
    id               uuid NOT NULL DEFAULT muster_uuid_v7(),
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    login            text NOT NULL CHECK (login ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    display_name     text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    email            text NOT NULL DEFAULT '',
    password_hash    text NOT NULL,
    role             text NOT NULL CHECK (role IN ('banned', 'attendee', 'volunteer', 'staff',
                                                   'lead', 'manager', 'admin')),
    is_superadmin    boolean NOT NULL DEFAULT false,
    home_team_id     uuid,
    state_id         uuid,
    state_since      timestamptz NOT NULL DEFAULT now(),
    last_seen_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (organisation_id, id),
    FOREIGN KEY (organisation_id, home_team_id) REFERENCES teams (organisation_id, id),
    FOREIGN KEY (organisation_id, state_id) REFERENCES states (organisation_id, id)
);
-- Login names are unique on the whole server, whatever their case.
CREATE UNIQUE INDEX users_login_key ON users (login);
CREATE INDEX users_organisation ON users (organisation_id);

CREATE TABLE sessions (
    id               uuid NOT NULL DEFAULT muster_uuid_v7(),
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id          uuid NOT NULL,
    token_hash       bytea NOT NULL UNIQUE,  -- SHA-256 of the token; the token itself is never stored
    address          text NOT NULL DEFAULT '',
    expires_at       timestamptz NOT NULL,
    last_used_at     timestamptz NOT NULL DEFAULT now(),
    revoked_at       timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_user ON sessions (organisation_id, user_id);

CREATE TABLE activities (
    id               uuid NOT NULL DEFAULT muster_uuid_v7(),
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    actor_id         uuid,            -- null for the command line and the server itself
    action           text NOT NULL,   -- 'user.create', 'user.role', 'session.login', …
    subject_type     text NOT NULL DEFAULT '',
    subject_id       uuid,
    old_value        jsonb,
    new_value        jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    FOREIGN KEY (organisation_id, actor_id) REFERENCES users (organisation_id, id) ON DELETE SET NULL (actor_id)
);
CREATE INDEX activities_org_time ON activities (organisation_id, created_at);

CREATE TRIGGER organisations_touch BEFORE UPDATE ON organisations
    FOR EACH ROW EXECUTE FUNCTION muster_touch_updated_at();
CREATE TRIGGER teams_touch BEFORE UPDATE ON teams
    FOR EACH ROW EXECUTE FUNCTION muster_touch_updated_at();
CREATE TRIGGER states_touch BEFORE UPDATE ON states
    FOR EACH ROW EXECUTE FUNCTION muster_touch_updated_at();
CREATE TRIGGER users_touch BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION muster_touch_updated_at();
CREATE TRIGGER sessions_touch BEFORE UPDATE ON sessions
    FOR EACH ROW EXECUTE FUNCTION muster_touch_updated_at();
