CREATE SCHEMA "professionals";
--> statement-breakpoint
CREATE TABLE "professionals"."establishment_assignment" (
	"professional_id" text NOT NULL,
	"establishment_id" text NOT NULL,
	CONSTRAINT "establishment_assignment_professional_id_establishment_id_pk" PRIMARY KEY("professional_id","establishment_id")
);
--> statement-breakpoint
CREATE TABLE "professionals"."professional" (
	"id" text PRIMARY KEY NOT NULL,
	"last_name" text NOT NULL,
	"first_name" text NOT NULL,
	"profession_code" text,
	"rpps_number" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "professionals"."unit_assignment" (
	"professional_id" text NOT NULL,
	"unit_id" text NOT NULL,
	CONSTRAINT "unit_assignment_professional_id_unit_id_pk" PRIMARY KEY("professional_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "professionals"."establishment_assignment" ADD CONSTRAINT "establishment_assignment_professional_id_professional_id_fk" FOREIGN KEY ("professional_id") REFERENCES "professionals"."professional"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionals"."unit_assignment" ADD CONSTRAINT "unit_assignment_professional_id_professional_id_fk" FOREIGN KEY ("professional_id") REFERENCES "professionals"."professional"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "establishment_assignment_est_idx" ON "professionals"."establishment_assignment" USING btree ("establishment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "professional_rpps_uq" ON "professionals"."professional" USING btree ("rpps_number");--> statement-breakpoint
CREATE INDEX "unit_assignment_unit_idx" ON "professionals"."unit_assignment" USING btree ("unit_id");