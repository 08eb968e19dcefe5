CREATE TABLE "tensions"."crisis_protocol_edit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cpts_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tensions"."crisis_protocol_edit" ADD CONSTRAINT "crisis_protocol_edit_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "tensions"."cpts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crisis_protocol_edit_cpts_idx" ON "tensions"."crisis_protocol_edit" USING btree ("cpts_id","at");