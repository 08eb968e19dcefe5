ALTER TABLE "offer"."feedback" ALTER COLUMN "sender_professional_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "offer"."feedback" ADD COLUMN "sender_kind" text DEFAULT 'USER' NOT NULL;--> statement-breakpoint
ALTER TABLE "offer"."feedback" ADD COLUMN "focus_type" text;--> statement-breakpoint
ALTER TABLE "offer"."feedback" ADD COLUMN "rule_error_id" text;--> statement-breakpoint
ALTER TABLE "offer"."feedback" ADD COLUMN "error_value" text;--> statement-breakpoint
ALTER TABLE "offer"."feedback" ADD COLUMN "proposed_value" text;--> statement-breakpoint
ALTER TABLE "offer"."feedback" ADD COLUMN "path_element_error" text;--> statement-breakpoint
ALTER TABLE "offer"."feedback" ADD COLUMN "system_requester" text;--> statement-breakpoint
ALTER TABLE "offer"."feedback" ADD COLUMN "identifier_requester" text;--> statement-breakpoint
ALTER TABLE "offer"."feedback" ADD COLUMN "resolution" text;--> statement-breakpoint
ALTER TABLE "offer"."feedback" ADD COLUMN "new_value" text;--> statement-breakpoint
ALTER TABLE "offer"."feedback" ADD COLUMN "identifier_analyst" text;--> statement-breakpoint
ALTER TABLE "offer"."feedback" ADD COLUMN "closed_by_professional_id" text;--> statement-breakpoint
ALTER TABLE "offer"."feedback" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "offer"."feedback" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "feedback_subject_idx" ON "offer"."feedback" USING btree ("subject_type","subject_id");--> statement-breakpoint
UPDATE "offer"."feedback" SET "updated_at" = coalesce("closed_at", "created_at");