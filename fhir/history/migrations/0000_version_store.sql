CREATE SCHEMA "fhir_history";
--> statement-breakpoint
CREATE TABLE "fhir_history"."pending_version" (
	"resource_type" text NOT NULL,
	"resource_id" text NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	CONSTRAINT "pending_version_resource_type_resource_id_pk" PRIMARY KEY("resource_type","resource_id")
);
--> statement-breakpoint
CREATE TABLE "fhir_history"."resource_version" (
	"resource_type" text NOT NULL,
	"resource_id" text NOT NULL,
	"version_id" text NOT NULL,
	"last_updated" timestamp with time zone NOT NULL,
	"unit_class" text,
	"body" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_version_resource_type_resource_id_version_id_pk" PRIMARY KEY("resource_type","resource_id","version_id")
);
--> statement-breakpoint
CREATE INDEX "resource_version_newest_idx" ON "fhir_history"."resource_version" USING btree ("resource_type","resource_id","last_updated");