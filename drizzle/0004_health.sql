CREATE TABLE "health_snapshots" (
	"workspace_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"day" date NOT NULL,
	"score" integer,
	"components" jsonb NOT NULL,
	CONSTRAINT "health_snapshots_workspace_id_relationship_id_day_pk" PRIMARY KEY("workspace_id","relationship_id","day")
);
--> statement-breakpoint
CREATE TABLE "relationship_health" (
	"workspace_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"score" integer,
	"components" jsonb NOT NULL,
	"risks" jsonb NOT NULL,
	"risk_rank" integer NOT NULL,
	"risk_count" integer NOT NULL,
	"computed_at" timestamp (3) with time zone NOT NULL,
	"refresh_due_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "relationship_health_workspace_id_relationship_id_pk" PRIMARY KEY("workspace_id","relationship_id")
);
--> statement-breakpoint
ALTER TABLE "health_snapshots" ADD CONSTRAINT "health_snapshots_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_health" ADD CONSTRAINT "relationship_health_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "relationship_health_risk_idx" ON "relationship_health" USING btree ("workspace_id","risk_rank");--> statement-breakpoint
CREATE INDEX "relationship_health_due_idx" ON "relationship_health" USING btree ("refresh_due_at");--> statement-breakpoint
CREATE INDEX "assessments_recent_idx" ON "assessments" USING btree ("workspace_id","assessed_at");