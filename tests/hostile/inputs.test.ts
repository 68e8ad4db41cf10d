import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeText } from '../../src/domain/decode'
import { entryText } from '../../src/domain/local/file'
import { parseEntryYaml } from '../../src/domain/local/yaml'
import { checkEntry } from '../../src/domain/local/schema'
import { loadCatalog } from '../../scripts/catalog/load'
import { ActivityMatcher } from '../../scripts/extract/mentions'
import { normalizeText } from '../../scripts/extract/normalize'
import { findStatedDates } from '../../scripts/extract/statedDates'
import { root, runData } from '../unit/helpers'

// Hostile and careless inputs to the build: every one gets a message naming the file, in Chinese
// and English, and nothing valid is lost.
const GOOD = '唐山市科学技术协会文件\n\n关于开展2024年全国科普日活动的通知\n\n定于9月15日至21日举办全国科普日活动。\n\n唐山市科学技术协会\n2024年8月1日\n'
const gb18030 = (text: string) => {
  // The few characters used here, through the decoder's own table.
  const table = new Map<string, number[]>()
  const d = new TextDecoder('gb18030')
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) table.set(d.decode(new Uint8Array([hi, lo])), [hi, lo])
  return new Uint8Array([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)))
}
const entry = (fields: Record<string, string>) =>
  Object.entries({ activity: 'kepu-ri', region: '"130283"', start: '2026-09-12', end: '2026-09-12', organiser: '迁安市科学技术协会', status: 'planned', revision: '1', ...fields })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n') + '\n'

describe('documents', () => {
  const dir = join(root, '.tmp/hostile-docs')
  let out = ''
  let err = ''
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(join(dir, 'docs/folder.txt'), { recursive: true })
    const docs = join(dir, 'docs')
    writeFileSync(join(docs, 'good.txt'), GOOD)
    writeFileSync(join(docs, 'again.txt'), GOOD)
    writeFileSync(join(docs, 'empty.txt'), '')
    writeFileSync(join(docs, 'binary.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]))
    writeFileSync(join(docs, 'stray-byte.txt'), new Uint8Array([...Buffer.from(GOOD.replace('唐山', '迁安')), 0xff, ...Buffer.from('补充说明。\n')]))
    writeFileSync(join(docs, 'utf16-no-bom.txt'), Buffer.from(GOOD.replace('唐山', '秦皇岛'), 'utf16le'))
    writeFileSync(join(docs, 'gb.txt'), gb18030(GOOD.replace(/唐山/g, '保定')))
    writeFileSync(join(docs, 'evil\nwarning  forged.txt'), '')
    writeFileSync(join(docs, 'old.doc'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))
    symlinkSync(join(docs, 'nowhere.txt'), join(docs, 'dangling.txt'))
    writeFileSync(join(docs, 'huge.txt'), `${GOOD}${'一'.repeat(2 * 1024 * 1024)}`)
    const r = runData(['--documents', docs, '--out', join(dir, 'out'), '--quiet'], { KEPU_MAX_DOCUMENT_MB: '2' })
    expect(r.status, r.stderr).toBe(0)
    out = r.stdout
    err = r.stderr
  }, 60_000)

  it.each([
    ['empty.txt', '文件为空 (empty file)'],
    ['binary.txt', 'binary file'],
    ['good.txt', '与 again.txt 内容相同，只读取一次'],
    ['folder.txt', '这是一个文件夹'],
    ['dangling.txt', 'broken link'],
    ['old.doc', '另存为 .docx'],
    ['huge.txt', '文件超过 2 MB'],
    ['stray-byte.txt:line', '无法识别的字节'],
  ])('%s: a warning that names it', (file, words) => {
    const line = err.split('\n').find((l) => l.startsWith(`warning  ${file}`) && l.includes(words))
    expect(line, err).toBeDefined()
    expect(line).toMatch(/[\u4e00-\u9fff].*\(.*[a-z].*\)/)
  })

  it('a newline in a file name cannot forge an output line', () => {
    expect(err).toContain('warning  evil\\u000awarning  forged.txt:')
    expect(err.split('\n').filter((l) => l.startsWith('warning  forged'))).toEqual([])
  })

  it('keeps every valid document: one stray byte, UTF-16 without BOM and GB18030 are read', () => {
    expect(out).toMatch(/documents\s+4 \(issuers placed in 4 regions\)/)
  })
})

describe('organisers’ entries', () => {
  const dir = join(root, '.tmp/hostile-entries')
  const build = (files: Record<string, string | Uint8Array>) => {
    rmSync(dir, { recursive: true, force: true })
    for (const [name, body] of Object.entries(files)) {
      mkdirSync(join(dir, 'local', name.split('/')[0]!), { recursive: true })
      writeFileSync(join(dir, 'local', name), body)
    }
    return runData(['--documents', join(root, 'tests/fixtures/seeds'), '--local', join(dir, 'local'), '--out', join(dir, 'out'), '--quiet'])
  }

  it('every bad file is listed at once, named, and nothing is written', () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`
    const r = build({
      '130283/bomb.yaml': bomb,
      '130283/deep.yaml': 'a:\n b:\n  c:\n   d:\n    e:\n     f:\n      g:\n       h: 1\n',
      '130283/list.yaml': '- a\n- b\n',
      '130283/garbage.yaml': new Uint8Array([...Buffer.from(entry({})), 0xff, 0xfe, 0x80]),
      '130283/bidi.yaml': entry({ title: '"\u202eevil"' }),
      '130283/newline.yaml': entry({ venue: '"科技馆\\n第二行"' }),
      '130283/good.yaml': entry({}),
    })
    expect(r.status).toBe(1)
    for (const [file, words] of [
      ['bomb.yaml:', '引用（& 和 *）太多'],
      ['deep.yaml:', '嵌套层数太多'],
      ['list.yaml:', '不能是列表或一段文字'],
      ['garbage.yaml:', '无法识别的字节'],
      ['bidi.yaml:line 8:title:', '改变文字方向的隐藏字符'],
      ['newline.yaml:line 8:venue:', '只能写一行'],
    ]) {
      const line = r.stderr.split('\n').find((l) => l.startsWith(`error    seeds/local/130283/${file}`))
      expect(line, file).toContain(words)
    }
    expect(r.stderr).toContain('nothing was written')
  }, 60_000)

  it('file-system surprises in seeds/local are each named, and nothing is written', () => {
    rmSync(dir, { recursive: true, force: true })
    const local = join(dir, 'local')
    mkdirSync(join(local, '130283/x.yaml'), { recursive: true })
    writeFileSync(join(local, '130283/good.yaml'), entry({}))
    symlinkSync(join(local, 'nowhere.yaml'), join(local, '130283/gone.yaml'))
    symlinkSync(join(local, 'nowhere'), join(local, '130999'))
    const r = runData(['--documents', join(root, 'tests/fixtures/seeds'), '--local', local, '--out', join(dir, 'out'), '--quiet'])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('error    seeds/local/130283/x.yaml: 这是一个文件夹，不是 .yaml 文件')
    expect(r.stderr).toContain('error    seeds/local/130283/gone.yaml: 链接指向的文件或文件夹不存在')
    expect(r.stderr).toContain('error    seeds/local/130999: 链接指向的文件或文件夹不存在')
    expect(r.stderr).not.toMatch(/ENOENT|EISDIR|at \w+ \(/)
    expect(r.stderr).toContain('nothing was written')
  }, 60_000)

  it('an entry saved as GB18030 is read as what it says (never garbage), with a note to save as UTF-8', () => {
    const r = build({ '130283/gb.yaml': gb18030(entry({ venue: '迁安市科技馆' })) })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain('seeds/local/130283/gb.yaml: 文件是 GB18030 编码')
    const pointer = JSON.parse(readFileSync(join(dir, 'out/data/latest.json'), 'utf8'))
    const cal = JSON.parse(readFileSync(join(dir, 'out', pointer.path, 'r/130283.json'), 'utf8'))
    expect(cal.instances.find((i: { uid: string }) => i.uid === 'local.130283.gb@kepu-calendar').local.venue).toBe('迁安市科技馆')
  }, 60_000)
})

describe('the editor’s import reads files the way the build does', () => {
  it.each([
    ['GB18030', gb18030(entry({ venue: '迁安市科技馆' })), null, '迁安市科技馆'],
    ['UTF-16', new Uint8Array([0xff, 0xfe, ...Buffer.from(entry({ venue: '迁安市科技馆' }), 'utf16le')]), null, '迁安市科技馆'],
    ['garbage', new Uint8Array([...Buffer.from(entry({})), 0xff, 0xfe, 0x80]), '无法识别的字节', null],
  ])('%s', (_name, bytes, problem, venue) => {
    const read = entryText(bytes)
    if (problem) expect(read.problem).toContain(problem)
    else expect(checkEntry(parseEntryYaml(read.text!).value).entry?.venue).toBe(venue)
  })
})

describe('properties', () => {
  it('the decoder reads any text written as UTF-8, UTF-16 (with BOM) or GB18030 back to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'科普日历全国活动周，。：12abc\n ') }), (text) => {
        expect(decodeText(new Uint8Array(Buffer.from(`科普${text}`))).ok && (decodeText(new Uint8Array(Buffer.from(`科普${text}`))) as { text: string }).text).toBe(`科普${text}`)
        const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(`科普${text}`, 'utf16le')])
        expect((decodeText(le) as { text: string }).text).toBe(`科普${text}`)
      }),
      { numRuns: 200 },
    )
  })

  it('normalizeText maps every character back to where it came from, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'科普日\n 　１２3a,。（）發(fā)?*#\r\t') }), (raw) => {
        const { text, map } = normalizeText(raw)
        expect(map.length).toBe(text.length)
        for (let i = 1; i < map.length; i++) expect(map[i]!).toBeGreaterThan(map[i - 1]!)
        for (const at of map) expect(at).toBeLessThan(raw.length)
      }),
      { numRuns: 300 },
    )
  })

  // How long they take is the bench's (npm run bench: same-run ratios); here, what they give.
  it('normalizeText and the activity matcher read one long paragraph with no line break (a PDF’s) whole', () => {
    const part = readFileSync(join(root, 'tests/fixtures/seeds/003_841b45b980830f5f.txt'), 'utf8')
    const once = normalizeText(part).text
    expect(normalizeText(part.repeat(50)).text.length).toBeGreaterThanOrEqual(once.length * 49)
    const { activities } = loadCatalog(join(root, 'seeds/catalog.yaml'), () => true)
    const matcher = new ActivityMatcher(activities)
    const line = '开展全国科普日、科技活动周和《防灾减灾日》活动，'
    expect(matcher.find(line.repeat(4000))).toHaveLength(2 * 4000)
  })

  it('stated dates: any real month and day range is read back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 22 }), fc.integer({ min: 0, max: 6 }), (m, d, len) => {
        const [found] = findStatedDates(`定于${m}月${d}日至${d + len}日举办全国科普日`, 2024).dates
        expect(found).toMatchObject({ start: `2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, end: `2024-${String(m).padStart(2, '0')}-${String(d + len).padStart(2, '0')}` })
      }),
    )
  })

  it('the YAML loader never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'a:&*[]{}- \n"\'#!|>1科') }), (text) => {
        expect(() => parseEntryYaml(text)).not.toThrow()
      }),
      { numRuns: 500 },
    )
  })
})

describe('the output folder', () => {
  it('is never emptied of files the pipeline did not write: refused, or with --force named and removed', () => {
    const out = join(root, '.tmp/hostile-out')
    rmSync(out, { recursive: true, force: true })
    mkdirSync(join(out, 'feeds'), { recursive: true })
    writeFileSync(join(out, 'feeds/school-notes.txt'), 'ours')
    writeFileSync(join(out, 'index.html'), 'a page beside the data')
    const refused = runData(['--documents', join(root, 'tests/fixtures/seeds'), '--out', out, '--quiet'])
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('feeds/school-notes.txt')
    expect(refused.stderr).toContain('--force')
    expect(readFileSync(join(out, 'feeds/school-notes.txt'), 'utf8')).toBe('ours')
    const forced = runData(['--documents', join(root, 'tests/fixtures/seeds'), '--out', out, '--quiet', '--force'])
    expect(forced.status, forced.stderr).toBe(0)
    expect(forced.stderr).toContain('removing 1 file(s) this pipeline did not write: feeds/school-notes.txt')
    // What is outside data/ and feeds/ is not the pipeline's business.
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('a page beside the data')
  }, 60_000)
})

describe('an edited entry', () => {
  it('whose dates moved without a raised revision is refused, so subscribers always see the edit', () => {
    const dir = join(root, '.tmp/hostile-edit')
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(join(dir, 'local/130283'), { recursive: true })
    const file = join(dir, 'local/130283/2026-kepu.yaml')
    const run = () => runData(['--documents', join(root, 'tests/fixtures/seeds'), '--local', join(dir, 'local'), '--out', join(dir, 'out'), '--quiet'])
    writeFileSync(file, entry({}))
    expect(run().status).toBe(0)
    writeFileSync(file, entry({ start: '2026-09-19', end: '2026-09-19' }))
    const refused = run()
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('error    seeds/local/130283/2026-kepu.yaml:revision: 修改了日期，请把 revision 加 1')
    writeFileSync(file, entry({ start: '2026-09-19', end: '2026-09-19', revision: '2' }))
    expect(run().status).toBe(0)
  }, 90_000)
})
