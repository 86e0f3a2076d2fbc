import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createFreshDatabase, dropDatabase, withDatabaseClient, withDatabaseName } from "../../../scripts/lib/database";
import { applyMigrations } from "../../../scripts/lib/migrations";
import { findRoutineDrift, readRoutineFiles } from "../../../scripts/lib/routines";

// prisma/routines holds our SQL functions and triggers as source files; the migrator applies them on
// every deploy. These tests compare the files with what the database holds.

describe("the database's routines", () => {
  it("are exactly what prisma/routines defines, in the migrated test database", async () => {
    const drift = await withDatabaseClient(inject("databaseUrl"), findRoutineDrift);
    expect(drift).toEqual({ differing: [], missing: [], stale: [] });
  });

  it("are recorded with each file's checksum", async () => {
    const rows = await withDatabaseClient(
      inject("databaseUrl"),
      async (client) => (await client.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "_tollgate_routines" ORDER BY "name"`)).rows,
    );
    expect(rows).toEqual(readRoutineFiles().map(({ name, checksum }) => ({ name, checksum })));
  });

  describe("in a database someone changed by hand", () => {
    const serverUrl = withDatabaseName(inject("databaseUrl"), "postgres");
    const databaseName = `tollgate_routines_${crypto.randomBytes(4).toString("hex")}`;
    let databaseUrl: string;

    beforeAll(async () => {
      databaseUrl = await createFreshDatabase(serverUrl, databaseName);
      await applyMigrations(databaseUrl);
      await withDatabaseClient(databaseUrl, async (client) => {
        await client.query(
          `CREATE OR REPLACE FUNCTION tollgate_next_order_status(p_status "OrderStatus", p_event text) RETURNS "OrderStatus" LANGUAGE sql STABLE AS $$ SELECT 'PAID'::"OrderStatus" $$`,
        );
        await client.query(`DROP TRIGGER "Order_check_transition" ON "Order"`);
        await client.query(`CREATE FUNCTION tollgate_left_behind() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$`);
      });
    }, 60_000);

    afterAll(async () => {
      await dropDatabase(serverUrl, databaseName);
    });

    it("reports the edited function, the missing trigger and the function no file defines, changing nothing", async () => {
      const drift = await withDatabaseClient(databaseUrl, findRoutineDrift);
      expect(drift).toEqual({
        differing: ['function tollgate_next_order_status("OrderStatus",text)'],
        missing: ["trigger Order_check_transition on Order"],
        stale: ["function tollgate_left_behind()"],
      });
      // The check rolled its own work back.
      expect(await withDatabaseClient(databaseUrl, findRoutineDrift)).toEqual(drift);
    });

    it("is put back by the next deploy, which names what it cannot know to drop", async () => {
      const result = await applyMigrations(databaseUrl);
      expect(result).toEqual({ applied: [], changedRoutines: [], staleRoutines: ["function tollgate_left_behind()"] });
      expect(await withDatabaseClient(databaseUrl, findRoutineDrift)).toEqual({ differing: [], missing: [], stale: ["function tollgate_left_behind()"] });
    });
  });
});
