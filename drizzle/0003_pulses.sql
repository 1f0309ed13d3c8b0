CREATE TABLE "pulse_answers" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pulse_id" uuid NOT NULL,
	"recipient_id" uuid,
	"relationship_id" uuid,
	"score" smallint NOT NULL,
	"second_score" smallint,
	"comment" text,
	"answered_at" timestamp (3) with time zone,
	CONSTRAINT "pulse_answers_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "pulse_recipients" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pulse_id" uuid NOT NULL,
	"contact_id" uuid,
	"user_id" uuid,
	"relationship_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"reminder_token_hash" text,
	"answered" boolean DEFAULT false NOT NULL,
	"reminded_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pulse_recipients_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "pulses" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"relationship_id" uuid,
	"team_id" uuid,
	"service_id" uuid,
	"subject" text NOT NULL,
	"target" text NOT NULL,
	"closes_on" date NOT NULL,
	"reminder_at" timestamp (3) with time zone,
	"reminder_state" text NOT NULL,
	"reminder_attempts" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pulses_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "pulse_answers" ADD CONSTRAINT "pulse_answers_workspace_id_pulse_id_pulses_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pulse_id") REFERENCES "public"."pulses"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_recipients" ADD CONSTRAINT "pulse_recipients_workspace_id_pulse_id_pulses_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pulse_id") REFERENCES "public"."pulses"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_recipients" ADD CONSTRAINT "pulse_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulses" ADD CONSTRAINT "pulses_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pulse_answers_pulse_idx" ON "pulse_answers" USING btree ("workspace_id","pulse_id");--> statement-breakpoint
CREATE INDEX "pulse_answers_relationship_idx" ON "pulse_answers" USING btree ("workspace_id","relationship_id","pulse_id");--> statement-breakpoint
CREATE INDEX "pulse_recipients_pulse_idx" ON "pulse_recipients" USING btree ("workspace_id","pulse_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pulse_recipients_token_key" ON "pulse_recipients" USING btree ("workspace_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "pulse_recipients_reminder_token_key" ON "pulse_recipients" USING btree ("workspace_id","reminder_token_hash");--> statement-breakpoint
CREATE INDEX "pulses_list_idx" ON "pulses" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "pulses_relationship_idx" ON "pulses" USING btree ("workspace_id","relationship_id","closes_on");--> statement-breakpoint
CREATE INDEX "pulses_team_idx" ON "pulses" USING btree ("workspace_id","team_id","kind","closes_on");--> statement-breakpoint
CREATE INDEX "pulses_service_idx" ON "pulses" USING btree ("workspace_id","service_id","closes_on");--> statement-breakpoint
CREATE INDEX "pulses_reminder_due_idx" ON "pulses" USING btree ("reminder_state","reminder_at");