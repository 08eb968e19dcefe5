CREATE TABLE "capacities"."equipment_limit" (
	"unit_id" text NOT NULL,
	"equipment_type" text NOT NULL,
	"feature" text NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "equipment_limit_unit_id_equipment_type_feature_pk" PRIMARY KEY("unit_id","equipment_type","feature"),
	CONSTRAINT "equipment_limit_value_ck" CHECK ("capacities"."equipment_limit"."value" > 0 and "capacities"."equipment_limit"."value" <= 100000)
);
--> statement-breakpoint
CREATE TABLE "capacities"."residential_capacity" (
	"unit_id" text NOT NULL,
	"residential_type" text NOT NULL,
	"count" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "residential_capacity_unit_id_residential_type_pk" PRIMARY KEY("unit_id","residential_type"),
	CONSTRAINT "residential_capacity_count_ck" CHECK ("capacities"."residential_capacity"."count" is null or ("capacities"."residential_capacity"."count" >= 0 and "capacities"."residential_capacity"."count" <= 10000))
);
--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD COLUMN "crisis_type" text;--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD COLUMN "temporary_assignment" text DEFAULT '01' NOT NULL;--> statement-breakpoint
CREATE INDEX "equipment_limit_feature_idx" ON "capacities"."equipment_limit" USING btree ("feature","value");--> statement-breakpoint
CREATE INDEX "residential_capacity_type_idx" ON "capacities"."residential_capacity" USING btree ("residential_type","count");--> statement-breakpoint
CREATE INDEX "unit_capacity_crisis_idx" ON "capacities"."unit_capacity" USING btree ("crisis_type") WHERE "capacities"."unit_capacity"."crisis_type" is not null;--> statement-breakpoint
CREATE INDEX "unit_capacity_assignment_idx" ON "capacities"."unit_capacity" USING btree ("temporary_assignment");