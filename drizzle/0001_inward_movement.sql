CREATE TABLE "experiments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"title" text NOT NULL,
	"hypothesis" text NOT NULL,
	"protected_hours" numeric(7, 2) NOT NULL,
	"safety" text,
	"commitment" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"learnings_outward" text,
	"learnings_inward" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experiments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "learnings" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reflection_id" uuid NOT NULL,
	"text" text NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learnings_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "reflection_experiments" (
	"workspace_id" uuid NOT NULL,
	"reflection_id" uuid NOT NULL,
	"experiment_id" uuid NOT NULL,
	CONSTRAINT "reflection_experiments_workspace_id_reflection_id_experiment_id_pk" PRIMARY KEY("workspace_id","reflection_id","experiment_id")
);
--> statement-breakpoint
CREATE TABLE "reflection_relationships" (
	"workspace_id" uuid NOT NULL,
	"reflection_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	CONSTRAINT "reflection_relationships_workspace_id_reflection_id_relationship_id_pk" PRIMARY KEY("workspace_id","reflection_id","relationship_id")
);
--> statement-breakpoint
CREATE TABLE "reflections" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"happening" text NOT NULL,
	"emerging" text NOT NULL,
	"surprisingly_well" text NOT NULL,
	"harder_than_expected" text NOT NULL,
	"needs" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflections_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "team_reflection_settings" (
	"workspace_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"cadence_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_reflection_settings_workspace_id_team_id_pk" PRIMARY KEY("workspace_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "time_entries" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"relationship_id" uuid,
	"team_id" uuid,
	"date" date NOT NULL,
	"hours" numeric(5, 2) NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entries_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_workspace_id_team_id_teams_workspace_id_id_fk" FOREIGN KEY ("workspace_id","team_id") REFERENCES "public"."teams"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learnings" ADD CONSTRAINT "learnings_workspace_id_reflection_id_reflections_workspace_id_id_fk" FOREIGN KEY ("workspace_id","reflection_id") REFERENCES "public"."reflections"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_experiments" ADD CONSTRAINT "reflection_experiments_workspace_id_reflection_id_reflections_workspace_id_id_fk" FOREIGN KEY ("workspace_id","reflection_id") REFERENCES "public"."reflections"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_experiments" ADD CONSTRAINT "reflection_experiments_workspace_id_experiment_id_experiments_workspace_id_id_fk" FOREIGN KEY ("workspace_id","experiment_id") REFERENCES "public"."experiments"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_relationships" ADD CONSTRAINT "reflection_relationships_workspace_id_reflection_id_reflections_workspace_id_id_fk" FOREIGN KEY ("workspace_id","reflection_id") REFERENCES "public"."reflections"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_relationships" ADD CONSTRAINT "reflection_relationships_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_workspace_id_team_id_teams_workspace_id_id_fk" FOREIGN KEY ("workspace_id","team_id") REFERENCES "public"."teams"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_reflection_settings" ADD CONSTRAINT "team_reflection_settings_workspace_id_team_id_teams_workspace_id_id_fk" FOREIGN KEY ("workspace_id","team_id") REFERENCES "public"."teams"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_workspace_id_team_id_teams_workspace_id_id_fk" FOREIGN KEY ("workspace_id","team_id") REFERENCES "public"."teams"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experiments_starts_idx" ON "experiments" USING btree ("workspace_id","starts_on","id");--> statement-breakpoint
CREATE INDEX "experiments_team_idx" ON "experiments" USING btree ("workspace_id","team_id","starts_on");--> statement-breakpoint
CREATE INDEX "experiments_relationship_idx" ON "experiments" USING btree ("workspace_id","relationship_id","starts_on");--> statement-breakpoint
CREATE INDEX "learnings_reflection_idx" ON "learnings" USING btree ("workspace_id","reflection_id","created_at");--> statement-breakpoint
CREATE INDEX "reflection_experiments_experiment_idx" ON "reflection_experiments" USING btree ("workspace_id","experiment_id");--> statement-breakpoint
CREATE INDEX "reflection_relationships_relationship_idx" ON "reflection_relationships" USING btree ("workspace_id","relationship_id");--> statement-breakpoint
CREATE INDEX "reflections_held_idx" ON "reflections" USING btree ("workspace_id","held_on","id");--> statement-breakpoint
CREATE INDEX "reflections_team_idx" ON "reflections" USING btree ("workspace_id","team_id","held_on");--> statement-breakpoint
CREATE INDEX "time_entries_member_idx" ON "time_entries" USING btree ("workspace_id","member_id","date");--> statement-breakpoint
CREATE INDEX "time_entries_team_idx" ON "time_entries" USING btree ("workspace_id","team_id","date");--> statement-breakpoint
CREATE INDEX "time_entries_relationship_idx" ON "time_entries" USING btree ("workspace_id","relationship_id","date");--> statement-breakpoint
CREATE INDEX "time_entries_date_idx" ON "time_entries" USING btree ("workspace_id","date","id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("workspace_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_key" ON "invitations" USING btree ("workspace_id","token_hash");