import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scrypt = (password: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((ok, fail) => scryptCb(password, salt, len, opts, (e, key) => (e ? fail(e) : ok(key))))

// scrypt with N=2^15: about 50 ms and 32 MB per hash, which is what makes guessing expensive.
const PARAMS = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, 32, PARAMS)
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const got = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem })
  return timingSafeEqual(got, expected)
}

/** A secret for a link or a cookie: only its hash is stored, so a leaked database opens nothing. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: tokenHash(token) }
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

/** A password worth keeping: 10 characters or more, not all one kind of character. */
export function passwordProblem(password: unknown): string | null {
  if (typeof password !== 'string' || password.length < 10) return '密码至少 10 个字符 (password: at least 10 characters)'
  if (password.length > 200) return '密码太长 (password too long)'
  if (/^(.)\1*$/.test(password) || /^\d+$/.test(password)) return '密码不能全是同一个字符或全是数字 (password too simple)'
  return null
}
