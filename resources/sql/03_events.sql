-- Events: which one is active, which are still open to changes, and when their days begin.

-- Past and archived events are read-only.
CREATE OR REPLACE FUNCTION muster_event_open(e events) RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT NOT e.archived AND now() <= e.ends_at $$;

-- The most recent day boundary at or before p_now, in the event's time zone.
CREATE OR REPLACE FUNCTION muster_last_boundary(p_tz text, p_hour integer, p_now timestamptz)
RETURNS timestamptz LANGUAGE sql STABLE AS $$
    SELECT (date_trunc('day', (p_now AT TIME ZONE p_tz) - make_interval(hours => p_hour))
            + make_interval(hours => p_hour)) AT TIME ZONE p_tz
$$;

-- The organisation's active event, open for writing, or a clear failure.
CREATE OR REPLACE FUNCTION muster_open_active_event(p_org uuid) RETURNS events
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

CREATE OR REPLACE FUNCTION muster_writable_event(p_org uuid, p_event uuid) RETURNS events
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
CREATE OR REPLACE FUNCTION muster_check_team(p_org uuid, p_team uuid, p_chooser_role text) RETURNS teams
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
