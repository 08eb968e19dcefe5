CREATE SEQUENCE "tensions"."declaration_number" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10000 CACHE 1;--> statement-breakpoint
CREATE TABLE "tensions"."action_category" (
	"code" text PRIMARY KEY NOT NULL,
	"rank" integer NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tensions"."het_action" (
	"code" text PRIMARY KEY NOT NULL,
	"category_code" text NOT NULL,
	"rank" integer NOT NULL,
	"label" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tensions"."discipline_group" (
	"code" text PRIMARY KEY NOT NULL,
	"rank" integer NOT NULL,
	"label" text NOT NULL,
	"disciplines" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tensions"."level_label" (
	"region_code" text NOT NULL,
	"level_code" text NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "level_label_region_code_level_code_pk" PRIMARY KEY("region_code","level_code")
);
--> statement-breakpoint
CREATE TABLE "tensions"."level" (
	"code" text PRIMARY KEY NOT NULL,
	"rank" integer NOT NULL,
	"label" text NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tensions"."timeline_entry" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"declaration_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"author" text NOT NULL,
	"kind" text NOT NULL,
	"action_code" text,
	"level_code" text NOT NULL,
	"discipline_group_code" text NOT NULL,
	"notes" text
);
--> statement-breakpoint
ALTER TABLE "tensions"."declaration" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tensions"."declaration" ADD COLUMN "declared_by" text;--> statement-breakpoint
ALTER TABLE "tensions"."declaration" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tensions"."het_action" ADD CONSTRAINT "het_action_category_code_action_category_code_fk" FOREIGN KEY ("category_code") REFERENCES "tensions"."action_category"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."level_label" ADD CONSTRAINT "level_label_level_code_level_code_fk" FOREIGN KEY ("level_code") REFERENCES "tensions"."level"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."timeline_entry" ADD CONSTRAINT "timeline_entry_declaration_id_declaration_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "tensions"."declaration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tensions"."timeline_entry" ADD CONSTRAINT "timeline_entry_action_code_het_action_code_fk" FOREIGN KEY ("action_code") REFERENCES "tensions"."het_action"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "timeline_declaration_idx" ON "tensions"."timeline_entry" USING btree ("declaration_id","id");--> statement-breakpoint
CREATE INDEX "declaration_started_idx" ON "tensions"."declaration" USING btree ("started_at");--> statement-breakpoint
-- Data (hand-written): declarations made before levels and groups were data held the old enum
-- values and group labels; they now hold codes (docs/tensions.md), and get their timeline.
UPDATE "tensions"."declaration" SET "level" = CASE "level" WHEN 'PLAN_BLANC_2' THEN 'PLAN_BLANC' WHEN 'PLAN_BLANC_1' THEN 'HET_1' ELSE "level" END;--> statement-breakpoint
UPDATE "tensions"."declaration" SET "discipline_group" = CASE "discipline_group"
  WHEN 'Réanimation, soins intensifs adultes et surveillance continue' THEN 'REA_SI_SC'
  WHEN 'Médecine' THEN 'MEDECINE' WHEN 'Chirurgie' THEN 'CHIRURGIE' WHEN 'Urgences' THEN 'URGENCES'
  WHEN 'Pédiatrie' THEN 'PEDIATRIE' WHEN 'Psychiatrie' THEN 'PSYCHIATRIE' WHEN 'SMR' THEN 'SMR'
  ELSE "discipline_group" END;--> statement-breakpoint
INSERT INTO "tensions"."timeline_entry" ("declaration_id", "at", "author", "kind", "level_code", "discipline_group_code")
  SELECT "id", "started_at", 'migration', 'DECLARED', "level", "discipline_group" FROM "tensions"."declaration" ORDER BY "started_at";--> statement-breakpoint
INSERT INTO "tensions"."timeline_entry" ("declaration_id", "at", "author", "kind", "level_code", "discipline_group_code")
  SELECT "id", "ended_at", 'migration', 'CLOSED', "level", "discipline_group" FROM "tensions"."declaration" WHERE "ended_at" IS NOT NULL ORDER BY "ended_at";
