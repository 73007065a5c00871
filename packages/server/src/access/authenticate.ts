/**
 * Credentials → Viewer, in one statement each. No credentials → null (anonymous); bad,
 * expired, revoked or (in production) demo credentials → UNAUTHENTICATED. Roles and
 * perimeters are read from the directory's rows (held roles, running correspondent
 * assignments), so an ended assignment or a deactivated person loses access at once;
 * a CredentialCache may keep those rows for seconds, dropped as soon as a change is announced.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../core/context';
import { unauthenticated } from '../core/errors';
import { ACCESS_MESSAGES as A } from './access.messages';
import { isUuid } from '../core/ids';
import { Role } from '../core/roles';
import type { CredentialCache } from './credential-cache';
import { hashApiKey, parseApiKey, sameHash, tokenProblem, type JwtVerifier } from './credentials';
import { isDemoApiKeyPrefix, isDemoEmail } from './demo-credentials';

export interface Credentials {
  authorization?: string | null;
  apiKey?: string | null;
}

export interface AuthOptions {
  /** Production refuses the demo data's credentials. */
  production: boolean;
  /** Verified rows kept for a few seconds (absent: read on every request). */
  cache?: CredentialCache;
}

export async function authenticate(em: EntityManager, verify: JwtVerifier, creds: Credentials, opts: AuthOptions = { production: false }): Promise<Viewer | null> {
  if (creds.apiKey) return authenticateApiKey(em, creds.apiKey, opts);
  if (!creds.authorization) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(creds.authorization.trim());
  if (!m) throw unauthenticated(A['UNAUTHENTICATED.bearerFormat']());
  let token;
  try {
    token = await verify(m[1]);
  } catch (e) {
    throw unauthenticated(tokenProblem(e));
  }
  if (!token.sub || !isUuid(token.sub)) throw unauthenticated(A['UNAUTHENTICATED.noPerson']());
  return personViewer(em, token.sub, { ...opts, expiresAt: token.expiresAt });
}

/** Reads through the cache; what was not found is never remembered. */
function cached<T>(cache: CredentialCache | undefined, key: string, principal: string | ((row: T) => string), read: () => Promise<T | undefined>): Promise<T | undefined> {
  if (!cache) return read();
  return (cache as CredentialCache<T>).through(key, typeof principal === 'string' ? () => principal : principal, read);
}

interface PersonRow {
  id: string;
  email: string;
  held_roles: Role[];
  structure_id: string;
  ministry_id: string;
  assignment_kinds: Role[];
  cca_structure_ids: string[];
  sn1_structure_ids: string[];
}

/**
 * The person, their held roles, the kinds of their running correspondent assignments,
 * the structures they act for as CCA and, for SN1 agents, their ministry's structures.
 */
const PERSON_VIEWER_SQL = `
  select p.id, p.email, p.held_roles, p.structure_id, s.ministry_id,
         coalesce((select array_agg(distinct a.kind) from correspondent_assignment a
                    where a.person_id = p.id and a.since <= now() and (a.until is null or a.until > now())), '{}') as assignment_kinds,
         coalesce((select array_agg(distinct a.structure_id) from correspondent_assignment a
                    where a.person_id = p.id and a.kind = 'CCA' and a.since <= now() and (a.until is null or a.until > now())), '{}') as cca_structure_ids,
         case when ? = any(p.held_roles)
              then coalesce((select array_agg(x.id) from structure x where x.ministry_id = s.ministry_id), '{}')
              else '{}' end as sn1_structure_ids
    from person p join structure s on s.id = p.structure_id
   where p.id = ? and p.active`;

/** `em`: anything that runs SQL with `?` placeholders as MikroORM's `execute` does (the job queue's tasks have their own pool). */
export async function personViewer(em: Pick<EntityManager, 'execute'>, personId: string, opts: AuthOptions & { expiresAt?: Date | null } = { production: false }): Promise<Viewer> {
  const row = await cached(opts.cache, `person:${personId}`, `PERSON:${personId}`, async () => (await em.execute<PersonRow[]>(PERSON_VIEWER_SQL, [Role.SN1_AGENT, personId]))[0]);
  if (!row) throw unauthenticated(A['UNAUTHENTICATED.inactivePerson']());
  if (opts.production && isDemoEmail(row.email)) throw unauthenticated(A['UNAUTHENTICATED.demoAccount']());
  return {
    kind: 'PERSON',
    id: row.id,
    roles: new Set([...row.held_roles, ...row.assignment_kinds].sort()),
    structureId: row.structure_id,
    ministryId: row.ministry_id,
    applicationStructureIds: [],
    ccaStructureIds: row.cca_structure_ids,
    sn1StructureIds: row.sn1_structure_ids,
    expiresAt: opts.expiresAt ?? null,
    label: row.email,
    email: row.email,
  };
}

interface KeyRow {
  key_id: string;
  hash: string;
  expires_at: string | Date | null;
  revoked_at: string | Date | null;
  last_used_at: string | Date | null;
  application_id: string;
  name: string;
  active: boolean;
  ministry_id: string;
  structure_ids: string[];
}

const API_KEY_SQL = `
  select k.id as key_id, k.hash, k.expires_at, k.revoked_at, k.last_used_at,
         c.id as application_id, c.name, c.active, c.ministry_id,
         coalesce((select array_agg(cs.structure_id) from application_client_structure cs where cs.application_client_id = c.id), '{}') as structure_ids
    from api_key k join application_client c on c.id = k.application_id
   where k.prefix = ?`;

async function authenticateApiKey(em: EntityManager, key: string, opts: AuthOptions): Promise<Viewer> {
  const parsed = parseApiKey(key);
  if (!parsed) throw unauthenticated(A['UNAUTHENTICATED.apiKeyMalformed']());
  const hash = hashApiKey(key);
  // only the very key that matched its hash is remembered, under that hash
  const row = await cached(opts.cache, `key:${hash}`, (r: KeyRow) => `APPLICATION:${r.application_id}`, async () => {
    const [r] = await em.execute<KeyRow[]>(API_KEY_SQL, [parsed.prefix]);
    return r && sameHash(r.hash, hash) ? r : undefined;
  });
  if (!row) throw unauthenticated(A['UNAUTHENTICATED.apiKeyUnknown']());
  if (opts.production && isDemoApiKeyPrefix(parsed.prefix)) throw unauthenticated(A['UNAUTHENTICATED.demoApiKey']());
  const now = new Date();
  // raw rows carry timestamps as text
  const revokedAt = row.revoked_at ? new Date(row.revoked_at) : null;
  const expiresAt = row.expires_at ? new Date(row.expires_at) : null;
  if (revokedAt && revokedAt <= now) throw unauthenticated(A['UNAUTHENTICATED.apiKeyRevoked']());
  if (expiresAt && expiresAt <= now) throw unauthenticated(A['UNAUTHENTICATED.apiKeyExpired']());
  if (!row.active) throw unauthenticated(A['UNAUTHENTICATED.applicationSuspended']());
  // at most one write a minute per key, outside the request's unit of work
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    row.last_used_at = now; // the cached row too: one write a minute, not one per request
    void em
      .getConnection()
      .execute(`update api_key set last_used_at = now() where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')`, [row.key_id])
      .catch(() => undefined);
  }
  // a key revoked with a grace period stops at its revocation time: the connection closes then too
  const ends = [expiresAt, revokedAt].filter((d): d is Date => !!d);
  return {
    kind: 'APPLICATION',
    id: row.application_id,
    roles: new Set([Role.APPLICATION]),
    structureId: null,
    ministryId: row.ministry_id,
    applicationStructureIds: row.structure_ids,
    ccaStructureIds: [],
    sn1StructureIds: [],
    expiresAt: ends.length ? new Date(Math.min(...ends.map((d) => d.getTime()))) : null,
    label: `${row.name}:${parsed.prefix}`,
    email: null,
  };
}

const APPLICATION_SQL = `
  select c.id, c.name, c.ministry_id,
         coalesce((select array_agg(cs.structure_id) from application_client_structure cs where cs.application_client_id = c.id), '{}') as structure_ids
    from application_client c
   where c.id = ? and c.active`;

/**
 * An active application as a viewer, without a key: for grants the server signed itself
 * (a download URL made for that application), re-checked when used.
 */
export async function applicationViewer(em: EntityManager, applicationId: string): Promise<Viewer | null> {
  if (!isUuid(applicationId)) return null;
  const [row] = await em.execute<{ id: string; name: string; ministry_id: string; structure_ids: string[] }[]>(APPLICATION_SQL, [applicationId]);
  if (!row) return null;
  return {
    kind: 'APPLICATION',
    id: row.id,
    roles: new Set([Role.APPLICATION]),
    structureId: null,
    ministryId: row.ministry_id,
    applicationStructureIds: row.structure_ids,
    ccaStructureIds: [],
    sn1StructureIds: [],
    expiresAt: null,
    label: row.name,
    email: null,
  };
}
