ALTER TABLE "offer"."establishment" ADD COLUMN "house_number" text;--> statement-breakpoint
ALTER TABLE "offer"."establishment" ADD COLUMN "house_number_suffix" text;--> statement-breakpoint
ALTER TABLE "offer"."establishment" ADD COLUMN "street_type" text;--> statement-breakpoint
ALTER TABLE "offer"."establishment" ADD COLUMN "street_name" text;--> statement-breakpoint
ALTER TABLE "offer"."establishment" ADD COLUMN "named_place" text;--> statement-breakpoint
ALTER TABLE "offer"."establishment" ADD COLUMN "post_box" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "house_number" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "house_number_suffix" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "street_type" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "street_name" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "named_place" text;--> statement-breakpoint
ALTER TABLE "offer"."unit" ADD COLUMN "post_box" text;