/** Only http(s) links from organisers become links; anything else (javascript:, data:) stays text. */
export function safeHref(value: string | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
