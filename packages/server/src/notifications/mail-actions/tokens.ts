/**
 * Signed one-click links and reply addresses. A link's token names its action, its person
 * and its object, its expiry and a nonce, under an HMAC-SHA256 with the mail-action key
 * (config.notifications.actionSecret: MAIL_ACTION_SECRET, or derived from JWT_SECRET the way
 * the file URLs' key is — never the bearer tokens' key). Signing is synchronous so a kind's
 * `render` can write links. A token is used once: its nonce is consumed (mail_action_use) in
 * the transaction of the action.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type MailActionName = 'cancel-registration' | 'approve-registration' | 'refuse-registration' | 'rate-ticket';
export const MAIL_ACTION_NAMES: readonly MailActionName[] = ['cancel-registration', 'approve-registration', 'refuse-registration', 'rate-ticket'];

export interface ActionClaims {
  action: MailActionName;
  personId: string;
  objectId: string;
  /** Expiry, in seconds since the epoch. */
  exp: number;
  nonce: string;
}

const mac = (secret: string, purpose: string, data: string) => createHmac('sha256', secret).update(`${purpose}.${data}`).digest();

export function signAction(secret: string, c: { action: MailActionName; personId: string; objectId: string }, ttlSeconds: number, now = Date.now()): string {
  const claims: ActionClaims = { ...c, exp: Math.floor(now / 1000) + ttlSeconds, nonce: randomBytes(12).toString('base64url') };
  const body = Buffer.from(JSON.stringify([claims.action, claims.personId, claims.objectId, claims.exp, claims.nonce])).toString('base64url');
  return `${body}.${mac(secret, 'mail-action', body).toString('base64url')}`;
}

export type Verified = { ok: true; claims: ActionClaims } | { ok: false; why: 'INVALID' | 'EXPIRED'; claims?: ActionClaims };

/** The token's claims when its signature holds; EXPIRED past its expiry, INVALID for anything else. */
export function verifyAction(secret: string, token: string, now = Date.now()): Verified {
  if (token.length > 1000) return { ok: false, why: 'INVALID' };
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return { ok: false, why: 'INVALID' };
  const expected = mac(secret, 'mail-action', body);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, why: 'INVALID' };
  let claims: ActionClaims;
  try {
    const [action, personId, objectId, exp, nonce] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    claims = { action, personId, objectId, exp, nonce };
  } catch {
    return { ok: false, why: 'INVALID' };
  }
  if (!MAIL_ACTION_NAMES.includes(claims.action) || typeof claims.exp !== 'number') return { ok: false, why: 'INVALID' };
  if (claims.exp * 1000 <= now) return { ok: false, why: 'EXPIRED', claims };
  return { ok: true, claims };
}

/**
 * The code of a reply address, for one ticket and one person: an HMAC of both (so it
 * cannot be made without the key), 20 lower-case base32 characters (100 bits; an address's
 * local part is case-insensitive and at most 64 characters). The outbox records which
 * ticket and person a code stands for (notification_reply_address) when it sends the mail.
 */
export function replyCode(secret: string, ticketId: string, personId: string): string {
  const digest = mac(secret, 'reply-address', `${ticketId}:${personId}`);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 20) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export const replyAddress = (code: string, domain: string) => `reply+${code}@${domain}`;

/** The code of a reply address (reply+<code>@domain, the domain ours), or null. */
export function codeOfAddress(address: string, domain: string): string | null {
  const m = /^reply\+([a-z2-7]{20})@(.+)$/i.exec(address.trim());
  return m && m[2].toLowerCase() === domain.toLowerCase() ? m[1].toLowerCase() : null;
}
