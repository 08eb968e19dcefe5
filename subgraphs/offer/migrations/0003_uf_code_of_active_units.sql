DROP INDEX "offer"."unit_uf_code_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "unit_uf_code_uq" ON "offer"."unit" USING btree ("establishment_id","uf_code") WHERE not "offer"."unit"."archived";