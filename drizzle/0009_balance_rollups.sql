CREATE TABLE "time_months" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid,
	"month" date NOT NULL,
	"kind" text NOT NULL,
	"hours" numeric NOT NULL,
	"entries" integer NOT NULL,
	CONSTRAINT "time_months_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "time_months_key" UNIQUE NULLS NOT DISTINCT("workspace_id","team_id","month","kind")
);
--> statement-breakpoint
CREATE INDEX "check_ins_due_idx" ON "check_ins" USING btree ("workspace_id","scheduled_for","id");--> statement-breakpoint
CREATE INDEX "topics_raised_idx" ON "topics" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
-- Kept on write by the database itself, so every path that writes entries (the API, imports, restores) keeps
-- it true. One statement-level trigger per event: a bulk insert is one aggregate, not one call per row.
CREATE FUNCTION "time_months_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Keys in one order, so concurrent writers lock the same rows in the same order (no deadlock).
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "time_months" AS m ("workspace_id", "team_id", "month", "kind", "hours", "entries")
      SELECT "workspace_id", "team_id", date_trunc('month', "date")::date, "kind", -sum("hours"), -count(*)::int
      FROM old_entries GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT ON CONSTRAINT "time_months_key"
      DO UPDATE SET "hours" = m."hours" + excluded."hours", "entries" = m."entries" + excluded."entries";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "time_months" AS m ("workspace_id", "team_id", "month", "kind", "hours", "entries")
      SELECT "workspace_id", "team_id", date_trunc('month', "date")::date, "kind", sum("hours"), count(*)::int
      FROM new_entries GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT ON CONSTRAINT "time_months_key"
      DO UPDATE SET "hours" = m."hours" + excluded."hours", "entries" = m."entries" + excluded."entries";
  END IF;
  -- A month whose entries all went (deleted, moved, or their team or workspace deleted) leaves no row.
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "time_months" m USING (SELECT DISTINCT "workspace_id", "team_id", date_trunc('month', "date")::date AS "month" FROM old_entries) k
      WHERE m."workspace_id" = k."workspace_id" AND m."month" = k."month"
        AND m."team_id" IS NOT DISTINCT FROM k."team_id" AND m."entries" = 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "time_months_insert" AFTER INSERT ON "time_entries"
  REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION "time_months_apply"();
--> statement-breakpoint
CREATE TRIGGER "time_months_update" AFTER UPDATE ON "time_entries"
  REFERENCING OLD TABLE AS old_entries NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION "time_months_apply"();
--> statement-breakpoint
CREATE TRIGGER "time_months_delete" AFTER DELETE ON "time_entries"
  REFERENCING OLD TABLE AS old_entries FOR EACH STATEMENT EXECUTE FUNCTION "time_months_apply"();
--> statement-breakpoint
INSERT INTO "time_months" ("workspace_id", "team_id", "month", "kind", "hours", "entries")
  SELECT "workspace_id", "team_id", date_trunc('month', "date")::date, "kind", sum("hours"), count(*)::int
  FROM "time_entries" GROUP BY 1, 2, 3, 4;
