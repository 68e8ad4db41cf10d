/** RFC 5545 TEXT escaping, for the values ical-generator writes as given (calendar name, description). */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n')
}
