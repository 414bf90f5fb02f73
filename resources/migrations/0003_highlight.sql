-- 0003: a highlight colour per person, set by managers (leads are highlighted by default in the UI).
ALTER TABLE users
    ADD COLUMN highlight_color text CHECK (highlight_color ~ '^#[0-9a-f]{6}$');
