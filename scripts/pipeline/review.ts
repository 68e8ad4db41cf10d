import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Dataset } from './build'
import { sidecarName } from './build'

const ROLE_ZH: Record<string, string> = {
  metadata: '页面字段', issuer: '发文机关', signature: '落款', title: '标题', activity: '活动名称', publisher: '发布者',
  actor: '机构', site: '网站', mention: '提及', venue: '地点', cited: '引用文件', context: '上级地名',
}

/**
 * The review report: every document not placed with high confidence (medium, low, or not at all), with the evidence
 * weighed, so a person can settle it with a sidecar file. JSON for tools, Markdown for people.
 */
export function writeReview(data: Dataset, out: string): string {
  const dir = join(out, 'review')
  mkdirSync(dir, { recursive: true })
  const items = data.reviews.map((r) => ({
    file: r.file,
    title: r.title,
    year: r.year,
    confidence: r.placement.confidence,
    region: r.placement.region ? { code: r.placement.region.code, name: data.regions.fullName(r.placement.region.code) } : null,
    alternative: r.placement.alternative ?? null,
    problem: r.placement.problem ?? null,
    evidence: r.placement.evidence.map((e) => ({ code: e.code, name: e.name, role: e.role, weight: Math.round(e.weight * 10) / 10 })),
    settle: sidecarName(r.file),
  }))
  writeFileSync(join(dir, 'review.json'), `${JSON.stringify({ documents: data.documents.length, review: items }, null, 1)}\n`)
  const md = [
    '# 待核对的文件 · Documents to review',
    '',
    `${data.documents.length} 份文件中，${items.length} 份的发文地区把握不足或没有找到。核对后在文件旁加一个 \`<文件名>.meta.yaml\`（如 \`region: "341881"\`），重新运行 \`npm run data\`。`,
    '',
    ...items.flatMap((i) => [
      `## ${i.file}`,
      '',
      `- 标题 (title): ${i.title || '（未识别）'}`,
      `- 年度 (year): ${i.year ?? '（未识别）'}`,
      `- 判断 (placed): ${i.region ? `${i.region.name}（${i.region.code}），把握${i.confidence === 'low' ? '不大' : i.confidence === 'medium' ? '一般' : ''} (${i.confidence})` : '未找到 (none)'}`,
      ...(i.problem ? [`- 说明 (why): ${i.problem}`] : []),
      ...(i.alternative ? [`- 另一可能 (runner-up): ${i.alternative.name}（${i.alternative.code}）`] : []),
      ...(i.evidence.length ? ['- 依据 (evidence): ' + i.evidence.map((e) => `${e.name}〔${ROLE_ZH[e.role] ?? e.role} ${e.weight}〕`).join('，')] : []),
      `- 处理 (settle): 新建 \`${i.settle}\`，写明 \`region: "<地区代码>"\``,
      '',
    ]),
  ].join('\n')
  writeFileSync(join(dir, 'review.md'), `${md}\n`)
  return dir
}
