ALTER TABLE "capacities"."unit_capacity" ADD COLUMN "crisis_type" text;--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD COLUMN "temporary_assignment" text DEFAULT '01' NOT NULL;--> statement-breakpoint
CREATE INDEX "unit_capacity_crisis_idx" ON "capacities"."unit_capacity" USING btree ("crisis_type") WHERE "capacities"."unit_capacity"."crisis_type" is not null;--> statement-breakpoint
CREATE INDEX "unit_capacity_assignment_idx" ON "capacities"."unit_capacity" USING btree ("temporary_assignment");