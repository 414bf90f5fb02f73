-- How functions fail: SQLSTATE MU403 (forbidden), MU404 (not found), MU409 (conflict) or MU422
-- (invalid params); the message is for people, the DETAIL is the stable reason clients match.

CREATE OR REPLACE FUNCTION muster_fail(code text, reason text, message text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = code, MESSAGE = message, DETAIL = reason;
END
$$;
