CREATE TABLE "client_pulse_rounds" (
	"workspace_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"pulse_id" uuid NOT NULL,
	"title" text NOT NULL,
	"closes_on" date NOT NULL,
	"answers" integer NOT NULL,
	"score_sum" integer NOT NULL,
	CONSTRAINT "client_pulse_rounds_workspace_id_team_id_pulse_id_pk" PRIMARY KEY("workspace_id","team_id","pulse_id")
);
--> statement-breakpoint
-- Kept on write by the database itself, as balance_days is (ADR 016): answers come from the public pulse
-- page, restores and the demo alike. An answer counts for its relationship's team, as the series read it.
-- Adds (sign 1) or takes off (sign -1) answers per team and round; keys in one order, so concurrent writers
-- lock rows in the same order. A row left with no answer goes: the round no longer speaks for that team.
CREATE FUNCTION "client_pulse_rounds_add"(sign int, rows jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF rows IS NULL THEN RETURN; END IF;
  INSERT INTO "client_pulse_rounds" AS d ("workspace_id", "team_id", "pulse_id", "title", "closes_on", "answers", "score_sum")
  SELECT x."workspace_id", x."team_id", x."pulse_id", min(x."title"), min(x."closes_on"), sign * sum(x."answers"), sign * sum(x."score_sum")
  FROM jsonb_to_recordset(rows) AS x("workspace_id" uuid, "team_id" uuid, "pulse_id" uuid, "title" text, "closes_on" date, "answers" int, "score_sum" int)
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("workspace_id", "team_id", "pulse_id") DO UPDATE SET
    "answers" = d."answers" + excluded."answers", "score_sum" = d."score_sum" + excluded."score_sum";
  DELETE FROM "client_pulse_rounds" d
  USING jsonb_to_recordset(rows) AS x("workspace_id" uuid, "team_id" uuid, "pulse_id" uuid)
  WHERE d."workspace_id" = x."workspace_id" AND d."team_id" = x."team_id" AND d."pulse_id" = x."pulse_id" AND d."answers" <= 0;
END $$;
--> statement-breakpoint
CREATE FUNCTION "client_pulse_rounds_answers"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "client_pulse_rounds_add"(-1, (SELECT jsonb_agg(k) FROM (
      SELECT a."workspace_id", r."team_id", a."pulse_id", p."title", p."closes_on", count(*) AS "answers", sum(a."score") AS "score_sum"
      FROM old_rows a
      JOIN "pulses" p ON p."workspace_id" = a."workspace_id" AND p."id" = a."pulse_id" AND p."kind" = 'client'
      JOIN "relationships" r ON r."workspace_id" = a."workspace_id" AND r."id" = a."relationship_id"
      GROUP BY 1, 2, 3, 4, 5) k));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "client_pulse_rounds_add"(1, (SELECT jsonb_agg(k) FROM (
      SELECT a."workspace_id", r."team_id", a."pulse_id", p."title", p."closes_on", count(*) AS "answers", sum(a."score") AS "score_sum"
      FROM new_rows a
      JOIN "pulses" p ON p."workspace_id" = a."workspace_id" AND p."id" = a."pulse_id" AND p."kind" = 'client'
      JOIN "relationships" r ON r."workspace_id" = a."workspace_id" AND r."id" = a."relationship_id"
      GROUP BY 1, 2, 3, 4, 5) k));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- One relationship's client answers per round, for its team (or another).
CREATE FUNCTION "client_pulse_rounds_of_relationship"(p_workspace uuid, p_relationship uuid, p_team uuid) RETURNS jsonb
  LANGUAGE sql STABLE AS $$
  SELECT jsonb_agg(k) FROM (
    SELECT p_workspace AS "workspace_id", p_team AS "team_id", a."pulse_id", p."title", p."closes_on",
           count(*) AS "answers", sum(a."score") AS "score_sum"
    FROM "pulse_answers" a
    JOIN "pulses" p ON p."workspace_id" = a."workspace_id" AND p."id" = a."pulse_id" AND p."kind" = 'client'
    WHERE a."workspace_id" = p_workspace AND a."relationship_id" = p_relationship
    GROUP BY 3, 4, 5) k $$;
--> statement-breakpoint
-- A relationship moved to another team takes its answers along; one deleted takes them off (its answers stay,
-- as the round's results keep them, but no team's balance counts them). One inserted after its answers (a
-- restore, whose order follows foreign keys, and answers have none to relationships) brings them in.
CREATE FUNCTION "client_pulse_rounds_relationship"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "client_pulse_rounds_add"(-1, "client_pulse_rounds_of_relationship"(OLD."workspace_id", OLD."id", OLD."team_id"));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "client_pulse_rounds_add"(1, "client_pulse_rounds_of_relationship"(NEW."workspace_id", NEW."id", NEW."team_id"));
    RETURN NEW;
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
-- A round's new title or close goes with it; a round deleted takes its rows (its answers go by cascade, after
-- the round, when their own trigger no longer finds it).
CREATE FUNCTION "client_pulse_rounds_round"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    UPDATE "client_pulse_rounds" SET "title" = NEW."title", "closes_on" = NEW."closes_on"
    WHERE "workspace_id" = NEW."workspace_id" AND "pulse_id" = NEW."id";
    RETURN NEW;
  END IF;
  DELETE FROM "client_pulse_rounds" WHERE "workspace_id" = OLD."workspace_id" AND "pulse_id" = OLD."id";
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER "client_pulse_rounds_answers_insert" AFTER INSERT ON "pulse_answers"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "client_pulse_rounds_answers"();
--> statement-breakpoint
CREATE TRIGGER "client_pulse_rounds_answers_update" AFTER UPDATE ON "pulse_answers"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "client_pulse_rounds_answers"();
--> statement-breakpoint
CREATE TRIGGER "client_pulse_rounds_answers_delete" AFTER DELETE ON "pulse_answers"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "client_pulse_rounds_answers"();
--> statement-breakpoint
CREATE TRIGGER "client_pulse_rounds_relationship_new" AFTER INSERT ON "relationships"
  FOR EACH ROW EXECUTE FUNCTION "client_pulse_rounds_relationship"();
--> statement-breakpoint
CREATE TRIGGER "client_pulse_rounds_relationship_moved" AFTER UPDATE OF "team_id" ON "relationships"
  FOR EACH ROW WHEN (OLD."team_id" IS DISTINCT FROM NEW."team_id") EXECUTE FUNCTION "client_pulse_rounds_relationship"();
--> statement-breakpoint
CREATE TRIGGER "client_pulse_rounds_relationship_gone" BEFORE DELETE ON "relationships"
  FOR EACH ROW EXECUTE FUNCTION "client_pulse_rounds_relationship"();
--> statement-breakpoint
CREATE TRIGGER "client_pulse_rounds_round_changed" AFTER UPDATE OF "title", "closes_on" ON "pulses"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."closes_on" IS DISTINCT FROM NEW."closes_on")
  EXECUTE FUNCTION "client_pulse_rounds_round"();
--> statement-breakpoint
CREATE TRIGGER "client_pulse_rounds_round_gone" BEFORE DELETE ON "pulses"
  FOR EACH ROW EXECUTE FUNCTION "client_pulse_rounds_round"();
--> statement-breakpoint
INSERT INTO "client_pulse_rounds" ("workspace_id", "team_id", "pulse_id", "title", "closes_on", "answers", "score_sum")
  SELECT a."workspace_id", r."team_id", a."pulse_id", p."title", p."closes_on", count(*), sum(a."score")
  FROM "pulse_answers" a
  JOIN "pulses" p ON p."workspace_id" = a."workspace_id" AND p."id" = a."pulse_id" AND p."kind" = 'client'
  JOIN "relationships" r ON r."workspace_id" = a."workspace_id" AND r."id" = a."relationship_id"
  GROUP BY 1, 2, 3, 4, 5;
