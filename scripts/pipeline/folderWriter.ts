import { createHash } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
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

  put(name: string, body: string | Buffer) {
    const sum = createHash('sha1').update(body).digest('base64url')
    this.manifest[name] = sum
    const target = join(this.dir, name)
    const parent = dirname(target)
    if (!this.made.has(parent)) {
      mkdirSync(parent, { recursive: true })
      this.made.add(parent)
    }
    if (this.previous && this.before[name] === sum) {
      try {
        linkSync(join(this.previous, name), target)
        this.linked++
        return
      } catch {
        // No such file after all, or a file system without hard links: write it.
      }
    }
    writeFileSync(target, body)
    this.written++
  }

  /** Writes the manifest: call once every file is in. */
  finish() {
    writeFileSync(join(this.dir, MANIFEST), `${JSON.stringify(this.manifest)}\n`)
  }
}

function readManifest(dir: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Record<string, string>
  } catch {
    return {}
  }
}
