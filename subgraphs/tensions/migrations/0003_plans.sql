CREATE TABLE "tensions"."notification_setting" (
	"establishment_id" text PRIMARY KEY NOT NULL,
	"emails" jsonb NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tensions"."plan_version" (
	"kind" text NOT NULL,
	"establishment_id" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"author" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_version_kind_establishment_id_version_pk" PRIMARY KEY("kind","establishment_id","version")
);
--> statement-breakpoint
CREATE TABLE "tensions"."plan" (
	"kind" text NOT NULL,
	"establishment_id" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_kind_establishment_id_pk" PRIMARY KEY("kind","establishment_id")
);
--> statement-breakpoint
CREATE TABLE "tensions"."solidarity_link" (
	"establishment_id" text NOT NULL,
	"solidarity_establishment_id" text NOT NULL,
	"rank" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "solidarity_link_establishment_id_solidarity_establishment_id_pk" PRIMARY KEY("establishment_id","solidarity_establishment_id")
);
--> statement-breakpoint
CREATE TABLE "tensions"."mail_outbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"event_id" bigint NOT NULL,
	"tension_id" text NOT NULL,
	"establishment_id" text NOT NULL,
	CONSTRAINT "mail_outbox_event_recipient_key" UNIQUE("event_id","recipient")
);
--> statement-breakpoint
CREATE INDEX "mail_outbox_tension_idx" ON "tensions"."mail_outbox" USING btree ("tension_id","id");