-- Status one year after the programme ended (results), and coded end reasons / main activities.
ALTER TABLE programmes ADD COLUMN follow_up_activity text;
ALTER TABLE programmes ADD COLUMN follow_up_date date;
ALTER TABLE programmes ADD CONSTRAINT programmes_end_reason_chk CHECK (end_reason IS NULL OR end_reason IN ('goal_reached','time_used','work_or_education','permanent_stop','moved','left','not_registered'));
ALTER TABLE programmes ADD CONSTRAINT programmes_main_activity_chk CHECK (main_activity IS NULL OR main_activity IN ('work','education','work_and_education','job_seeker_or_measure','other_benefit','parental_leave','other','unknown'));
ALTER TABLE programmes ADD CONSTRAINT programmes_follow_up_chk CHECK (follow_up_activity IS NULL OR follow_up_activity IN ('work','education','work_and_education','job_seeker_or_measure','other_benefit','parental_leave','other','unknown'));
