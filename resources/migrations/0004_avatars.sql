-- 0004: uploaded avatars, stored once per organisation under the SHA-256 of their bytes.
-- People without one get the generated avatar the clients draw from their id.
CREATE TABLE avatars (
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content_type     text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
    data             bytea NOT NULL CHECK (length(data) <= 262144),
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, sha256)
);

ALTER TABLE users
    ADD COLUMN avatar_sha256 text,
    ADD FOREIGN KEY (organisation_id, avatar_sha256) REFERENCES avatars (organisation_id, sha256);
-- Finds who still uses an avatar when one is replaced, without scanning the organisation.
CREATE INDEX users_avatar ON users (organisation_id, avatar_sha256) WHERE avatar_sha256 IS NOT NULL;
