-- The audit trail: every change anyone makes is one row of activities, with old and new values.
-- This is the only place that row is written.

CREATE OR REPLACE FUNCTION muster_audit(p_org uuid, p_actor uuid, p_action text, p_type text, p_subject uuid,
    p_old jsonb, p_new jsonb) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO activities (organisation_id, actor_id, action, subject_type, subject_id,
                            old_value, new_value)
    VALUES (p_org, p_actor, p_action, p_type, p_subject, p_old, p_new)
$$;
