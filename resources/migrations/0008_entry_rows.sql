-- 0008: the clock functions answer with rows (column names), and the server builds the wire
-- form of entries and totals itself. clock_actions keeps each action's first answer so that a
-- replay gets it again; answers recorded before this release are in the wire form, so they are
-- rewritten as rows here, once, and every replay reads one form.

CREATE FUNCTION pg_temp.entry_row(w jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN w IS NULL OR jsonb_typeof(w) <> 'object' THEN w ELSE jsonb_build_object(
        'id', w->'id', 'event_id', w->'eventId', 'user_id', w->'userId',
        'user_name', w->'userName', 'badge', w->'badge', 'team_id', w->'teamId',
        'team_name', w->'teamName',
        'start_at', to_jsonb((w->>'start')::timestamptz),
        'stop_at', to_jsonb((w->>'stop')::timestamptz),
        'notes', w->'notes', 'source', w->'source', 'kiosk_id', w->'kioskId',
        'kiosk_name', w->'kioskName', 'offline', w->'offline', 'auto_stopped', w->'autoStopped',
        'worked_seconds', w->'workedSeconds', 'earned_seconds', w->'earnedSeconds') END
$$;

CREATE FUNCTION pg_temp.totals_row(w jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN w IS NULL OR jsonb_typeof(w) <> 'object' THEN w ELSE jsonb_build_object(
        'event_id', w->'eventId', 'user_id', w->'userId',
        'worked_seconds', w->'workedSeconds', 'earned_seconds', w->'earnedSeconds',
        'entries', w->'entries', 'ongoing', pg_temp.entry_row(w->'ongoing')) END
$$;

UPDATE clock_actions
   SET result = jsonb_build_object('entry', pg_temp.entry_row(result->'entry'))
             || CASE WHEN result ? 'totals'
                     THEN jsonb_build_object('totals', pg_temp.totals_row(result->'totals'))
                     ELSE '{}' END
 WHERE result->'entry' ? 'eventId';
