import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { stringify } from 'yaml'
import { readPointer } from '../scripts/pipeline/output'
import { formatProblem } from '../scripts/problems'
import { runPipeline } from '../scripts/pipeline/run'
import type { Settings } from '../scripts/settings'
import type { Db } from './db'

export interface Site {
  /** The folder the site is served from (dist/): data and feeds are published into it. */
  dir: string
  documentsDir: string
  catalogFile: string
  /** Entries kept as files (seeds/local): published too; an approved entry of the same name wins. */
  filesDir: string
  settings: Settings
  /** Scratch space for the entries folder each build reads. */
  workDir: string
}

/** A publish that went through: the dataset version now live, and how long it took. */
export interface PublishOutcome {
  version: string
  ms: number
}

export type PublishResult = { ok: true; version: string; ms: number; generation: number } | { ok: false; problems: string[]; ms: number }

/**
 * Publishes what is approved: the whole pipeline over the documents, the entry files and the
 * approved entries, into the served folder. The dataset lands in a new immutable folder and the
 * pointer (data/latest.json) and feeds are swapped in by rename (scripts/pipeline/write.ts), so
 * readers see the old site or the new one, never a mix. One build at a time.
 */
export class Publisher {
  private chain: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly db: Db,
    private readonly site: Site,
  ) {}

  publish(): Promise<PublishResult> {
    const run = this.chain.then(() => this.build())
    this.chain = run.catch(() => undefined)
    return run
  }

  /**
   * At start: publish again if the service stopped before the last approval was built (a crash
   * mid-publish: the next build also remakes feeds a cut-off publish left behind), or if the site
   * folder holds another build than the last published (npm start rebuilt dist/ from the files
   * alone, without what was approved here).
   */
  async catchUp(): Promise<PublishResult | null> {
    const [state] = await this.db.query<{ wanted: number; built: number; version: string | null }>('select wanted, built, version from site_state where id = 1')
    if (!state) return null
    const stale = state.built < state.wanted || (state.version !== null && readPointer(join(this.site.dir, 'data'))?.version !== state.version)
    return stale ? this.publish() : null
  }

  private async build(): Promise<PublishResult> {
    const started = performance.now()
    const [state] = await this.db.query<{ wanted: number }>('select wanted from site_state where id = 1')
    const rows = await this.db.query<{ region: string; entry_id: string; yaml: string }>('select region, entry_id, yaml from published order by region, entry_id')
    mkdirSync(this.site.workDir, { recursive: true })
    const local = mkdtempSync(join(this.site.workDir, 'local-'))
    const documents = mkdtempSync(join(this.site.workDir, 'documents-'))
    try {
      if (existsSync(this.site.filesDir)) cpSync(this.site.filesDir, local, { recursive: true })
      for (const r of rows) {
        mkdirSync(join(local, r.region), { recursive: true })
        writeFileSync(join(local, r.region, `${r.entry_id}.yaml`), r.yaml)
      }
      await this.gatherDocuments(documents)
      const result = await runPipeline({ documentsDir: documents, catalogFile: this.site.catalogFile, localDir: local, settings: this.site.settings, out: this.site.dir })
      const ms = Math.round(performance.now() - started)
      if (!result.ok) {
        const problems = [...result.errors.map(formatProblem), ...result.foreign.map((f) => `${f}: 不是本程序写出的文件 (not written by the pipeline)`)]
        await this.db.query(`insert into audit (action, target, detail) values ('publish-failed', $1, $2)`, [this.site.dir, problems.join('\n')])
        return { ok: false, problems, ms }
      }
      await this.db.query('update site_state set built = greatest(built, $1), version = $2 where id = 1', [state!.wanted, result.pointer.version])
      await this.db.query(`insert into audit (action, target, detail) values ('publish', $1, $2)`, [result.pointer.version, `${rows.length} entries, ${ms} ms`])
      return { ok: true, version: result.pointer.version, ms, generation: state!.wanted }
    } finally {
      rmSync(local, { recursive: true, force: true })
      rmSync(documents, { recursive: true, force: true })
    }
  }

  /**
   * The corpus a build reads: the shipped documents (linked, not copied) and every document a
   * reviewer approved, each with the facts its editor confirmed as its sidecar.
   */
  private async gatherDocuments(into: string) {
    for (const name of readdirSync(this.site.documentsDir)) symlinkSync(join(this.site.documentsDir, name), join(into, name))
    const approved = await this.db.query<{ id: number; file_name: string; content_base64: string; region: string; year: number; doc_number: string | null; kind: string | null }>(
      `select id, file_name, content_base64, region, year, doc_number, kind from document_submissions where state = 'approved' order by id`,
    )
    for (const d of approved) {
      const name = `upload-${d.id}`
      writeFileSync(join(into, `${name}${extname(d.file_name).toLowerCase()}`), Buffer.from(d.content_base64, 'base64'))
      writeFileSync(join(into, `${name}.meta.yaml`), sidecarYaml(d))
    }
  }
}

/** The editor's confirmed facts as the sidecar the build reads (scripts/extract/sidecar.ts). */
function sidecarYaml(d: { region: string; year: number; doc_number: string | null; kind: string | null }): string {
  return stringify({ region: d.region, year: d.year, ...(d.doc_number ? { docNumber: d.doc_number } : {}), ...(d.kind ? { kind: d.kind } : {}) })
}
