-- Rewards: thresholds of earned time, the notices that announce them, and claims under the
-- reward's row lock so stock never goes below zero.

-- Notifies everyone (or p_users) whose earned time in the event has passed a reward's threshold
-- (strictly) and who has neither been told nor claimed it. Returns the notices to push, as rows.
CREATE OR REPLACE FUNCTION muster_reward_notices(p_org uuid, p_event uuid, p_users uuid[])
RETURNS SETOF jsonb LANGUAGE sql AS $$
    WITH earned AS (
        SELECT user_id, sum(earned_seconds) AS seconds FROM time_totals
         WHERE organisation_id = p_org AND event_id = p_event
           AND (p_users IS NULL OR user_id = ANY (p_users))
         GROUP BY user_id),
    added AS (
        INSERT INTO notifications (organisation_id, user_id, kind, title, body, data, reward_id)
        SELECT p_org, e.user_id, 'reward', 'Reward available: ' || r.name, r.description,
               jsonb_build_object('rewardId', r.id, 'eventId', r.event_id,
                                  'thresholdHours', r.threshold_hours),
               r.id
          FROM rewards r JOIN earned e ON e.seconds > r.threshold_hours * 3600
         WHERE r.organisation_id = p_org AND r.event_id = p_event
           AND NOT EXISTS (SELECT 1 FROM reward_claims c WHERE c.organisation_id = p_org
                            AND c.reward_id = r.id AND c.user_id = e.user_id)
        ON CONFLICT (organisation_id, user_id, reward_id) WHERE kind = 'reward' DO NOTHING
        RETURNING *)
    SELECT to_jsonb(added) FROM added
$$;

-- Where p_user stands with a reward: claimed, and eligible (earned hours strictly above the
-- threshold).
CREATE OR REPLACE FUNCTION muster_reward_standing(r rewards, p_user uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'claimed', EXISTS (SELECT 1 FROM reward_claims c WHERE c.organisation_id = r.organisation_id
                            AND c.reward_id = r.id AND c.user_id = p_user),
        'eligible', COALESCE((SELECT sum(earned_seconds) FROM time_totals t
                               WHERE t.organisation_id = r.organisation_id
                                 AND t.event_id = r.event_id AND t.user_id = p_user), 0)
                    > r.threshold_hours * 3600)
$$;

-- What the audit trail records of a reward.
CREATE OR REPLACE FUNCTION muster_reward_audit(r rewards) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('id', r.id, 'eventId', r.event_id, 'name', r.name,
        'description', r.description, 'thresholdHours', r.threshold_hours)
$$;

CREATE OR REPLACE FUNCTION muster_save_reward(p_org uuid, p_actor uuid, p_reward uuid, p_event uuid,
    p_name text, p_description text, p_threshold numeric)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    before_edit jsonb;
    r rewards;
BEGIN
    IF p_reward IS NULL THEN
        PERFORM muster_writable_event(p_org, p_event);
        INSERT INTO rewards (organisation_id, event_id, name, description, threshold_hours)
        VALUES (p_org, p_event, p_name, COALESCE(p_description, ''), p_threshold) RETURNING * INTO r;
    ELSE
        SELECT * INTO r FROM rewards WHERE organisation_id = p_org AND id = p_reward FOR UPDATE;
        IF r.id IS NULL THEN
            PERFORM muster_fail('MU404', 'not_found', 'Reward not found');
        END IF;
        PERFORM muster_writable_event(p_org, r.event_id);
        before_edit := muster_reward_audit(r);
        UPDATE rewards SET name = COALESCE(p_name, name),
               description = COALESCE(p_description, description),
               threshold_hours = COALESCE(p_threshold, threshold_hours)
         WHERE id = r.id RETURNING * INTO r;
    END IF;
    PERFORM muster_audit(p_org, p_actor, CASE WHEN p_reward IS NULL THEN 'reward.create'
                                               ELSE 'reward.update' END,
        'reward', r.id, before_edit, muster_reward_audit(r));
    RETURN jsonb_build_object('reward', to_jsonb(r),
        'notifications', COALESCE(
            (SELECT jsonb_agg(n) FROM muster_reward_notices(p_org, r.event_id, NULL) n), '[]'));
END
$$;

CREATE OR REPLACE FUNCTION muster_delete_reward(p_org uuid, p_actor uuid, p_reward uuid) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    r rewards;
    gone jsonb;
BEGIN
    SELECT * INTO r FROM rewards WHERE organisation_id = p_org AND id = p_reward FOR UPDATE;
    IF r.id IS NULL THEN
        PERFORM muster_fail('MU404', 'not_found', 'Reward not found');
    END IF;
    PERFORM muster_writable_event(p_org, r.event_id);
    gone := muster_reward_audit(r);
    DELETE FROM rewards WHERE id = r.id;
    PERFORM muster_audit(p_org, p_actor, 'reward.delete', 'reward', r.id, gone, NULL);
    RETURN jsonb_build_object('reward', to_jsonb(r));
END
$$;

-- A manager hands a reward over (p_claim) or takes the hand-over back. Claiming needs the person
-- to be eligible; they are told it was claimed for them.
CREATE OR REPLACE FUNCTION muster_claim_reward(p_org uuid, p_actor uuid, p_reward uuid, p_user uuid,
    p_claim boolean)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    r rewards;
    status jsonb;
    n notifications;
BEGIN
    SELECT * INTO r FROM rewards WHERE organisation_id = p_org AND id = p_reward;
    IF r.id IS NULL THEN
        PERFORM muster_fail('MU404', 'not_found', 'Reward not found');
    END IF;
    PERFORM 1 FROM users WHERE organisation_id = p_org AND id = p_user FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM muster_fail('MU404', 'not_found', 'User not found');
    END IF;
    PERFORM muster_writable_event(p_org, r.event_id);
    status := muster_reward_standing(r, p_user);
    IF p_claim THEN
        IF (status ->> 'claimed')::boolean THEN
            PERFORM muster_fail('MU409', 'already_claimed', 'The reward is already claimed');
        END IF;
        IF NOT (status ->> 'eligible')::boolean THEN
            PERFORM muster_fail('MU409', 'not_eligible', 'Not enough hours for this reward yet');
        END IF;
        INSERT INTO reward_claims (organisation_id, reward_id, user_id, claimed_by)
        VALUES (p_org, r.id, p_user, p_actor);
        INSERT INTO notifications (organisation_id, user_id, kind, title, body, data, reward_id)
        VALUES (p_org, p_user, 'reward_claimed', 'Reward handed over: ' || r.name, r.description,
                jsonb_build_object('rewardId', r.id, 'eventId', r.event_id), r.id)
        RETURNING * INTO n;
    ELSE
        DELETE FROM reward_claims WHERE organisation_id = p_org AND reward_id = r.id AND user_id = p_user;
        IF NOT FOUND THEN
            PERFORM muster_fail('MU409', 'not_claimed', 'The reward is not claimed');
        END IF;
    END IF;
    PERFORM muster_audit(p_org, p_actor, CASE WHEN p_claim THEN 'reward.claim' ELSE 'reward.unclaim' END,
        'reward', r.id, jsonb_build_object('userId', p_user, 'claimed', NOT p_claim),
        jsonb_build_object('userId', p_user, 'claimed', p_claim));
    RETURN jsonb_build_object('reward', to_jsonb(r) || jsonb_build_object('standing',
            muster_reward_standing(r, p_user)), 'userId', p_user,
        'notifications', CASE WHEN n.id IS NULL THEN '[]'::jsonb
                              ELSE jsonb_build_array(to_jsonb(n)) END);
END
$$;
