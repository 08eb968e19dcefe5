CREATE TABLE "capacities"."bed_blocker" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"destination" text NOT NULL,
	"fit_since" date NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"discharged_at" timestamp with time zone,
	"discharged_by" text
);
--> statement-breakpoint
CREATE TABLE "capacities"."bed_management_contact" (
	"establishment_id" text PRIMARY KEY NOT NULL,
	"contact" text NOT NULL,
	"phone" text,
	"answer_delay_minutes" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "bed_management_contact_delay_ck" CHECK ("capacities"."bed_management_contact"."answer_delay_minutes" is null or ("capacities"."bed_management_contact"."answer_delay_minutes" >= 0 and "capacities"."bed_management_contact"."answer_delay_minutes" <= 10080))
);
--> statement-breakpoint
CREATE INDEX "bed_blocker_open_idx" ON "capacities"."bed_blocker" USING btree ("unit_id") WHERE "capacities"."bed_blocker"."discharged_at" is null;