CREATE SCHEMA "fhir_subscriptions";
--> statement-breakpoint
CREATE TABLE "fhir_subscriptions"."binding_token" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"subscription_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fhir_subscriptions"."fanout_cursor" (
	"name" text PRIMARY KEY NOT NULL,
	"last_change_id" bigint DEFAULT 0 NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fhir_subscriptions"."inbox" (
	"change_id" bigint PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fhir_subscriptions"."event" (
	"subscription_id" text NOT NULL,
	"event_number" bigint NOT NULL,
	"change_id" bigint NOT NULL,
	"focus_type" text NOT NULL,
	"focus_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_subscription_id_event_number_pk" PRIMARY KEY("subscription_id","event_number")
);
--> statement-breakpoint
CREATE TABLE "fhir_subscriptions"."subscription" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_key" text NOT NULL,
	"principal" jsonb NOT NULL,
	"base_url" text NOT NULL,
	"reason" text NOT NULL,
	"topic" text NOT NULL,
	"filters" jsonb NOT NULL,
	"channel_type" text NOT NULL,
	"endpoint" text,
	"payload_mime" text NOT NULL,
	"content" text NOT NULL,
	"headers" jsonb NOT NULL,
	"heartbeat_seconds" integer,
	"timeout_seconds" integer NOT NULL,
	"max_count" integer NOT NULL,
	"end_at" timestamp with time zone,
	"status" text NOT NULL,
	"error" text,
	"event_count" bigint DEFAULT 0 NOT NULL,
	"delivered_through" bigint DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sent_at" timestamp with time zone,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fhir_subscriptions"."binding_token" ADD CONSTRAINT "binding_token_subscription_id_subscription_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "fhir_subscriptions"."subscription"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_subscriptions"."event" ADD CONSTRAINT "event_subscription_id_subscription_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "fhir_subscriptions"."subscription"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subscription_owner_idx" ON "fhir_subscriptions"."subscription" USING btree ("owner_key");--> statement-breakpoint
CREATE INDEX "subscription_topic_idx" ON "fhir_subscriptions"."subscription" USING btree ("topic","status");