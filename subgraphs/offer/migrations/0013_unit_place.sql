-- Each unit's position as one earth point (D234): its own address's when it has an
-- address of its own, else its establishment's (the rule of search-criteria.ts `unitPlace` and of
-- the FHIR Location). Near-searches then read one GiST index and no establishment row, and compute
-- each distance from the stored point instead of ll_to_earth of the joined rows.
--
-- Kept by the database itself, so that every writer keeps it right (the offer's editing, the
-- FINESS import, the seeds, SQL by hand): a unit's own trigger on the columns it derives from, and
-- an establishment's move rewrites the point of its units that use its address. Not declared in
-- tables.ts: rows read and written through Drizzle never carry it (audit trail, row types).
ALTER TABLE "offer"."unit" ADD COLUMN "place" earth;--> statement-breakpoint
UPDATE "offer"."unit" u SET "place" = CASE
    WHEN u.address_line IS NOT NULL OR u.postal_code IS NOT NULL OR u.city IS NOT NULL THEN ll_to_earth(u.latitude, u.longitude)
    ELSE (SELECT ll_to_earth(e.latitude, e.longitude) FROM "offer"."establishment" e WHERE e.id = u.establishment_id)
  END;--> statement-breakpoint
CREATE INDEX "unit_place_idx" ON "offer"."unit" USING gist ("place");--> statement-breakpoint
-- ll_to_earth is STRICT: no latitude or no longitude, no point (the unit is in no radius).
CREATE FUNCTION "offer"."unit_place"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.address_line IS NOT NULL OR NEW.postal_code IS NOT NULL OR NEW.city IS NOT NULL THEN
    NEW.place := ll_to_earth(NEW.latitude, NEW.longitude);
  ELSE
    NEW.place := (SELECT ll_to_earth(e.latitude, e.longitude) FROM offer.establishment e WHERE e.id = NEW.establishment_id);
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
-- `place` is in the list so that a write of the column itself is recomputed, never taken as given.
CREATE TRIGGER "unit_place" BEFORE INSERT OR UPDATE OF "latitude", "longitude", "address_line", "postal_code", "city", "establishment_id", "place"
  ON "offer"."unit" FOR EACH ROW EXECUTE FUNCTION "offer"."unit_place"();--> statement-breakpoint
CREATE FUNCTION "offer"."establishment_units_place"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The units' own trigger computes the point again from this (already updated) establishment.
  UPDATE offer.unit u SET place = NULL
   WHERE u.establishment_id = NEW.id AND u.address_line IS NULL AND u.postal_code IS NULL AND u.city IS NULL;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "establishment_units_place" AFTER UPDATE OF "latitude", "longitude" ON "offer"."establishment"
  FOR EACH ROW WHEN (OLD.latitude IS DISTINCT FROM NEW.latitude OR OLD.longitude IS DISTINCT FROM NEW.longitude)
  EXECUTE FUNCTION "offer"."establishment_units_place"();
