CREATE TABLE "check_in_actions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"check_in_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid,
	"due_on" date,
	"done_at" timestamp (3) with time zone,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_actions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "check_in_agendas" (
	"workspace_id" uuid NOT NULL,
	"agenda" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_agendas_workspace_id_pk" PRIMARY KEY("workspace_id")
);
--> statement-breakpoint
CREATE TABLE "check_in_contexts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"check_in_id" uuid NOT NULL,
	"side" text NOT NULL,
	"business_update" text NOT NULL,
	"unused_capacity" text NOT NULL,
	"further_topics" text NOT NULL,
	"ways_of_working" text NOT NULL,
	"filled_by_kind" text NOT NULL,
	"filled_by_user_id" uuid,
	"filled_by_contact_id" uuid,
	"filled_by_name" text NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_contexts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"scheduled_for" timestamp (3) with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"status" text NOT NULL,
	"held_at" timestamp (3) with time zone,
	"notes" text,
	"agenda" jsonb NOT NULL,
	"attendees" jsonb NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "check_in_reminders" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"relationship_id" uuid NOT NULL,
	"check_in_id" uuid,
	"due_on" date,
	"dedupe_key" text NOT NULL,
	"run_at" timestamp (3) with time zone NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_reminders_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"industry" text,
	"website" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"role" text,
	"portal_access" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "event_rsvps" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid,
	"contact_id" uuid,
	"response" text,
	"invited_at" timestamp (3) with time zone,
	"responded_at" timestamp (3) with time zone,
	"touchpoint_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_rsvps_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "event_rsvps_one_person" CHECK (("event_rsvps"."user_id" IS NULL) <> ("event_rsvps"."contact_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"location" text,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"audience" text NOT NULL,
	"notes" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "events_ends_after_start" CHECK ("events"."ends_at" > "events"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "purposes" (
	"workspace_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purposes_workspace_id_pk" PRIMARY KEY("workspace_id")
);
--> statement-breakpoint
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
	"started_at" timestamp (3) with time zone,
	"ended_at" timestamp (3) with time zone,
	"learnings_outward" text,
	"learnings_inward" text,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experiments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_items" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"visibility" text NOT NULL,
	"source_kind" text,
	"source_id" uuid,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_items_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"relationship_id" uuid,
	"check_in_id" uuid,
	"topic_id" uuid,
	"dedupe_key" text,
	"read_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "learnings" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reflection_id" uuid NOT NULL,
	"text" text NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
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
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflections_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "team_reflection_settings" (
	"workspace_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"cadence_days" integer NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_reflection_settings_workspace_id_team_id_pk" PRIMARY KEY("workspace_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"pyramid_level" text NOT NULL,
	"note" text NOT NULL,
	"assessed_by" uuid,
	"assessed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "relationship_services" (
	"workspace_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "relationship_services_workspace_id_relationship_id_service_id_pk" PRIMARY KEY("workspace_id","relationship_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "relationships" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"owner_id" uuid,
	"cadence_days" integer NOT NULL,
	"ambition" text,
	"stage" text NOT NULL,
	"pyramid_level" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"last_check_in_at" timestamp (3) with time zone,
	"next_check_in_due" date,
	"health_score" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relationships_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"workspace_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"title" text NOT NULL,
	"subtitle" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"visibility" text NOT NULL,
	"client_id" uuid,
	"parent_id" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', "title"), 'A') || setweight(to_tsvector('simple', "body"), 'B') || setweight(to_tsvector('simple', "subtitle"), 'C')) STORED NOT NULL,
	"title_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', "title")) STORED NOT NULL,
	CONSTRAINT "search_documents_workspace_id_entity_type_entity_id_pk" PRIMARY KEY("workspace_id","entity_type","entity_id")
);
--> statement-breakpoint
CREATE TABLE "search_index_state" (
	"workspace_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"indexed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_index_state_workspace_id_pk" PRIMARY KEY("workspace_id")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
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
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entries_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "topic_comments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"body" text NOT NULL,
	"side" text NOT NULL,
	"author_kind" text NOT NULL,
	"author_user_id" uuid,
	"author_contact_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topic_comments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "topic_votes" (
	"workspace_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"voter_kind" text NOT NULL,
	"voter_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topic_votes_workspace_id_topic_id_voter_kind_voter_id_pk" PRIMARY KEY("workspace_id","topic_id","voter_kind","voter_id")
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"raised_by" text NOT NULL,
	"status" text NOT NULL,
	"check_in_id" uuid,
	"author_kind" text NOT NULL,
	"author_user_id" uuid,
	"author_contact_id" uuid,
	"author_name" text NOT NULL,
	"status_changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topics_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "touchpoints" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"initiated_by" text NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"summary" text NOT NULL,
	"discoveries" text,
	"visibility" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "touchpoints_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"details" jsonb,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"scope" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "api_tokens_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"accepted_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_messages" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"attachments" jsonb,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp (3) with time zone,
	CONSTRAINT "mail_messages_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "check_in_actions" ADD CONSTRAINT "check_in_actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_actions" ADD CONSTRAINT "check_in_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_actions" ADD CONSTRAINT "check_in_actions_workspace_id_check_in_id_check_ins_workspace_id_id_fk" FOREIGN KEY ("workspace_id","check_in_id") REFERENCES "public"."check_ins"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_agendas" ADD CONSTRAINT "check_in_agendas_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_agendas" ADD CONSTRAINT "check_in_agendas_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_contexts" ADD CONSTRAINT "check_in_contexts_filled_by_user_id_users_id_fk" FOREIGN KEY ("filled_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_contexts" ADD CONSTRAINT "check_in_contexts_workspace_id_check_in_id_check_ins_workspace_id_id_fk" FOREIGN KEY ("workspace_id","check_in_id") REFERENCES "public"."check_ins"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_reminders" ADD CONSTRAINT "check_in_reminders_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_reminders" ADD CONSTRAINT "check_in_reminders_workspace_id_check_in_id_check_ins_workspace_id_id_fk" FOREIGN KEY ("workspace_id","check_in_id") REFERENCES "public"."check_ins"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_workspace_id_client_id_clients_workspace_id_id_fk" FOREIGN KEY ("workspace_id","client_id") REFERENCES "public"."clients"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD CONSTRAINT "event_rsvps_workspace_id_event_id_events_workspace_id_id_fk" FOREIGN KEY ("workspace_id","event_id") REFERENCES "public"."events"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD CONSTRAINT "event_rsvps_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD CONSTRAINT "event_rsvps_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purposes" ADD CONSTRAINT "purposes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_workspace_id_team_id_teams_workspace_id_id_fk" FOREIGN KEY ("workspace_id","team_id") REFERENCES "public"."teams"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_items" ADD CONSTRAINT "knowledge_items_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learnings" ADD CONSTRAINT "learnings_workspace_id_reflection_id_reflections_workspace_id_id_fk" FOREIGN KEY ("workspace_id","reflection_id") REFERENCES "public"."reflections"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_experiments" ADD CONSTRAINT "reflection_experiments_workspace_id_reflection_id_reflections_workspace_id_id_fk" FOREIGN KEY ("workspace_id","reflection_id") REFERENCES "public"."reflections"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_experiments" ADD CONSTRAINT "reflection_experiments_workspace_id_experiment_id_experiments_workspace_id_id_fk" FOREIGN KEY ("workspace_id","experiment_id") REFERENCES "public"."experiments"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_relationships" ADD CONSTRAINT "reflection_relationships_workspace_id_reflection_id_reflections_workspace_id_id_fk" FOREIGN KEY ("workspace_id","reflection_id") REFERENCES "public"."reflections"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_relationships" ADD CONSTRAINT "reflection_relationships_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_workspace_id_team_id_teams_workspace_id_id_fk" FOREIGN KEY ("workspace_id","team_id") REFERENCES "public"."teams"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_reflection_settings" ADD CONSTRAINT "team_reflection_settings_workspace_id_team_id_teams_workspace_id_id_fk" FOREIGN KEY ("workspace_id","team_id") REFERENCES "public"."teams"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_services" ADD CONSTRAINT "relationship_services_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_services" ADD CONSTRAINT "relationship_services_workspace_id_service_id_services_workspace_id_id_fk" FOREIGN KEY ("workspace_id","service_id") REFERENCES "public"."services"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_workspace_id_client_id_clients_workspace_id_id_fk" FOREIGN KEY ("workspace_id","client_id") REFERENCES "public"."clients"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_workspace_id_team_id_teams_workspace_id_id_fk" FOREIGN KEY ("workspace_id","team_id") REFERENCES "public"."teams"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_workspace_id_owner_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_workspace_id_client_id_clients_workspace_id_id_fk" FOREIGN KEY ("workspace_id","client_id") REFERENCES "public"."clients"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_index_state" ADD CONSTRAINT "search_index_state_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_workspace_id_team_id_teams_workspace_id_id_fk" FOREIGN KEY ("workspace_id","team_id") REFERENCES "public"."teams"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_workspace_id_team_id_teams_workspace_id_id_fk" FOREIGN KEY ("workspace_id","team_id") REFERENCES "public"."teams"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_comments" ADD CONSTRAINT "topic_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_comments" ADD CONSTRAINT "topic_comments_workspace_id_topic_id_topics_workspace_id_id_fk" FOREIGN KEY ("workspace_id","topic_id") REFERENCES "public"."topics"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_votes" ADD CONSTRAINT "topic_votes_workspace_id_topic_id_topics_workspace_id_id_fk" FOREIGN KEY ("workspace_id","topic_id") REFERENCES "public"."topics"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_workspace_id_created_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","created_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_workspace_id_invited_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","invited_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_in_actions_check_in_idx" ON "check_in_actions" USING btree ("workspace_id","check_in_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "check_in_contexts_side_key" ON "check_in_contexts" USING btree ("workspace_id","check_in_id","side");--> statement-breakpoint
CREATE INDEX "check_in_contexts_updated_idx" ON "check_in_contexts" USING btree ("workspace_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "check_ins_relationship_idx" ON "check_ins" USING btree ("workspace_id","relationship_id","scheduled_for","id");--> statement-breakpoint
CREATE INDEX "check_ins_status_idx" ON "check_ins" USING btree ("workspace_id","status","scheduled_for");--> statement-breakpoint
CREATE UNIQUE INDEX "check_in_reminders_dedupe_key" ON "check_in_reminders" USING btree ("workspace_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "check_in_reminders_check_in_idx" ON "check_in_reminders" USING btree ("workspace_id","check_in_id");--> statement-breakpoint
CREATE INDEX "check_in_reminders_due_idx" ON "check_in_reminders" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "clients_name_idx" ON "clients" USING btree ("workspace_id","name","id");--> statement-breakpoint
CREATE INDEX "contacts_client_idx" ON "contacts" USING btree ("workspace_id","client_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_email_key" ON "contacts" USING btree ("workspace_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "event_rsvps_member_key" ON "event_rsvps" USING btree ("workspace_id","event_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_rsvps_contact_key" ON "event_rsvps" USING btree ("workspace_id","event_id","contact_id");--> statement-breakpoint
CREATE INDEX "event_rsvps_user_idx" ON "event_rsvps" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "event_rsvps_contact_idx" ON "event_rsvps" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("workspace_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "experiments_starts_idx" ON "experiments" USING btree ("workspace_id","starts_on","id");--> statement-breakpoint
CREATE INDEX "experiments_team_idx" ON "experiments" USING btree ("workspace_id","team_id","starts_on");--> statement-breakpoint
CREATE INDEX "experiments_relationship_idx" ON "experiments" USING btree ("workspace_id","relationship_id","starts_on");--> statement-breakpoint
CREATE INDEX "knowledge_items_updated_idx" ON "knowledge_items" USING btree ("workspace_id","updated_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_items_source_key" ON "knowledge_items" USING btree ("workspace_id","source_kind","source_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("workspace_id","user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("workspace_id","user_id","read_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("workspace_id","user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "learnings_reflection_idx" ON "learnings" USING btree ("workspace_id","reflection_id","created_at");--> statement-breakpoint
CREATE INDEX "reflection_experiments_experiment_idx" ON "reflection_experiments" USING btree ("workspace_id","experiment_id");--> statement-breakpoint
CREATE INDEX "reflection_relationships_relationship_idx" ON "reflection_relationships" USING btree ("workspace_id","relationship_id");--> statement-breakpoint
CREATE INDEX "reflections_held_idx" ON "reflections" USING btree ("workspace_id","held_on","id");--> statement-breakpoint
CREATE INDEX "reflections_team_idx" ON "reflections" USING btree ("workspace_id","team_id","held_on");--> statement-breakpoint
CREATE INDEX "assessments_relationship_idx" ON "assessments" USING btree ("workspace_id","relationship_id","assessed_at");--> statement-breakpoint
CREATE INDEX "relationship_services_service_idx" ON "relationship_services" USING btree ("workspace_id","service_id");--> statement-breakpoint
CREATE INDEX "relationships_client_idx" ON "relationships" USING btree ("workspace_id","client_id");--> statement-breakpoint
CREATE INDEX "relationships_team_idx" ON "relationships" USING btree ("workspace_id","team_id");--> statement-breakpoint
CREATE INDEX "relationships_stage_idx" ON "relationships" USING btree ("workspace_id","stage","pyramid_level");--> statement-breakpoint
CREATE INDEX "relationships_due_idx" ON "relationships" USING btree ("workspace_id","next_check_in_due");--> statement-breakpoint
CREATE INDEX "relationships_updated_idx" ON "relationships" USING btree ("workspace_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_title_idx" ON "search_documents" USING gin ("title_tsv");--> statement-breakpoint
CREATE INDEX "search_documents_client_idx" ON "search_documents" USING btree ("workspace_id","client_id");--> statement-breakpoint
CREATE INDEX "search_documents_parent_idx" ON "search_documents" USING btree ("workspace_id","parent_id");--> statement-breakpoint
CREATE INDEX "services_team_idx" ON "services" USING btree ("workspace_id","team_id");--> statement-breakpoint
CREATE INDEX "services_name_idx" ON "services" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "teams_name_idx" ON "teams" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "time_entries_member_idx" ON "time_entries" USING btree ("workspace_id","member_id","date");--> statement-breakpoint
CREATE INDEX "time_entries_team_idx" ON "time_entries" USING btree ("workspace_id","team_id","date");--> statement-breakpoint
CREATE INDEX "time_entries_relationship_idx" ON "time_entries" USING btree ("workspace_id","relationship_id","date");--> statement-breakpoint
CREATE INDEX "time_entries_date_idx" ON "time_entries" USING btree ("workspace_id","date","id");--> statement-breakpoint
CREATE INDEX "topic_comments_topic_idx" ON "topic_comments" USING btree ("workspace_id","topic_id","created_at","id");--> statement-breakpoint
CREATE INDEX "topics_relationship_idx" ON "topics" USING btree ("workspace_id","relationship_id","created_at","id");--> statement-breakpoint
CREATE INDEX "topics_status_idx" ON "topics" USING btree ("workspace_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "topics_check_in_idx" ON "topics" USING btree ("workspace_id","check_in_id");--> statement-breakpoint
CREATE INDEX "touchpoints_timeline_idx" ON "touchpoints" USING btree ("workspace_id","relationship_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("workspace_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("workspace_id","token_hash");--> statement-breakpoint
CREATE INDEX "invitations_created_idx" ON "invitations" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_key" ON "invitations" USING btree ("workspace_id","token_hash");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "mail_messages_created_idx" ON "mail_messages" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "mail_messages_due_idx" ON "mail_messages" USING btree ("status","next_attempt_at");