ALTER TABLE "professionals"."professional" ADD COLUMN "job_title" text;--> statement-breakpoint
ALTER TABLE "professionals"."professional" ADD COLUMN "work_email" text;--> statement-breakpoint
ALTER TABLE "professionals"."professional" ADD COLUMN "work_phone" text;--> statement-breakpoint
ALTER TABLE "professionals"."professional" ADD COLUMN "mssante_address" text;