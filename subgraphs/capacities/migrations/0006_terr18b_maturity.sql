CREATE TABLE "capacities"."bed_management_maturity" (
	"establishment_id" text PRIMARY KEY NOT NULL,
	"bed_manager" boolean NOT NULL,
	"clear_role" boolean NOT NULL,
	"service_continuity" boolean NOT NULL,
	"management_involved" boolean NOT NULL,
	"tools_systematic" boolean NOT NULL,
	"steering_tools_used" boolean NOT NULL,
	"weekly_meeting" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
