-- Throttles every server process shares (see auth_attempts in 0006).

-- Reserves one attempt against every rule before anything is checked, so attempts that arrive
-- together (on one connection, many, or many servers) are counted one after another.
-- p_rules: [{"key": text, "limit": n, "window": seconds, "cap": seconds or absent}, …]. Without
-- a cap, a rule allows `limit` attempts per window; with one, attempts past `limit` are not
-- refused for the window but spaced out: each must wait 2, 4, 8 … (at most `cap`) seconds after
-- the latest, which slows a guesser without locking the real person out for long.
-- Answers {"attemptId": uuid} or {"retryAfter": seconds}. Attempts are soft state: their commit
-- need not wait for the disk.
CREATE OR REPLACE FUNCTION muster_reserve_attempt(p_rules jsonb) RETURNS jsonb
LANGUAGE plpgsql SET synchronous_commit = off AS $$
DECLARE
    rule jsonb;
    lock_key bigint;
    moment timestamptz := clock_timestamp();
    cutoff timestamptz;
    allowed integer;
    counted integer;
    latest timestamptz;
    pinned timestamptz;
    wait double precision := 0;
    attempt uuid := gen_random_uuid();
BEGIN
    -- In a fixed order, so two attempts sharing keys never wait on each other in a circle.
    FOR lock_key IN SELECT DISTINCT hashtextextended(r->>'key', 0)
                      FROM jsonb_array_elements(p_rules) r ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock(lock_key);
    END LOOP;
    moment := clock_timestamp(); -- after the wait for the locks
    FOR rule IN SELECT * FROM jsonb_array_elements(p_rules) LOOP
        cutoff := moment - make_interval(secs => (rule->>'window')::integer);
        allowed := (rule->>'limit')::integer;
        SELECT count(*), max(at) INTO counted, latest FROM auth_attempts
         WHERE key = rule->>'key' AND at > cutoff;
        IF counted < allowed THEN
            CONTINUE;
        END IF;
        IF rule ? 'cap' THEN
            wait := greatest(wait, extract(epoch FROM latest - moment)
                + least((rule->>'cap')::integer, 2 ^ least(counted - allowed + 1, 30)));
        ELSE
            -- Free again when the attempt that keeps the key at its limit leaves the window.
            SELECT at INTO pinned FROM auth_attempts WHERE key = rule->>'key' AND at > cutoff
             ORDER BY at OFFSET counted - allowed LIMIT 1;
            wait := greatest(wait, extract(epoch FROM pinned - cutoff));
        END IF;
    END LOOP;
    IF wait > 0 THEN
        RETURN jsonb_build_object('retryAfter', greatest(1, ceil(wait))::integer);
    END IF;
    INSERT INTO auth_attempts (key, attempt_id, at)
    SELECT DISTINCT r->>'key', attempt, moment FROM jsonb_array_elements(p_rules) r;
    -- Old attempts are swept now and then by whoever is attempting (a day outlives every window).
    IF random() < 0.01 THEN
        DELETE FROM auth_attempts WHERE at < moment - interval '1 day';
    END IF;
    RETURN jsonb_build_object('attemptId', attempt);
END
$$;

-- The attempt succeeded: it no longer counts, and neither do the failures of p_forget's keys.
CREATE OR REPLACE FUNCTION muster_attempt_succeeded(p_attempt uuid, p_forget text[]) RETURNS void
LANGUAGE sql SET synchronous_commit = off AS $$
    DELETE FROM auth_attempts WHERE attempt_id = p_attempt OR key = ANY (p_forget);
$$;
