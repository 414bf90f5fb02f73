-- 0009: forgotten clock-outs, fixed fairly. The day boundary stops a shift nobody ended at
-- start + 1 h; its owner then says when they really stopped, and a manager approves (the entry
-- takes that time) or refuses, with a reason. One request per stopped shift.

CREATE TABLE stop_corrections (
    id                 uuid NOT NULL DEFAULT muster_uuid_v7(),
    organisation_id    uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    entry_id           uuid NOT NULL,
    user_id            uuid NOT NULL,
    -- The stop being corrected, as it was when asked: the entry may change meanwhile.
    auto_stop_at       timestamptz NOT NULL,
    requested_stop_at  timestamptz NOT NULL,
    note               text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    status             text NOT NULL DEFAULT 'pending'
                           CHECK (status IN ('pending', 'approved', 'refused')),
    decided_by         uuid,
    decided_at         timestamptz,
    decision_reason    text NOT NULL DEFAULT '' CHECK (length(decision_reason) <= 500),
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (organisation_id, id),
    UNIQUE (organisation_id, entry_id),
    FOREIGN KEY (organisation_id, entry_id) REFERENCES time_entries (organisation_id, id)
        ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, decided_by) REFERENCES users (organisation_id, id)
        ON DELETE SET NULL (decided_by),
    CHECK ((status = 'pending') = (decided_at IS NULL))
);
-- Managers open on the requests still waiting.
CREATE INDEX stop_corrections_pending ON stop_corrections (organisation_id, created_at)
    WHERE status = 'pending';

-- The person hears of the decision.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('reward', 'reward_claimed', 'auto_stop', 'correction'));
