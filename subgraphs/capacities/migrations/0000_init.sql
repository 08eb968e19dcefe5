CREATE SCHEMA "capacities";
--> statement-breakpoint
CREATE TABLE "capacities"."unit_capacity" (
	"unit_id" text PRIMARY KEY NOT NULL,
	"installed_beds" integer NOT NULL,
	"available_beds" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "unit_capacity_installed_ck" CHECK ("capacities"."unit_capacity"."installed_beds" >= 0),
	CONSTRAINT "unit_capacity_available_ck" CHECK ("capacities"."unit_capacity"."available_beds" >= 0)
);
