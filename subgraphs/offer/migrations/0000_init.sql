CREATE SCHEMA "offer";
--> statement-breakpoint
CREATE TABLE "offer"."code" (
	"system" text NOT NULL,
	"code" text NOT NULL,
	"display" text NOT NULL,
	CONSTRAINT "code_system_code_pk" PRIMARY KEY("system","code")
);
--> statement-breakpoint
CREATE TABLE "offer"."establishment" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"siret" text,
	"name" text NOT NULL,
	"category_code" text NOT NULL,
	"category_label" text NOT NULL,
	"address_line" text,
	"postal_code" text,
	"city" text,
	"insee_code" text,
	"department_code" text NOT NULL,
	"region_code" text NOT NULL,
	"region_name" text,
	"latitude" double precision,
	"longitude" double precision,
	"switchboard_phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer"."organization" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer"."unit" (
	"id" text PRIMARY KEY NOT NULL,
	"establishment_id" text NOT NULL,
	"name" text NOT NULL,
	"uf_code" text NOT NULL,
	"kind" text NOT NULL,
	"discipline" text NOT NULL,
	"activity_field_code" text NOT NULL,
	"care_mode_code" text NOT NULL,
	"operational_activity_codes" text[] NOT NULL,
	"patient_age_min" integer,
	"patient_age_max" integer,
	"sensitive" boolean DEFAULT false NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offer"."establishment" ADD CONSTRAINT "establishment_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "offer"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD CONSTRAINT "unit_establishment_id_establishment_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "offer"."establishment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "establishment_organization_idx" ON "offer"."establishment" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "establishment_department_idx" ON "offer"."establishment" USING btree ("department_code");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_uf_code_uq" ON "offer"."unit" USING btree ("establishment_id","uf_code");--> statement-breakpoint
CREATE INDEX "unit_establishment_idx" ON "offer"."unit" USING btree ("establishment_id");