/**
 * Short-lived signed URLs for the file endpoints (compact JWS, HS256, with jose). The key
 * is FILE_URL_SECRET (or one derived from JWT_SECRET), never the bearer tokens' key, and
 * the audience differs: a file URL's token is no bearer token, and the reverse.
 */
import { jwtVerify, SignJWT } from 'jose';
import type { Viewer } from '../core/context';

const AUDIENCE = 'chorus-support-files';

export type FileGrant =
  /** May PUT the bytes of this pending file; `owner` (a viewerClaim) counts it among that caller's uploads (absent from URLs made before it existed). */
  | { use: 'upload'; fileId: string; owner?: string }
  /** May GET this attachment (t) or knowledge image (k), as this viewer (re-checked on download). */
  | { use: 'download'; kind: 't' | 'k'; id: string; viewer: string };

export const viewerClaim = (v: Viewer) => `${v.kind === 'APPLICATION' ? 'A' : 'P'}:${v.id}`;

const key = (secret: string) => new TextEncoder().encode(secret);

export async function signGrant(secret: string, grant: FileGrant, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ ...grant })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(AUDIENCE)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key(secret));
  return { token, expiresAt };
}

/** The grant of a valid, unexpired token; null otherwise (the endpoints answer 404 then). */
export async function verifyGrant(secret: string, token: string): Promise<FileGrant | null> {
  if (token.length > 2000) return null;
  try {
    const { payload } = await jwtVerify(token, key(secret), { audience: AUDIENCE, algorithms: ['HS256'] });
    return payload as unknown as FileGrant;
  } catch {
    return null;
  }
}
