-- 0011: a person's history (users.history) read through indexes. Found by scanning the
-- organisation's audit trail newest first, one person's 200 records took 3.6 s among 2 million;
-- read as four index scans (what they did, what was done to them, to their shifts, and what
-- names them as owner: a shift since deleted, a reward handed over), 5 ms.

CREATE INDEX activities_actor ON activities (organisation_id, actor_id, created_at, id);
CREATE INDEX activities_subject ON activities (organisation_id, subject_id, created_at, id);
CREATE INDEX activities_owner ON activities (organisation_id,
    (COALESCE(new_value->>'userId', old_value->>'userId')), created_at, id)
    WHERE subject_type IN ('time_entry', 'reward');
