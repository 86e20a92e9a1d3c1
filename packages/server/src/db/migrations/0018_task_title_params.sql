-- A task's title in the reader's language: the values a translated title needs (a grant year, the
-- number of a reminder, an amount), so the web can say it in bokmål, nynorsk or English. The stored
-- `title` stays the bokmål text (used in e-mails, exports, and for tasks the app cannot translate).
ALTER TABLE tasks ADD COLUMN title_params jsonb;
