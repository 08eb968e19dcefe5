CREATE TABLE "offer"."audit_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"action" text NOT NULL,
	"actor_subject" text NOT NULL,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer"."code_system" (
	"url" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"version" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer"."pole" (
	"id" text PRIMARY KEY NOT NULL,
	"establishment_id" text NOT NULL,
	"name" text NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer"."unit_contact" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"position" integer NOT NULL,
	"nature_code" text NOT NULL,
	"role" text,
	"channel_code" text NOT NULL,
	"value" text NOT NULL,
	"confidentiality_code" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offer"."code" ADD COLUMN "deprecated_on" date;--> statement-breakpoint
ALTER TABLE "offer"."establishment" ADD COLUMN "management_phone" text;--> statement-breakpoint
ALTER TABLE "offer"."establishment" ADD COLUMN "alert_phones" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "offer"."establishment" ADD COLUMN "alert_email" text;--> statement-breakpoint
ALTER TABLE "offer"."establishment" ADD COLUMN "management_email" text;--> statement-breakpoint
ALTER TABLE "offer"."establishment" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "offer"."organization" ADD COLUMN "siren" text;--> statement-breakpoint
ALTER TABLE "offer"."organization" ADD COLUMN "legal_status_code" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "pole_id" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "sse_capacity" integer;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "specific_act_codes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "equipment_codes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "opening_hours" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "visiting_hours" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "access_details" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "address_line" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "insee_code" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "offer"."pole" ADD CONSTRAINT "pole_establishment_id_establishment_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "offer"."establishment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer"."unit_contact" ADD CONSTRAINT "unit_contact_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "offer"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_event_record_idx" ON "offer"."audit_event" USING btree ("record_type","record_id","id");--> statement-breakpoint
CREATE INDEX "pole_establishment_idx" ON "offer"."pole" USING btree ("establishment_id");--> statement-breakpoint
CREATE INDEX "unit_contact_unit_idx" ON "offer"."unit_contact" USING btree ("unit_id","position");--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD CONSTRAINT "unit_pole_id_pole_id_fk" FOREIGN KEY ("pole_id") REFERENCES "offer"."pole"("id") ON DELETE no action ON UPDATE no action;