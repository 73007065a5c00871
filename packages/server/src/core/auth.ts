import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };

/** jose is ESM-only; this CommonJS package loads it once, on first use. */
const loadJose = () => import('jose');
import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import type { Config } from './config';
import type { Context } from './context';
import { forbidden, unauthenticated } from './errors';
import type { Role } from './roles';

export type JwtVerifier = (token: string) => Promise<JWTPayload>;

export async function createJwtVerifier(jwt: Config['jwt']): Promise<JwtVerifier> {
  const { jwtVerify, createRemoteJWKSet } = await loadJose();
  const opts = { issuer: jwt.issuer, audience: jwt.audience, algorithms: jwt.jwksUrl ? undefined : ['HS256'] };
  if (jwt.jwksUrl) {
    const jwks = createRemoteJWKSet(new URL(jwt.jwksUrl));
    return async (token) => (await jwtVerify(token, jwks, opts)).payload;
  }
  if (!jwt.secret) throw new Error('JWT_SECRET or JWKS_URL is required');
  const key = new TextEncoder().encode(jwt.secret);
  return async (token) => (await jwtVerify(token, key, opts)).payload;
}

/** Mints an HS256 token for a person (demo start, the token script, tests). */
export async function mintToken(jwt: Config['jwt'], personId: string, ttl = '12h'): Promise<string> {
  if (!jwt.secret) throw new Error('minting needs JWT_SECRET');
  const { SignJWT } = await loadJose();
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(personId)
    .setIssuer(jwt.issuer)
    .setAudience(jwt.audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(jwt.secret));
}

/** Why a token was refused, in words a client developer can act on. */
export function tokenProblem(e: unknown): string {
  const code = (e as { code?: string })?.code;
  if (code === 'ERR_JWT_EXPIRED') return 'The token has expired.';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return `The token is not valid here (${(e as { claim?: string }).claim}).`;
  return 'The token is invalid.';
}

/**
 * API keys look like `csk_<prefix>_<secret>`. Only the prefix (to find the row and to
 * name the key in logs) and a SHA-256 of the whole key are stored.
 */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString('hex');
  const key = `csk_${prefix}_${randomBytes(24).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function parseApiKey(key: string): { prefix: string } | null {
  const m = /^csk_([0-9a-f]{12})_[A-Za-z0-9_-]{32}$/.exec(key);
  return m ? { prefix: m[1] } : null;
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The one auth checker behind every `@Authorized(...)`: no viewer → UNAUTHENTICATED;
 * a viewer without any of the listed roles → FORBIDDEN. `@Authorized()` with no role
 * admits any authenticated caller.
 */
export class RoleAuthChecker implements AuthCheckerInterface<Context, Role> {
  check({ context }: ResolverData<Context>, roles: Role[]): boolean {
    const viewer = context.viewer;
    if (!viewer) throw unauthenticated();
    if (roles.length === 0 || roles.some((r) => viewer.roles.has(r))) return true;
    throw forbidden(`This operation needs one of the roles: ${roles.join(', ')}.`);
  }
}
