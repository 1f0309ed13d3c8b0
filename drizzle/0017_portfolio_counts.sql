CREATE TABLE "portfolio_counts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"stage" text NOT NULL,
	"pyramid_level" text NOT NULL,
	"band" integer,
	"at_risk" boolean NOT NULL,
	"relationships" integer NOT NULL,
	CONSTRAINT "portfolio_counts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "portfolio_counts_key" UNIQUE NULLS NOT DISTINCT("workspace_id","stage","pyramid_level","band","at_risk")
);

--> statement-breakpoint
-- Kept on write by the database (ADR 006), so every path that writes relationships (the API, imports, the
-- health pass, a restore) keeps it true, and the portfolio counts tens of rows instead of a big tenant's
-- thousands. One statement-level trigger per event: a bulk write is one aggregate. An update that moves no
-- relationship from one count to another (a check-in's due day, a score within its band) writes nothing.
CREATE FUNCTION "portfolio_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed int;
BEGIN
  -- Keys in one order, so concurrent writers lock the same rows in the same order (no deadlock).
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "portfolio_counts" AS p ("workspace_id", "stage", "pyramid_level", "band", "at_risk", "relationships")
      SELECT "workspace_id", "stage", "pyramid_level", least("health_score", 99) / 20, "health_at_risk", count(*)::int
      FROM new_rows WHERE "status" = 'active'
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT ON CONSTRAINT "portfolio_counts_key"
      DO UPDATE SET "relationships" = p."relationships" + excluded."relationships";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "portfolio_counts" AS p ("workspace_id", "stage", "pyramid_level", "band", "at_risk", "relationships")
      SELECT "workspace_id", "stage", "pyramid_level", least("health_score", 99) / 20, "health_at_risk", -count(*)::int
      FROM old_rows WHERE "status" = 'active'
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT ON CONSTRAINT "portfolio_counts_key"
      DO UPDATE SET "relationships" = p."relationships" + excluded."relationships";
  ELSE
    INSERT INTO "portfolio_counts" AS p ("workspace_id", "stage", "pyramid_level", "band", "at_risk", "relationships")
      SELECT "workspace_id", "stage", "pyramid_level", "band", "at_risk", sum("n")::int FROM (
        SELECT "workspace_id", "stage", "pyramid_level", least("health_score", 99) / 20 AS "band",
          "health_at_risk" AS "at_risk", 1 AS "n" FROM new_rows WHERE "status" = 'active'
        UNION ALL
        SELECT "workspace_id", "stage", "pyramid_level", least("health_score", 99) / 20, "health_at_risk", -1
        FROM old_rows WHERE "status" = 'active') c
      GROUP BY 1, 2, 3, 4, 5 HAVING sum("n") <> 0 ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT ON CONSTRAINT "portfolio_counts_key"
      DO UPDATE SET "relationships" = p."relationships" + excluded."relationships";
  END IF;
  GET DIAGNOSTICS changed = ROW_COUNT;
  -- A count that fell to none leaves no row (only looked for when a count moved).
  IF changed > 0 AND TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "portfolio_counts" p USING (SELECT DISTINCT "workspace_id" FROM old_rows) k
      WHERE p."workspace_id" = k."workspace_id" AND p."relationships" = 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "portfolio_counts_insert" AFTER INSERT ON "relationships"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "portfolio_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "portfolio_counts_update" AFTER UPDATE ON "relationships"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "portfolio_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "portfolio_counts_delete" AFTER DELETE ON "relationships"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "portfolio_counts_apply"();
--> statement-breakpoint
INSERT INTO "portfolio_counts" ("workspace_id", "stage", "pyramid_level", "band", "at_risk", "relationships")
  SELECT "workspace_id", "stage", "pyramid_level", least("health_score", 99) / 20, "health_at_risk", count(*)::int
  FROM "relationships" WHERE "status" = 'active'
  GROUP BY 1, 2, 3, 4, 5;
