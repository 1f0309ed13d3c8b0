CREATE TABLE "client_pulse_months" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid,
	"month" date NOT NULL,
	"rounds" integer NOT NULL,
	"answers" integer NOT NULL,
	"score_sum" integer NOT NULL,
	CONSTRAINT "client_pulse_months_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "client_pulse_months_key" UNIQUE NULLS NOT DISTINCT("workspace_id","month","team_id")
);
--> statement-breakpoint
-- Kept on write by the database, from client_pulse_rounds (ADR 016). A month's rounds are a distinct count
-- across teams (a round answered by two teams' relationships counts once for the workspace), which cannot
-- be added to a row by row; so each statement that changes client_pulse_rounds recomputes the months it
-- touched, for every team and the workspace, from that table. The lock per workspace and month, taken in one
-- order and held to commit, makes a concurrent writer of the same month wait, then recompute from what this
-- one committed (each statement of this function sees the latest commits, at read committed).
CREATE FUNCTION "client_pulse_months_refresh"(keys jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  k record;
BEGIN
  IF keys IS NULL THEN RETURN; END IF;
  FOR k IN SELECT DISTINCT x."workspace_id", x."month"
           FROM jsonb_to_recordset(keys) AS x("workspace_id" uuid, "month" date) ORDER BY 1, 2 LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('client_pulse_months ' || k."workspace_id" || ' ' || k."month", 0));
  END LOOP;
  DELETE FROM "client_pulse_months" m
  USING (SELECT DISTINCT * FROM jsonb_to_recordset(keys) AS x("workspace_id" uuid, "month" date)) x
  WHERE m."workspace_id" = x."workspace_id" AND m."month" = x."month";
  INSERT INTO "client_pulse_months" ("workspace_id", "team_id", "month", "rounds", "answers", "score_sum")
  SELECT x."workspace_id", r."team_id", x."month", count(DISTINCT r."pulse_id"), sum(r."answers"), sum(r."score_sum")
  FROM (SELECT DISTINCT * FROM jsonb_to_recordset(keys) AS x("workspace_id" uuid, "month" date)) x
  JOIN "client_pulse_rounds" r ON r."workspace_id" = x."workspace_id" AND r."closes_on" >= x."month"
    AND r."closes_on" < (x."month" + interval '1 month')::date AND r."answers" > 0
  GROUP BY GROUPING SETS ((x."workspace_id", x."month", r."team_id"), (x."workspace_id", x."month"));
END $$;
--> statement-breakpoint
-- The months a statement on client_pulse_rounds touched: its rows' close months, before and after.
CREATE FUNCTION "client_pulse_months_rounds"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    touched := (SELECT jsonb_agg(k) FROM (
      SELECT DISTINCT "workspace_id", date_trunc('month', "closes_on")::date AS "month" FROM new_rows) k);
  ELSIF TG_OP = 'DELETE' THEN
    touched := (SELECT jsonb_agg(k) FROM (
      SELECT DISTINCT "workspace_id", date_trunc('month', "closes_on")::date AS "month" FROM old_rows) k);
  ELSE
    touched := (SELECT jsonb_agg(k) FROM (
      SELECT "workspace_id", date_trunc('month', "closes_on")::date AS "month" FROM old_rows
      UNION SELECT "workspace_id", date_trunc('month', "closes_on")::date FROM new_rows) k);
  END IF;
  PERFORM "client_pulse_months_refresh"(touched);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "client_pulse_months_insert" AFTER INSERT ON "client_pulse_rounds"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "client_pulse_months_rounds"();
--> statement-breakpoint
CREATE TRIGGER "client_pulse_months_update" AFTER UPDATE ON "client_pulse_rounds"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "client_pulse_months_rounds"();
--> statement-breakpoint
CREATE TRIGGER "client_pulse_months_delete" AFTER DELETE ON "client_pulse_rounds"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "client_pulse_months_rounds"();
--> statement-breakpoint
INSERT INTO "client_pulse_months" ("workspace_id", "team_id", "month", "rounds", "answers", "score_sum")
  SELECT "workspace_id", "team_id", date_trunc('month', "closes_on")::date, count(DISTINCT "pulse_id"), sum("answers"), sum("score_sum")
  FROM "client_pulse_rounds" WHERE "answers" > 0
  GROUP BY GROUPING SETS (("workspace_id", date_trunc('month', "closes_on")::date, "team_id"), ("workspace_id", date_trunc('month', "closes_on")::date));
