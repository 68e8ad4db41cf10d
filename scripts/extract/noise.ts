/**
 * Characters in a copied document that are not the document's words, as a mask over the text
 * (1 = drop), so that offsets into the decoded text stay valid:
 * - pinyin glosses that some mirrors insert after characters: `協(xié)`, `发(fā)布`, `动（dòng）`
 *   (one or more syllables with at least one tone mark, in brackets, right after a character);
 * - runs of `?` where a mirror lost characters it could not encode (`? ? ? ?科技部基础研究司`);
 * - bidirectional control characters, which would make a quote display in another order than it
 *   reads (‮evil shown as live) wherever a document's text is shown;
 * - a first line `SOURCE: …`, where a maintainer notes where the copy came from.
 */
const LOST = /\?(?:[ \u3000]*\?){2,}[ \u3000]*/g
const GLOSS = /(?<=[\u3400-\u9fff])[(（](?=[a-zü\s]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+(?:\s[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)*[)）]/g
export const SOURCE_LINE = /^\ufeff?SOURCE:[^\n]*/

export function noiseMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length)
  const source = SOURCE_LINE.exec(text)
  if (source) mask.fill(1, 0, source[0].length)
  for (const m of text.matchAll(GLOSS)) mask.fill(1, m.index, m.index + m[0].length)
  for (const m of text.matchAll(LOST)) mask.fill(1, m.index, m.index + m[0].length)
  for (const m of text.matchAll(/[\u202a-\u202e\u2066-\u2069]/g)) mask[m.index] = 1
  return mask
}

/** Where the copy came from, when its first line says so. */
export function sourceOf(text: string): string | null {
  const m = SOURCE_LINE.exec(text)
  return m ? m[0].replace(/^\ufeff?SOURCE:\s*/, '').trim() || null : null
}
