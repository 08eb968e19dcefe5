CREATE SCHEMA "tensions";
--> statement-breakpoint
CREATE TABLE "tensions"."declaration" (
	"id" text PRIMARY KEY NOT NULL,
	"establishment_id" text NOT NULL,
	"discipline_group" text NOT NULL,
	"level" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "declaration_establishment_idx" ON "tensions"."declaration" USING btree ("establishment_id","started_at");