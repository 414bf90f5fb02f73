-- 0005: the volunteer time clock (seed 001): events, kiosks, quick codes, time entries, bonuses,
-- rewards, notifications and attendee logs.
--
-- The rules that must hold whatever client calls live here, in one transaction per action:
-- one ongoing entry per person (partial unique index), no overlapping entries (exclusion
-- constraint), earned time (muster_bonus_seconds, the only place the bonus formula is written),
-- running totals kept by a trigger, and the day boundary taken by exactly one server process.
--
-- Functions fail with SQLSTATE MU403 (forbidden), MU404 (not found), MU409 (conflict) or MU422
-- (invalid params); the message is for people, the DETAIL is the stable reason clients match.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE FUNCTION muster_fail(code text, reason text, message text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = code, MESSAGE = message, DETAIL = reason;
END
$$;

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

-- Past and archived events are read-only.
CREATE FUNCTION muster_event_open(e events) RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT NOT e.archived AND now() <= e.ends_at $$;

-- The most recent day boundary at or before p_now, in the event's time zone.
CREATE FUNCTION muster_last_boundary(p_tz text, p_hour integer, p_now timestamptz)
RETURNS timestamptz LANGUAGE sql STABLE AS $$
    SELECT (date_trunc('day', (p_now AT TIME ZONE p_tz) - make_interval(hours => p_hour))
            + make_interval(hours => p_hour)) AT TIME ZONE p_tz
$$;

CREATE FUNCTION muster_event_json(e events) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('id', e.id, 'name', e.name, 'timeZone', e.time_zone,
        'start', muster_iso(e.starts_at), 'end', muster_iso(e.ends_at),
        'dayBoundaryHour', e.day_boundary_hour, 'archived', e.archived,
        'readOnly', NOT muster_event_open(e),
        'active', EXISTS (SELECT 1 FROM organisations o
                           WHERE o.id = e.organisation_id AND o.active_event_id = e.id))
$$;

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

CREATE FUNCTION muster_kiosk_json(k kiosks) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('id', k.id, 'name', k.name, 'location', k.location,
        'expiresAt', muster_iso(k.expires_at), 'lastSeen', muster_iso(k.last_seen_at),
        'revoked', k.revoked_at IS NOT NULL, 'createdAt', muster_iso(k.created_at),
        'approvedBy', (SELECT display_name FROM users u WHERE u.id = k.approved_by))
$$;

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

-- Earned time = raw duration + (multiplier − 1) × the part of the entry inside each bonus
-- window of its team and event (seed 001: 3 h with 1 h inside a 2× window → 4 h).
-- This is the only place the formula is written; everything else calls these two functions.
CREATE FUNCTION muster_bonus_seconds(p_multiplier numeric, p_start timestamptz,
    p_stop timestamptz, p_bonus_start timestamptz, p_bonus_stop timestamptz)
RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
    SELECT (p_multiplier - 1)
         * greatest(extract(epoch FROM least(p_stop, p_bonus_stop) - greatest(p_start, p_bonus_start)), 0)
$$;

CREATE FUNCTION muster_earned_seconds(p_org uuid, p_event uuid, p_team uuid,
    p_start timestamptz, p_stop timestamptz)
RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT extract(epoch FROM p_stop - p_start)
         + COALESCE((SELECT sum(muster_bonus_seconds(b.multiplier, p_start, p_stop, b.starts_at, b.ends_at))
                       FROM time_bonuses b
                       JOIN time_bonus_teams bt ON bt.organisation_id = b.organisation_id
                                               AND bt.bonus_id = b.id
                      WHERE b.organisation_id = p_org AND b.event_id = p_event
                        AND bt.team_id = p_team
                        AND b.starts_at < p_stop AND b.ends_at > p_start), 0)
$$;

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

CREATE FUNCTION muster_totals_add(e time_entries, sign integer) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO time_totals AS t (organisation_id, event_id, user_id, team_id,
                                  worked_seconds, earned_seconds, entries)
    VALUES (e.organisation_id, e.event_id, e.user_id, e.team_id,
            sign * extract(epoch FROM e.stop_at - e.start_at),
            sign * muster_earned_seconds(e.organisation_id, e.event_id, e.team_id, e.start_at, e.stop_at),
            sign)
    ON CONFLICT (organisation_id, event_id, user_id, team_id) DO UPDATE
        SET worked_seconds = t.worked_seconds + excluded.worked_seconds,
            earned_seconds = t.earned_seconds + excluded.earned_seconds,
            entries = t.entries + excluded.entries
$$;

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

-- After bonus windows change: the event's totals again from its entries, set-based.
CREATE FUNCTION muster_recompute_totals(p_org uuid, p_event uuid) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM time_totals WHERE organisation_id = p_org AND event_id = p_event;
    INSERT INTO time_totals (organisation_id, event_id, user_id, team_id, worked_seconds,
                             earned_seconds, entries)
    SELECT p_org, p_event, e.user_id, e.team_id,
           sum(extract(epoch FROM e.stop_at - e.start_at)),
           sum(extract(epoch FROM e.stop_at - e.start_at)) + COALESCE(sum(x.bonus), 0),
           count(*)
      FROM time_entries e
      LEFT JOIN LATERAL (
          SELECT sum(muster_bonus_seconds(b.multiplier, e.start_at, e.stop_at, b.starts_at, b.ends_at)) AS bonus
            FROM time_bonuses b
            JOIN time_bonus_teams bt ON bt.organisation_id = b.organisation_id AND bt.bonus_id = b.id
           WHERE b.organisation_id = p_org AND b.event_id = p_event AND bt.team_id = e.team_id
             AND b.starts_at < e.stop_at AND b.ends_at > e.start_at) x ON true
     WHERE e.organisation_id = p_org AND e.event_id = p_event AND e.stop_at IS NOT NULL
     GROUP BY e.user_id, e.team_id
$$;

CREATE FUNCTION muster_entry_json(e time_entries) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('id', e.id, 'eventId', e.event_id, 'userId', e.user_id,
        'userName', u.display_name, 'badge', u.badge, 'teamId', e.team_id, 'teamName', t.name,
        'start', muster_iso(e.start_at), 'stop', muster_iso(e.stop_at), 'notes', e.notes,
        'source', e.source, 'kioskId', e.kiosk_id, 'kioskName', k.name, 'offline', e.offline,
        'autoStopped', e.auto_stopped,
        'workedSeconds', round(extract(epoch FROM COALESCE(e.stop_at, now()) - e.start_at)),
        'earnedSeconds', round(muster_earned_seconds(e.organisation_id, e.event_id, e.team_id,
                                                     e.start_at, COALESCE(e.stop_at, now()))))
      FROM users u
      JOIN teams t ON t.id = e.team_id
      LEFT JOIN kiosks k ON k.id = e.kiosk_id
     WHERE u.id = e.user_id
$$;

-- A person's time for an event: finished entries from the running totals, plus the ongoing one
-- up to now.
CREATE FUNCTION muster_user_totals(p_org uuid, p_event uuid, p_user uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    WITH done AS (
        SELECT COALESCE(sum(worked_seconds), 0) AS worked, COALESCE(sum(earned_seconds), 0) AS earned,
               COALESCE(sum(entries), 0) AS entries
          FROM time_totals
         WHERE organisation_id = p_org AND event_id = p_event AND user_id = p_user),
    ongoing AS (
        SELECT e FROM time_entries e
         WHERE e.organisation_id = p_org AND e.event_id = p_event AND e.user_id = p_user
           AND e.stop_at IS NULL)
    SELECT jsonb_build_object('eventId', p_event, 'userId', p_user,
        'workedSeconds', round(done.worked + COALESCE(
            (SELECT extract(epoch FROM now() - (o.e).start_at) FROM ongoing o), 0)),
        'earnedSeconds', round(done.earned + COALESCE(
            (SELECT muster_earned_seconds(p_org, p_event, (o.e).team_id, (o.e).start_at, now())
               FROM ongoing o), 0)),
        'entries', done.entries,
        'ongoing', (SELECT muster_entry_json(o.e) FROM ongoing o))
      FROM done
$$;

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

CREATE FUNCTION muster_notification_json(n notifications) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('id', n.id, 'userId', n.user_id, 'kind', n.kind, 'title', n.title,
        'body', n.body, 'data', n.data, 'requiresAck', n.requires_ack,
        'acknowledged', n.acknowledged_at IS NOT NULL, 'createdAt', muster_iso(n.created_at))
$$;

-- Notifies everyone (or p_users) whose earned time in the event has passed a reward's threshold
-- (strictly) and who has neither been told nor claimed it. Returns the notices to push.
CREATE FUNCTION muster_reward_notices(p_org uuid, p_event uuid, p_users uuid[])
RETURNS SETOF jsonb LANGUAGE sql AS $$
    WITH earned AS (
        SELECT user_id, sum(earned_seconds) AS seconds FROM time_totals
         WHERE organisation_id = p_org AND event_id = p_event
           AND (p_users IS NULL OR user_id = ANY (p_users))
         GROUP BY user_id),
    added AS (
        INSERT INTO notifications (organisation_id, user_id, kind, title, body, data, reward_id)
        SELECT p_org, e.user_id, 'reward', 'Reward available: ' || r.name, r.description,
               jsonb_build_object('rewardId', r.id, 'eventId', r.event_id,
                                  'thresholdHours', r.threshold_hours),
               r.id
          FROM rewards r JOIN earned e ON e.seconds > r.threshold_hours * 3600
         WHERE r.organisation_id = p_org AND r.event_id = p_event
           AND NOT EXISTS (SELECT 1 FROM reward_claims c WHERE c.organisation_id = p_org
                            AND c.reward_id = r.id AND c.user_id = e.user_id)
        ON CONFLICT (organisation_id, user_id, reward_id) WHERE kind = 'reward' DO NOTHING
        RETURNING *)
    SELECT muster_notification_json(added) FROM added
$$;

-- Presence while on shift: the organisation's shift state with the team as message; the state
-- before is kept on the entry (muster_clock_in) and comes back when the shift ends, unless the
-- person chose another state meanwhile.
CREATE FUNCTION muster_enter_shift(e time_entries) RETURNS void
LANGUAGE sql AS $$
    UPDATE users u SET state_id = s.id, state_since = now(), state_until = NULL,
           status_message = left((SELECT name FROM teams WHERE id = e.team_id), 200)
      FROM states s
     WHERE s.organisation_id = e.organisation_id AND s.is_shift
       AND u.id = e.user_id AND u.organisation_id = e.organisation_id
$$;

CREATE FUNCTION muster_leave_shift(e time_entries) RETURNS void
LANGUAGE sql AS $$
    UPDATE users u
       SET state_id = COALESCE(e.previous_state_id,
                               (SELECT id FROM states WHERE organisation_id = e.organisation_id
                                 AND is_default)),
           status_message = COALESCE(e.previous_message, ''), state_since = now(), state_until = NULL
     WHERE u.id = e.user_id AND u.organisation_id = e.organisation_id
       AND u.state_id = (SELECT id FROM states WHERE organisation_id = e.organisation_id AND is_shift)
$$;

CREATE FUNCTION muster_audit(p_org uuid, p_actor uuid, p_action text, p_type text, p_subject uuid,
    p_old jsonb, p_new jsonb) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO activities (organisation_id, actor_id, action, subject_type, subject_id,
                            old_value, new_value)
    VALUES (p_org, p_actor, p_action, p_type, p_subject, p_old, p_new)
$$;

-- The organisation's active event, open for writing, or a clear failure.
CREATE FUNCTION muster_open_active_event(p_org uuid) RETURNS events
LANGUAGE plpgsql AS $$
DECLARE
    ev events;
BEGIN
    SELECT e.* INTO ev FROM events e JOIN organisations o ON o.active_event_id = e.id
     WHERE o.id = p_org;
    IF ev.id IS NULL THEN
        PERFORM muster_fail('MU409', 'no_active_event', 'There is no active event');
    END IF;
    IF NOT muster_event_open(ev) THEN
        PERFORM muster_fail('MU409', 'event_closed', 'The event is over and read-only');
    END IF;
    RETURN ev;
END
$$;

CREATE FUNCTION muster_writable_event(p_org uuid, p_event uuid) RETURNS events
LANGUAGE plpgsql AS $$
DECLARE
    ev events;
BEGIN
    SELECT * INTO ev FROM events WHERE organisation_id = p_org AND id = p_event;
    IF ev.id IS NULL THEN
        PERFORM muster_fail('MU404', 'not_found', 'Event not found');
    END IF;
    IF NOT muster_event_open(ev) THEN
        PERFORM muster_fail('MU409', 'event_closed', 'The event is over and read-only');
    END IF;
    RETURN ev;
END
$$;

-- A team the person may clock in for: the organisation's, active, and not hidden unless the
-- person choosing it is a manager.
CREATE FUNCTION muster_check_team(p_org uuid, p_team uuid, p_chooser_role text) RETURNS teams
LANGUAGE plpgsql AS $$
DECLARE
    t teams;
BEGIN
    SELECT * INTO t FROM teams WHERE organisation_id = p_org AND id = p_team AND NOT archived;
    IF t.id IS NULL OR (t.hidden AND p_chooser_role NOT IN ('manager', 'admin')) THEN
        PERFORM muster_fail('MU404', 'not_found', 'Team not found');
    END IF;
    RETURN t;
END
$$;

-- Clocks p_user in at p_at (now, or the original time of an offline action). p_actor is who
-- asked (the person, or a manager checking them in); p_actor_role decides hidden teams.
CREATE FUNCTION muster_clock_in(p_org uuid, p_user uuid, p_action uuid, p_team uuid,
    p_at timestamptz, p_source text, p_kiosk uuid, p_offline boolean, p_actor uuid,
    p_actor_role text, p_notes text DEFAULT '')
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    previous jsonb;
    person users;
    ev events;
    e time_entries;
    result jsonb;
BEGIN
    SELECT * INTO person FROM users WHERE organisation_id = p_org AND id = p_user FOR UPDATE;
    IF person.id IS NULL THEN
        PERFORM muster_fail('MU404', 'not_found', 'User not found');
    END IF;
    IF p_action IS NOT NULL THEN
        SELECT c.result INTO previous FROM clock_actions c
         WHERE c.organisation_id = p_org AND c.action_id = p_action;
        IF previous IS NOT NULL THEN
            RETURN previous || '{"replayed": true}';
        END IF;
    END IF;
    ev := muster_open_active_event(p_org);
    IF p_at < ev.starts_at OR p_at > ev.ends_at THEN
        PERFORM muster_fail('MU409', 'outside_event', 'That time is outside the event');
    END IF;
    PERFORM muster_check_team(p_org, p_team, p_actor_role);
    IF EXISTS (SELECT 1 FROM time_entries WHERE organisation_id = p_org AND user_id = p_user
                AND stop_at IS NULL) THEN
        PERFORM muster_fail('MU409', 'already_clocked_in', 'Already clocked in');
    END IF;
    -- The state to return to at clock-out is kept on the entry (never the shift state itself,
    -- which a person can only be left in by a shift that vanished).
    BEGIN
        INSERT INTO time_entries (organisation_id, event_id, user_id, team_id, start_at, source,
                                  kiosk_id, offline, created_by, notes, previous_state_id,
                                  previous_message)
        VALUES (p_org, ev.id, p_user, p_team, p_at, p_source, p_kiosk, p_offline, p_actor,
                COALESCE(p_notes, ''),
                NULLIF(person.state_id, (SELECT id FROM states WHERE organisation_id = p_org
                                                                AND is_shift)),
                person.status_message)
        RETURNING * INTO e;
    EXCEPTION WHEN exclusion_violation THEN
        PERFORM muster_fail('MU409', 'overlap', 'That time overlaps another entry');
    END;
    PERFORM muster_enter_shift(e);
    PERFORM muster_audit(p_org, p_actor, 'timeclock.clockIn', 'time_entry', e.id, NULL,
        jsonb_build_object('userId', e.user_id, 'teamId', e.team_id, 'start', muster_iso(e.start_at),
                           'source', e.source, 'kioskId', e.kiosk_id, 'offline', e.offline));
    result := jsonb_build_object('entry', muster_entry_json(e));
    IF p_action IS NOT NULL THEN
        INSERT INTO clock_actions (organisation_id, action_id, user_id, result)
        VALUES (p_org, p_action, p_user, result);
    END IF;
    RETURN result;
END
$$;

-- Ends p_user's ongoing entry at p_at. The result carries the reward notices it caused under
-- "notifications" (not kept for replays: they went out once).
CREATE FUNCTION muster_clock_out(p_org uuid, p_user uuid, p_action uuid, p_at timestamptz,
    p_offline boolean, p_actor uuid)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    previous jsonb;
    e time_entries;
    result jsonb;
BEGIN
    PERFORM 1 FROM users WHERE organisation_id = p_org AND id = p_user FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM muster_fail('MU404', 'not_found', 'User not found');
    END IF;
    IF p_action IS NOT NULL THEN
        SELECT c.result INTO previous FROM clock_actions c
         WHERE c.organisation_id = p_org AND c.action_id = p_action;
        IF previous IS NOT NULL THEN
            RETURN previous || '{"replayed": true}';
        END IF;
    END IF;
    SELECT * INTO e FROM time_entries WHERE organisation_id = p_org AND user_id = p_user
       AND stop_at IS NULL FOR UPDATE;
    IF e.id IS NULL THEN
        PERFORM muster_fail('MU409', 'not_clocked_in', 'Not clocked in');
    END IF;
    IF p_at <= e.start_at THEN
        PERFORM muster_fail('MU409', 'before_start', 'The shift cannot end before it started');
    END IF;
    UPDATE time_entries SET stop_at = p_at, offline = offline OR p_offline WHERE id = e.id
    RETURNING * INTO e;
    PERFORM muster_leave_shift(e);
    PERFORM muster_audit(p_org, p_actor, 'timeclock.clockOut', 'time_entry', e.id,
        jsonb_build_object('stop', NULL),
        jsonb_build_object('stop', muster_iso(e.stop_at), 'offline', p_offline));
    result := jsonb_build_object('entry', muster_entry_json(e),
                                 'totals', muster_user_totals(p_org, e.event_id, p_user));
    IF p_action IS NOT NULL THEN
        INSERT INTO clock_actions (organisation_id, action_id, user_id, result)
        VALUES (p_org, p_action, p_user, result);
    END IF;
    RETURN result || jsonb_build_object('notifications', COALESCE(
        (SELECT jsonb_agg(n) FROM muster_reward_notices(p_org, e.event_id, ARRAY[p_user]) n), '[]'));
END
$$;

-- A manager's edit of an entry (times, team, notes) with a required reason; overlaps refused.
CREATE FUNCTION muster_update_entry(p_org uuid, p_actor uuid, p_actor_role text, p_entry uuid,
    p_start timestamptz, p_stop timestamptz, p_stop_given boolean, p_team uuid, p_notes text,
    p_reason text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    before_edit time_entries;
    e time_entries;
BEGIN
    SELECT * INTO before_edit FROM time_entries WHERE organisation_id = p_org AND id = p_entry FOR UPDATE;
    IF before_edit.id IS NULL THEN
        PERFORM muster_fail('MU404', 'not_found', 'Time entry not found');
    END IF;
    PERFORM muster_writable_event(p_org, before_edit.event_id);
    IF p_team IS NOT NULL THEN
        PERFORM muster_check_team(p_org, p_team, p_actor_role);
    END IF;
    IF p_stop_given AND p_stop IS NULL AND before_edit.stop_at IS NOT NULL THEN
        PERFORM muster_fail('MU422', 'invalid_params', 'A finished entry cannot be reopened');
    END IF;
    BEGIN
        UPDATE time_entries
           SET start_at = COALESCE(p_start, start_at),
               stop_at = CASE WHEN p_stop_given THEN p_stop ELSE stop_at END,
               team_id = COALESCE(p_team, team_id),
               notes = COALESCE(p_notes, notes)
         WHERE id = p_entry RETURNING * INTO e;
    EXCEPTION
        WHEN exclusion_violation THEN
            PERFORM muster_fail('MU409', 'overlap', 'That time overlaps another entry of theirs');
        WHEN check_violation THEN
            PERFORM muster_fail('MU422', 'invalid_params', 'The entry must end after it starts');
    END;
    IF before_edit.stop_at IS NULL AND e.stop_at IS NOT NULL THEN
        PERFORM muster_leave_shift(e);
    END IF;
    PERFORM muster_audit(p_org, p_actor, 'timeclock.update', 'time_entry', e.id,
        jsonb_build_object('start', muster_iso(before_edit.start_at),
                           'stop', muster_iso(before_edit.stop_at),
                           'teamId', before_edit.team_id, 'notes', before_edit.notes),
        jsonb_build_object('start', muster_iso(e.start_at), 'stop', muster_iso(e.stop_at),
                           'teamId', e.team_id, 'notes', e.notes, 'reason', p_reason));
    RETURN jsonb_build_object('entry', muster_entry_json(e),
        'totals', muster_user_totals(p_org, e.event_id, e.user_id),
        'notifications', COALESCE(
            (SELECT jsonb_agg(n) FROM muster_reward_notices(p_org, e.event_id, ARRAY[e.user_id]) n), '[]'));
END
$$;

-- A manager adds a finished shift for someone (an ongoing one goes through muster_clock_in).
CREATE FUNCTION muster_add_entry(p_org uuid, p_actor uuid, p_actor_role text, p_user uuid,
    p_team uuid, p_start timestamptz, p_stop timestamptz, p_notes text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    ev events;
    e time_entries;
BEGIN
    PERFORM 1 FROM users WHERE organisation_id = p_org AND id = p_user FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM muster_fail('MU404', 'not_found', 'User not found');
    END IF;
    ev := muster_open_active_event(p_org);
    PERFORM muster_check_team(p_org, p_team, p_actor_role);
    IF p_stop <= p_start THEN
        PERFORM muster_fail('MU422', 'invalid_params', 'The entry must end after it starts');
    END IF;
    BEGIN
        INSERT INTO time_entries (organisation_id, event_id, user_id, team_id, start_at, stop_at,
                                  source, created_by, notes)
        VALUES (p_org, ev.id, p_user, p_team, p_start, p_stop, 'manager', p_actor,
                COALESCE(p_notes, ''))
        RETURNING * INTO e;
    EXCEPTION WHEN exclusion_violation THEN
        PERFORM muster_fail('MU409', 'overlap', 'That time overlaps another entry of theirs');
    END;
    PERFORM muster_audit(p_org, p_actor, 'timeclock.add', 'time_entry', e.id, NULL,
        jsonb_build_object('userId', e.user_id, 'teamId', e.team_id, 'start', muster_iso(e.start_at),
                           'stop', muster_iso(e.stop_at), 'notes', e.notes));
    RETURN jsonb_build_object('entry', muster_entry_json(e),
        'totals', muster_user_totals(p_org, e.event_id, e.user_id),
        'notifications', COALESCE(
            (SELECT jsonb_agg(n) FROM muster_reward_notices(p_org, e.event_id, ARRAY[e.user_id]) n), '[]'));
END
$$;

CREATE FUNCTION muster_delete_entry(p_org uuid, p_actor uuid, p_entry uuid, p_reason text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    e time_entries;
    gone jsonb;
BEGIN
    SELECT * INTO e FROM time_entries WHERE organisation_id = p_org AND id = p_entry FOR UPDATE;
    IF e.id IS NULL THEN
        PERFORM muster_fail('MU404', 'not_found', 'Time entry not found');
    END IF;
    PERFORM muster_writable_event(p_org, e.event_id);
    gone := muster_entry_json(e);
    IF e.stop_at IS NULL THEN
        PERFORM muster_leave_shift(e);
    END IF;
    DELETE FROM time_entries WHERE id = e.id;
    PERFORM muster_audit(p_org, p_actor, 'timeclock.delete', 'time_entry', e.id,
        gone, jsonb_build_object('reason', p_reason));
    RETURN jsonb_build_object('entry', gone, 'totals', muster_user_totals(p_org, e.event_id, e.user_id));
END
$$;

-- The day boundary: stops every ongoing entry of each active event whose boundary has passed
-- (or, with p_force, of the active event now) at min(start + 1 h, now), flags it, and leaves
-- its owner a notice to acknowledge. The event row is taken with SKIP LOCKED and its
-- last_boundary_at moved on in the same transaction, so with several server processes exactly
-- one of them does it.
CREATE FUNCTION muster_stop_at_boundaries(p_org uuid, p_force boolean, p_actor uuid)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    ev events;
    e time_entries;
    n notifications;
    stopped jsonb := '[]';
    users_stopped uuid[];
BEGIN
    FOR ev IN
        SELECT ev2.* FROM events ev2 JOIN organisations o ON o.active_event_id = ev2.id
         WHERE (p_org IS NULL OR o.id = p_org)
           AND (p_force OR ev2.last_boundary_at
                < muster_last_boundary(ev2.time_zone, ev2.day_boundary_hour, now()))
           FOR UPDATE OF ev2 SKIP LOCKED
    LOOP
        UPDATE events SET last_boundary_at = greatest(last_boundary_at,
               muster_last_boundary(ev.time_zone, ev.day_boundary_hour, now()))
         WHERE id = ev.id;
        users_stopped := '{}';
        FOR e IN
            UPDATE time_entries SET stop_at = least(start_at + interval '1 hour', now()),
                   auto_stopped = true
             WHERE organisation_id = ev.organisation_id AND event_id = ev.id AND stop_at IS NULL
            RETURNING *
        LOOP
            PERFORM muster_leave_shift(e);
            INSERT INTO notifications (organisation_id, user_id, kind, title, body, data, requires_ack)
            VALUES (e.organisation_id, e.user_id, 'auto_stop', 'Your shift was stopped',
                    'You did not clock out before the end of the day, so your shift was stopped '
                    || 'automatically. Ask a manager to correct it if you worked longer.',
                    jsonb_build_object('entryId', e.id, 'start', muster_iso(e.start_at),
                                       'stop', muster_iso(e.stop_at)),
                    true)
            RETURNING * INTO n;
            PERFORM muster_audit(e.organisation_id, p_actor, 'timeclock.autoStop', 'time_entry',
                e.id, jsonb_build_object('stop', NULL),
                jsonb_build_object('stop', muster_iso(e.stop_at), 'autoStopped', true));
            users_stopped := users_stopped || e.user_id;
            stopped := stopped || jsonb_build_array(jsonb_build_object(
                'organisationId', e.organisation_id, 'entry', muster_entry_json(e),
                'totals', muster_user_totals(e.organisation_id, e.event_id, e.user_id),
                'notification', muster_notification_json(n)));
        END LOOP;
        IF cardinality(users_stopped) > 0 THEN
            stopped := stopped || COALESCE((
                SELECT jsonb_agg(jsonb_build_object('organisationId', ev.organisation_id,
                                                    'notification', r))
                  FROM muster_reward_notices(ev.organisation_id, ev.id, users_stopped) r), '[]');
        END IF;
    END LOOP;
    RETURN stopped;
END
$$;

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

CREATE FUNCTION muster_bonus_json(b time_bonuses) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('id', b.id, 'eventId', b.event_id, 'start', muster_iso(b.starts_at),
        'end', muster_iso(b.ends_at), 'multiplier', b.multiplier,
        'teamIds', COALESCE((SELECT jsonb_agg(bt.team_id ORDER BY bt.team_id) FROM time_bonus_teams bt
                              WHERE bt.organisation_id = b.organisation_id AND bt.bonus_id = b.id), '[]'))
$$;

-- Creates (p_bonus NULL) or changes a bonus window, then brings the event's totals and reward
-- notices up to date. NULL arguments keep what an existing bonus has.
CREATE FUNCTION muster_save_bonus(p_org uuid, p_actor uuid, p_bonus uuid, p_event uuid,
    p_start timestamptz, p_stop timestamptz, p_multiplier numeric, p_teams uuid[])
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    before_edit jsonb;
    b time_bonuses;
BEGIN
    IF p_bonus IS NULL THEN
        PERFORM muster_writable_event(p_org, p_event);
        BEGIN
            INSERT INTO time_bonuses (organisation_id, event_id, starts_at, ends_at, multiplier)
            VALUES (p_org, p_event, p_start, p_stop, p_multiplier) RETURNING * INTO b;
        EXCEPTION WHEN check_violation THEN
            PERFORM muster_fail('MU422', 'invalid_params',
                'A bonus ends after it starts, with a multiplier above 1 and at most 10');
        END;
    ELSE
        SELECT * INTO b FROM time_bonuses WHERE organisation_id = p_org AND id = p_bonus FOR UPDATE;
        IF b.id IS NULL THEN
            PERFORM muster_fail('MU404', 'not_found', 'Bonus not found');
        END IF;
        PERFORM muster_writable_event(p_org, b.event_id);
        before_edit := muster_bonus_json(b);
        BEGIN
            UPDATE time_bonuses SET starts_at = COALESCE(p_start, starts_at),
                   ends_at = COALESCE(p_stop, ends_at), multiplier = COALESCE(p_multiplier, multiplier)
             WHERE id = b.id RETURNING * INTO b;
        EXCEPTION WHEN check_violation THEN
            PERFORM muster_fail('MU422', 'invalid_params',
                'A bonus ends after it starts, with a multiplier above 1 and at most 10');
        END;
    END IF;
    IF p_teams IS NOT NULL THEN
        IF EXISTS (SELECT 1 FROM unnest(p_teams) t(id)
                    WHERE NOT EXISTS (SELECT 1 FROM teams WHERE organisation_id = p_org AND id = t.id)) THEN
            PERFORM muster_fail('MU404', 'not_found', 'Team not found');
        END IF;
        DELETE FROM time_bonus_teams WHERE organisation_id = p_org AND bonus_id = b.id;
        INSERT INTO time_bonus_teams (organisation_id, bonus_id, team_id)
        SELECT DISTINCT p_org, b.id, t FROM unnest(p_teams) t;
    END IF;
    PERFORM muster_recompute_totals(p_org, b.event_id);
    PERFORM muster_audit(p_org, p_actor, CASE WHEN p_bonus IS NULL THEN 'bonus.create'
                                               ELSE 'bonus.update' END,
        'time_bonus', b.id, before_edit, muster_bonus_json(b));
    RETURN jsonb_build_object('bonus', muster_bonus_json(b), 'notifications', COALESCE(
        (SELECT jsonb_agg(n) FROM muster_reward_notices(p_org, b.event_id, NULL) n), '[]'));
END
$$;

CREATE FUNCTION muster_delete_bonus(p_org uuid, p_actor uuid, p_bonus uuid) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    b time_bonuses;
    gone jsonb;
BEGIN
    SELECT * INTO b FROM time_bonuses WHERE organisation_id = p_org AND id = p_bonus FOR UPDATE;
    IF b.id IS NULL THEN
        PERFORM muster_fail('MU404', 'not_found', 'Bonus not found');
    END IF;
    PERFORM muster_writable_event(p_org, b.event_id);
    gone := muster_bonus_json(b);
    DELETE FROM time_bonuses WHERE id = b.id;
    PERFORM muster_recompute_totals(p_org, b.event_id);
    PERFORM muster_audit(p_org, p_actor, 'bonus.delete', 'time_bonus', b.id, gone, NULL);
    RETURN jsonb_build_object('bonus', gone);
END
$$;

-- A reward as p_user sees it: claimed, and eligible (earned hours strictly above the threshold).
CREATE FUNCTION muster_reward_json(r rewards, p_user uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('id', r.id, 'eventId', r.event_id, 'name', r.name,
        'description', r.description, 'thresholdHours', r.threshold_hours,
        'claimed', EXISTS (SELECT 1 FROM reward_claims c WHERE c.organisation_id = r.organisation_id
                            AND c.reward_id = r.id AND c.user_id = p_user),
        'eligible', COALESCE((SELECT sum(earned_seconds) FROM time_totals t
                               WHERE t.organisation_id = r.organisation_id
                                 AND t.event_id = r.event_id AND t.user_id = p_user), 0)
                    > r.threshold_hours * 3600)
$$;

CREATE FUNCTION muster_save_reward(p_org uuid, p_actor uuid, p_reward uuid, p_event uuid,
    p_name text, p_description text, p_threshold numeric)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    before_edit jsonb;
    r rewards;
BEGIN
    IF p_reward IS NULL THEN
        PERFORM muster_writable_event(p_org, p_event);
        INSERT INTO rewards (organisation_id, event_id, name, description, threshold_hours)
        VALUES (p_org, p_event, p_name, COALESCE(p_description, ''), p_threshold) RETURNING * INTO r;
    ELSE
        SELECT * INTO r FROM rewards WHERE organisation_id = p_org AND id = p_reward FOR UPDATE;
        IF r.id IS NULL THEN
            PERFORM muster_fail('MU404', 'not_found', 'Reward not found');
        END IF;
        PERFORM muster_writable_event(p_org, r.event_id);
        before_edit := muster_reward_json(r, NULL) - 'claimed' - 'eligible';
        UPDATE rewards SET name = COALESCE(p_name, name),
               description = COALESCE(p_description, description),
               threshold_hours = COALESCE(p_threshold, threshold_hours)
         WHERE id = r.id RETURNING * INTO r;
    END IF;
    PERFORM muster_audit(p_org, p_actor, CASE WHEN p_reward IS NULL THEN 'reward.create'
                                               ELSE 'reward.update' END,
        'reward', r.id, before_edit, muster_reward_json(r, NULL) - 'claimed' - 'eligible');
    RETURN jsonb_build_object('reward', muster_reward_json(r, NULL) - 'claimed' - 'eligible',
        'notifications', COALESCE(
            (SELECT jsonb_agg(n) FROM muster_reward_notices(p_org, r.event_id, NULL) n), '[]'));
END
$$;

CREATE FUNCTION muster_delete_reward(p_org uuid, p_actor uuid, p_reward uuid) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    r rewards;
    gone jsonb;
BEGIN
    SELECT * INTO r FROM rewards WHERE organisation_id = p_org AND id = p_reward FOR UPDATE;
    IF r.id IS NULL THEN
        PERFORM muster_fail('MU404', 'not_found', 'Reward not found');
    END IF;
    PERFORM muster_writable_event(p_org, r.event_id);
    gone := muster_reward_json(r, NULL) - 'claimed' - 'eligible';
    DELETE FROM rewards WHERE id = r.id;
    PERFORM muster_audit(p_org, p_actor, 'reward.delete', 'reward', r.id, gone, NULL);
    RETURN jsonb_build_object('reward', gone);
END
$$;

-- A manager hands a reward over (p_claim) or takes the hand-over back. Claiming needs the person
-- to be eligible; they are told it was claimed for them.
CREATE FUNCTION muster_claim_reward(p_org uuid, p_actor uuid, p_reward uuid, p_user uuid,
    p_claim boolean)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    r rewards;
    status jsonb;
    n notifications;
BEGIN
    SELECT * INTO r FROM rewards WHERE organisation_id = p_org AND id = p_reward;
    IF r.id IS NULL THEN
        PERFORM muster_fail('MU404', 'not_found', 'Reward not found');
    END IF;
    PERFORM 1 FROM users WHERE organisation_id = p_org AND id = p_user FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM muster_fail('MU404', 'not_found', 'User not found');
    END IF;
    PERFORM muster_writable_event(p_org, r.event_id);
    status := muster_reward_json(r, p_user);
    IF p_claim THEN
        IF (status ->> 'claimed')::boolean THEN
            PERFORM muster_fail('MU409', 'already_claimed', 'The reward is already claimed');
        END IF;
        IF NOT (status ->> 'eligible')::boolean THEN
            PERFORM muster_fail('MU409', 'not_eligible', 'Not enough hours for this reward yet');
        END IF;
        INSERT INTO reward_claims (organisation_id, reward_id, user_id, claimed_by)
        VALUES (p_org, r.id, p_user, p_actor);
        INSERT INTO notifications (organisation_id, user_id, kind, title, body, data, reward_id)
        VALUES (p_org, p_user, 'reward_claimed', 'Reward handed over: ' || r.name, r.description,
                jsonb_build_object('rewardId', r.id, 'eventId', r.event_id), r.id)
        RETURNING * INTO n;
    ELSE
        DELETE FROM reward_claims WHERE organisation_id = p_org AND reward_id = r.id AND user_id = p_user;
        IF NOT FOUND THEN
            PERFORM muster_fail('MU409', 'not_claimed', 'The reward is not claimed');
        END IF;
    END IF;
    PERFORM muster_audit(p_org, p_actor, CASE WHEN p_claim THEN 'reward.claim' ELSE 'reward.unclaim' END,
        'reward', r.id, jsonb_build_object('userId', p_user, 'claimed', NOT p_claim),
        jsonb_build_object('userId', p_user, 'claimed', p_claim));
    RETURN jsonb_build_object('reward', muster_reward_json(r, p_user), 'userId', p_user,
        'notifications', CASE WHEN n.id IS NULL THEN '[]'::jsonb
                              ELSE jsonb_build_array(muster_notification_json(n)) END);
END
$$;

-- May p_user see (and, with p_write, change) attendee log p_log? Managers may; gatekeepers of
-- the log may, and change it only while its event is the active one and open.
CREATE FUNCTION muster_attendee_log_access(p_org uuid, p_log uuid, p_user uuid, p_role text,
    p_write boolean)
RETURNS attendee_logs LANGUAGE plpgsql AS $$
DECLARE
    l attendee_logs;
    ev events;
    manager boolean := p_role IN ('manager', 'admin');
BEGIN
    SELECT * INTO l FROM attendee_logs WHERE organisation_id = p_org AND id = p_log;
    IF l.id IS NULL OR (NOT manager AND NOT EXISTS (
            SELECT 1 FROM attendee_log_users WHERE organisation_id = p_org AND log_id = p_log
               AND user_id = p_user AND kind = 'gatekeeper')) THEN
        PERFORM muster_fail('MU404', 'not_found', 'Attendee log not found');
    END IF;
    IF p_write THEN
        SELECT e.* INTO ev FROM events e JOIN organisations o ON o.active_event_id = e.id
         WHERE o.id = p_org AND e.id = l.event_id;
        IF ev.id IS NULL OR NOT muster_event_open(ev) THEN
            PERFORM muster_fail('MU409', 'event_closed',
                'Attendee logs change only while their event is active');
        END IF;
    END IF;
    RETURN l;
END
$$;

CREATE FUNCTION muster_attendee_log_json(l attendee_logs) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('id', l.id, 'eventId', l.event_id, 'name', l.name,
        'attendees', (SELECT count(*) FROM attendee_log_users a WHERE a.organisation_id = l.organisation_id
                       AND a.log_id = l.id AND a.kind = 'attendee'),
        'gatekeepers', COALESCE((SELECT jsonb_agg(jsonb_build_object('userId', u.id,
                                        'displayName', u.display_name) ORDER BY lower(u.display_name))
                                   FROM attendee_log_users a JOIN users u ON u.id = a.user_id
                                  WHERE a.organisation_id = l.organisation_id AND a.log_id = l.id
                                    AND a.kind = 'gatekeeper'), '[]'))
$$;

CREATE FUNCTION muster_attendee_json(a attendee_log_users) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('userId', u.id, 'badge', u.badge, 'displayName', u.display_name,
        'placeholder', u.is_placeholder, 'arrivedAt', muster_iso(a.added_at))
      FROM users u WHERE u.id = a.user_id
$$;

-- Logs an attendee by badge number. An unknown badge becomes a placeholder Attendee with no
-- personal data (no name, no e-mail, no password) so the log can still count them.
CREATE FUNCTION muster_add_attendee(p_org uuid, p_actor uuid, p_role text, p_log uuid, p_badge text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    l attendee_logs;
    person uuid;
    a attendee_log_users;
BEGIN
    l := muster_attendee_log_access(p_org, p_log, p_actor, p_role, true);
    SELECT id INTO person FROM users WHERE organisation_id = p_org AND badge = p_badge;
    IF person IS NULL THEN
        INSERT INTO users (organisation_id, login, display_name, password_hash, role, badge,
                           is_placeholder)
        VALUES (p_org, 'badge-' || p_badge || '-' || replace(p_org::text, '-', ''),
                'Badge ' || p_badge, '', 'attendee', p_badge, true)
        ON CONFLICT DO NOTHING
        RETURNING id INTO person;
        IF person IS NULL THEN -- created meanwhile by another gatekeeper
            SELECT id INTO person FROM users WHERE organisation_id = p_org AND badge = p_badge;
        END IF;
    END IF;
    INSERT INTO attendee_log_users (organisation_id, log_id, user_id, kind, added_by)
    VALUES (p_org, l.id, person, 'attendee', p_actor)
    ON CONFLICT DO NOTHING
    RETURNING * INTO a;
    IF a.user_id IS NULL THEN
        PERFORM muster_fail('MU409', 'already_logged', 'That badge is already in this log');
    END IF;
    PERFORM muster_audit(p_org, p_actor, 'attendee.add', 'attendee_log', l.id, NULL,
        jsonb_build_object('badge', p_badge, 'userId', person));
    RETURN jsonb_build_object('attendee', muster_attendee_json(a), 'logId', l.id);
END
$$;
