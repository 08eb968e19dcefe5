CREATE TABLE "tensions"."crisis_activation" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cpts_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"level_code" text,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "tensions"."crisis_cell_member" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cpts_id" text NOT NULL,
	"rank" integer NOT NULL,
	"name" text NOT NULL,
	"function" text NOT NULL,
	"organisation" text NOT NULL,
	"professional_id" text
);
--> statement-breakpoint
CREATE TABLE "tensions"."crisis_communication" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cpts_id" text NOT NULL,
	"level_code" text,
	"rank" integer NOT NULL,
	"audience" text NOT NULL,
	"message" text NOT NULL,
	"channel" text NOT NULL,
	"owner" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tensions"."cpts" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"department_code" text NOT NULL,
	"communes" jsonb NOT NULL,
	"cell_level" text,
	"cell_activated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tensions"."cpts_member" (
	"cpts_id" text NOT NULL,
	"professional_id" text NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cpts_member_cpts_id_professional_id_pk" PRIMARY KEY("cpts_id","professional_id")
);
--> statement-breakpoint
CREATE TABLE "tensions"."crisis_field_report" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cpts_id" text NOT NULL,
	"indicator" text NOT NULL,
	"value" integer NOT NULL,
	"commune_code" text,
	"reported_at" timestamp with time zone NOT NULL,
	"author" text NOT NULL,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "tensions"."crisis_meeting" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cpts_id" text NOT NULL,
	"group_id" integer,
	"held_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "tensions"."crisis_procedure_run" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"procedure_id" integer NOT NULL,
	"cpts_id" text NOT NULL,
	"triggered_at" timestamp with time zone NOT NULL,
	"triggered_by" text NOT NULL,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "tensions"."crisis_procedure" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cpts_id" text NOT NULL,
	"level_code" text NOT NULL,
	"rank" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"owner" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tensions"."crisis_resource" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cpts_id" text NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"quantity" integer NOT NULL,
	"details" text,
	"professional_id" text,
	"commune_code" text,
	"available" boolean DEFAULT true NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tensions"."crisis_working_group" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cpts_id" text NOT NULL,
	"theme" text NOT NULL,
	"label" text NOT NULL,
	"referent_name" text NOT NULL,
	"referent_professional_id" text
);
--> statement-breakpoint
ALTER TABLE "tensions"."crisis_activation" ADD CONSTRAINT "crisis_activation_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "tensions"."cpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."crisis_cell_member" ADD CONSTRAINT "crisis_cell_member_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "tensions"."cpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."crisis_communication" ADD CONSTRAINT "crisis_communication_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "tensions"."cpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."cpts_member" ADD CONSTRAINT "cpts_member_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "tensions"."cpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."crisis_field_report" ADD CONSTRAINT "crisis_field_report_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "tensions"."cpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."crisis_meeting" ADD CONSTRAINT "crisis_meeting_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "tensions"."cpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."crisis_procedure_run" ADD CONSTRAINT "crisis_procedure_run_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "tensions"."cpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."crisis_procedure" ADD CONSTRAINT "crisis_procedure_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "tensions"."cpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."crisis_resource" ADD CONSTRAINT "crisis_resource_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "tensions"."cpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."crisis_working_group" ADD CONSTRAINT "crisis_working_group_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "tensions"."cpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crisis_activation_cpts_idx" ON "tensions"."crisis_activation" USING btree ("cpts_id","at");--> statement-breakpoint
CREATE INDEX "crisis_field_report_cpts_idx" ON "tensions"."crisis_field_report" USING btree ("cpts_id","reported_at");--> statement-breakpoint
CREATE INDEX "crisis_meeting_cpts_idx" ON "tensions"."crisis_meeting" USING btree ("cpts_id","held_at");--> statement-breakpoint
CREATE INDEX "crisis_procedure_run_cpts_idx" ON "tensions"."crisis_procedure_run" USING btree ("cpts_id","triggered_at");