-- Bonus windows: a multiplier for some teams for a while; saving one recomputes the totals.

-- A bonus as the server reads it: its row, with the teams it counts for as team_ids.
CREATE OR REPLACE FUNCTION muster_bonus_row(b time_bonuses) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT to_jsonb(b) || jsonb_build_object('team_ids', COALESCE(
        (SELECT jsonb_agg(bt.team_id ORDER BY bt.team_id) FROM time_bonus_teams bt
          WHERE bt.organisation_id = b.organisation_id AND bt.bonus_id = b.id), '[]'))
$$;

-- What the audit trail records of a bonus.
CREATE OR REPLACE FUNCTION muster_bonus_audit(b time_bonuses) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('id', b.id, 'eventId', b.event_id, 'start', muster_iso(b.starts_at),
        'end', muster_iso(b.ends_at), 'multiplier', b.multiplier,
        'teamIds', COALESCE((SELECT jsonb_agg(bt.team_id ORDER BY bt.team_id) FROM time_bonus_teams bt
                              WHERE bt.organisation_id = b.organisation_id AND bt.bonus_id = b.id), '[]'))
$$;

-- Creates (p_bonus NULL) or changes a bonus window, then brings the event's totals and reward
-- notices up to date. NULL arguments keep what an existing bonus has.
CREATE OR REPLACE FUNCTION muster_save_bonus(p_org uuid, p_actor uuid, p_bonus uuid, p_event uuid,
    p_start timestamptz, p_stop timestamptz, p_multiplier numeric, p_teams uuid[])
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    before_edit jsonb;
    b time_bonuses;
BEGIN
    IF p_bonus IS NULL THEN
        PERFORM muster_writable_event(p_org, p_event);
        BEGIN
            INSERT INTO time_bonuses (organisation_id, event_id, starts_at, ends_at, multiplier)
            VALUES (p_org, p_event, p_start, p_stop, p_multiplier) RETURNING * INTO b;
        EXCEPTION WHEN check_violation THEN
            PERFORM muster_fail('MU422', 'invalid_params',
                'A bonus ends after it starts, with a multiplier above 1 and at most 10');
        END;
    ELSE
        SELECT * INTO b FROM time_bonuses WHERE organisation_id = p_org AND id = p_bonus FOR UPDATE;
        IF b.id IS NULL THEN
            PERFORM muster_fail('MU404', 'not_found', 'Bonus not found');
        END IF;
        PERFORM muster_writable_event(p_org, b.event_id);
        before_edit := muster_bonus_audit(b);
        BEGIN
            UPDATE time_bonuses SET starts_at = COALESCE(p_start, starts_at),
                   ends_at = COALESCE(p_stop, ends_at), multiplier = COALESCE(p_multiplier, multiplier)
             WHERE id = b.id RETURNING * INTO b;
        EXCEPTION WHEN check_violation THEN
            PERFORM muster_fail('MU422', 'invalid_params',
                'A bonus ends after it starts, with a multiplier above 1 and at most 10');
        END;
    END IF;
    IF p_teams IS NOT NULL THEN
        IF EXISTS (SELECT 1 FROM unnest(p_teams) t(id)
                    WHERE NOT EXISTS (SELECT 1 FROM teams WHERE organisation_id = p_org AND id = t.id)) THEN
            PERFORM muster_fail('MU404', 'not_found', 'Team not found');
        END IF;
        DELETE FROM time_bonus_teams WHERE organisation_id = p_org AND bonus_id = b.id;
        INSERT INTO time_bonus_teams (organisation_id, bonus_id, team_id)
        SELECT DISTINCT p_org, b.id, t FROM unnest(p_teams) t;
    END IF;
    PERFORM muster_recompute_totals(p_org, b.event_id);
    PERFORM muster_audit(p_org, p_actor, CASE WHEN p_bonus IS NULL THEN 'bonus.create'
                                               ELSE 'bonus.update' END,
        'time_bonus', b.id, before_edit, muster_bonus_audit(b));
    RETURN jsonb_build_object('bonus', muster_bonus_row(b), 'notifications', COALESCE(
        (SELECT jsonb_agg(n) FROM muster_reward_notices(p_org, b.event_id, NULL) n), '[]'));
END
$$;

CREATE OR REPLACE FUNCTION muster_delete_bonus(p_org uuid, p_actor uuid, p_bonus uuid) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    b time_bonuses;
    gone jsonb;
    gone_row jsonb;
BEGIN
    SELECT * INTO b FROM time_bonuses WHERE organisation_id = p_org AND id = p_bonus FOR UPDATE;
    IF b.id IS NULL THEN
        PERFORM muster_fail('MU404', 'not_found', 'Bonus not found');
    END IF;
    PERFORM muster_writable_event(p_org, b.event_id);
    gone := muster_bonus_audit(b);
    gone_row := muster_bonus_row(b);
    DELETE FROM time_bonuses WHERE id = b.id;
    PERFORM muster_recompute_totals(p_org, b.event_id);
    PERFORM muster_audit(p_org, p_actor, 'bonus.delete', 'time_bonus', b.id, gone, NULL);
    RETURN jsonb_build_object('bonus', gone_row);
END
$$;
