-- 0006: limits every server process shares, sessions that end everywhere, and clock actions
-- identified per person and kind.

-- Attempts at something guessable (a password, a PIN, a quick code, a pairing code), one row per
-- throttle key an attempt was counted against. Not a tenant table: a key names its own scope
-- ("login:account:ada", "kiosk:device:<id>", …). An attempt that succeeds is deleted, so only
-- failures and attempts still being checked count.
CREATE TABLE auth_attempts (
    key         text NOT NULL,
    attempt_id  uuid NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX auth_attempts_key ON auth_attempts (key, at);
CREATE INDEX auth_attempts_attempt ON auth_attempts (attempt_id);
CREATE INDEX auth_attempts_at ON auth_attempts (at);

-- Reserves one attempt against every rule before anything is checked, so attempts that arrive
-- together (on one connection, many, or many servers) are counted one after another.
-- p_rules: [{"key": text, "limit": n, "window": seconds, "cap": seconds or absent}, …]. Without
-- a cap, a rule allows `limit` attempts per window; with one, attempts past `limit` are not
-- refused for the window but spaced out: each must wait 2, 4, 8 … (at most `cap`) seconds after
-- the latest, which slows a guesser without locking the real person out for long.
-- Answers {"attemptId": uuid} or {"retryAfter": seconds}. Attempts are soft state: their commit
-- need not wait for the disk.
CREATE FUNCTION muster_reserve_attempt(p_rules jsonb) RETURNS jsonb
LANGUAGE plpgsql SET synchronous_commit = off AS $$
DECLARE
    rule jsonb;
    lock_key bigint;
    moment timestamptz := clock_timestamp();
    cutoff timestamptz;
    allowed integer;
    counted integer;
    latest timestamptz;
    pinned timestamptz;
    wait double precision := 0;
    attempt uuid := gen_random_uuid();
BEGIN
    -- In a fixed order, so two attempts sharing keys never wait on each other in a circle.
    FOR lock_key IN SELECT DISTINCT hashtextextended(r->>'key', 0)
                      FROM jsonb_array_elements(p_rules) r ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock(lock_key);
    END LOOP;
    moment := clock_timestamp(); -- after the wait for the locks
    FOR rule IN SELECT * FROM jsonb_array_elements(p_rules) LOOP
        cutoff := moment - make_interval(secs => (rule->>'window')::integer);
        allowed := (rule->>'limit')::integer;
        SELECT count(*), max(at) INTO counted, latest FROM auth_attempts
         WHERE key = rule->>'key' AND at > cutoff;
        IF counted < allowed THEN
            CONTINUE;
        END IF;
        IF rule ? 'cap' THEN
            wait := greatest(wait, extract(epoch FROM latest - moment)
                + least((rule->>'cap')::integer, 2 ^ least(counted - allowed + 1, 30)));
        ELSE
            -- Free again when the attempt that keeps the key at its limit leaves the window.
            SELECT at INTO pinned FROM auth_attempts WHERE key = rule->>'key' AND at > cutoff
             ORDER BY at OFFSET counted - allowed LIMIT 1;
            wait := greatest(wait, extract(epoch FROM pinned - cutoff));
        END IF;
    END LOOP;
    IF wait > 0 THEN
        RETURN jsonb_build_object('retryAfter', greatest(1, ceil(wait))::integer);
    END IF;
    INSERT INTO auth_attempts (key, attempt_id, at)
    SELECT DISTINCT r->>'key', attempt, moment FROM jsonb_array_elements(p_rules) r;
    -- Old attempts are swept now and then by whoever is attempting (a day outlives every window).
    IF random() < 0.01 THEN
        DELETE FROM auth_attempts WHERE at < moment - interval '1 day';
    END IF;
    RETURN jsonb_build_object('attemptId', attempt);
END
$$;

-- The attempt succeeded: it no longer counts, and neither do the failures of p_forget's keys.
CREATE FUNCTION muster_attempt_succeeded(p_attempt uuid, p_forget text[]) RETURNS void
LANGUAGE sql SET synchronous_commit = off AS $$
    DELETE FROM auth_attempts WHERE attempt_id = p_attempt OR key = ANY (p_forget);
$$;

-- Whoever revokes a session, every server hears it and closes the connections that carry it
-- (SessionService::refreshUser checks each of the person's connections).
CREATE FUNCTION muster_session_revoked() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('muster_user_changed', NEW.user_id::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER sessions_revoked AFTER UPDATE OF revoked_at ON sessions
    FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
    EXECUTE FUNCTION muster_session_revoked();

-- A ban ends every session for good, whichever path set it (the protocol or the command line):
-- lifting the ban later must not bring an old token back.
CREATE FUNCTION muster_user_banned() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE sessions SET revoked_at = now()
     WHERE organisation_id = NEW.organisation_id AND user_id = NEW.id AND revoked_at IS NULL;
    RETURN NULL;
END
$$;
CREATE TRIGGER users_banned AFTER UPDATE OF role ON users
    FOR EACH ROW WHEN (NEW.role = 'banned' AND OLD.role IS DISTINCT FROM 'banned')
    EXECUTE FUNCTION muster_user_banned();

-- Tokens that survived an earlier ban are void.
UPDATE sessions s SET revoked_at = now()
  FROM users u
 WHERE u.organisation_id = s.organisation_id AND u.id = s.user_id AND s.revoked_at IS NULL
   AND (u.role = 'banned'
        OR EXISTS (SELECT 1 FROM activities a
                    WHERE a.organisation_id = u.organisation_id AND a.subject_id = u.id
                      AND a.action IN ('user.role', 'user.update')
                      AND a.new_value->>'role' = 'banned' AND a.created_at > s.created_at));

-- A clock action is one person's one kind of action: an id reused by someone else or for the
-- other kind is refused, never answered with another action's result.
ALTER TABLE clock_actions ADD COLUMN kind text;
UPDATE clock_actions SET kind = CASE WHEN result ? 'totals' THEN 'clockOut' ELSE 'clockIn' END;
ALTER TABLE clock_actions ALTER COLUMN kind SET NOT NULL,
    ADD CONSTRAINT clock_actions_kind CHECK (kind IN ('clockIn', 'clockOut'));

-- The first answer to p_action when it is p_user's action of p_kind; NULL when it is new.
CREATE FUNCTION muster_previous_action(p_org uuid, p_action uuid, p_user uuid, p_kind text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    c clock_actions;
BEGIN
    IF p_action IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT * INTO c FROM clock_actions WHERE organisation_id = p_org AND action_id = p_action;
    IF c.action_id IS NULL THEN
        RETURN NULL;
    END IF;
    IF c.user_id <> p_user OR c.kind <> p_kind THEN
        PERFORM muster_fail('MU409', 'conflict', 'That action id was already used for another action');
    END IF;
    RETURN c.result || '{"replayed": true}';
END
$$;

CREATE OR REPLACE FUNCTION muster_clock_in(p_org uuid, p_user uuid, p_action uuid, p_team uuid,
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
    previous := muster_previous_action(p_org, p_action, p_user, 'clockIn');
    IF previous IS NOT NULL THEN
        RETURN previous;
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
        -- Another person racing with the same id loses here (unique key: a conflict).
        INSERT INTO clock_actions (organisation_id, action_id, user_id, kind, result)
        VALUES (p_org, p_action, p_user, 'clockIn', result);
    END IF;
    RETURN result;
END
$$;

CREATE OR REPLACE FUNCTION muster_clock_out(p_org uuid, p_user uuid, p_action uuid,
    p_at timestamptz, p_offline boolean, p_actor uuid)
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
    previous := muster_previous_action(p_org, p_action, p_user, 'clockOut');
    IF previous IS NOT NULL THEN
        RETURN previous;
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
        INSERT INTO clock_actions (organisation_id, action_id, user_id, kind, result)
        VALUES (p_org, p_action, p_user, 'clockOut', result);
    END IF;
    RETURN result || jsonb_build_object('notifications', COALESCE(
        (SELECT jsonb_agg(n) FROM muster_reward_notices(p_org, e.event_id, ARRAY[p_user]) n), '[]'));
END
$$;
