import { DomainError, CoreErrorCode } from './errors';
import { CORE_SITUATIONS as T } from './core.messages';

/**
 * Opaque global ids: base64url("Type:rawId"). Clients must not parse them; the type
 * prefix lets `node(id:)` find the right loader and refuse an id of the wrong type.
 */
export function toGlobalId(type: string, rawId: string): string {
  return Buffer.from(`${type}:${rawId}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { type: string; id: string } {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 200 || !/^[A-Za-z0-9_-]+$/.test(globalId)) {
    throw new DomainError(CoreErrorCode.INVALID_ID, T['INVALID_ID.malformed']());
  }
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const sep = decoded.indexOf(':');
  if (sep <= 0 || sep === decoded.length - 1) throw new DomainError(CoreErrorCode.INVALID_ID, T['INVALID_ID.malformed']());
  return { type: decoded.slice(0, sep), id: decoded.slice(sep + 1) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a raw id looks like the uuids every table uses. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Decodes a global id that must name an object of `type`; returns the raw uuid. */
export function decodeId(globalId: string, type: string, field = 'id'): string {
  let parsed: { type: string; id: string };
  try {
    parsed = fromGlobalId(globalId);
  } catch {
    throw new DomainError(CoreErrorCode.INVALID_ID, T['INVALID_ID.ofType']({ type }), [field]);
  }
  if (parsed.type !== type) throw new DomainError(CoreErrorCode.INVALID_ID, T['INVALID_ID.otherType']({ actual: parsed.type, expected: type }), [field]);
  if (!isUuid(parsed.id)) throw new DomainError(CoreErrorCode.INVALID_ID, T['INVALID_ID.ofType']({ type }), [field]);
  return parsed.id;
}

/** An optional id argument: absent (null, undefined or empty) is null; present, it must name an object of `type`. */
export function decodeOptionalId(globalId: string | null | undefined, type: string, field = 'id'): string | null {
  return globalId ? decodeId(globalId, type, field) : null;
}
