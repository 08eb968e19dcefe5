CREATE TABLE "capacities"."bed_hold" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"bucket" text NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"reference" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"synced_version" integer NOT NULL,
	"released_at" timestamp with time zone,
	"admitted" boolean,
	"restored" boolean
);
--> statement-breakpoint
CREATE INDEX "bed_hold_open_idx" ON "capacities"."bed_hold" USING btree ("unit_id") WHERE "capacities"."bed_hold"."released_at" is null;