CREATE TABLE "feed"."job_period" (
	"job" text NOT NULL,
	"every_ms" bigint NOT NULL,
	"period" bigint NOT NULL,
	"run_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_period_job_every_ms_period_pk" PRIMARY KEY("job","every_ms","period")
);
