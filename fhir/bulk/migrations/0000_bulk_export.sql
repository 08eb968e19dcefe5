CREATE SCHEMA "fhir_bulk";
--> statement-breakpoint
CREATE TABLE "fhir_bulk"."export_chunk" (
	"job_id" text NOT NULL,
	"file_no" integer NOT NULL,
	"chunk_no" integer NOT NULL,
	"lines" text NOT NULL,
	CONSTRAINT "export_chunk_job_id_file_no_chunk_no_pk" PRIMARY KEY("job_id","file_no","chunk_no")
);
--> statement-breakpoint
CREATE TABLE "fhir_bulk"."export_file" (
	"job_id" text NOT NULL,
	"file_no" integer NOT NULL,
	"type" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "export_file_job_id_file_no_pk" PRIMARY KEY("job_id","file_no")
);
--> statement-breakpoint
CREATE TABLE "fhir_bulk"."export_job" (
	"id" text PRIMARY KEY NOT NULL,
	"principal" jsonb NOT NULL,
	"owner" text NOT NULL,
	"request" text NOT NULL,
	"types" text[] NOT NULL,
	"since" timestamp with time zone,
	"transaction_time" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"progress" text,
	"error" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "fhir_bulk"."export_chunk" ADD CONSTRAINT "export_chunk_job_id_export_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "fhir_bulk"."export_job"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_bulk"."export_file" ADD CONSTRAINT "export_file_job_id_export_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "fhir_bulk"."export_job"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "export_job_status_idx" ON "fhir_bulk"."export_job" USING btree ("status","created_at");