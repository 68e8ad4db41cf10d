import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FolderWriter, MANIFEST } from '../../scripts/pipeline/folderWriter'
import { root } from './helpers'

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
