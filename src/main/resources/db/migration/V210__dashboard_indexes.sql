-- The province dashboard (issue 12) counts a province's cases by case type, stage and city (or province-direct
-- county), within a batch when one is chosen, in one grouped query. This index holds every column that query reads,
-- so it scans the index range of the province (and batch) instead of the province's rows.
CREATE INDEX ix_case_dashboard ON case_file (province_code, cohort, case_type, current_stage, city_code, county_code);
