-- The consultant chat's one rule that must hold under a race: a waiting client is picked by one
-- consultant, and no consultant takes more clients than the organisation allows. Everything
-- else about chats is plain SQL in ChatStore.

-- A consultant takes a waiting client. Locks the consultant's duty row first (two clients picked
-- at once by one consultant count one after the other), then the chat (two consultants racing
-- for one client: the second finds it taken). Hands back the chat row.
CREATE OR REPLACE FUNCTION muster_chat_accept(p_org uuid, p_user uuid, p_chat uuid)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    duty chat_duty;
    c chats;
    available boolean;
    cap integer;
    open_count integer;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM chats WHERE organisation_id = p_org AND id = p_chat) THEN
        PERFORM muster_fail('MU404', 'not_found', 'Chat not found');
    END IF;
    SELECT * INTO duty FROM chat_duty
     WHERE organisation_id = p_org AND user_id = p_user FOR UPDATE;
    IF duty.user_id IS NULL THEN
        PERFORM muster_fail('MU409', 'not_on_duty', 'Turn chat duty on to take clients');
    END IF;
    SELECT COALESCE(s.is_available, true) INTO available
      FROM users u LEFT JOIN states s ON s.id = u.state_id
     WHERE u.organisation_id = p_org AND u.id = p_user;
    IF NOT available THEN
        PERFORM muster_fail('MU409', 'unavailable',
            'Your status says you are not available: change it to take a new client');
    END IF;
    SELECT max_chats_per_consultant INTO cap FROM chat_settings WHERE organisation_id = p_org;
    SELECT count(*) INTO open_count FROM chats
     WHERE organisation_id = p_org AND consultant_id = p_user AND status = 'active';
    IF open_count >= COALESCE(cap, 3) THEN
        PERFORM muster_fail('MU409', 'at_capacity',
            format('You already have %s chats open, the most this organisation allows',
                   open_count));
    END IF;
    SELECT * INTO c FROM chats WHERE organisation_id = p_org AND id = p_chat FOR UPDATE;
    IF c.id IS NULL THEN
        PERFORM muster_fail('MU404', 'not_found', 'Chat not found');
    END IF;
    IF c.status <> 'waiting' THEN
        PERFORM muster_fail('MU409', 'taken', CASE c.status
            WHEN 'active' THEN 'Another consultant has taken this client'
            ELSE 'This client has left' END);
    END IF;
    IF c.client_connection IS NULL THEN
        PERFORM muster_fail('MU409', 'client_away',
            'This client is not connected at the moment');
    END IF;
    UPDATE chats SET status = 'active', consultant_id = p_user,
                     consultant_name = duty.chat_name, accepted_at = now()
     WHERE id = c.id RETURNING * INTO c;
    RETURN to_jsonb(c);
END
$$;

-- A consultant (or a manager) hands an active chat to another consultant on duty, who must have
-- room for it; the note travels with the chat. Locks the receiver's duty row, then the chat, in
-- the order muster_chat_accept does. Hands back the chat row.
CREATE OR REPLACE FUNCTION muster_chat_transfer(p_org uuid, p_actor uuid, p_manager boolean,
    p_chat uuid, p_to uuid, p_note text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    duty chat_duty;
    c chats;
    cap integer;
    open_count integer;
    former uuid;
BEGIN
    SELECT * INTO duty FROM chat_duty
     WHERE organisation_id = p_org AND user_id = p_to FOR UPDATE;
    IF duty.user_id IS NULL THEN
        PERFORM muster_fail('MU409', 'not_on_duty', 'That person is not on chat duty');
    END IF;
    SELECT * INTO c FROM chats WHERE organisation_id = p_org AND id = p_chat FOR UPDATE;
    IF c.id IS NULL OR NOT (p_manager OR c.consultant_id = p_actor) THEN
        PERFORM muster_fail('MU404', 'not_found', 'Chat not found');
    END IF;
    IF c.status <> 'active' THEN
        PERFORM muster_fail('MU409', 'not_active', 'Only a chat in progress can be handed over');
    END IF;
    IF c.consultant_id = p_to THEN
        PERFORM muster_fail('MU409', 'same_consultant', 'That person has this chat already');
    END IF;
    SELECT max_chats_per_consultant INTO cap FROM chat_settings WHERE organisation_id = p_org;
    SELECT count(*) INTO open_count FROM chats
     WHERE organisation_id = p_org AND consultant_id = p_to AND status = 'active';
    IF open_count >= COALESCE(cap, 3) THEN
        PERFORM muster_fail('MU409', 'at_capacity',
            'That person has as many chats open as this organisation allows');
    END IF;
    former := c.consultant_id;
    UPDATE chats SET consultant_id = p_to, consultant_name = duty.chat_name,
                     transfer_note = NULLIF(p_note, ''), consultant_read_seq = 0
     WHERE id = c.id RETURNING * INTO c;
    RETURN to_jsonb(c) || jsonb_build_object('former_consultant_id', former);
END
$$;
