-- 0005: the volunteer time clock (seed 001): events, kiosks, quick codes, time entries, bonuses,
-- rewards, notifications and attendee logs.
--
-- The rules that must hold whatever client calls live here, in one transaction per action:
-- one ongoing entry per person (partial unique index), no overlapping entries (exclusion
-- constraint), earned time (muster_bonus_seconds in resources/sql/05_totals.sql, the only place
-- the bonus formula is written), running totals kept by a trigger, and the day boundary taken by exactly one server process.
--
-- Reshaped: the functions the server calls moved to resources/sql/, which are applied by content
-- hash after the migrations; this file keeps the schema and its trigger functions. Databases that
-- applied the earlier text, with the functions in it, are accepted as they are:
-- formerly 78510bad6de83f7697453cc7ab1790a9ea3fde1ee44a7f4d017d969c72330396

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Teams the time clock offers only to managers (a "Security" desk, an "Ops" team, …).
ALTER TABLE teams ADD COLUMN hidden boolean NOT NULL DEFAULT false;

-- The state a person is in while clocked in; one per organisation, created with it.
ALTER TABLE states ADD COLUMN is_shift boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX states_one_shift ON states (organisation_id) WHERE is_shift;
INSERT INTO states (organisation_id, label, color, sort_order, is_available, is_shift)
SELECT o.id,
       CASE WHEN EXISTS (SELECT 1 FROM states s WHERE s.organisation_id = o.id
                          AND lower(s.label) = 'on shift')
            THEN 'On shift (time clock)' ELSE 'On shift' END,
       '#2e7d32', 1000, false, true
  FROM organisations o;

-- Badge numbers as printed (1–8 digits, no leading zeros once normalised), unique per org.
-- Placeholders are attendees created from a badge by an attendee log: no personal data, no
-- password; they become volunteers when someone gives them an account.
ALTER TABLE users
    ADD COLUMN badge text CHECK (badge ~ '^[1-9][0-9]{0,7}$|^0$'),
    ADD COLUMN pin_hash text,
    ADD COLUMN is_placeholder boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX users_badge_key ON users (organisation_id, badge) WHERE badge IS NOT NULL;

CREATE TABLE events (
    id                 uuid NOT NULL DEFAULT muster_uuid_v7(),
    organisation_id    uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    time_zone          text NOT NULL,  -- IANA name, checked by the server
    starts_at          timestamptz NOT NULL,
    ends_at            timestamptz NOT NULL,
    day_boundary_hour  smallint NOT NULL DEFAULT 4 CHECK (day_boundary_hour BETWEEN 0 AND 23),
    archived           boolean NOT NULL DEFAULT false,
    last_boundary_at   timestamptz NOT NULL DEFAULT now(), -- the last day boundary handled
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (organisation_id, id),
    CHECK (ends_at > starts_at)
);
CREATE UNIQUE INDEX events_name_key ON events (organisation_id, lower(name));
CREATE TRIGGER events_touch BEFORE UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION muster_touch_updated_at();

-- The organisation's setting: the one active event.
ALTER TABLE organisations
    ADD COLUMN active_event_id uuid,
    ADD FOREIGN KEY (id, active_event_id) REFERENCES events (organisation_id, id)
        ON DELETE SET NULL (active_event_id);

-- A device waiting to be approved as a kiosk: not in any organisation yet.
CREATE TABLE kiosk_pairings (
    id          uuid PRIMARY KEY DEFAULT muster_uuid_v7(),
    code        text NOT NULL UNIQUE,
    token_hash  bytea NOT NULL UNIQUE,  -- the device token it already holds, valid once approved
    address     text NOT NULL DEFAULT '',
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kiosks (
    id               uuid NOT NULL DEFAULT muster_uuid_v7(),
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    location         text NOT NULL DEFAULT '' CHECK (length(location) <= 200),
    token_hash       bytea NOT NULL UNIQUE,
    expires_at       timestamptz NOT NULL,
    last_seen_at     timestamptz,
    approved_by      uuid,
    revoked_at       timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (organisation_id, id),
    FOREIGN KEY (organisation_id, approved_by) REFERENCES users (organisation_id, id)
        ON DELETE SET NULL (approved_by)
);
CREATE UNIQUE INDEX kiosks_name_key ON kiosks (organisation_id, lower(name)) WHERE revoked_at IS NULL;
CREATE TRIGGER kiosks_touch BEFORE UPDATE ON kiosks
    FOR EACH ROW EXECUTE FUNCTION muster_touch_updated_at();

-- One live quick code per person: a new one replaces the old.
CREATE TABLE quick_codes (
    organisation_id  uuid NOT NULL,
    user_id          uuid NOT NULL,
    code_hash        bytea NOT NULL,
    expires_at       timestamptz NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, user_id),
    FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE time_entries (
    id                 uuid NOT NULL DEFAULT muster_uuid_v7(),
    organisation_id    uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    event_id           uuid NOT NULL,
    user_id            uuid NOT NULL,
    team_id            uuid NOT NULL,
    start_at           timestamptz NOT NULL,
    stop_at            timestamptz,
    notes              text NOT NULL DEFAULT '' CHECK (length(notes) <= 1000),
    source             text NOT NULL CHECK (source IN ('kiosk', 'desktop', 'manager')),
    kiosk_id           uuid,
    offline            boolean NOT NULL DEFAULT false,
    auto_stopped       boolean NOT NULL DEFAULT false,
    created_by         uuid,
    previous_state_id  uuid,    -- the presence to restore when the shift ends
    previous_message   text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (organisation_id, id),
    FOREIGN KEY (organisation_id, event_id) REFERENCES events (organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id),
    FOREIGN KEY (organisation_id, kiosk_id) REFERENCES kiosks (organisation_id, id),
    FOREIGN KEY (organisation_id, created_by) REFERENCES users (organisation_id, id)
        ON DELETE SET NULL (created_by),
    FOREIGN KEY (organisation_id, previous_state_id) REFERENCES states (organisation_id, id)
        ON DELETE SET NULL (previous_state_id),
    CHECK (stop_at IS NULL OR stop_at > start_at),
    -- Nobody works two shifts at once; an ongoing entry reaches to infinity.
    CONSTRAINT time_entries_no_overlap EXCLUDE USING gist
        (organisation_id WITH =, user_id WITH =, tstzrange(start_at, stop_at) WITH &&)
);
CREATE UNIQUE INDEX time_entries_one_ongoing ON time_entries (organisation_id, user_id)
    WHERE stop_at IS NULL;
CREATE INDEX time_entries_event_user ON time_entries (organisation_id, event_id, user_id, start_at);
CREATE INDEX time_entries_event_ongoing ON time_entries (organisation_id, event_id)
    WHERE stop_at IS NULL;
CREATE TRIGGER time_entries_touch BEFORE UPDATE ON time_entries
    FOR EACH ROW EXECUTE FUNCTION muster_touch_updated_at();

-- Every clock action carries an id the client made; a replay gets the first answer back.
CREATE TABLE clock_actions (
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    action_id        uuid NOT NULL,
    user_id          uuid NOT NULL,
    result           jsonb NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, action_id),
    FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE time_bonuses (
    id               uuid NOT NULL DEFAULT muster_uuid_v7(),
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    event_id         uuid NOT NULL,
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    multiplier       numeric(4, 2) NOT NULL CHECK (multiplier > 1 AND multiplier <= 10),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (organisation_id, id),
    FOREIGN KEY (organisation_id, event_id) REFERENCES events (organisation_id, id) ON DELETE CASCADE,
    CHECK (ends_at > starts_at)
);
CREATE TABLE time_bonus_teams (
    organisation_id  uuid NOT NULL,
    bonus_id         uuid NOT NULL,
    team_id          uuid NOT NULL,
    PRIMARY KEY (organisation_id, bonus_id, team_id),
    FOREIGN KEY (organisation_id, bonus_id) REFERENCES time_bonuses (organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX time_bonus_teams_team ON time_bonus_teams (organisation_id, team_id);
CREATE TRIGGER time_bonuses_touch BEFORE UPDATE ON time_bonuses
    FOR EACH ROW EXECUTE FUNCTION muster_touch_updated_at();

-- Running totals of finished entries per event, person and team, kept by a trigger so reports
-- over a million entries read a few thousand rows.
CREATE TABLE time_totals (
    organisation_id  uuid NOT NULL,
    event_id         uuid NOT NULL,
    user_id          uuid NOT NULL,
    team_id          uuid NOT NULL,
    worked_seconds   numeric NOT NULL DEFAULT 0,
    earned_seconds   numeric NOT NULL DEFAULT 0,
    entries          integer NOT NULL DEFAULT 0,
    PRIMARY KEY (organisation_id, event_id, user_id, team_id),
    FOREIGN KEY (organisation_id, event_id) REFERENCES events (organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id) ON DELETE CASCADE
);

CREATE FUNCTION muster_time_entries_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.stop_at IS NOT NULL THEN
        PERFORM muster_totals_add(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.stop_at IS NOT NULL THEN
        PERFORM muster_totals_add(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER time_entries_totals AFTER INSERT OR UPDATE OF start_at, stop_at, team_id, event_id
    OR DELETE ON time_entries FOR EACH ROW EXECUTE FUNCTION muster_time_entries_totals();

CREATE TABLE rewards (
    id               uuid NOT NULL DEFAULT muster_uuid_v7(),
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    event_id         uuid NOT NULL,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description      text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    threshold_hours  numeric(8, 2) NOT NULL CHECK (threshold_hours >= 0),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (organisation_id, id),
    FOREIGN KEY (organisation_id, event_id) REFERENCES events (organisation_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX rewards_name_key ON rewards (organisation_id, event_id, lower(name));
CREATE TRIGGER rewards_touch BEFORE UPDATE ON rewards
    FOR EACH ROW EXECUTE FUNCTION muster_touch_updated_at();

CREATE TABLE reward_claims (
    organisation_id  uuid NOT NULL,
    reward_id        uuid NOT NULL,
    user_id          uuid NOT NULL,
    claimed_by       uuid,
    claimed_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, reward_id, user_id),
    FOREIGN KEY (organisation_id, reward_id) REFERENCES rewards (organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, claimed_by) REFERENCES users (organisation_id, id)
        ON DELETE SET NULL (claimed_by)
);

CREATE TABLE notifications (
    id               uuid NOT NULL DEFAULT muster_uuid_v7(),
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id          uuid NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('reward', 'reward_claimed', 'auto_stop')),
    title            text NOT NULL,
    body             text NOT NULL DEFAULT '',
    data             jsonb NOT NULL DEFAULT '{}',
    requires_ack     boolean NOT NULL DEFAULT false,
    acknowledged_at  timestamptz,
    reward_id        uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (organisation_id, id),
    FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, reward_id) REFERENCES rewards (organisation_id, id) ON DELETE CASCADE
);
-- "Reward available" reaches a person once per reward, whatever happens afterwards.
CREATE UNIQUE INDEX notifications_reward_once ON notifications (organisation_id, user_id, reward_id)
    WHERE kind = 'reward';
CREATE INDEX notifications_user ON notifications (organisation_id, user_id, created_at);

CREATE TABLE attendee_logs (
    id               uuid NOT NULL DEFAULT muster_uuid_v7(),
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    event_id         uuid NOT NULL,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (organisation_id, id),
    FOREIGN KEY (organisation_id, event_id) REFERENCES events (organisation_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX attendee_logs_name_key ON attendee_logs (organisation_id, event_id, lower(name));
CREATE TRIGGER attendee_logs_touch BEFORE UPDATE ON attendee_logs
    FOR EACH ROW EXECUTE FUNCTION muster_touch_updated_at();

CREATE TABLE attendee_log_users (
    organisation_id  uuid NOT NULL,
    log_id           uuid NOT NULL,
    user_id          uuid NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('attendee', 'gatekeeper')),
    added_by         uuid,
    added_at         timestamptz NOT NULL DEFAULT now(),  -- an attendee's arrival
    PRIMARY KEY (organisation_id, log_id, user_id, kind),
    FOREIGN KEY (organisation_id, log_id) REFERENCES attendee_logs (organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, added_by) REFERENCES users (organisation_id, id)
        ON DELETE SET NULL (added_by)
);
CREATE INDEX attendee_log_users_user ON attendee_log_users (organisation_id, user_id, kind);
