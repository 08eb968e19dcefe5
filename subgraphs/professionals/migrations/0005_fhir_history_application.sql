-- The FHIR adapter's internal application (docs/decisions.md D40): the identity its version store
-- materialises resources with, through the gateway's in-process executor as a stored principal.
-- Access profile 1 and every read scope, so stored versions are complete; the empty key set means
-- no client assertion can ever verify, so no token is ever issued to it.
INSERT INTO "professionals"."client" ("client_id", "name", "jwks", "scopes", "access_level", "enabled")
VALUES ('ror-fhir-history', 'ROR Hub FHIR version store (internal, no keys)', '{"keys":[]}'::jsonb,
        ARRAY['offer.read', 'capacity.read', 'professional.read'], 1, true)
ON CONFLICT ("client_id") DO NOTHING;
