import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb, splitSql } from '../../server/db'
import { freshPostgres, root } from './setup'

describe('migrations', () => {
  it('split at semicolons, a $$-quoted function body kept whole with the semicolons inside it', () => {
    const sql = `-- a comment; with a semicolon\ncreate table t (a int);\ncreate function f() returns int language plpgsql as $$\nbegin\n  return 1;\nend\n$$;\nselect 1`
    expect(splitSql(sql)).toEqual(['create table t (a int)', 'create function f() returns int language plpgsql as $$\nbegin\n  return 1;\nend\n$$', 'select 1'])
    const functions = splitSql(readFileSync(join(root, 'server/migrations/002_submission_paths.sql'), 'utf8')).filter((s) => s.startsWith('create function'))
    expect(functions).toHaveLength(3)
    for (const s of functions) expect(s).toMatch(/\$\$$/)
  })

  it('apply once each, and the submission paths answer as the routes expect', async () => {
    const db = await openDb({ databaseUrl: await freshPostgres('migrations') })
    try {
      const names = (await db.query<{ name: string }>('select name from schema_migrations order by name')).map((r) => r.name)
      expect(names).toEqual(readdirSync(join(import.meta.dirname, '../../server/migrations')).filter((f) => f.endsWith('.sql')).sort())
      const [user] = await db.query<{ id: number }>(`insert into users (name, password_hash, role, region) values ('e', 'x', 'editor', '130283') returning id`)
      await db.query(`insert into sessions (token_hash, user_id, csrf, expires_at) values ('h', $1, 'c', now() + interval '1 hour')`, [user!.id])
      const take = (id: string | null, csrf: string) => db.query<{ fresh: boolean; region: string }>('select * from take_request($1, $2, $3)', ['h', id, csrf])
      expect(await take('req-00000001', 'c')).toEqual([expect.objectContaining({ region: '130283', fresh: true })])
      expect(await take('req-00000001', 'c')).toEqual([expect.objectContaining({ fresh: false })])
      expect(await take('req-00000002', 'wrong')).toEqual([expect.objectContaining({ fresh: false })])
      expect(await db.query('select * from take_request($1, $2, $3)', ['no such', 'req-00000003', 'c'])).toEqual([])
      const submit = (revision: number) => db.query<{ submission_id: number | null; published_revision: number | null }>('select * from submit_entry($1, $2, $3, $4, $5, $6)', ['130283', 'a', 'yaml', revision, 't', user!.id])
      const [first] = await submit(1)
      const [second] = await submit(1)
      expect(second!.submission_id).toBeGreaterThan(first!.submission_id!)
      const states = await db.query<{ state: string }>('select state from submissions order by id')
      expect(states.map((s) => s.state)).toEqual(['superseded', 'pending'])
      await db.query(`insert into published (region, entry_id, yaml, revision, submission_id) values ('130283', 'a', 'yaml', 2, $1)`, [second!.submission_id])
      expect(await submit(2)).toEqual([{ submission_id: null, published_revision: 2 }])
      expect((await submit(3))[0]).toEqual({ submission_id: expect.any(Number), published_revision: 2 })
      expect((await db.query('select count(*)::int as n from audit where action = $1', ['submit']))[0]).toEqual({ n: 3 })
    } finally {
      await db.close()
    }
  }, 60_000) // starting PGlite and migrating takes seconds while the whole suite runs in parallel
})
