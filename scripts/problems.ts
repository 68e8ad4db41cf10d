/** A warning or error for a person to act on: where, what is wrong, what to do. */
export interface Problem {
  file: string
  line?: number
  field?: string
  message: string
}

/** One line per problem, whatever a file name holds: control characters (a newline that would forge another line) are shown escaped. */
export function formatProblem(p: Problem): string {
  const where = [safe(p.file), p.line !== undefined ? `line ${p.line}` : '', p.field ? safe(p.field) : ''].filter(Boolean).join(':')
  return `${where}: ${safe(p.message)}`
}

const safe = (s: string) => s.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
