import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The little the service needs from a database: the same SQL on PGlite and on PostgreSQL. */
export interface Db {
  kind: 'pglite' | 'postgres'
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
  /** Runs `fn` in one transaction (one at a time on PGlite, which has a single connection). */
  transaction<T>(fn: (q: Db['query']) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** PGlite in `dataDir` (or in memory when it is omitted), or PostgreSQL when a URL is given. */
export async function openDb(opts: { dataDir?: string; databaseUrl?: string }): Promise<Db> {
  const db = opts.databaseUrl ? await postgres(opts.databaseUrl) : await pglite(opts.dataDir)
  await migrate(db)
  return db
}

async function pglite(dataDir?: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite')
  const pg = new PGlite(dataDir)
  await pg.waitReady
  return {
    kind: 'pglite',
    query: async <T>(sql: string, params: unknown[] = []) => (await pg.query<T>(sql, params)).rows,
    transaction: (fn) => pg.transaction((tx) => fn(async <T>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows)),
    close: () => pg.close(),
  }
}

async function postgres(url: string): Promise<Db> {
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  return {
    kind: 'postgres',
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const out = await fn(async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[])
        await client.query('commit')
        return out
      } catch (e) {
        await client.query('rollback')
        throw e
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}

/** Applies server/migrations/*.sql in name order, each once, each in a transaction. */
async function migrate(db: Db) {
  await db.query('create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())')
  const done = new Set((await db.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name))
  const dir = join(import.meta.dirname, 'migrations')
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    if (done.has(name)) continue
    const sql = readFileSync(join(dir, name), 'utf8')
    await db.transaction(async (q) => {
      for (const statement of splitSql(sql)) await q(statement)
      await q('insert into schema_migrations (name) values ($1)', [name])
    })
  }
}

/**
 * Statements of a migration file: split at semicolons outside $$-quoted function bodies (no
 * semicolons inside plain strings in our migrations).
 */
export function splitSql(sql: string): string[] {
  const statements: string[] = []
  let current = ''
  // Each piece is a $$…$$ body (kept whole), a semicolon, or text up to the next of either.
  for (const [piece] of sql.replace(/--.*$/gm, '').matchAll(/\$\$[\s\S]*?\$\$|;|[^;$]+|\$/g)) {
    if (piece === ';') {
      statements.push(current.trim())
      current = ''
    } else current += piece
  }
  statements.push(current.trim())
  return statements.filter(Boolean)
}
