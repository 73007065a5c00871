/**
 * Credentials as the outside world presents them: bearer JWTs (HS256 secret or a JWKS)
 * and API keys. Nothing here reads the database; `authenticate.ts` turns verified
 * credentials into a Viewer.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import type { Config } from '../core/config';
import type { Text } from '../core/i18n';
import { ACCESS_MESSAGES as A } from './access.messages';

/** jose is ESM-only; this CommonJS package loads it once, on first use. */
const loadJose = () => import('jose');

/** A verified token: who it names and until when it holds. */
export interface VerifiedToken {
  sub: string | undefined;
  expiresAt: Date;
}

export type JwtVerifier = (token: string) => Promise<VerifiedToken>;

/** Verified tokens kept (their text and who they name): a few MB at most. */
const MAX_VERIFIED_TOKENS = 10_000;

/** A token refused for a reason of its own (not a bad signature): no `exp`, a future `iat`, or a lifetime above the maximum. */
export class TokenRefused extends Error {
  constructor(readonly text: Text) {
    super(text.render('en'));
  }
}

/** How far ahead of ours an issuer's clock may run. */
export const CLOCK_SKEW_SECONDS = 60;

/**
 * The lifetime rule, on claims whose signature holds. `iat` is the issuer's word: a future
 * one (beyond the clock skew) is refused, and the lifetime is bounded twice, as declared
 * (exp − iat) and as remaining from now (exp − now, plus the skew): so neither a future
 * `iat` nor a missing one stretches a token beyond `maxLifetimeSeconds`.
 */
export function assertLifetime(payload: Pick<JWTPayload, 'iat' | 'exp'>, maxLifetimeSeconds: number, nowSeconds = Date.now() / 1000): void {
  const exp = payload.exp!;
  const tooLong = () => new TokenRefused(A['UNAUTHENTICATED.tokenTooLong']({ max: maxLifetimeSeconds }));
  if (typeof payload.iat === 'number') {
    if (payload.iat > nowSeconds + CLOCK_SKEW_SECONDS) throw new TokenRefused(A['UNAUTHENTICATED.tokenFuture']());
    if (exp - payload.iat > maxLifetimeSeconds) throw tooLong();
  }
  if (exp - nowSeconds > maxLifetimeSeconds + CLOCK_SKEW_SECONDS) throw tooLong();
}

/**
 * Verifies signature, issuer, audience and expiry; then requires an `exp` claim and a
 * lifetime within `jwt.maxLifetimeSeconds` (`assertLifetime`): a token that never expires,
 * a year-long one, or one whose `iat` is set in the future, is refused.
 */
export async function createJwtVerifier(jwt: Config['jwt']): Promise<JwtVerifier> {
  const { jwtVerify, createRemoteJWKSet } = await loadJose();
  const opts = { issuer: jwt.issuer, audience: jwt.audience, algorithms: jwt.jwksUrl ? undefined : ['HS256'], requiredClaims: ['exp'] };
  let check: (token: string) => Promise<JWTPayload>;
  if (jwt.jwksUrl) {
    const jwks = createRemoteJWKSet(new URL(jwt.jwksUrl));
    check = async (token) => (await jwtVerify(token, jwks, opts)).payload;
  } else {
    if (!jwt.secret) throw new Error('JWT_SECRET or JWKS_URL is required');
    // imported once: given the raw bytes, jose imports the key again on every verification
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(jwt.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    check = async (token) => (await jwtVerify(token, key, opts)).payload;
  }
  // With a secret, a token that verified once verifies the same until it expires (the key is the
  // process's): its signature is not checked again on every request. Expiry is checked on each
  // use; an expired token goes through jose again, for its own error. Not with a JWKS, whose keys rotate.
  const verified = jwt.jwksUrl ? null : new Map<string, VerifiedToken>();
  return async (token) => {
    const known = verified?.get(token);
    if (known && known.expiresAt.getTime() > Date.now()) return known;
    const payload = await check(token);
    assertLifetime(payload, jwt.maxLifetimeSeconds);
    const result = { sub: payload.sub, expiresAt: new Date(payload.exp! * 1000) };
    if (verified) {
      if (verified.size >= MAX_VERIFIED_TOKENS) verified.delete(verified.keys().next().value!); // the oldest first
      verified.set(token, result);
    }
    return result;
  };
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
export function tokenProblem(e: unknown): Text {
  if (e instanceof TokenRefused) return e.text;
  const code = (e as { code?: string })?.code;
  if (code === 'ERR_JWT_EXPIRED') return A['UNAUTHENTICATED.tokenExpired']();
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    const claim = (e as { claim?: string }).claim;
    return claim === 'exp' ? A['UNAUTHENTICATED.tokenNoExpiry']() : A['UNAUTHENTICATED.tokenClaim']({ claim: String(claim ?? '') });
  }
  return A['UNAUTHENTICATED.tokenInvalid']();
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
