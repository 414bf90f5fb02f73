-- The chat bot's link: a one-time setup key from My time, sent to the bot as /start KEY.

-- Links the chat to the key's person: once per key, before it expires; a chat that spoke for
-- someone else, or the person's earlier chat, is unlinked. Answers {organisation_id, user_id,
-- display_name}.
CREATE OR REPLACE FUNCTION muster_telegram_link(p_key bytea, p_chat bigint)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    k telegram_setup_keys;
    who users;
BEGIN
    SELECT * INTO k FROM telegram_setup_keys WHERE key_hash = p_key FOR UPDATE;
    IF k.key_hash IS NULL OR k.expires_at < now() THEN
        PERFORM muster_fail('MU404', 'not_found', 'Setup key not found');
    END IF;
    IF k.used_at IS NOT NULL THEN
        PERFORM muster_fail('MU409', 'key_used', 'This setup link was used already');
    END IF;
    SELECT * INTO who FROM users
     WHERE organisation_id = k.organisation_id AND id = k.user_id AND role <> 'banned';
    IF who.id IS NULL THEN
        PERFORM muster_fail('MU404', 'not_found', 'Setup key not found');
    END IF;
    UPDATE telegram_setup_keys SET used_at = now() WHERE key_hash = p_key;
    DELETE FROM telegram_links WHERE chat_id = p_chat
        OR (organisation_id = k.organisation_id AND user_id = k.user_id);
    INSERT INTO telegram_links (organisation_id, user_id, chat_id)
    VALUES (k.organisation_id, k.user_id, p_chat);
    PERFORM muster_audit(k.organisation_id, k.user_id, 'telegram.link', 'user', k.user_id,
        NULL, NULL);
    RETURN jsonb_build_object('organisation_id', k.organisation_id, 'user_id', k.user_id,
                              'display_name', who.display_name);
END
$$;
