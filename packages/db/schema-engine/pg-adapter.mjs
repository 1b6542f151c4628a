// @ts-check
// The driver adapter the WebAssembly schema engine talks to PostgreSQL through.
// It is @prisma/adapter-pg with two fixes the engine needs (both seen in probes here):
//  1. pg_catalog's `"char"` columns (OID 18) are not mapped by adapter-pg, yet the schema
//     describer reads them (e.g. pg_class.relkind). They must reach the engine typed as
//     ColumnTypeEnum.Character; typing them as text panics the engine on PostgreSQL 18.
//  2. adapter-pg's own shadow database spreads a connection string over `database`, so the
//     "shadow" pool would point at the real database, and it drops the database before
//     closing the pool. We create the shadow database from discrete connection fields and
//     close its pool before dropping it.
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { parse as parseConnectionString } from "pg-connection-string";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * Discrete pg connection fields for a postgresql:// URL. Prisma's `schema` query parameter
 * is not a pg option and is dropped.
 * @param {string} url
 * @returns {pg.ClientConfig}
 */
export function toClientConfig(url) {
  const parsed = parseConnectionString(url);
  const { host, port, user, password, database, ssl } = parsed;
  return {
    host: host ?? undefined,
    port: port ? Number(port) : undefined,
    user,
    password,
    database: database ?? undefined,
    ssl: /** @type {pg.ClientConfig["ssl"]} */ (ssl ?? undefined),
  };
}

/**
 * Runs one statement on its own short-lived connection.
 * @param {pg.ClientConfig} config @param {string} sql
 */
export async function runStatement(config, sql) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Makes `queryRaw` report `"char"` columns as Character, on the adapter and on every
 * transaction it starts.
 * @template {Record<string, any>} T
 * @param {T} queryable
 * @returns {T}
 */
function typeCharColumnsAsCharacter(queryable) {
  const originalQueryRaw = queryable.queryRaw;
  const originalPerformIO = queryable.performIO;
  /** @type {any} */ (queryable).queryRaw = async (/** @type {unknown} */ query) => {
    /** @type {number[]} */
    const charColumns = [];
    // A per-call view whose performIO retypes OID 18 before adapter-pg maps the types,
    // so concurrent queries cannot see each other's column lists.
    const view = Object.create(queryable, {
      performIO: {
        value: async (/** @type {unknown} */ q) => {
          const result = await originalPerformIO.call(queryable, q);
          result.fields.forEach((/** @type {{ dataTypeID: number }} */ field, /** @type {number} */ index) => {
            if (field.dataTypeID === PG_CHAR_OID) {
              charColumns.push(index);
              field.dataTypeID = PG_TEXT_OID;
            }
          });
          return result;
        },
      },
    });
    const resultSet = await originalQueryRaw.call(view, query);
    for (const index of charColumns) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  if (typeof queryable.startTransaction === "function") {
    const originalStartTransaction = queryable.startTransaction;
    /** @type {any} */ (queryable).startTransaction = async (/** @type {unknown[]} */ ...args) => {
      return typeCharColumnsAsCharacter(await originalStartTransaction.apply(queryable, args));
    };
  }
  return queryable;
}

/**
 * @param {string} url the datasource URL the CLI passed with --datasource
 */
export function createMigrationAwareAdapterFactory(url) {
  const config = toClientConfig(url);
  /** @type {Set<Promise<unknown>>} */
  const pendingShadowDrops = new Set();

  const factory = {
    provider: /** @type {const} */ ("postgres"),
    adapterName: "@prisma/adapter-pg",
    async connect() {
      return typeCharColumnsAsCharacter(await new PrismaPg(config).connect());
    },
    async connectToShadowDb() {
      const shadowDatabase = `prisma_migrate_shadow_db_${randomUUID()}`;
      await runStatement(config, `CREATE DATABASE "${shadowDatabase}"`);
      const adapter = await new PrismaPg({ ...config, database: shadowDatabase }).connect();
      const closePool = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await closePool();
        const drop = runStatement(config, `DROP DATABASE IF EXISTS "${shadowDatabase}"`);
        pendingShadowDrops.add(drop);
        try {
          await drop;
        } finally {
          pendingShadowDrops.delete(drop);
        }
      };
      return typeCharColumnsAsCharacter(adapter);
    },
  };

  return {
    adapterFactory: bindMigrationAwareSqlAdapterFactory(/** @type {any} */ (factory)),
    /** Shadow databases are dropped asynchronously; exiting before that leaves them behind. */
    waitForShadowDrops: () => Promise.allSettled([...pendingShadowDrops]),
  };
}
