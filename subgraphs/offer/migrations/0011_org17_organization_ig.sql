CREATE TABLE "offer"."establishment_price" (
	"id" serial PRIMARY KEY NOT NULL,
	"establishment_id" text NOT NULL,
	"position" integer NOT NULL,
	"price_type_code" text NOT NULL,
	"price_unit_code" text NOT NULL,
	"amount" numeric(10, 2) NOT NULL,
	"valid_from" date,
	"dependency_level_code" text,
	"residential_type_code" text,
	"welcome_type_code" text,
	"special_price_code" text
);
--> statement-breakpoint
ALTER TABLE "offer"."establishment" ADD COLUMN "opened_on" date;--> statement-breakpoint
ALTER TABLE "offer"."establishment" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "offer"."establishment" ADD COLUMN "closing_type_code" text;--> statement-breakpoint
ALTER TABLE "offer"."establishment" ADD COLUMN "drop_zone" boolean;--> statement-breakpoint
ALTER TABLE "offer"."establishment_price" ADD CONSTRAINT "establishment_price_establishment_id_establishment_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "offer"."establishment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "establishment_price_position_uq" ON "offer"."establishment_price" USING btree ("establishment_id","position");--> statement-breakpoint
CREATE INDEX "establishment_price_type_idx" ON "offer"."establishment_price" USING btree ("price_type_code","amount");--> statement-breakpoint
CREATE INDEX "establishment_price_amount_idx" ON "offer"."establishment_price" USING btree ("amount");--> statement-breakpoint
CREATE INDEX "establishment_price_valid_from_idx" ON "offer"."establishment_price" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "establishment_price_dependency_idx" ON "offer"."establishment_price" USING btree ("dependency_level_code") WHERE "offer"."establishment_price"."dependency_level_code" is not null;--> statement-breakpoint
CREATE INDEX "establishment_price_residential_idx" ON "offer"."establishment_price" USING btree ("residential_type_code") WHERE "offer"."establishment_price"."residential_type_code" is not null;--> statement-breakpoint
CREATE INDEX "establishment_price_welcome_idx" ON "offer"."establishment_price" USING btree ("welcome_type_code") WHERE "offer"."establishment_price"."welcome_type_code" is not null;--> statement-breakpoint
CREATE INDEX "establishment_price_special_idx" ON "offer"."establishment_price" USING btree ("special_price_code") WHERE "offer"."establishment_price"."special_price_code" is not null;--> statement-breakpoint
CREATE INDEX "establishment_closing_idx" ON "offer"."establishment" USING btree ("closing_type_code") WHERE "offer"."establishment"."closing_type_code" is not null;--> statement-breakpoint
CREATE INDEX "establishment_closed_on_idx" ON "offer"."establishment" USING btree ("closed_on") WHERE "offer"."establishment"."closed_on" is not null;--> statement-breakpoint
CREATE INDEX "establishment_drop_zone_idx" ON "offer"."establishment" USING btree ((("drop_zone")::text)) WHERE "offer"."establishment"."drop_zone" is not null;--> statement-breakpoint
CREATE INDEX "pole_name_trgm_idx" ON "offer"."pole" USING gin (offer.fold("name") gin_trgm_ops);