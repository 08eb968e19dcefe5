CREATE INDEX "establishment_earth_idx" ON "offer"."establishment" USING gist (ll_to_earth("latitude", "longitude"));--> statement-breakpoint
CREATE INDEX "establishment_name_trgm_idx" ON "offer"."establishment" USING gin (offer.fold("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "establishment_updated_idx" ON "offer"."establishment" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "unit_earth_idx" ON "offer"."unit" USING gist (ll_to_earth("latitude", "longitude")) WHERE "offer"."unit"."latitude" is not null;--> statement-breakpoint
CREATE INDEX "unit_name_trgm_idx" ON "offer"."unit" USING gin (offer.fold("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "unit_operational_activities_idx" ON "offer"."unit" USING gin ("operational_activity_codes");--> statement-breakpoint
CREATE INDEX "unit_specific_acts_idx" ON "offer"."unit" USING gin ("specific_act_codes");--> statement-breakpoint
CREATE INDEX "unit_equipment_idx" ON "offer"."unit" USING gin ("equipment_codes");--> statement-breakpoint
CREATE INDEX "unit_activity_care_mode_idx" ON "offer"."unit" USING btree ("activity_field_code","care_mode_code");--> statement-breakpoint
CREATE INDEX "unit_updated_idx" ON "offer"."unit" USING btree ("updated_at","id");