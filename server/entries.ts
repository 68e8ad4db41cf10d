// npm run entries:export [-- --out seeds/local]  — approved entries as files, for deployments that publish from git
// npm run entries:import [-- --from seeds/local] — files into the service (published at its next start)
//   SERVICE_DATA (.service-data) or DATABASE_URL pick the database, as for npm start.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chinaToday } from '../src/domain/dates'
import { entryText } from '../src/domain/local/file'
import { openDb, type Db } from './db'
import { checkSubmission, loadCatalogue, type Catalogue } from './validate'

/** Writes every published entry as <dir>/<code>/<id>.yaml; returns the files written. */
export async function exportEntries(db: Db, dir: string): Promise<string[]> {
  const rows = await db.query<{ region: string; entry_id: string; yaml: string }>('select region, entry_id, yaml from published order by region, entry_id')
  return rows.map((r) => {
    mkdirSync(join(dir, r.region), { recursive: true })
    const file = join(dir, r.region, `${r.entry_id}.yaml`)
    writeFileSync(file, r.yaml)
    return file
  })
}

/**
 * Reads <dir>/<code>/<id>.yaml into the published entries, each checked as the build checks it.
 * Files with problems are reported and skipped; a file no newer than what is published is left.
 */
export async function importEntries(db: Db, dir: string, cat: Catalogue): Promise<{ imported: string[]; skipped: string[]; problems: string[] }> {
  const out = { imported: [] as string[], skipped: [] as string[], problems: [] as string[] }
  for (const code of existsSync(dir) ? readdirSync(dir).sort() : []) {
    if (!/^\d{6}$/.test(code)) continue
    if (!statSync(join(dir, code), { throwIfNoEntry: false })?.isDirectory()) {
      out.problems.push(`${code}: 不是文件夹，或链接已失效 (not a folder, or a broken link)`)
      continue
    }
    for (const name of readdirSync(join(dir, code)).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      const file = `${code}/${name}`
      const id = name.replace(/\.ya?ml$/, '')
      const text = entryText(readFileSync(join(dir, file)))
      const { entry, problems } = text.text === null ? { entry: null, problems: [{ message: text.problem! }] } : checkSubmission(id, text.text, cat, chinaToday(Date.now()))
      if (entry && entry.region !== code) problems.push({ message: `文件在 ${code}/ 下，写的地区是 ${entry.region} (folder and region differ)` })
      if (!entry || problems.length) {
        out.problems.push(...problems.map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.message}`))
        continue
      }
      const [pub] = await db.query<{ revision: number }>('select revision from published where region = $1 and entry_id = $2', [code, id])
      if (pub && pub.revision >= entry.revision) {
        out.skipped.push(file)
        continue
      }
      await db.transaction(async (q) => {
        const [sub] = await q<{ id: number }>(
          `insert into submissions (region, entry_id, yaml, revision, title, state, reason, decided_at) values ($1, $2, $3, $4, $5, 'approved', 'imported from files', now()) returning id`,
          [code, id, text.text, entry.revision, entry.title ?? ''],
        )
        await q(
          `insert into published (region, entry_id, yaml, revision, submission_id) values ($1, $2, $3, $4, $5)
           on conflict (region, entry_id) do update set yaml = excluded.yaml, revision = excluded.revision, submission_id = excluded.submission_id, published_at = now()`,
          [code, id, text.text, entry.revision, sub!.id],
        )
        await q('update site_state set wanted = wanted + 1 where id = 1')
        await q(`insert into audit (action, target) values ('import', $1)`, [file])
      })
      out.imported.push(file)
    }
  }
  return out
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { out: { type: 'string', default: 'seeds/local' }, from: { type: 'string', default: 'seeds/local' } } })
  const db = await openDb({ dataDir: process.env.SERVICE_DATA ?? '.service-data', databaseUrl: process.env.DATABASE_URL })
  try {
    if (positionals[0] === 'export') {
      const files = await exportEntries(db, resolve(values.out))
      console.log(`exported ${files.length} approved entr${files.length === 1 ? 'y' : 'ies'} to ${values.out}/`)
    } else if (positionals[0] === 'import') {
      const r = await importEntries(db, resolve(values.from), loadCatalogue(resolve(import.meta.dirname, '..')))
      for (const p of r.problems) console.error(`error    ${p}`)
      console.log(`imported ${r.imported.length}, unchanged ${r.skipped.length}, with problems ${r.problems.length}; the service publishes them at its next start`)
      if (r.problems.length) process.exitCode = 1
    } else {
      console.error('usage: npm run entries:export [-- --out DIR] | npm run entries:import [-- --from DIR]')
      process.exitCode = 2
    }
  } finally {
    await db.close()
  }
}
