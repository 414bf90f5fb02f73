-- Attendee logs: lists gatekeepers keep of badges, with who may read and change them.

-- May p_user see (and, with p_write, change) attendee log p_log? Managers may; gatekeepers of
-- the log may, and change it only while its event is the active one and open.
CREATE OR REPLACE FUNCTION muster_attendee_log_access(p_org uuid, p_log uuid, p_user uuid, p_role text,
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

-- Someone logged, as the server reads them: the attendee_log_users row with the person's badge,
-- display_name and is_placeholder.
CREATE OR REPLACE FUNCTION muster_attendee_row(a attendee_log_users) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT to_jsonb(a) || jsonb_build_object('badge', u.badge, 'display_name', u.display_name,
        'is_placeholder', u.is_placeholder)
      FROM users u WHERE u.id = a.user_id
$$;

-- Logs an attendee by badge number. An unknown badge becomes a placeholder Attendee with no
-- personal data (no name, no e-mail, no password) so the log can still count them.
CREATE OR REPLACE FUNCTION muster_add_attendee(p_org uuid, p_actor uuid, p_role text, p_log uuid, p_badge text)
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
    RETURN jsonb_build_object('attendee', muster_attendee_row(a), 'logId', l.id);
END
$$;
