ALTER TABLE "fhir_bulk"."export_chunk" ALTER COLUMN "lines" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fhir_bulk"."export_chunk" ADD COLUMN "gzip" "bytea";--> statement-breakpoint
-- Already compressed: PostgreSQL need not try again (EXTERNAL: out of line, not compressed).
ALTER TABLE "fhir_bulk"."export_chunk" ALTER COLUMN "gzip" SET STORAGE EXTERNAL;
