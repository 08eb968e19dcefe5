-- Both bounds of the patientèle are recorded (D197). Every search of the hub read a
-- missing bound as open (no lower, no upper age), so a missing minimum becomes 0 and a missing
-- maximum 150, the conventional bounds of an open range: no search answers differently after.
UPDATE "offer"."unit" SET "patient_age_min" = 0 WHERE "patient_age_min" IS NULL;--> statement-breakpoint
UPDATE "offer"."unit" SET "patient_age_max" = 150 WHERE "patient_age_max" IS NULL;--> statement-breakpoint
ALTER TABLE "offer"."unit" ALTER COLUMN "patient_age_min" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "offer"."unit" ALTER COLUMN "patient_age_max" SET NOT NULL;
