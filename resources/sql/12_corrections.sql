-- Forgotten clock-outs: the owner of a shift the day boundary stopped says when they really
-- stopped (muster_request_correction); a manager approves or refuses (muster_decide_correction).

-- A request as the server reads it: its row, with the names a manager needs and the shift's
-- start as user_name, badge, team_name, event_id, start_at and decided_by_name.
CREATE OR REPLACE FUNCTION muster_correction_row(c stop_corrections) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT to_jsonb(c) || jsonb_build_object('user_name', u.display_name, 'badge', u.badge,
        'team_name', t.name, 'event_id', e.event_id, 'start_at', e.start_at,
        'decided_by_name', d.display_name)
      FROM time_entries e
      JOIN users u ON u.id = c.user_id
      JOIN teams t ON t.id = e.team_id
      LEFT JOIN users d ON d.id = c.decided_by
     WHERE e.id = c.entry_id
$$;

-- The person asks: only for their own shift, only one the day boundary stopped, once, while the
-- event is open; the time after the start, not in the future, and within a day of the start.
-- Asking answers the shift's "stopped automatically" notice.
CREATE OR REPLACE FUNCTION muster_request_correction(p_org uuid, p_user uuid, p_entry uuid,
    p_stop timestamptz, p_note text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    e time_entries;
    c stop_corrections;
    acknowledged jsonb;
BEGIN
    SELECT * INTO e FROM time_entries
     WHERE organisation_id = p_org AND id = p_entry AND user_id = p_user FOR UPDATE;
    IF e.id IS NULL THEN
        PERFORM muster_fail('MU404', 'not_found', 'Time entry not found');
    END IF;
    PERFORM muster_writable_event(p_org, e.event_id);
    IF NOT e.auto_stopped OR e.stop_at IS NULL THEN
        PERFORM muster_fail('MU409', 'not_auto_stopped',
            'Only a shift the end of the day stopped can be corrected this way');
    END IF;
    IF p_stop <= e.start_at THEN
        PERFORM muster_fail('MU422', 'invalid_params', 'The shift must end after it starts');
    END IF;
    IF p_stop > now() THEN
        PERFORM muster_fail('MU422', 'invalid_params', 'The stop cannot be in the future');
    END IF;
    IF p_stop > e.start_at + interval '24 hours' THEN
        PERFORM muster_fail('MU422', 'invalid_params', 'A shift cannot last more than 24 hours');
    END IF;
    BEGIN
        INSERT INTO stop_corrections (organisation_id, entry_id, user_id, auto_stop_at,
                                      requested_stop_at, note)
        VALUES (p_org, e.id, p_user, e.stop_at, p_stop, COALESCE(p_note, ''))
        RETURNING * INTO c;
    EXCEPTION WHEN unique_violation THEN
        PERFORM muster_fail('MU409', 'already_requested',
            'A correction of this shift was asked for already');
    END;
    WITH n AS (
        UPDATE notifications SET acknowledged_at = COALESCE(acknowledged_at, now())
         WHERE organisation_id = p_org AND user_id = p_user AND kind = 'auto_stop'
           AND data->>'entryId' = e.id::text
        RETURNING *)
    SELECT COALESCE(jsonb_agg(to_jsonb(n)), '[]') INTO acknowledged FROM n;
    PERFORM muster_audit(p_org, p_user, 'correction.request', 'time_entry', e.id,
        jsonb_build_object('stop', muster_iso(e.stop_at)),
        jsonb_build_object('requestedStop', muster_iso(p_stop), 'note', c.note,
                           'correctionId', c.id));
    RETURN jsonb_build_object('correction', muster_correction_row(c),
                              'acknowledged', acknowledged);
END
$$;

-- A manager decides a waiting request, never their own. Approving stops the shift at the time
-- asked for through muster_update_entry (overlaps refused, audited old → new, totals and reward
-- notices follow); refusing needs a reason. The person gets a notice either way.
CREATE OR REPLACE FUNCTION muster_decide_correction(p_org uuid, p_actor uuid, p_actor_role text,
    p_correction uuid, p_approve boolean, p_reason text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    c stop_corrections;
    change jsonb;
    n notifications;
    tz text;
BEGIN
    SELECT * INTO c FROM stop_corrections
     WHERE organisation_id = p_org AND id = p_correction FOR UPDATE;
    IF c.id IS NULL THEN
        PERFORM muster_fail('MU404', 'not_found', 'Correction not found');
    END IF;
    IF c.user_id = p_actor THEN
        PERFORM muster_fail('MU403', 'forbidden', 'Another manager decides your own correction');
    END IF;
    IF c.status <> 'pending' THEN
        PERFORM muster_fail('MU409', 'already_decided', 'This correction was decided already');
    END IF;
    IF NOT p_approve AND COALESCE(btrim(p_reason), '') = '' THEN
        PERFORM muster_fail('MU422', 'invalid_params', 'Say why the correction is refused');
    END IF;
    IF p_approve THEN
        change := muster_update_entry(p_org, p_actor, p_actor_role, c.entry_id, NULL,
            c.requested_stop_at, true, NULL, NULL,
            'Correction asked for by the volunteer'
            || CASE WHEN COALESCE(p_reason, '') = '' THEN '' ELSE ': ' || p_reason END);
    END IF;
    UPDATE stop_corrections
       SET status = CASE WHEN p_approve THEN 'approved' ELSE 'refused' END,
           decided_by = p_actor, decided_at = now(), decision_reason = COALESCE(p_reason, '')
     WHERE id = c.id RETURNING * INTO c;
    PERFORM muster_audit(p_org, p_actor, 'correction.' || CASE WHEN p_approve THEN 'approve'
                                                              ELSE 'refuse' END,
        'time_entry', c.entry_id, jsonb_build_object('status', 'pending'),
        jsonb_build_object('status', c.status, 'reason', c.decision_reason,
                           'correctionId', c.id));
    SELECT ev.time_zone INTO tz FROM time_entries e JOIN events ev ON ev.id = e.event_id
     WHERE e.id = c.entry_id;
    INSERT INTO notifications (organisation_id, user_id, kind, title, body, data)
    VALUES (p_org, c.user_id, 'correction',
            CASE WHEN p_approve THEN 'Your shift was corrected'
                 ELSE 'Your correction was refused' END,
            CASE WHEN p_approve
                 THEN 'Your shift now ends at '
                      || to_char(c.requested_stop_at AT TIME ZONE tz, 'HH24:MI') || ', as you said.'
                 ELSE 'Your shift still ends at '
                      || to_char(c.auto_stop_at AT TIME ZONE tz, 'HH24:MI') || '.' END
            || CASE WHEN c.decision_reason = '' THEN ''
                    ELSE ' ' || c.decision_reason END,
            jsonb_build_object('correctionId', c.id, 'entryId', c.entry_id, 'status', c.status))
    RETURNING * INTO n;
    RETURN jsonb_build_object('correction', muster_correction_row(c), 'change', change,
                              'notification', to_jsonb(n));
END
$$;
