-- Organisations and people coming into being: one way for the command line (--create-org,
-- --create-user), a registration (organisations.register) and an accepted invite
-- (invites.accept).

-- A new organisation with what every organisation starts with (admins change it later): four
-- states, the one the time clock puts people in while on shift, and a team.
CREATE OR REPLACE FUNCTION muster_create_organisation(p_name text) RETURNS uuid
LANGUAGE plpgsql AS $$
DECLARE
    org uuid;
BEGIN
    INSERT INTO organisations (name) VALUES (p_name) RETURNING id INTO org;
    INSERT INTO states (organisation_id, label, color, sort_order, is_available, is_default)
    VALUES (org, 'Available', '#2e9d5b', 0, true, true),
           (org, 'Busy', '#d9822b', 1, false, false),
           (org, 'In a meeting', '#c0392b', 2, false, false),
           (org, 'Away', '#7f8c8d', 3, false, false);
    INSERT INTO states (organisation_id, label, color, sort_order, is_shift)
    VALUES (org, 'On shift', '#2e7d32', 4, true);
    INSERT INTO teams (organisation_id, name) VALUES (org, 'General');
    PERFORM muster_audit(org, NULL, 'organisation.create', 'organisation', org, NULL,
        jsonb_build_object('name', p_name));
    RETURN org;
END
$$;

-- A person of an organisation, in its first team and default state; audited as made by p_actor
-- (null: the command line, or the person themselves).
CREATE OR REPLACE FUNCTION muster_add_person(p_org uuid, p_login text, p_display_name text,
    p_email text, p_password_hash text, p_role text, p_actor uuid) RETURNS uuid
LANGUAGE plpgsql AS $$
DECLARE
    person uuid;
BEGIN
    INSERT INTO users (organisation_id, login, display_name, email, password_hash, role,
                       home_team_id, state_id)
    VALUES (p_org, p_login, p_display_name, COALESCE(p_email, ''), p_password_hash, p_role,
        (SELECT t.id FROM teams t WHERE t.organisation_id = p_org AND NOT t.archived
          ORDER BY t.created_at, t.id LIMIT 1),
        (SELECT s.id FROM states s WHERE s.organisation_id = p_org AND s.is_default))
    RETURNING id INTO person;
    PERFORM muster_audit(p_org, p_actor, 'user.create', 'user', person, NULL,
        jsonb_build_object('login', p_login, 'role', p_role));
    RETURN person;
END
$$;

-- Someone registers a new organisation (when the server allows it) and becomes its admin.
CREATE OR REPLACE FUNCTION muster_register_organisation(p_name text, p_login text,
    p_display_name text, p_email text, p_password_hash text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    org uuid;
    person uuid;
BEGIN
    BEGIN
        org := muster_create_organisation(p_name);
    EXCEPTION WHEN unique_violation THEN
        PERFORM muster_fail('MU409', 'name_taken', 'An organisation of that name exists');
    END;
    BEGIN
        person := muster_add_person(org, p_login, p_display_name, p_email, p_password_hash,
            'admin', NULL);
    EXCEPTION WHEN unique_violation THEN
        PERFORM muster_fail('MU409', 'login_taken', 'That login is taken: choose another');
    END;
    RETURN jsonb_build_object('organisationId', org, 'userId', person);
END
$$;

-- An invitee takes their invite: once, before it expires, unless revoked. The invite's row lock
-- makes two takers of one code one after the other; the second finds it used.
CREATE OR REPLACE FUNCTION muster_accept_invite(p_code_hash bytea, p_login text,
    p_display_name text, p_email text, p_password_hash text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    i invites;
    person uuid;
BEGIN
    SELECT * INTO i FROM invites WHERE code_hash = p_code_hash FOR UPDATE;
    IF i.id IS NULL OR i.used_at IS NOT NULL OR i.revoked_at IS NOT NULL
       OR i.expires_at <= now() THEN
        PERFORM muster_fail('MU404', 'not_found', 'This invitation is not valid any more');
    END IF;
    BEGIN
        person := muster_add_person(i.organisation_id, p_login,
            COALESCE(NULLIF(p_display_name, ''), NULLIF(i.display_name, ''), p_login),
            COALESCE(NULLIF(p_email, ''), i.email), p_password_hash, i.role, NULL);
    EXCEPTION WHEN unique_violation THEN
        PERFORM muster_fail('MU409', 'login_taken', 'That login is taken: choose another');
    END;
    UPDATE invites SET used_at = now(), used_by = person WHERE id = i.id;
    RETURN jsonb_build_object('organisationId', i.organisation_id, 'userId', person,
        'role', i.role);
END
$$;
