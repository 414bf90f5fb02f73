-- 0002: a short status message with a state ("back at 3"), and when the state clears itself.
ALTER TABLE users
    ADD COLUMN status_message text NOT NULL DEFAULT '' CHECK (length(status_message) <= 200),
    ADD COLUMN state_until timestamptz;

-- The expiry sweep looks only at people whose state has an end.
CREATE INDEX users_state_until ON users (state_until) WHERE state_until IS NOT NULL;
