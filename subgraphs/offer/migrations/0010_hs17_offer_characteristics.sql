ALTER TABLE "offer"."unit" ADD COLUMN "category_code" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "maternity_type_code" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "annual_opening_code" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "patient_type_codes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "intervention_zones" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "closed_from" date;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "reopening_on" date;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "closure_description" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "entry_template" text;--> statement-breakpoint
CREATE INDEX "unit_category_idx" ON "offer"."unit" USING btree ("category_code");--> statement-breakpoint
CREATE INDEX "unit_maternity_type_idx" ON "offer"."unit" USING btree ("maternity_type_code");--> statement-breakpoint
CREATE INDEX "unit_annual_opening_idx" ON "offer"."unit" USING btree ("annual_opening_code");--> statement-breakpoint
CREATE INDEX "unit_patient_types_idx" ON "offer"."unit" USING gin ("patient_type_codes");--> statement-breakpoint
CREATE INDEX "unit_intervention_zones_idx" ON "offer"."unit" USING gin ("intervention_zones");--> statement-breakpoint
CREATE INDEX "unit_closure_idx" ON "offer"."unit" USING btree ("closed_from","reopening_on") WHERE "offer"."unit"."closed_from" is not null;