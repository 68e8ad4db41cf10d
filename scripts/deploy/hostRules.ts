// The static hosts' own configuration, written into the built site (dist/_headers, dist/_redirects)
// from the rules `npm run serve` applies (scripts/serve.ts), so a host serves the site as our own
// server does: caching, content types for feeds, the CSP, the widget's framing, the app's routes.
//
// Cloudflare Pages and Netlify read the same two files, with two differences this handles:
// - Cloudflare applies every rule whose path matches and joins a header's values; a header the
//   site-wide rule sets must be detached (`! Name`) where another value applies (the widget's CSP).
//   Netlify takes the most specific rule's value and rejects the `!` line.
// - Cloudflare follows a `_redirects` rule even when a file matches, and serves the app's shell for
//   unknown addresses by itself (no top-level 404.html); Netlify needs the shell as a fallback rule,
//   which it applies only where no file matches.
// Both serve /r/130200 from r/130200.html without a rule; the root needs one (Netlify must force it
// over index.html with `200!`).
import { cacheControl, EMBED_HEADERS, ROOT_PAGE, SECURITY_HEADERS } from '../serve.ts'

export type Host = 'cloudflare' | 'netlify'

/** The host being built for: Netlify's build sets NETLIFY=true; anything else gets Cloudflare's files. */
export function hostFromEnv(env: NodeJS.ProcessEnv = process.env): Host {
  return env.NETLIFY === 'true' ? 'netlify' : 'cloudflare'
}

/** Every rule, site-wide first; a later, more specific rule's value of a header replaces the site-wide one. */
function rules(): [path: string, headers: Record<string, string>][] {
  const cached = (path: string, example: string): [string, Record<string, string>] => [path, { 'Cache-Control': cacheControl(example) }]
  return [
    ['/*', { ...SECURITY_HEADERS, 'Cache-Control': cacheControl('/index.html') }],
    // The widget is framed by other sites: its own CSP instead of the site's.
    ['/embed/*', EMBED_HEADERS],
    cached('/assets/*', '/assets/x.js'),
    // Each dataset version's folder never changes; the pointer to the current one always may.
    cached('/data/*', '/data/0123456789ab/r/000000.json'),
    ['/data/latest.json', { 'Cache-Control': 'no-cache' }],
    cached('/feeds/*', '/feeds/000000.ics'),
    ['/feeds/*.ics', { 'Content-Type': 'text/calendar; charset=utf-8' }],
    ['/feeds/*.atom', { 'Content-Type': 'application/atom+xml; charset=utf-8' }],
    ['/sw.js', { 'Service-Worker-Allowed': '/' }],
  ]
}

export function headersFile(host: Host): string {
  const all = rules()
  const blocks = all.map(([path, headers], at) => {
    // Cloudflare: detach what an earlier rule matching the same paths set (all of them are broader).
    const earlier = new Set(all.slice(0, at).filter(([p]) => covers(p, path)).flatMap(([, h]) => Object.keys(h)))
    const detach = host === 'cloudflare' ? Object.keys(headers).filter((h) => earlier.has(h)) : []
    return [path, ...detach.map((h) => `  ! ${h}`), ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n')
  })
  return `# Written by npm run build (scripts/deploy/hostRules.ts) from scripts/serve.ts: edit those, not this.\n${blocks.join('\n\n')}\n`
}

/** Whether the path pattern `broad` matches every path `narrow` does (patterns end in * or are exact). */
function covers(broad: string, narrow: string): boolean {
  return broad.endsWith('*') ? narrow.startsWith(broad.slice(0, -1)) : broad === narrow
}

export function redirectsFile(host: Host): string {
  return [
    '# Written by npm run build (scripts/deploy/hostRules.ts).',
    // The site root is the national calendar's pre-rendered page (index.html is the app's shell).
    host === 'netlify' ? `/  /${ROOT_PAGE}  200!` : `/  /${ROOT_PAGE.replace(/\.html$/, '')}  200`,
    // /embed/<code> is one page for every region: it reads the code from its address.
    '/embed/*  /embed.html  200',
    // The app's own routes (/e/…, /r/<code>/subscribe): its shell. Cloudflare does this itself.
    ...(host === 'netlify' ? ['/*  /index.html  200'] : []),
    '',
  ].join('\n')
}
