// Compares the schema with the last released one (graphql-inspector) and decides the
// version bump. A breaking change to a released field is refused unless that field was
// deprecated in the released schema first.
import { buildSchema } from 'graphql';
import { diff, CriticalityLevel } from '@graphql-inspector/core';

/** Whether `path` (Type.field or Type.field.arg or Enum.VALUE) was deprecated in `schema`. */
function wasDeprecated(schema, path) {
  if (!path) return false;
  const [typeName, member] = path.split('.');
  const type = schema.getType(typeName);
  if (!type || !member) return false;
  if (typeof type.getFields === 'function') return Boolean(type.getFields()[member]?.deprecationReason);
  if (typeof type.getValue === 'function') return Boolean(type.getValue(member)?.deprecationReason);
  return false;
}

/**
 * @param {string} releasedSdl
 * @param {string} currentSdl
 * @returns {Promise<{ breaking: object[], refused: object[], dangerous: object[], safe: object[], bump: 'major'|'minor'|'patch'|'none' }>}
 */
export async function compareSchemas(releasedSdl, currentSdl) {
  const released = buildSchema(releasedSdl);
  const changes = await diff(released, buildSchema(currentSdl));
  const level = (c) => c.criticality.level;
  const breaking = changes.filter((c) => level(c) === CriticalityLevel.Breaking);
  const refused = breaking.filter((c) => !wasDeprecated(released, c.path));
  const dangerous = changes.filter((c) => level(c) === CriticalityLevel.Dangerous);
  const safe = changes.filter((c) => level(c) === CriticalityLevel.NonBreaking);
  // an addition to the API (a type, field, argument, value…) is a minor version; a description, a deprecation or a directive's use, a patch
  const addition = (c) => /ADDED/.test(c.type) && !/DESCRIPTION|DEPRECATION|DIRECTIVE_USAGE/.test(c.type);
  const bump = breaking.length ? 'major' : dangerous.length || safe.some(addition) ? 'minor' : changes.length ? 'patch' : 'none';
  return { breaking, refused, dangerous, safe, bump };
}
