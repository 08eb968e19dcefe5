CREATE TABLE "capacities"."capacity_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"record" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capacities"."planned_closure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"beds" integer NOT NULL,
	"reason" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	CONSTRAINT "planned_closure_beds_ck" CHECK ("capacities"."planned_closure"."beds" > 0),
	CONSTRAINT "planned_closure_dates_ck" CHECK ("capacities"."planned_closure"."start_date" <= "capacities"."planned_closure"."end_date")
);
--> statement-breakpoint
CREATE TABLE "capacities"."saved_filter" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"group_by" jsonb NOT NULL,
	"view" text NOT NULL,
	"region_code" text,
	"department_code" text,
	"establishment_id" text,
	"disciplines" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capacities"."capacity_snapshot_row" (
	"day" date NOT NULL,
	"position" integer NOT NULL,
	"unit_id" text NOT NULL,
	"establishment_finess" text NOT NULL,
	"establishment_name" text NOT NULL,
	"unit_name" text NOT NULL,
	"uf_code" text NOT NULL,
	"discipline" text NOT NULL,
	"department_code" text NOT NULL,
	"record" jsonb,
	CONSTRAINT "capacity_snapshot_row_day_position_pk" PRIMARY KEY("day","position")
);
--> statement-breakpoint
CREATE TABLE "capacities"."capacity_snapshot" (
	"day" date PRIMARY KEY NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"units" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD COLUMN "nature" text DEFAULT 'BED' NOT NULL;--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD COLUMN "available_men" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD COLUMN "available_women" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD COLUMN "available_undifferentiated" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD COLUMN "closed_beds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD COLUMN "reopened_beds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD COLUMN "reopenable_beds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD COLUMN "mobilised_beds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD COLUMN "updated_by" text;--> statement-breakpoint
-- Records entered before the by-sex split: the whole availability was undifferentiated.
UPDATE "capacities"."unit_capacity" SET "available_undifferentiated" = "available_beds";--> statement-breakpoint
CREATE INDEX "capacity_history_unit_idx" ON "capacities"."capacity_history" USING btree ("unit_id","id");--> statement-breakpoint
CREATE INDEX "planned_closure_unit_idx" ON "capacities"."planned_closure" USING btree ("unit_id","end_date");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_filter_name_uq" ON "capacities"."saved_filter" USING btree ("subject","name");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_filter_default_uq" ON "capacities"."saved_filter" USING btree ("subject") WHERE "capacities"."saved_filter"."is_default";--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD CONSTRAINT "unit_capacity_closed_ck" CHECK ("capacities"."unit_capacity"."closed_beds" >= 0 and "capacities"."unit_capacity"."closed_beds" <= "capacities"."unit_capacity"."installed_beds");--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD CONSTRAINT "unit_capacity_reopened_ck" CHECK ("capacities"."unit_capacity"."reopened_beds" >= 0 and "capacities"."unit_capacity"."reopened_beds" <= "capacities"."unit_capacity"."closed_beds");--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD CONSTRAINT "unit_capacity_reopenable_ck" CHECK ("capacities"."unit_capacity"."reopenable_beds" >= 0 and "capacities"."unit_capacity"."reopenable_beds" <= "capacities"."unit_capacity"."closed_beds" - "capacities"."unit_capacity"."reopened_beds");--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD CONSTRAINT "unit_capacity_mobilised_ck" CHECK ("capacities"."unit_capacity"."mobilised_beds" >= 0);--> statement-breakpoint
ALTER TABLE "capacities"."unit_capacity" ADD CONSTRAINT "unit_capacity_by_sex_ck" CHECK ("capacities"."unit_capacity"."available_men" >= 0 and "capacities"."unit_capacity"."available_women" >= 0 and "capacities"."unit_capacity"."available_undifferentiated" >= 0);