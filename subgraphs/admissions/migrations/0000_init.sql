CREATE SCHEMA "admissions";
--> statement-breakpoint
CREATE TABLE "admissions"."request_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"unit_id" text,
	"address" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "admissions"."request_target" (
	"request_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"establishment_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"status" text NOT NULL,
	"answer" text,
	"refusal_reason" text,
	"comment" text,
	"proposed_at" timestamp with time zone,
	"hold_id" text,
	"bed_held_until" timestamp with time zone,
	"answered_by" text,
	"answered_at" timestamp with time zone,
	CONSTRAINT "request_target_request_id_unit_id_pk" PRIMARY KEY("request_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "admissions"."request" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"patient_age" integer NOT NULL,
	"patient_sex" text NOT NULL,
	"discipline" text,
	"activity_code" text,
	"urgency" text NOT NULL,
	"wished_at" timestamp with time zone,
	"clinical_summary_enc" text NOT NULL,
	"patient_name_enc" text,
	"callback_contact" text NOT NULL,
	"requester_kind" text NOT NULL,
	"requester_subject" text NOT NULL,
	"requester_name" text NOT NULL,
	"requester_professional_id" text,
	"on_behalf_of" text,
	"accepted_unit_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "admissions"."setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admissions"."request_event" ADD CONSTRAINT "request_event_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "admissions"."request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admissions"."request_target" ADD CONSTRAINT "request_target_request_id_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "admissions"."request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_event_request_idx" ON "admissions"."request_event" USING btree ("request_id","id");--> statement-breakpoint
CREATE INDEX "request_target_unit_idx" ON "admissions"."request_target" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "request_target_establishment_idx" ON "admissions"."request_target" USING btree ("establishment_id");--> statement-breakpoint
CREATE INDEX "request_target_organization_idx" ON "admissions"."request_target" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "request_target_held_idx" ON "admissions"."request_target" USING btree ("bed_held_until");--> statement-breakpoint
CREATE INDEX "request_status_expires_idx" ON "admissions"."request" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "request_requester_idx" ON "admissions"."request" USING btree ("requester_subject","created_at");--> statement-breakpoint
CREATE INDEX "request_closed_idx" ON "admissions"."request" USING btree ("closed_at");--> statement-breakpoint
CREATE INDEX "request_created_idx" ON "admissions"."request" USING btree ("created_at");