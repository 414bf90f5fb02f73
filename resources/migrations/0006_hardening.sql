-- 0006: limits every server process shares, sessions that end everywhere, and clock actions
-- identified per person and kind.
--
-- Reshaped: its functions (the shared throttles, the replayed clock actions) moved to
-- resources/sql/; databases that applied the earlier text are accepted as they are:
-- formerly 10f87213f2f131babd649b58185971b31a523adaf47346d7592cf2af5eaf8959

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
