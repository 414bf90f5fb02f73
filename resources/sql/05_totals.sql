-- Earned time and the running totals that reports and "My time" read.

-- Earned time = raw duration + (multiplier − 1) × the part of the entry inside each bonus
-- window of its team and event (seed 001: 3 h with 1 h inside a 2× window → 4 h).
-- This is the only place the formula is written; everything else calls these two functions.
CREATE OR REPLACE FUNCTION muster_bonus_seconds(p_multiplier numeric, p_start timestamptz,
    p_stop timestamptz, p_bonus_start timestamptz, p_bonus_stop timestamptz)
RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
    SELECT (p_multiplier - 1)
         * greatest(extract(epoch FROM least(p_stop, p_bonus_stop) - greatest(p_start, p_bonus_start)), 0)
$$;

CREATE OR REPLACE FUNCTION muster_earned_seconds(p_org uuid, p_event uuid, p_team uuid,
    p_start timestamptz, p_stop timestamptz)
RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT extract(epoch FROM p_stop - p_start)
         + COALESCE((SELECT sum(muster_bonus_seconds(b.multiplier, p_start, p_stop, b.starts_at, b.ends_at))
                       FROM time_bonuses b
                       JOIN time_bonus_teams bt ON bt.organisation_id = b.organisation_id
                                               AND bt.bonus_id = b.id
                      WHERE b.organisation_id = p_org AND b.event_id = p_event
                        AND bt.team_id = p_team
                        AND b.starts_at < p_stop AND b.ends_at > p_start), 0)
$$;

CREATE OR REPLACE FUNCTION muster_totals_add(e time_entries, sign integer) RETURNS void
LANGUAGE sql AS $$
    -- Taking an entry away only lowers the row it counts in. When that row is gone, the person,
    -- team or event is being deleted with everything of theirs (the cascade may remove the
    -- totals before the entries): a new row would refer to what no longer exists.
    UPDATE time_totals t
       SET worked_seconds = t.worked_seconds - extract(epoch FROM e.stop_at - e.start_at),
           earned_seconds = t.earned_seconds
               - muster_earned_seconds(e.organisation_id, e.event_id, e.team_id, e.start_at, e.stop_at),
           entries = t.entries - 1
     WHERE sign < 0 AND t.organisation_id = e.organisation_id AND t.event_id = e.event_id
       AND t.user_id = e.user_id AND t.team_id = e.team_id;
    INSERT INTO time_totals AS t (organisation_id, event_id, user_id, team_id,
                                  worked_seconds, earned_seconds, entries)
    SELECT e.organisation_id, e.event_id, e.user_id, e.team_id,
           extract(epoch FROM e.stop_at - e.start_at),
           muster_earned_seconds(e.organisation_id, e.event_id, e.team_id, e.start_at, e.stop_at),
           1
     WHERE sign > 0
    ON CONFLICT (organisation_id, event_id, user_id, team_id) DO UPDATE
        SET worked_seconds = t.worked_seconds + excluded.worked_seconds,
            earned_seconds = t.earned_seconds + excluded.earned_seconds,
            entries = t.entries + excluded.entries
$$;

-- After bonus windows change: the event's totals again from its entries, set-based.
CREATE OR REPLACE FUNCTION muster_recompute_totals(p_org uuid, p_event uuid) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM time_totals WHERE organisation_id = p_org AND event_id = p_event;
    INSERT INTO time_totals (organisation_id, event_id, user_id, team_id, worked_seconds,
                             earned_seconds, entries)
    SELECT p_org, p_event, e.user_id, e.team_id,
           sum(extract(epoch FROM e.stop_at - e.start_at)),
           sum(extract(epoch FROM e.stop_at - e.start_at)) + COALESCE(sum(x.bonus), 0),
           count(*)
      FROM time_entries e
      LEFT JOIN LATERAL (
          SELECT sum(muster_bonus_seconds(b.multiplier, e.start_at, e.stop_at, b.starts_at, b.ends_at)) AS bonus
            FROM time_bonuses b
            JOIN time_bonus_teams bt ON bt.organisation_id = b.organisation_id AND bt.bonus_id = b.id
           WHERE b.organisation_id = p_org AND b.event_id = p_event AND bt.team_id = e.team_id
             AND b.starts_at < e.stop_at AND b.ends_at > e.start_at) x ON true
     WHERE e.organisation_id = p_org AND e.event_id = p_event AND e.stop_at IS NOT NULL
     GROUP BY e.user_id, e.team_id
$$;
