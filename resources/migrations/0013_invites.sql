-- 0013: staff join an organisation by invitation. A manager makes a one-time invite that
-- carries a role and expires; the code goes to the invitee (by e-mail when the server has SMTP,
-- else the manager passes it on) and only its hash is kept.

CREATE TABLE invites (
    id               uuid NOT NULL DEFAULT muster_uuid_v7() PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    code_hash        bytea NOT NULL UNIQUE,
    role             text NOT NULL CHECK (role IN ('attendee', 'volunteer', 'staff', 'lead',
                                                   'manager', 'admin')),
    email            text NOT NULL DEFAULT '' CHECK (length(email) <= 254),
    display_name     text NOT NULL DEFAULT '' CHECK (length(display_name) <= 200),
    created_by       uuid,
    expires_at       timestamptz NOT NULL,
    used_at          timestamptz,
    used_by          uuid,
    revoked_at       timestamptz,
    mailed_at        timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (organisation_id, created_by) REFERENCES users (organisation_id, id)
        ON DELETE SET NULL (created_by),
    FOREIGN KEY (organisation_id, used_by) REFERENCES users (organisation_id, id)
        ON DELETE SET NULL (used_by)
);
CREATE INDEX invites_organisation ON invites (organisation_id, created_at);
