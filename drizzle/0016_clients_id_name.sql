-- A client's name by its id from the index alone (ADR 006): the generic plan of a statement that names many
-- relationships' clients probed the name index instead, reading all of a big tenant's clients each time.
CREATE INDEX "clients_id_name_idx" ON "clients" USING btree ("workspace_id","id","name");