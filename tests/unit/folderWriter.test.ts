import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FolderWriter, MANIFEST } from '../../scripts/pipeline/folderWriter'
import { root, runData } from './helpers'

describe('FolderWriter (incremental publishing)', () => {
  it('links the files the last build wrote with the same bytes, writes the rest, and each folder stays whole alone', () => {
    const dir = join(root, '.tmp/unit-folder-writer')
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const first = new FolderWriter(join(dir, 'v1'), null)
    first.put('r/130200.json', '{"a":1}')
    first.put('r/130283.json', '{"b":1}')
    first.finish()
    expect([first.written, first.linked]).toEqual([2, 0])

    const second = new FolderWriter(join(dir, 'v2'), join(dir, 'v1'))
    second.put('r/130200.json', '{"a":1}')
    second.put('r/130283.json', '{"b":2}')
    second.put('s/130283.json', '{}')
    second.finish()
    expect([second.written, second.linked]).toEqual([2, 1])
    expect(statSync(join(dir, 'v2/r/130200.json')).ino).toBe(statSync(join(dir, 'v1/r/130200.json')).ino)
    expect(JSON.parse(readFileSync(join(dir, 'v2', MANIFEST), 'utf8'))).toHaveProperty(['s/130283.json'])

    // The old version goes (two publishes later): the new one keeps every file and its bytes.
    rmSync(join(dir, 'v1'), { recursive: true })
    expect(readFileSync(join(dir, 'v2/r/130200.json'), 'utf8')).toBe('{"a":1}')
    expect(readFileSync(join(dir, 'v2/r/130283.json'), 'utf8')).toBe('{"b":2}')
  })
})

/** Every file under `dir` (but the manifests) with its bytes. */
function tree(dir: string, at = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const name of readdirSync(join(dir, at))) {
    const rel = at ? `${at}/${name}` : name
    if (statSync(join(dir, rel)).isDirectory()) for (const [k, v] of tree(dir, rel)) out.set(k, v)
    else if (name !== MANIFEST) out.set(rel, readFileSync(join(dir, rel), 'utf8'))
  }
  return out
}

describe('an incremental build (one county entry added)', () => {
  it('writes the same bytes as a full build, and takes every other region from the last build', () => {
    const work = join(root, '.tmp/unit-incremental')
    rmSync(work, { recursive: true, force: true })
    const local = join(work, 'local')
    mkdirSync(join(local, '130283'), { recursive: true })
    const build = (out: string) => {
      const r = runData(['--documents', join(root, 'tests/fixtures/seeds'), '--out', out, '--local', local, '--quiet'])
      expect(r.status, r.stderr).toBe(0)
      const pointer = JSON.parse(readFileSync(join(out, 'data/latest.json'), 'utf8')) as { version: string }
      return pointer.version
    }
    const incremental = join(work, 'incremental')
    const full = join(work, 'full')
    build(incremental)
    build(full)
    writeFileSync(join(local, '130283/kepu.yaml'), 'activity: kepu-ri\nregion: "130283"\nstart: 2026-09-12\nend: 2026-09-12\norganiser: 迁安市科学技术协会\nstatus: planned\nrevision: 1\n')
    // The full build forgets what the last one was built from, so it makes every file again.
    for (const m of [join(full, 'feeds', MANIFEST), ...readdirSync(join(full, 'data')).filter((d) => /^[0-9a-f]{12}$/.test(d)).map((d) => join(full, 'data', d, MANIFEST))]) rmSync(m, { force: true })
    const v1 = build(incremental)
    const v2 = build(full)
    expect(v1).toBe(v2)
    const a = tree(join(incremental, 'data', v1))
    const b = tree(join(full, 'data', v2))
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort())
    for (const [k, v] of a) expect(v, k).toBe(b.get(k))
    const fa = tree(join(incremental, 'feeds'))
    const fb = tree(join(full, 'feeds'))
    expect([...fa.keys()].sort()).toEqual([...fb.keys()].sort())
    for (const [k, v] of fa) expect(v, k).toBe(fb.get(k))
    expect(fa.get('130283.ics')).toContain('UID:local.130283.kepu@kepu-calendar')
    // Taken, not made: an unrelated county's files are the previous build's (same inode).
    const previous = readdirSync(join(incremental, 'data')).find((d) => /^[0-9a-f]{12}$/.test(d) && d !== v1)!
    expect(statSync(join(incremental, 'data', v1, 'r/440305.json')).ino).toBe(statSync(join(incremental, 'data', previous, 'r/440305.json')).ino)
    expect(statSync(join(incremental, 'data', v1, 'r/130283.json')).ino).not.toBe(statSync(join(incremental, 'data', previous, 'r/130283.json')).ino)
  }, 120_000)
})

describe('a publish cut off between the data pointer and the feeds', () => {
  it('is repaired by the next build: the county feed gets the entry the data already has', () => {
    const work = join(root, '.tmp/unit-half-publish')
    rmSync(work, { recursive: true, force: true })
    const local = join(work, 'local')
    const out = join(work, 'out')
    mkdirSync(join(local, '130283'), { recursive: true })
    const build = () => {
      const r = runData(['--documents', join(root, 'tests/fixtures/seeds'), '--out', out, '--local', local, '--quiet'])
      expect(r.status, r.stderr).toBe(0)
    }
    build()
    const oldFeeds = join(work, 'feeds-before')
    cpSync(join(out, 'feeds'), oldFeeds, { recursive: true })
    writeFileSync(join(local, '130283/kepu.yaml'), 'activity: kepu-ri\nregion: "130283"\nstart: 2026-09-12\nend: 2026-09-12\norganiser: 迁安市科学技术协会\nstatus: planned\nrevision: 1\n')
    build()
    // The crash: the new pointer was written, the new feeds never swapped in.
    rmSync(join(out, 'feeds'), { recursive: true })
    renameSync(oldFeeds, join(out, 'feeds'))
    expect(readFileSync(join(out, 'feeds/130283.ics'), 'utf8')).not.toContain('UID:local.130283.kepu@kepu-calendar')
    // The restarted service builds the same inputs again.
    build()
    expect(readFileSync(join(out, 'feeds/130283.ics'), 'utf8')).toContain('UID:local.130283.kepu@kepu-calendar')
  }, 120_000)
})
