CREATE TABLE "offer"."population_snapshot" (
	"quarter" text NOT NULL,
	"level" text NOT NULL,
	"area_code" text NOT NULL,
	"sector" text NOT NULL,
	"establishments" integer NOT NULL,
	"populated" integer NOT NULL,
	"quality" integer NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	CONSTRAINT "population_snapshot_quarter_level_area_code_sector_pk" PRIMARY KEY("quarter","level","area_code","sector")
);
--> statement-breakpoint
ALTER TABLE "offer"."feedback" ADD COLUMN "assistance" jsonb;