-- Emergency protection alarms go out by email too (to staff who gave an address),
-- once per person and alarm: `emailed_at` records when. Kept in step with the other
-- backend's 0013_alarm_emails.sql.
ALTER TABLE alarm_notifications ADD COLUMN emailed_at TEXT;
