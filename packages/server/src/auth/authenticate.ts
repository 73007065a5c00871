import type { EntityManager } from '@mikro-orm/postgresql';
import { hashApiKey, parseApiKey, sameHash, tokenProblem, type JwtVerifier } from '../core/auth';
import type { Viewer } from '../core/context';
import { unauthenticated } from '../core/errors';
import { isUuid } from '../core/ids';
import { Role } from '../core/roles';
import { rolesOf, runningAssignmentsOf } from '../directory/directory.service';
import { Person } from '../directory/person.entity';
import { ApiKey } from '../integration/api-key.entity';

export interface Credentials {
  authorization?: string | null;
  apiKey?: string | null;
}

/**
 * Turns credentials into a viewer. No credentials → null (anonymous); bad, expired or
 * revoked credentials → UNAUTHENTICATED. Roles are read afresh from the database on every
 * request, so an ended assignment or a deactivated person loses access at once.
 */
export async function authenticate(em: EntityManager, verify: JwtVerifier, creds: Credentials): Promise<Viewer | null> {
  if (creds.apiKey) return authenticateApiKey(em, creds.apiKey);
  if (!creds.authorization) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(creds.authorization.trim());
  if (!m) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  let sub: string | undefined;
  try {
    sub = (await verify(m[1])).sub;
  } catch (e) {
    throw unauthenticated(tokenProblem(e));
  }
  if (!sub || !isUuid(sub)) throw unauthenticated('The token names no person.');
  return personViewer(em, sub);
}

export async function personViewer(em: EntityManager, personId: string): Promise<Viewer> {
  const person = await em.findOne(Person, { id: personId, active: true }, { populate: ['structure'] });
  if (!person) throw unauthenticated('The token names no active person.');
  const running = await runningAssignmentsOf(em, [person.id]);
  const structure = person.structure.getEntity();
  return {
    kind: 'PERSON',
    id: person.id,
    roles: new Set(rolesOf(person, running)),
    structureId: structure.id,
    ministryId: structure.ministry.id,
    applicationStructureIds: [],
    label: person.email,
  };
}

async function authenticateApiKey(em: EntityManager, key: string): Promise<Viewer> {
  const parsed = parseApiKey(key);
  if (!parsed) throw unauthenticated('The API key is malformed.');
  const row = await em.findOne(ApiKey, { prefix: parsed.prefix }, { populate: ['application', 'application.structures'] });
  if (!row || !sameHash(row.hash, hashApiKey(key))) throw unauthenticated('The API key is unknown.');
  const now = new Date();
  if (row.revokedAt && row.revokedAt <= now) throw unauthenticated('The API key has been revoked.');
  if (row.expiresAt && row.expiresAt <= now) throw unauthenticated('The API key has expired.');
  const app = row.application.getEntity();
  if (!app.active) throw unauthenticated('The application is suspended.');
  // at most one write a minute per key, outside the request's unit of work
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    void em
      .getConnection()
      .execute(`update api_key set last_used_at = now() where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')`, [row.id])
      .catch(() => undefined);
  }
  return {
    kind: 'APPLICATION',
    id: app.id,
    roles: new Set([Role.APPLICATION]),
    structureId: null,
    ministryId: app.ministry.id,
    applicationStructureIds: app.structures.getItems().map((s) => s.id),
    label: `${app.name}:${row.prefix}`,
  };
}
