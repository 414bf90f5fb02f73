-- The day boundary's stops.

-- The day boundary: stops every ongoing entry of each active event whose boundary has passed
-- (or, with p_force, of the active event now) at min(start + 1 h, now), flags it, and leaves
-- its owner a notice to acknowledge. The event row is taken with SKIP LOCKED and its
-- last_boundary_at moved on in the same transaction, so with several server processes exactly
-- one of them does it.
CREATE OR REPLACE FUNCTION muster_stop_at_boundaries(p_org uuid, p_force boolean, p_actor uuid)
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
                    || 'automatically, an hour after it began. Say when you really stopped, and a '
                    || 'manager will correct it.',
                    jsonb_build_object('entryId', e.id, 'start', muster_iso(e.start_at),
                                       'stop', muster_iso(e.stop_at)),
                    true)
            RETURNING * INTO n;
            PERFORM muster_audit(e.organisation_id, p_actor, 'timeclock.autoStop', 'time_entry',
                e.id, jsonb_build_object('stop', NULL),
                jsonb_build_object('stop', muster_iso(e.stop_at), 'autoStopped', true));
            users_stopped := users_stopped || e.user_id;
            stopped := stopped || jsonb_build_array(jsonb_build_object(
                'organisationId', e.organisation_id, 'entry', muster_entry_row(e),
                'totals', muster_totals_row(e.organisation_id, e.event_id, e.user_id),
                'notification', to_jsonb(n)));
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
