import { createHash } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** Each written folder's list of its files and their hashes (what the next build compares with). */
export const MANIFEST = '.manifest.json'

/**
 * Writes a folder whose files mostly repeat the last build's folder: a file whose bytes are the
 * same is hard-linked from there instead of written again. An approved county entry changes a few
 * dozen of some 20,000 files; linking is an order of magnitude cheaper than writing, which is what
 * keeps approve-to-published within seconds. Every folder stays whole on its own (no file is ever
 * changed in place, and a folder can be deleted whatever links to it).
 */
export class FolderWriter {
  private readonly before: Record<string, string>
  private readonly manifest: Record<string, string> = {}
  private readonly made = new Set<string>()
  written = 0
  linked = 0

  constructor(
    private readonly dir: string,
    private readonly previous: string | null,
  ) {
    this.before = previous ? readManifest(previous) : {}
  }

  /** Puts a file in the folder (linked if the previous folder has the same bytes); returns its hash. */
  put(name: string, body: string | Buffer): string {
    const sum = createHash('sha1').update(body).digest('base64url')
    this.manifest[name] = sum
    const target = this.target(name)
    if (this.before[name] === sum && this.link(name, target)) return sum
    try {
      writeFileSync(target, body, { flag: 'wx' })
    } catch {
      // Never write through an existing name: it may be a link to the previous folder's file.
      rmSync(target, { force: true })
      writeFileSync(target, body, { flag: 'wx' })
    }
    this.written++
    return sum
  }

  /**
   * Takes a file from the previous folder as it is, without its bytes (the caller knows they have
   * not changed); returns its hash, or null when the previous folder does not have it.
   */
  reuse(name: string): string | null {
    const sum = this.before[name]
    if (!sum || !this.link(name, this.target(name))) return null
    this.manifest[name] = sum
    return sum
  }

  /** What the previous folder recorded under `key` (see finish). */
  recorded(key: string): string | undefined {
    return this.before[`#${key}`]
  }

  /** Writes the manifest, with `notes` (e.g. what the folder was built from): call once every file is in. */
  finish(notes: Record<string, string> = {}) {
    const all = { ...this.manifest, ...Object.fromEntries(Object.entries(notes).map(([k, v]) => [`#${k}`, v])) }
    writeFileSync(join(this.dir, MANIFEST), `${JSON.stringify(all)}\n`)
  }

  private target(name: string): string {
    const target = join(this.dir, name)
    const parent = dirname(target)
    if (!this.made.has(parent)) {
      mkdirSync(parent, { recursive: true })
      this.made.add(parent)
    }
    return target
  }

  private link(name: string, target: string): boolean {
    if (!this.previous) return false
    try {
      linkSync(join(this.previous, name), target)
      this.linked++
      return true
    } catch {
      // No such file after all, or a file system without hard links.
      return false
    }
  }
}

function readManifest(dir: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Record<string, string>
  } catch {
    return {}
  }
}
