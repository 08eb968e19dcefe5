CREATE TABLE "tensions"."alert_proposal" (
	"id" text PRIMARY KEY NOT NULL,
	"establishment_id" text NOT NULL,
	"day" date NOT NULL,
	"indicator" text NOT NULL,
	"value" double precision NOT NULL,
	"threshold" double precision NOT NULL,
	"reference_mean" double precision,
	"reference_sd" double precision,
	"band" smallint,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"scheduled" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tensions"."emergency_day" (
	"establishment_id" text NOT NULL,
	"day" date NOT NULL,
	"visits" integer NOT NULL,
	"visits_75" integer NOT NULL,
	"exit_mode_filled" integer NOT NULL,
	"admitted" integer NOT NULL,
	"admitted_uhcd" integer NOT NULL,
	"admitted_los_count" integer NOT NULL,
	"admitted_los_minutes" integer NOT NULL,
	"present_15" integer NOT NULL,
	"source" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emergency_day_establishment_id_day_pk" PRIMARY KEY("establishment_id","day")
);
--> statement-breakpoint
CREATE TABLE "tensions"."emergency_department" (
	"establishment_id" text PRIMARY KEY NOT NULL,
	"reception_capacity" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tensions"."rpu_key" (
	"id" smallint PRIMARY KEY NOT NULL,
	"secret" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tensions"."rpu_passage" (
	"key" text PRIMARY KEY NOT NULL,
	"establishment_id" text NOT NULL,
	"entered_at" timestamp NOT NULL,
	"left_at" timestamp,
	"age_years" smallint,
	"exit_mode" text,
	"orientation" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "alert_proposal_day_idx" ON "tensions"."alert_proposal" USING btree ("establishment_id","day","indicator");--> statement-breakpoint
CREATE INDEX "alert_proposal_status_idx" ON "tensions"."alert_proposal" USING btree ("status","day");--> statement-breakpoint
CREATE INDEX "rpu_passage_establishment_idx" ON "tensions"."rpu_passage" USING btree ("establishment_id","entered_at");