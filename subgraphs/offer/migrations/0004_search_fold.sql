-- Text as the structured searches compare it (schemas/offer.search.graphql): lower case, accents
-- removed. Declared IMMUTABLE so that trigram indexes can be built on it: unaccent() itself is only
-- STABLE because its dictionary could change, which the hub never does at run time.
CREATE OR REPLACE FUNCTION "offer"."fold"(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, lower(value)) $$;
