import { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLNamedType, type GraphQLSchema, type GraphQLType } from 'graphql';

/**
 * The schema is the front-end developers' documentation (Apollo Sandbox, the explorer's docs):
 * a description must say something its name does not. This finds those that do not.
 */

// Words that carry no meaning of their own in a description ("The ticket of this event.").
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'of', 'this', 'that', 'its', 'it', 'is', 'are', 'to', 'for', 'in', 'on', 'by',
  'with', 'as', 'at', 'and', 'or', 'be', 'from', 'one', 'some', 'any', 'given', 'here',
  'what', 'which', 'who', 'was', 'were', 'has', 'have', 'been', 'their',
  // words that only say what any schema member is
  'field', 'value', 'object', 'type', 'data', 'info', 'information', 'id', 'identifier', 'input', 'payload',
]);

/** Whole descriptions (normalised: lower case, no punctuation) known to have been written to fill a slot. */
export const FILLER_PHRASES = [
  'what to do',
  'what to change',
  'the change to make',
  'the change',
  'the input',
  'the result',
  'the payload',
  'the arguments',
  'the options',
  'the data',
  'the details',
  'the value',
  'todo',
  'tbd',
  'no description',
  'description',
  'see above',
  'self explanatory',
];

/** `clusterId` → cluster, id; `WAITING_FOR_INFO` → waiting, for, info; `SN1Level` → sn1, level. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

// a name quoted in the text (`ticketRequests`) counts as its words, as in the name
function descriptionWords(description: string): string[] {
  return description
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .flatMap((w) => w.replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2').split(' '))
    .map((w) => w.toLowerCase());
}

// Light stemming, the same on both sides, so that "tickets", "structures", "opening", "opened" meet
// "ticket", "structure", "open": a word stands for itself and for itself without one usual ending.
function stems(word: string): string[] {
  const out = [word];
  for (const suffix of ['ing', 'ed', 'es', 's', 'd']) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) out.push(word.slice(0, -suffix.length));
  }
  return out;
}

/**
 * Why a description says nothing, or null when it says something. `context` is the names the
 * reader already sees next to it (the owner type, the field's type, the field of an argument).
 */
export function emptyDescriptionReason(name: string, description: string | null | undefined, context: string[] = []): string | null {
  if (!description || !description.trim()) return 'no description';
  const normalised = descriptionWords(description).join(' ');
  if (FILLER_PHRASES.includes(normalised)) return `filler "${description}"`;
  const known = new Set([name, ...context].flatMap(nameWords).flatMap(stems));
  const added = descriptionWords(description)
    .filter((w) => !STOP_WORDS.has(w))
    .filter((w) => !stems(w).some((s) => known.has(s)));
  if (added.length === 0) return `only restates the name: "${description}"`;
  return null;
}

const named = (t: GraphQLType) => (getNamedType(t) as GraphQLNamedType).name;

/** Every type, field, argument, input field and enum value whose description says nothing, with why. */
export function emptyDescriptions(schema: GraphQLSchema): string[] {
  const offenders: string[] = [];
  const check = (path: string, name: string, description: string | null | undefined, context: string[]) => {
    const reason = emptyDescriptionReason(name, description, context);
    if (reason) offenders.push(`${path}: ${reason}`);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    check(type.name, type.name, type.description, []);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const fieldType = named(field.type);
        check(`${type.name}.${field.name}`, field.name, field.description, [type.name, fieldType]);
        for (const arg of 'args' in field ? field.args : []) {
          check(`${type.name}.${field.name}(${arg.name})`, arg.name, arg.description, [field.name, named(arg.type)]);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.name, value.description, [type.name]);
    }
  }
  return offenders;
}
