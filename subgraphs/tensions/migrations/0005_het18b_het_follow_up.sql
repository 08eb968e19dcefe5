CREATE SEQUENCE "tensions"."alert_number" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10000 CACHE 1;--> statement-breakpoint
CREATE TABLE "tensions"."het_alert" (
	"id" text PRIMARY KEY NOT NULL,
	"establishment_id" text NOT NULL,
	"unit_id" text,
	"discipline_group" text NOT NULL,
	"reason" text NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" text,
	"acknowledged_at" timestamp with time zone,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"tension_id" text,
	"closing_notes" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tensions"."het_procedure_step" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tension_id" text NOT NULL,
	"step" text NOT NULL,
	"done_at" timestamp with time zone NOT NULL,
	"done_by" text NOT NULL,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "tensions"."het_procedure" (
	"tension_id" text PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"opened_by" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tensions"."het_retex" (
	"tension_id" text PRIMARY KEY NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"participants" text NOT NULL,
	"summary" text NOT NULL,
	"strengths" text,
	"improvements" text,
	"recommendations" text,
	"saved_by" text NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tensions"."het_survey" (
	"tension_id" text PRIMARY KEY NOT NULL,
	"answers" jsonb NOT NULL,
	"channel" text NOT NULL,
	"respondent" text NOT NULL,
	"responded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tensions"."het_alert" ADD CONSTRAINT "het_alert_tension_id_declaration_id_fk" FOREIGN KEY ("tension_id") REFERENCES "tensions"."declaration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."het_procedure_step" ADD CONSTRAINT "het_procedure_step_tension_id_het_procedure_tension_id_fk" FOREIGN KEY ("tension_id") REFERENCES "tensions"."het_procedure"("tension_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."het_procedure" ADD CONSTRAINT "het_procedure_tension_id_declaration_id_fk" FOREIGN KEY ("tension_id") REFERENCES "tensions"."declaration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."het_retex" ADD CONSTRAINT "het_retex_tension_id_het_procedure_tension_id_fk" FOREIGN KEY ("tension_id") REFERENCES "tensions"."het_procedure"("tension_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."het_survey" ADD CONSTRAINT "het_survey_tension_id_het_procedure_tension_id_fk" FOREIGN KEY ("tension_id") REFERENCES "tensions"."het_procedure"("tension_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "het_alert_establishment_idx" ON "tensions"."het_alert" USING btree ("establishment_id","created_at");--> statement-breakpoint
CREATE INDEX "het_alert_status_idx" ON "tensions"."het_alert" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "het_procedure_step_key" ON "tensions"."het_procedure_step" USING btree ("tension_id","step");