ALTER TABLE "relationships" ADD COLUMN "health_at_risk" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Whether a relationship's health names any risk, beside its score, so the portfolio counts the
-- relationships at risk in its one pass over the active ones instead of joining every health rollup.
-- The database keeps it from relationship_health, whoever writes that (the health pass, a restore).
UPDATE "relationships" r SET "health_at_risk" = true FROM "relationship_health" h
  WHERE h."workspace_id" = r."workspace_id" AND h."relationship_id" = r."id" AND h."risk_count" > 0;
--> statement-breakpoint
CREATE FUNCTION "relationships_health_at_risk"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "relationships" SET "health_at_risk" = false
      WHERE "workspace_id" = OLD."workspace_id" AND "id" = OLD."relationship_id" AND "health_at_risk";
    RETURN OLD;
  END IF;
  UPDATE "relationships" SET "health_at_risk" = NEW."risk_count" > 0
    WHERE "workspace_id" = NEW."workspace_id" AND "id" = NEW."relationship_id"
      AND "health_at_risk" IS DISTINCT FROM NEW."risk_count" > 0;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "relationship_health_at_risk_new" AFTER INSERT ON "relationship_health"
  FOR EACH ROW EXECUTE FUNCTION "relationships_health_at_risk"();
--> statement-breakpoint
CREATE TRIGGER "relationship_health_at_risk_changed" AFTER UPDATE OF "risk_count" ON "relationship_health"
  FOR EACH ROW WHEN ((OLD."risk_count" > 0) IS DISTINCT FROM (NEW."risk_count" > 0))
  EXECUTE FUNCTION "relationships_health_at_risk"();
--> statement-breakpoint
CREATE TRIGGER "relationship_health_at_risk_gone" AFTER DELETE ON "relationship_health"
  FOR EACH ROW WHEN (OLD."risk_count" > 0) EXECUTE FUNCTION "relationships_health_at_risk"();
