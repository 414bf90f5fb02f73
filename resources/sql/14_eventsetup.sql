-- A new event set up like an earlier one: its bonus windows (for the same teams, on the same day
-- of the event and the same time on its clock) and its rewards.

CREATE OR REPLACE FUNCTION muster_copy_event_setup(p_org uuid, p_actor uuid, p_from uuid, p_to uuid)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    src events;
    dst events;
    days integer;
    b time_bonuses;
    copied uuid;
    bonuses integer := 0;
    rewards_copied integer;
BEGIN
    SELECT * INTO src FROM events WHERE organisation_id = p_org AND id = p_from;
    SELECT * INTO dst FROM events WHERE organisation_id = p_org AND id = p_to;
    IF src.id IS NULL OR dst.id IS NULL THEN
        PERFORM muster_fail('MU404', 'not_found', 'Event not found');
    END IF;
    -- Whole days between the first days, each on its own clock: 14:00 on day two stays so.
    days := (dst.starts_at AT TIME ZONE dst.time_zone)::date
          - (src.starts_at AT TIME ZONE src.time_zone)::date;
    FOR b IN SELECT * FROM time_bonuses WHERE organisation_id = p_org AND event_id = src.id LOOP
        INSERT INTO time_bonuses (organisation_id, event_id, starts_at, ends_at, multiplier)
        VALUES (p_org, dst.id,
                ((b.starts_at AT TIME ZONE src.time_zone) + days * interval '1 day')
                    AT TIME ZONE dst.time_zone,
                ((b.ends_at AT TIME ZONE src.time_zone) + days * interval '1 day')
                    AT TIME ZONE dst.time_zone,
                b.multiplier)
        RETURNING id INTO copied;
        INSERT INTO time_bonus_teams (organisation_id, bonus_id, team_id)
        SELECT p_org, copied, t.team_id FROM time_bonus_teams t
          JOIN teams tm ON tm.organisation_id = p_org AND tm.id = t.team_id AND NOT tm.archived
         WHERE t.organisation_id = p_org AND t.bonus_id = b.id;
        bonuses := bonuses + 1;
    END LOOP;
    INSERT INTO rewards (organisation_id, event_id, name, description, threshold_hours)
    SELECT p_org, dst.id, r.name, r.description, r.threshold_hours
      FROM rewards r WHERE r.organisation_id = p_org AND r.event_id = src.id
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS rewards_copied = ROW_COUNT;
    PERFORM muster_audit(p_org, p_actor, 'event.copySetup', 'event', dst.id, NULL,
        jsonb_build_object('from', src.id, 'bonuses', bonuses, 'rewards', rewards_copied));
END
$$;
