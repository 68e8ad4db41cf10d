/** A warning or error for a person to act on: where, what is wrong, what to do. */
export interface Problem {
  file: string
  line?: number
  field?: string
  message: string
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line !== undefined ? `line ${p.line}` : '', p.field ?? ''].filter(Boolean).join(':')
  return `${where}: ${p.message}`
}
