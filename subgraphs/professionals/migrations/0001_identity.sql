CREATE TABLE "professionals"."account" (
	"id" text PRIMARY KEY NOT NULL,
	"professional_id" text NOT NULL,
	"login" text NOT NULL,
	"password_hash" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_login_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "professionals"."client" (
	"client_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"jwks" jsonb NOT NULL,
	"scopes" text[] NOT NULL,
	"access_level" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "professionals"."mail_outbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "professionals"."oidc_payload" (
	"model" text NOT NULL,
	"id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"grant_id" text,
	"user_code" text,
	"uid" text,
	"expires_at" timestamp with time zone,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "oidc_payload_model_id_pk" PRIMARY KEY("model","id")
);
--> statement-breakpoint
CREATE TABLE "professionals"."password_token" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "professionals"."role_assignment" (
	"id" serial PRIMARY KEY NOT NULL,
	"professional_id" text NOT NULL,
	"role" text,
	"right" text,
	"perimeter_kind" text NOT NULL,
	"perimeter_id" text,
	"granted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignment_role_or_right_ck" CHECK (("professionals"."role_assignment"."role" is null) <> ("professionals"."role_assignment"."right" is null))
);
--> statement-breakpoint
CREATE TABLE "professionals"."signing_key" (
	"kid" text PRIMARY KEY NOT NULL,
	"jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "professionals"."establishment_assignment" DROP CONSTRAINT "establishment_assignment_professional_id_professional_id_fk";
--> statement-breakpoint
ALTER TABLE "professionals"."unit_assignment" DROP CONSTRAINT "unit_assignment_professional_id_professional_id_fk";
--> statement-breakpoint
ALTER TABLE "professionals"."professional" ADD COLUMN "sex" text;--> statement-breakpoint
ALTER TABLE "professionals"."professional" ADD COLUMN "rescue_email" text;--> statement-breakpoint
ALTER TABLE "professionals"."professional" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "professionals"."account" ADD CONSTRAINT "account_professional_id_professional_id_fk" FOREIGN KEY ("professional_id") REFERENCES "professionals"."professional"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionals"."password_token" ADD CONSTRAINT "password_token_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "professionals"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionals"."role_assignment" ADD CONSTRAINT "role_assignment_professional_id_professional_id_fk" FOREIGN KEY ("professional_id") REFERENCES "professionals"."professional"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_login_uq" ON "professionals"."account" USING btree (lower("login"));--> statement-breakpoint
CREATE UNIQUE INDEX "account_professional_uq" ON "professionals"."account" USING btree ("professional_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_pending_idx" ON "professionals"."mail_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "oidc_payload_grant_idx" ON "professionals"."oidc_payload" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "oidc_payload_uid_idx" ON "professionals"."oidc_payload" USING btree ("uid");--> statement-breakpoint
CREATE INDEX "role_assignment_professional_idx" ON "professionals"."role_assignment" USING btree ("professional_id");--> statement-breakpoint
ALTER TABLE "professionals"."establishment_assignment" ADD CONSTRAINT "establishment_assignment_professional_id_professional_id_fk" FOREIGN KEY ("professional_id") REFERENCES "professionals"."professional"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionals"."unit_assignment" ADD CONSTRAINT "unit_assignment_professional_id_professional_id_fk" FOREIGN KEY ("professional_id") REFERENCES "professionals"."professional"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "professional_rescue_email_uq" ON "professionals"."professional" USING btree (lower("rescue_email"));--> statement-breakpoint
CREATE INDEX "professional_archived_idx" ON "professionals"."professional" USING btree ("archived_at");