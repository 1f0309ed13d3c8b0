CREATE TABLE "check_in_actions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"check_in_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid,
	"due_on" date,
	"done_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_actions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "check_in_agendas" (
	"workspace_id" uuid NOT NULL,
	"agenda" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
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
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_contexts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"status" text NOT NULL,
	"held_at" timestamp with time zone,
	"notes" text,
	"agenda" jsonb NOT NULL,
	"attendees" jsonb NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
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
	"run_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_reminders_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
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
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
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
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topic_comments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "topic_votes" (
	"workspace_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"voter_kind" text NOT NULL,
	"voter_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
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
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topics_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
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
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_comments" ADD CONSTRAINT "topic_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_comments" ADD CONSTRAINT "topic_comments_workspace_id_topic_id_topics_workspace_id_id_fk" FOREIGN KEY ("workspace_id","topic_id") REFERENCES "public"."topics"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_votes" ADD CONSTRAINT "topic_votes_workspace_id_topic_id_topics_workspace_id_id_fk" FOREIGN KEY ("workspace_id","topic_id") REFERENCES "public"."topics"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_workspace_id_relationship_id_relationships_workspace_id_id_fk" FOREIGN KEY ("workspace_id","relationship_id") REFERENCES "public"."relationships"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_in_actions_check_in_idx" ON "check_in_actions" USING btree ("workspace_id","check_in_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "check_in_contexts_side_key" ON "check_in_contexts" USING btree ("workspace_id","check_in_id","side");--> statement-breakpoint
CREATE INDEX "check_in_contexts_updated_idx" ON "check_in_contexts" USING btree ("workspace_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "check_ins_relationship_idx" ON "check_ins" USING btree ("workspace_id","relationship_id","scheduled_for","id");--> statement-breakpoint
CREATE INDEX "check_ins_status_idx" ON "check_ins" USING btree ("workspace_id","status","scheduled_for");--> statement-breakpoint
CREATE UNIQUE INDEX "check_in_reminders_dedupe_key" ON "check_in_reminders" USING btree ("workspace_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "check_in_reminders_check_in_idx" ON "check_in_reminders" USING btree ("workspace_id","check_in_id");--> statement-breakpoint
CREATE INDEX "check_in_reminders_due_idx" ON "check_in_reminders" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("workspace_id","user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("workspace_id","user_id","read_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("workspace_id","user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "topic_comments_topic_idx" ON "topic_comments" USING btree ("workspace_id","topic_id","created_at","id");--> statement-breakpoint
CREATE INDEX "topics_relationship_idx" ON "topics" USING btree ("workspace_id","relationship_id","created_at","id");--> statement-breakpoint
CREATE INDEX "topics_status_idx" ON "topics" USING btree ("workspace_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "topics_check_in_idx" ON "topics" USING btree ("workspace_id","check_in_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("workspace_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_key" ON "invitations" USING btree ("workspace_id","token_hash");