-- Kiosks as managers see them.

CREATE OR REPLACE FUNCTION muster_kiosk_json(k kiosks) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('id', k.id, 'name', k.name, 'location', k.location,
        'expiresAt', muster_iso(k.expires_at), 'lastSeen', muster_iso(k.last_seen_at),
        'revoked', k.revoked_at IS NOT NULL, 'createdAt', muster_iso(k.created_at),
        'approvedBy', (SELECT display_name FROM users u WHERE u.id = k.approved_by))
$$;
