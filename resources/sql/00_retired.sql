-- Functions this binary no longer has, dropped so that nothing calls a stale copy. A function
-- that servers of the previous release still call stays defined until the release after (see
-- "Upgrades" in docs/operations.md); then its DROP comes here.

-- Event JSON is built by the server (Event::toJson).
DROP FUNCTION IF EXISTS muster_event_json(events);

-- Kiosk JSON is built by the server (Kiosk::toJson).
DROP FUNCTION IF EXISTS muster_kiosk_json(kiosks);

-- Notices reach the server as rows (to_jsonb); Notification::toJson makes their wire form.
DROP FUNCTION IF EXISTS muster_notification_json(notifications);

-- Bonuses reach the server as rows (muster_bonus_row); the audit has muster_bonus_audit.
DROP FUNCTION IF EXISTS muster_bonus_json(time_bonuses);

-- Rewards reach the server as rows, with muster_reward_standing for one person.
DROP FUNCTION IF EXISTS muster_reward_json(rewards, uuid);

-- Attendee logs are read by AttendeeLogStore; attendees reach the server as rows
-- (muster_attendee_row).
DROP FUNCTION IF EXISTS muster_attendee_log_json(attendee_logs);
DROP FUNCTION IF EXISTS muster_attendee_json(attendee_log_users);

-- Entries and totals reach the server as rows (muster_entry_row, muster_totals_row);
-- TimeEntry::toJson and TimeTotals::toJson make their wire form.
DROP FUNCTION IF EXISTS muster_entry_json(time_entries);
DROP FUNCTION IF EXISTS muster_user_totals(uuid, uuid, uuid);
