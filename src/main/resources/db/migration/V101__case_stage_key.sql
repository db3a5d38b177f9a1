-- A case's stage as a stable key per process step (<process id>.<element id>, or a programme's own key such as
-- pilotApplication.publicity), written when the step starts; current_stage keeps its label for lists and filters.
ALTER TABLE case_file ADD COLUMN current_stage_key VARCHAR(160);
