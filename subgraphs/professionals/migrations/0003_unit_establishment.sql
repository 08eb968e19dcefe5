-- Each unit assignment stores its unit's establishment (a transferred unit keeps its id, D30).
-- Existing rows were all written while unit ids were `<FINESS ET>-<UF code>` of their establishment,
-- so the prefix is right for them; the column is filled from it, then made mandatory.
ALTER TABLE "professionals"."unit_assignment" ADD COLUMN "establishment_id" text;--> statement-breakpoint
UPDATE "professionals"."unit_assignment" SET "establishment_id" = split_part("unit_id", '-', 1);--> statement-breakpoint
ALTER TABLE "professionals"."unit_assignment" ALTER COLUMN "establishment_id" SET NOT NULL;
