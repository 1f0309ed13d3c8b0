CREATE TABLE "standing_days" (
	"workspace_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"day" date NOT NULL,
	"started" integer NOT NULL,
	"units" integer NOT NULL,
	"transactional" integer NOT NULL,
	"advisory" integer NOT NULL,
	"partnership" integer NOT NULL,
	"co_creation" integer NOT NULL,
	"steps_up" integer NOT NULL,
	"steps_down" integer NOT NULL,
	"moves" integer NOT NULL,
	CONSTRAINT "standing_days_workspace_id_team_id_day_pk" PRIMARY KEY("workspace_id","team_id","day")
);
--> statement-breakpoint
CREATE TABLE "standing_moves" (
	"workspace_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"assessed_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "standing_moves_workspace_id_assessment_id_pk" PRIMARY KEY("workspace_id","assessment_id")
);
--> statement-breakpoint
CREATE INDEX "standing_moves_at_idx" ON "standing_moves" USING btree ("workspace_id","assessed_at","assessment_id");--> statement-breakpoint
CREATE INDEX "standing_moves_team_at_idx" ON "standing_moves" USING btree ("workspace_id","team_id","assessed_at","assessment_id");--> statement-breakpoint
-- Kept on write by the database itself, as balance_days is (ADR 016): assessments and relationships are
-- written by the API, imports, restores and the demo alike. The changes one relationship makes, per UTC day,
-- as domain/balance.standings#standingChanges computes them (a test holds the two together): it counts from
-- the day it started, where its latest assessment by then put it (else transactional, at expectations); each
-- later assessment moves its units (14 per stage, 9 per pyramid level) and its stage; an assessment a step or
-- more from the one before is a move, counted from the day the relationship started.
CREATE FUNCTION "standing_days_of"(p_workspace uuid, p_team uuid, p_started date, p_history jsonb) RETURNS jsonb
  LANGUAGE sql IMMUTABLE AS $$
  WITH ranked AS (
    SELECT y."at", y."id", (y."at" AT TIME ZONE 'UTC')::date AS "day",
           CASE y."stage" WHEN 'advisory' THEN 1 WHEN 'partnership' THEN 2 WHEN 'co_creation' THEN 3 ELSE 0 END AS "stage",
           CASE y."level" WHEN 'desires' THEN 1 WHEN 'unrecognized_needs' THEN 2 ELSE 0 END AS "level"
    FROM jsonb_to_recordset(p_history) AS y("at" timestamptz, "id" uuid, "stage" text, "level" text)),
  a AS (
    SELECT r.*, 14 * r."stage" + 9 * r."level" AS "units",
           lag(r."stage") OVER w AS "prev_stage", lag(r."level") OVER w AS "prev_level",
           lag(14 * r."stage" + 9 * r."level") OVER w AS "prev_units"
    FROM ranked r WINDOW w AS (ORDER BY r."at", r."id"))
  SELECT jsonb_agg(k) FROM (
    SELECT p_workspace AS "workspace_id", p_team AS "team_id", c."day", sum(c."started") AS "started",
           sum(c."units") AS "units",
           sum((c."to_stage" = 0)::int - (c."from_stage" = 0)::int) AS "transactional",
           sum((c."to_stage" = 1)::int - (c."from_stage" = 1)::int) AS "advisory",
           sum((c."to_stage" = 2)::int - (c."from_stage" = 2)::int) AS "partnership",
           sum((c."to_stage" = 3)::int - (c."from_stage" = 3)::int) AS "co_creation",
           sum(c."up") AS "steps_up", sum(c."down") AS "steps_down", sum(c."moves") AS "moves"
    FROM (
      SELECT p_started AS "day", 1 AS "started", coalesce(s."units", 0) AS "units", -1 AS "from_stage",
             coalesce(s."stage", 0) AS "to_stage", 0 AS "up", 0 AS "down", 0 AS "moves"
      FROM (SELECT 1) one
      LEFT JOIN LATERAL (SELECT a."units", a."stage" FROM a WHERE a."day" <= p_started ORDER BY a."at" DESC, a."id" DESC LIMIT 1) s ON true
      UNION ALL
      SELECT a."day", 0, a."units" - coalesce(a."prev_units", 0), coalesce(a."prev_stage", 0), a."stage", 0, 0, 0
      FROM a WHERE a."day" > p_started
      UNION ALL
      SELECT m."day", 0, 0, -1, -1, greatest(m."steps", 0), greatest(-m."steps", 0), 1
      FROM (SELECT a."day", a."stage" - a."prev_stage" + a."level" - a."prev_level" AS "steps" FROM a
            WHERE a."prev_stage" IS NOT NULL AND a."day" >= p_started) m
      WHERE m."steps" <> 0) c
    GROUP BY c."day") k $$;
--> statement-breakpoint
-- Adds (sign 1) or takes off (sign -1) changes per team and day; keys in one order, so concurrent writers
-- lock rows in the same order.
CREATE FUNCTION "standing_days_add"(sign int, rows jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "standing_days" AS d ("workspace_id", "team_id", "day", "started", "units", "transactional", "advisory",
    "partnership", "co_creation", "steps_up", "steps_down", "moves")
  SELECT x."workspace_id", x."team_id", x."day", sign * sum(x."started"), sign * sum(x."units"), sign * sum(x."transactional"),
         sign * sum(x."advisory"), sign * sum(x."partnership"), sign * sum(x."co_creation"), sign * sum(x."steps_up"),
         sign * sum(x."steps_down"), sign * sum(x."moves")
  FROM jsonb_to_recordset(rows) AS x("workspace_id" uuid, "team_id" uuid, "day" date, "started" int, "units" int,
    "transactional" int, "advisory" int, "partnership" int, "co_creation" int, "steps_up" int, "steps_down" int, "moves" int)
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("workspace_id", "team_id", "day") DO UPDATE SET
    "started" = d."started" + excluded."started",
    "units" = d."units" + excluded."units",
    "transactional" = d."transactional" + excluded."transactional",
    "advisory" = d."advisory" + excluded."advisory",
    "partnership" = d."partnership" + excluded."partnership",
    "co_creation" = d."co_creation" + excluded."co_creation",
    "steps_up" = d."steps_up" + excluded."steps_up",
    "steps_down" = d."steps_down" + excluded."steps_down",
    "moves" = d."moves" + excluded."moves" $$;
--> statement-breakpoint
-- One relationship's moves (assessments a step or more from the one before, on or after its start day).
CREATE FUNCTION "standing_moves_of"(p_started date, p_history jsonb) RETURNS TABLE ("id" uuid, "at" timestamptz)
  LANGUAGE sql IMMUTABLE AS $$
  SELECT m."id", m."at" FROM (
    SELECT y."id", y."at", s."steps" - lag(s."steps") OVER (ORDER BY y."at", y."id") AS "steps"
    FROM jsonb_to_recordset(p_history) AS y("at" timestamptz, "id" uuid, "stage" text, "level" text)
    CROSS JOIN LATERAL (SELECT CASE y."stage" WHEN 'advisory' THEN 1 WHEN 'partnership' THEN 2 WHEN 'co_creation' THEN 3 ELSE 0 END
      + CASE y."level" WHEN 'desires' THEN 1 WHEN 'unrecognized_needs' THEN 2 ELSE 0 END AS "steps") s) m
  WHERE m."steps" <> 0 AND (m."at" AT TIME ZONE 'UTC')::date >= p_started $$;
--> statement-breakpoint
-- One relationship's assessments as `standing_days_of` and `standing_moves_of` take them: as they are now,
-- less `removed` (ids), with `restored` (rows as they were) put back.
CREATE FUNCTION "standing_history"(p_workspace uuid, p_relationship uuid, removed uuid[], restored jsonb) RETURNS jsonb
  LANGUAGE sql STABLE AS $$
  SELECT jsonb_agg(h) FROM (
    SELECT a."assessed_at" AS "at", a."id", a."stage", a."pyramid_level" AS "level" FROM "assessments" a
    WHERE a."workspace_id" = p_workspace AND a."relationship_id" = p_relationship AND a."id" <> ALL(removed)
    UNION ALL
    SELECT y."at", y."id", y."stage", y."level"
    FROM jsonb_to_recordset(restored) AS y("workspace_id" uuid, "relationship_id" uuid, "at" timestamptz, "id" uuid, "stage" text, "level" text)
    WHERE y."workspace_id" = p_workspace AND y."relationship_id" = p_relationship) h $$;
--> statement-breakpoint
-- Adds (sign 1) or takes off (sign -1) the given relationships (workspace_id, id, team_id, started_on): their
-- changes per day from their histories (see `standing_history`), and their moves — taken off whole, put back
-- from the assessments as they are now (the trigger's second call).
CREATE FUNCTION "standing_days_relationships"(sign int, touched jsonb, removed uuid[], restored jsonb) RETURNS void
  LANGUAGE sql AS $$
  SELECT "standing_days_add"(sign, (SELECT jsonb_agg(d) FROM (
    SELECT DISTINCT t."workspace_id", t."id", t."team_id", t."started_on"
    FROM jsonb_to_recordset(touched) AS t("workspace_id" uuid, "id" uuid, "team_id" uuid, "started_on" date)) r
    CROSS JOIN LATERAL jsonb_array_elements("standing_days_of"(r."workspace_id", r."team_id", r."started_on",
      "standing_history"(r."workspace_id", r."id", removed, restored))) d));
  DELETE FROM "standing_moves" m
    USING jsonb_to_recordset(touched) AS t("workspace_id" uuid, "id" uuid)
    WHERE sign = -1 AND m."workspace_id" = t."workspace_id" AND m."relationship_id" = t."id";
  INSERT INTO "standing_moves" ("workspace_id", "assessment_id", "relationship_id", "team_id", "assessed_at")
    SELECT r."workspace_id", x."id", r."id", r."team_id", x."at" FROM (
      SELECT DISTINCT t."workspace_id", t."id", t."team_id", t."started_on"
      FROM jsonb_to_recordset(touched) AS t("workspace_id" uuid, "id" uuid, "team_id" uuid, "started_on" date)) r
    CROSS JOIN LATERAL "standing_moves_of"(r."started_on", "standing_history"(r."workspace_id", r."id", removed, restored)) x
    WHERE sign = 1;
$$;
--> statement-breakpoint
-- A statement's assessments: each relationship they belong to is taken off as it was and added as it is. One
-- deleted with its relationship finds no relationship (its changes went before it did).
CREATE FUNCTION "standing_days_assessments"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched jsonb;
  removed uuid[] := '{}';
  added jsonb := '[]';
  restored jsonb := '[]';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT coalesce(jsonb_agg(jsonb_build_object('workspace_id', o."workspace_id", 'relationship_id', o."relationship_id",
             'at', o."assessed_at", 'id', o."id", 'stage', o."stage", 'level', o."pyramid_level")), '[]')
      INTO restored FROM old_rows o;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT coalesce(array_agg(n."id"), '{}'),
           coalesce(jsonb_agg(jsonb_build_object('workspace_id', n."workspace_id", 'relationship_id', n."relationship_id")), '[]')
      INTO removed, added FROM new_rows n;
  END IF;
  SELECT jsonb_agg(jsonb_build_object('workspace_id', r."workspace_id", 'id', r."id", 'team_id', r."team_id",
           'started_on', (r."created_at" AT TIME ZONE 'UTC')::date))
    INTO touched
    FROM (SELECT x."workspace_id", x."relationship_id" FROM jsonb_to_recordset(restored || added) AS x("workspace_id" uuid, "relationship_id" uuid)
          GROUP BY 1, 2) k
    JOIN "relationships" r ON r."workspace_id" = k."workspace_id" AND r."id" = k."relationship_id";
  IF touched IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM "standing_days_relationships"(-1, touched, removed, restored);
  PERFORM "standing_days_relationships"(1, touched, '{}', '[]');
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A relationship counts from its start for its team: added when it is created, moved with it to another team
-- or start day, taken off before it is deleted (its assessments then go without it).
CREATE FUNCTION "standing_days_relationship"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "standing_days_relationships"(-1, jsonb_build_array(jsonb_build_object('workspace_id', OLD."workspace_id",
      'id', OLD."id", 'team_id', OLD."team_id", 'started_on', (OLD."created_at" AT TIME ZONE 'UTC')::date)), '{}', '[]');
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "standing_days_relationships"(1, jsonb_build_array(jsonb_build_object('workspace_id', NEW."workspace_id",
      'id', NEW."id", 'team_id', NEW."team_id", 'started_on', (NEW."created_at" AT TIME ZONE 'UTC')::date)), '{}', '[]');
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "standing_days_assessments_insert" AFTER INSERT ON "assessments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "standing_days_assessments"();
--> statement-breakpoint
CREATE TRIGGER "standing_days_assessments_update" AFTER UPDATE ON "assessments"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "standing_days_assessments"();
--> statement-breakpoint
CREATE TRIGGER "standing_days_assessments_delete" AFTER DELETE ON "assessments"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "standing_days_assessments"();
--> statement-breakpoint
CREATE TRIGGER "standing_days_relationship_started" AFTER INSERT ON "relationships"
  FOR EACH ROW EXECUTE FUNCTION "standing_days_relationship"();
--> statement-breakpoint
CREATE TRIGGER "standing_days_relationship_moved" AFTER UPDATE OF "team_id", "created_at" ON "relationships"
  FOR EACH ROW WHEN (OLD."team_id" IS DISTINCT FROM NEW."team_id" OR OLD."created_at" IS DISTINCT FROM NEW."created_at")
  EXECUTE FUNCTION "standing_days_relationship"();
--> statement-breakpoint
CREATE TRIGGER "standing_days_relationship_gone" BEFORE DELETE ON "relationships"
  FOR EACH ROW EXECUTE FUNCTION "standing_days_relationship"();
--> statement-breakpoint
INSERT INTO "standing_days" ("workspace_id", "team_id", "day", "started", "units", "transactional", "advisory",
    "partnership", "co_creation", "steps_up", "steps_down", "moves")
  SELECT r."workspace_id", r."team_id", x."day", sum(x."started"), sum(x."units"), sum(x."transactional"), sum(x."advisory"),
         sum(x."partnership"), sum(x."co_creation"), sum(x."steps_up"), sum(x."steps_down"), sum(x."moves")
  FROM "relationships" r
  CROSS JOIN LATERAL jsonb_to_recordset("standing_days_of"(r."workspace_id", r."team_id", (r."created_at" AT TIME ZONE 'UTC')::date,
    "standing_history"(r."workspace_id", r."id", '{}', '[]')))
    AS x("day" date, "started" int, "units" int, "transactional" int, "advisory" int, "partnership" int, "co_creation" int,
         "steps_up" int, "steps_down" int, "moves" int)
  GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO "standing_moves" ("workspace_id", "assessment_id", "relationship_id", "team_id", "assessed_at")
  SELECT r."workspace_id", x."id", r."id", r."team_id", x."at" FROM "relationships" r
  CROSS JOIN LATERAL "standing_moves_of"((r."created_at" AT TIME ZONE 'UTC')::date,
    "standing_history"(r."workspace_id", r."id", '{}', '[]')) x;
