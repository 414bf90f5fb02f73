-- 0014: the anteroom's logo, a PNG or JPEG the server checked on upload. The bytes live apart
-- from chat_settings, so reading the settings (every page view, every join) and auditing their
-- changes never carries them; chat_settings.logo_sha256 names the version the page shows and
-- is written only together with this row.
CREATE TABLE chat_logos (
    organisation_id  uuid PRIMARY KEY REFERENCES chat_settings (organisation_id) ON DELETE CASCADE,
    content_type     text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
    data             bytea NOT NULL CHECK (length(data) BETWEEN 1 AND 262144),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE chat_settings
    ADD COLUMN logo_sha256 text CHECK (logo_sha256 ~ '^[0-9a-f]{64}$');
