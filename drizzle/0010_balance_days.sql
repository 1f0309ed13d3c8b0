CREATE TABLE "balance_days" (
	"workspace_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"day" date NOT NULL,
	"check_ins_due" integer NOT NULL,
	"check_ins_on_time" integer NOT NULL,
	"topics_raised" integer NOT NULL,
	"topics_by_client" integer NOT NULL,
	CONSTRAINT "balance_days_workspace_id_team_id_day_pk" PRIMARY KEY("workspace_id","team_id","day")
);
--> statement-breakpoint
CREATE INDEX "balance_days_day_idx" ON "balance_days" USING btree ("workspace_id","day");--> statement-breakpoint
-- Kept on write by the database itself, as time_months is (ADR 016): check-ins and topics are written by the
-- API, imports, restores and the portal alike. A record counts for its relationship's team on its UTC day.
-- Held on time: within 7 days of the due day (domain/balance.records.ts CHECK_IN_GRACE_DAYS; a test holds the two together).
CREATE FUNCTION "check_in_on_time"(status text, scheduled_for timestamptz, held_at timestamptz) RETURNS int
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN status = 'held' AND held_at IS NOT NULL
    AND (held_at AT TIME ZONE 'UTC')::date - (scheduled_for AT TIME ZONE 'UTC')::date <= 7 THEN 1 ELSE 0 END $$;
--> statement-breakpoint
-- Adds (sign 1) or takes off (sign -1) counts per team and day; keys in one order, so concurrent writers
-- lock rows in the same order.
CREATE FUNCTION "balance_days_add"(sign int, rows jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "balance_days" AS d ("workspace_id", "team_id", "day", "check_ins_due", "check_ins_on_time", "topics_raised", "topics_by_client")
  SELECT x."workspace_id", x."team_id", x."day", sign * sum(x."due"), sign * sum(x."on_time"), sign * sum(x."raised"), sign * sum(x."by_client")
  FROM jsonb_to_recordset(rows) AS x("workspace_id" uuid, "team_id" uuid, "day" date, "due" int, "on_time" int, "raised" int, "by_client" int)
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("workspace_id", "team_id", "day") DO UPDATE SET
    "check_ins_due" = d."check_ins_due" + excluded."check_ins_due",
    "check_ins_on_time" = d."check_ins_on_time" + excluded."check_ins_on_time",
    "topics_raised" = d."topics_raised" + excluded."topics_raised",
    "topics_by_client" = d."topics_by_client" + excluded."topics_by_client" $$;
--> statement-breakpoint
CREATE FUNCTION "balance_days_check_ins"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "balance_days_add"(-1, (SELECT jsonb_agg(k) FROM (
      SELECT c."workspace_id", r."team_id", (c."scheduled_for" AT TIME ZONE 'UTC')::date AS "day", count(*) AS "due",
             sum("check_in_on_time"(c."status", c."scheduled_for", c."held_at")) AS "on_time", 0 AS "raised", 0 AS "by_client"
      FROM old_rows c JOIN "relationships" r ON r."workspace_id" = c."workspace_id" AND r."id" = c."relationship_id"
      GROUP BY 1, 2, 3) k));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "balance_days_add"(1, (SELECT jsonb_agg(k) FROM (
      SELECT c."workspace_id", r."team_id", (c."scheduled_for" AT TIME ZONE 'UTC')::date AS "day", count(*) AS "due",
             sum("check_in_on_time"(c."status", c."scheduled_for", c."held_at")) AS "on_time", 0 AS "raised", 0 AS "by_client"
      FROM new_rows c JOIN "relationships" r ON r."workspace_id" = c."workspace_id" AND r."id" = c."relationship_id"
      GROUP BY 1, 2, 3) k));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "balance_days_topics"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "balance_days_add"(-1, (SELECT jsonb_agg(k) FROM (
      SELECT t."workspace_id", r."team_id", (t."created_at" AT TIME ZONE 'UTC')::date AS "day", 0 AS "due", 0 AS "on_time",
             count(*) AS "raised", count(*) FILTER (WHERE t."raised_by" = 'client') AS "by_client"
      FROM old_rows t JOIN "relationships" r ON r."workspace_id" = t."workspace_id" AND r."id" = t."relationship_id"
      GROUP BY 1, 2, 3) k));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "balance_days_add"(1, (SELECT jsonb_agg(k) FROM (
      SELECT t."workspace_id", r."team_id", (t."created_at" AT TIME ZONE 'UTC')::date AS "day", 0 AS "due", 0 AS "on_time",
             count(*) AS "raised", count(*) FILTER (WHERE t."raised_by" = 'client') AS "by_client"
      FROM new_rows t JOIN "relationships" r ON r."workspace_id" = t."workspace_id" AND r."id" = t."relationship_id"
      GROUP BY 1, 2, 3) k));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- One relationship's check-ins and topics per day, for its team (or another).
CREATE FUNCTION "balance_days_of_relationship"(p_workspace uuid, p_relationship uuid, p_team uuid) RETURNS jsonb
  LANGUAGE sql STABLE AS $$
  SELECT jsonb_agg(k) FROM (
    SELECT p_workspace AS "workspace_id", p_team AS "team_id", x."day", sum(x."due") AS "due", sum(x."on_time") AS "on_time",
           sum(x."raised") AS "raised", sum(x."by_client") AS "by_client"
    FROM (
      SELECT ("scheduled_for" AT TIME ZONE 'UTC')::date AS "day", 1 AS "due",
             "check_in_on_time"("status", "scheduled_for", "held_at") AS "on_time", 0 AS "raised", 0 AS "by_client"
      FROM "check_ins" WHERE "workspace_id" = p_workspace AND "relationship_id" = p_relationship
      UNION ALL
      SELECT ("created_at" AT TIME ZONE 'UTC')::date, 0, 0, 1, ("raised_by" = 'client')::int
      FROM "topics" WHERE "workspace_id" = p_workspace AND "relationship_id" = p_relationship) x
    GROUP BY x."day") k $$;
--> statement-breakpoint
-- A relationship moved to another team takes its days along; one deleted takes them off before its check-ins
-- and topics go (their own triggers then find no relationship, so nothing is taken off twice).
CREATE FUNCTION "balance_days_relationship"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "balance_days_add"(-1, "balance_days_of_relationship"(OLD."workspace_id", OLD."id", OLD."team_id"));
  IF TG_OP = 'UPDATE' THEN
    PERFORM "balance_days_add"(1, "balance_days_of_relationship"(NEW."workspace_id", NEW."id", NEW."team_id"));
    RETURN NEW;
  END IF;
  DELETE FROM "balance_days" WHERE "workspace_id" = OLD."workspace_id" AND "team_id" = OLD."team_id"
    AND "check_ins_due" = 0 AND "topics_raised" = 0;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER "balance_days_check_ins_insert" AFTER INSERT ON "check_ins"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "balance_days_check_ins"();
--> statement-breakpoint
CREATE TRIGGER "balance_days_check_ins_update" AFTER UPDATE ON "check_ins"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "balance_days_check_ins"();
--> statement-breakpoint
CREATE TRIGGER "balance_days_check_ins_delete" AFTER DELETE ON "check_ins"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "balance_days_check_ins"();
--> statement-breakpoint
CREATE TRIGGER "balance_days_topics_insert" AFTER INSERT ON "topics"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "balance_days_topics"();
--> statement-breakpoint
CREATE TRIGGER "balance_days_topics_update" AFTER UPDATE ON "topics"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "balance_days_topics"();
--> statement-breakpoint
CREATE TRIGGER "balance_days_topics_delete" AFTER DELETE ON "topics"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "balance_days_topics"();
--> statement-breakpoint
CREATE TRIGGER "balance_days_relationship_moved" AFTER UPDATE OF "team_id" ON "relationships"
  FOR EACH ROW WHEN (OLD."team_id" IS DISTINCT FROM NEW."team_id") EXECUTE FUNCTION "balance_days_relationship"();
--> statement-breakpoint
CREATE TRIGGER "balance_days_relationship_gone" BEFORE DELETE ON "relationships"
  FOR EACH ROW EXECUTE FUNCTION "balance_days_relationship"();
--> statement-breakpoint
INSERT INTO "balance_days" ("workspace_id", "team_id", "day", "check_ins_due", "check_ins_on_time", "topics_raised", "topics_by_client")
  SELECT r."workspace_id", r."team_id", x."day", sum(x."due"), sum(x."on_time"), sum(x."raised"), sum(x."by_client")
  FROM "relationships" r
  CROSS JOIN LATERAL jsonb_to_recordset("balance_days_of_relationship"(r."workspace_id", r."id", r."team_id"))
    AS x("day" date, "due" int, "on_time" int, "raised" int, "by_client" int)
  GROUP BY 1, 2, 3;
