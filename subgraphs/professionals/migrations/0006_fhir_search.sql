CREATE INDEX "professional_updated_idx" ON "professionals"."professional" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "professional_last_name_idx" ON "professionals"."professional" USING btree ("last_name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "professional_first_name_idx" ON "professionals"."professional" USING btree ("first_name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "professional_profession_idx" ON "professionals"."professional" USING btree ("profession_code");--> statement-breakpoint
CREATE INDEX "unit_assignment_establishment_idx" ON "professionals"."unit_assignment" USING btree ("establishment_id");