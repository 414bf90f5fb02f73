-- Time entries: the clock actions (one round trip under the person's row lock, replayed by
-- action id) and the edits managers make, each checked against the event and the team.

-- An entry as the server reads it: its row, with the names it shows and its worked and earned
-- time (up to now while it goes on) as user_name, badge, team_name, kiosk_name, worked_seconds
-- and earned_seconds. TimeEntry::toJson makes its wire form.
CREATE OR REPLACE FUNCTION muster_entry_row(e time_entries) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT to_jsonb(e) || jsonb_build_object('user_name', u.display_name, 'badge', u.badge,
        'team_name', t.name, 'kiosk_name', k.name,
        'worked_seconds', round(extract(epoch FROM COALESCE(e.stop_at, now()) - e.start_at)),
        'earned_seconds', round(muster_earned_seconds(e.organisation_id, e.event_id, e.team_id,
                                                      e.start_at, COALESCE(e.stop_at, now()))))
      FROM users u
      JOIN teams t ON t.id = e.team_id
      LEFT JOIN kiosks k ON k.id = e.kiosk_id
     WHERE u.id = e.user_id
$$;

-- What the audit trail records of an entry that goes away.
CREATE OR REPLACE FUNCTION muster_entry_audit(e time_entries) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object('id', e.id, 'eventId', e.event_id, 'userId', e.user_id,
        'teamId', e.team_id, 'start', muster_iso(e.start_at), 'stop', muster_iso(e.stop_at),
        'notes', e.notes, 'source', e.source, 'kioskId', e.kiosk_id, 'offline', e.offline,
        'autoStopped', e.auto_stopped)
$$;

-- A person's time for an event: finished entries from the running totals, plus the ongoing one
-- up to now (as muster_entry_row).
CREATE OR REPLACE FUNCTION muster_totals_row(p_org uuid, p_event uuid, p_user uuid) RETURNS jsonb
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
    SELECT jsonb_build_object('event_id', p_event, 'user_id', p_user,
        'worked_seconds', round(done.worked + COALESCE(
            (SELECT extract(epoch FROM now() - (o.e).start_at) FROM ongoing o), 0)),
        'earned_seconds', round(done.earned + COALESCE(
            (SELECT muster_earned_seconds(p_org, p_event, (o.e).team_id, (o.e).start_at, now())
               FROM ongoing o), 0)),
        'entries', done.entries,
        'ongoing', (SELECT muster_entry_row(o.e) FROM ongoing o))
      FROM done
$$;

-- Presence while on shift: the organisation's shift state with the team as message; the state
-- before is kept on the entry (muster_clock_in) and comes back when the shift ends, unless the
-- person chose another state meanwhile.
CREATE OR REPLACE FUNCTION muster_enter_shift(e time_entries) RETURNS void
LANGUAGE sql AS $$
    UPDATE users u SET state_id = s.id, state_since = now(), state_until = NULL,
           status_message = left((SELECT name FROM teams WHERE id = e.team_id), 200)
      FROM states s
     WHERE s.organisation_id = e.organisation_id AND s.is_shift
       AND u.id = e.user_id AND u.organisation_id = e.organisation_id
$$;

CREATE OR REPLACE FUNCTION muster_leave_shift(e time_entries) RETURNS void
LANGUAGE sql AS $$
    UPDATE users u
       SET state_id = COALESCE(e.previous_state_id,
                               (SELECT id FROM states WHERE organisation_id = e.organisation_id
                                 AND is_default)),
           status_message = COALESCE(e.previous_message, ''), state_since = now(), state_until = NULL
     WHERE u.id = e.user_id AND u.organisation_id = e.organisation_id
       AND u.state_id = (SELECT id FROM states WHERE organisation_id = e.organisation_id AND is_shift)
$$;

-- The first answer to p_action when it is p_user's action of p_kind ({entry, totals} as rows,
-- as clock_actions keeps it); NULL when it is new.
CREATE OR REPLACE FUNCTION muster_previous_action(p_org uuid, p_action uuid, p_user uuid, p_kind text)
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
    result := jsonb_build_object('entry', muster_entry_row(e));
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
    result := jsonb_build_object('entry', muster_entry_row(e),
                                 'totals', muster_totals_row(p_org, e.event_id, p_user));
    IF p_action IS NOT NULL THEN
        INSERT INTO clock_actions (organisation_id, action_id, user_id, kind, result)
        VALUES (p_org, p_action, p_user, 'clockOut', result);
    END IF;
    RETURN result || jsonb_build_object('notifications', COALESCE(
        (SELECT jsonb_agg(n) FROM muster_reward_notices(p_org, e.event_id, ARRAY[p_user]) n), '[]'));
END
$$;

-- A manager's edit of an entry (times, team, notes) with a required reason; overlaps refused.
CREATE OR REPLACE FUNCTION muster_update_entry(p_org uuid, p_actor uuid, p_actor_role text, p_entry uuid,
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
    RETURN jsonb_build_object('entry', muster_entry_row(e),
        'totals', muster_totals_row(p_org, e.event_id, e.user_id),
        'notifications', COALESCE(
            (SELECT jsonb_agg(n) FROM muster_reward_notices(p_org, e.event_id, ARRAY[e.user_id]) n), '[]'));
END
$$;

-- A manager adds a finished shift for someone (an ongoing one goes through muster_clock_in).
CREATE OR REPLACE FUNCTION muster_add_entry(p_org uuid, p_actor uuid, p_actor_role text, p_user uuid,
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
    RETURN jsonb_build_object('entry', muster_entry_row(e),
        'totals', muster_totals_row(p_org, e.event_id, e.user_id),
        'notifications', COALESCE(
            (SELECT jsonb_agg(n) FROM muster_reward_notices(p_org, e.event_id, ARRAY[e.user_id]) n), '[]'));
END
$$;

CREATE OR REPLACE FUNCTION muster_delete_entry(p_org uuid, p_actor uuid, p_entry uuid, p_reason text)
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
    gone := muster_entry_row(e);
    IF e.stop_at IS NULL THEN
        PERFORM muster_leave_shift(e);
    END IF;
    DELETE FROM time_entries WHERE id = e.id;
    PERFORM muster_audit(p_org, p_actor, 'timeclock.delete', 'time_entry', e.id,
        muster_entry_audit(e), jsonb_build_object('reason', p_reason));
    RETURN jsonb_build_object('entry', gone, 'totals', muster_totals_row(p_org, e.event_id, e.user_id));
END
$$;
