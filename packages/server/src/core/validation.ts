import { getMetadataStorage as validationMetadata, registerDecorator, validate, type ValidationError, type ValidationOptions, type ValidatorOptions } from 'class-validator';
import { getMetadataStorage as schemaMetadata, type ValidatorFn } from 'type-graphql';

/** An argument's declared type, as type-graphql hands it to a validator. */
type TypeValue = Parameters<ValidatorFn>[1];
import { CORE_MESSAGES, CoreErrorCode, DomainError, type DomainErrorCode, type ErrorBounds } from './errors';
import { defineMessages, type MessageParams, type Text } from './i18n';
import { fromGlobalId, isUuid } from './ids';
import { CORE_SITUATIONS as T } from './core.messages';

/** Text limits used across the schema. */
export const TEXT = { name: 200, email: 254, title: 300, search: 200, long: 20_000 } as const;

/**
 * A string that PostgreSQL can store and a person can read: within `max` characters,
 * no NUL byte (PostgreSQL refuses them), no lone surrogate (not valid UTF-8).
 */
export function SafeText(max: number, opts: { min?: number } & ValidationOptions = {}) {
  const min = opts.min ?? 0;
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'safeText',
      target: target.constructor,
      propertyName,
      options: opts,
      constraints: [min, max],
      validator: {
        validate(value: unknown) {
          if (value === null || value === undefined) return true;
          return typeof value === 'string' && safeTextProblem(value, min, max) === null;
        },
        defaultMessage(args) {
          const v = args?.value;
          return typeof v === 'string' ? (safeTextProblem(v, min, max)?.text.render('en') ?? 'invalid text') : 'must be text';
        },
      },
    });
}

/**
 * A date not later than now (give or take `skewMs` of clock difference between machines).
 * `opts` may name the code and text of the refusal (see `refusal`).
 */
export function NotInFuture(skewMs: number, opts: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notInFuture',
      target: target.constructor,
      propertyName,
      options: opts,
      constraints: [skewMs],
      validator: {
        validate(value: unknown) {
          if (value === null || value === undefined) return true;
          return value instanceof Date && !Number.isNaN(value.getTime()) && value.getTime() <= Date.now() + skewMs;
        },
        defaultMessage: () => 'must not lie in the future',
      },
    });
}

/**
 * A global id of an object of `type` (`@GlobalId('Structure')`; `{ each: true }` for a list):
 * a malformed id or one of another type is INVALID_ID together with the input's other bad
 * fields, rather than alone once they are fixed. The resolver still decodes it.
 */
export function GlobalId(type: string, opts: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'globalId',
      target: target.constructor,
      propertyName,
      options: opts,
      constraints: [type],
      validator: {
        validate: (value: unknown) => value === null || value === undefined || globalIdProblem(value, type) === null,
        defaultMessage: () => `must be the global id of a ${type}`,
      },
    });
}

/** Why `value` is not the global id of a `type` (null when it is). */
function globalIdProblem(value: unknown, type: string): Text | null {
  let parsed: { type: string; id: string };
  try {
    if (typeof value !== 'string') throw new Error('not a string');
    parsed = fromGlobalId(value);
  } catch {
    return T['INVALID_ID.ofType']({ type });
  }
  if (parsed.type !== type) return T['INVALID_ID.otherType']({ actual: parsed.type, expected: type });
  return isUuid(parsed.id) ? null : T['INVALID_ID.ofType']({ type });
}

/**
 * The code and text a constraint refuses with, when the field-level code and its general
 * text would say too little: `@Matches(re, refusal(M['INVALID_FORMAT.flowId']))`, or a
 * module's own code: `refusal(M.OCCURRED_IN_FUTURE, IncidentErrorCode.OCCURRED_IN_FUTURE)`.
 */
export function refusal(text: (params?: MessageParams) => Text, code?: DomainErrorCode): ValidationOptions {
  const context: Refusal = { text, code };
  return { context };
}
interface Refusal {
  text: (params?: MessageParams) => Text;
  code?: DomainErrorCode;
}

/** C0 control characters but tab, line feed and carriage return; NUL first among them. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** What is wrong with a value: a field-level code, its text and its bounds. */
export interface Problem {
  code: CoreErrorCode;
  text: Text;
  bounds?: ErrorBounds;
}

/**
 * The hygiene every text the API receives must pass, whatever field it reaches (the
 * request pipeline applies it to every string argument and variable): no NUL (PostgreSQL
 * refuses it), no other control character but tab and line breaks, no lone surrogate.
 */
export function controlCharacterProblem(value: string): Problem | null {
  const m = CONTROL.exec(value);
  if (m) {
    const text = m[0] === '\u0000' ? M['INVALID_FORMAT.nul']() : M['INVALID_FORMAT.control']({ char: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` });
    return { code: CoreErrorCode.INVALID_FORMAT, text };
  }
  if (!value.isWellFormed()) return { code: CoreErrorCode.INVALID_FORMAT, text: M['INVALID_FORMAT.utf8']() };
  return null;
}

export function safeTextProblem(value: string, min: number, max: number): Problem | null {
  const hygiene = controlCharacterProblem(value);
  if (hygiene) return hygiene;
  const length = [...value].length;
  if (value.trim().length < min) return min === 1 ? { code: CoreErrorCode.REQUIRED, text: CORE_MESSAGES.REQUIRED() } : { code: CoreErrorCode.TOO_SHORT, text: CORE_MESSAGES.TOO_SHORT({ min }), bounds: { min } };
  if (length > max) return { code: CoreErrorCode.TOO_LONG, text: CORE_MESSAGES.TOO_LONG({ max, length }), bounds: { max } };
  return null;
}

/** Validates a mutation input; returns one DomainError per offending field, nested ones included (empty when valid). */
export async function validateInput(input: object): Promise<DomainError[]> {
  const errors = await validate(input, { forbidUnknownValues: false, validationError: { target: true, value: true } });
  return flatten(errors, []);
}

/** Which of a field's failed constraints speaks for it: the list's bounds before its items, the most telling first. */
const PRECEDENCE = ['nestedValidation', 'arrayMaxSize', 'arrayMinSize', 'globalId', 'safeText', 'isNotEmpty', 'maxLength', 'minLength', 'min', 'max', 'isInt', 'isEmail', 'matches', 'isIn', 'isUUID'];
const rank = (name: string) => (PRECEDENCE.includes(name) ? PRECEDENCE.indexOf(name) : PRECEDENCE.length);

function flatten(errors: ValidationError[], path: string[]): DomainError[] {
  return errors.flatMap((e) => {
    const here = [...path, e.property];
    const failed = Object.keys(e.constraints ?? {}).sort((a, b) => rank(a) - rank(b));
    const own = failed.length ? fieldErrors(e, failed[0], here) : [];
    return [...own, ...flatten(e.children ?? [], here)];
  });
}

interface Declared {
  constraints: unknown[];
  each: boolean;
}

/** The constraints declared on a property of a class (their bounds), by name. */
function constraintsOf(target: object | undefined, property: string): Map<string, Declared> {
  const out = new Map<string, Declared>();
  if (!target) return out;
  for (const m of validationMetadata().getTargetValidationMetadatas(target.constructor, '', true, false)) {
    if (m.propertyName === property && m.name) out.set(m.name, { constraints: m.constraints ?? [], each: !!m.each });
  }
  return out;
}

/** A list's bad items reported at most (the list's own length is checked first). */
const MAX_ITEM_ERRORS = 20;

/** The error(s) of one failed constraint: one per bad item for a constraint on each item of a list. */
function fieldErrors(e: ValidationError, name: string, field: string[]): DomainError[] {
  const known = constraintsOf(e.target, e.property);
  const meta = known.get(name);
  const custom = e.contexts?.[name] as Refusal | undefined;
  const range = rangeOf(known);
  if (meta?.each && Array.isArray(e.value)) {
    const out: DomainError[] = [];
    for (const [i, item] of (e.value as unknown[]).entries()) {
      const p = problemOf(name, item, meta.constraints, range);
      if (p) out.push(asError(p, custom, [...field, String(i)]));
      if (out.length >= MAX_ITEM_ERRORS) break;
    }
    if (out.length) return out;
  }
  return [asError(problemOf(name, e.value, meta?.constraints ?? [], range) ?? { code: CoreErrorCode.VALIDATION_FAILED, text: CORE_MESSAGES.VALIDATION_FAILED() }, custom, field)];
}

function asError(p: Problem, custom: Refusal | undefined, field: string[]): DomainError {
  const text = custom ? custom.text({ ...p.text.params, min: p.bounds?.min, max: p.bounds?.max }) : p.text;
  return new DomainError(custom?.code ?? p.code, text, field, p.bounds ?? null);
}

/** A number's range: both its bounds, whichever of the two it broke. */
function rangeOf(known: Map<string, Declared>): ErrorBounds {
  const min = known.get('min')?.constraints[0];
  const max = known.get('max')?.constraints[0];
  return { ...(typeof min === 'number' ? { min } : {}), ...(typeof max === 'number' ? { max } : {}) };
}

/** What one constraint refuses in `value`; null when this value passes it (another item of the list failed). */
function problemOf(name: string, value: unknown, constraints: unknown[], range: ErrorBounds): Problem | null {
  const n = (i: number) => (typeof constraints[i] === 'number' ? (constraints[i] as number) : undefined);
  const length = typeof value === 'string' ? [...value].length : Array.isArray(value) ? value.length : 0;
  switch (name) {
    case 'safeText':
      if (value === null || value === undefined) return null;
      return typeof value === 'string' ? safeTextProblem(value, n(0) ?? 0, n(1) ?? Infinity) : { code: CoreErrorCode.INVALID_FORMAT, text: M['INVALID_FORMAT.text']() };
    case 'maxLength':
      return { code: CoreErrorCode.TOO_LONG, text: CORE_MESSAGES.TOO_LONG({ max: n(0), length }), bounds: { max: n(0) } };
    case 'minLength':
      return n(0) === 1 ? { code: CoreErrorCode.REQUIRED, text: CORE_MESSAGES.REQUIRED() } : { code: CoreErrorCode.TOO_SHORT, text: CORE_MESSAGES.TOO_SHORT({ min: n(0) }), bounds: { min: n(0) } };
    case 'isNotEmpty':
    case 'isDefined':
      return { code: CoreErrorCode.REQUIRED, text: CORE_MESSAGES.REQUIRED() };
    case 'arrayMaxSize':
      return { code: CoreErrorCode.TOO_MANY_ITEMS, text: CORE_MESSAGES.TOO_MANY_ITEMS({ max: n(0) }), bounds: { max: n(0) } };
    case 'arrayMinSize':
      return { code: CoreErrorCode.TOO_SHORT, text: M['TOO_SHORT.items']({ min: n(0) }), bounds: { min: n(0) } };
    case 'min':
    case 'max':
      return { code: CoreErrorCode.OUT_OF_RANGE, text: rangeText(range), bounds: range };
    case 'isInt':
      return { code: CoreErrorCode.INVALID_FORMAT, text: M['INVALID_FORMAT.integer'](), bounds: range };
    case 'isEmail':
      return { code: CoreErrorCode.INVALID_FORMAT, text: M['INVALID_FORMAT.email']() };
    case 'isIn':
      return { code: CoreErrorCode.INVALID_FORMAT, text: M['INVALID_FORMAT.choice']({ values: Array.isArray(constraints[0]) ? (constraints[0] as unknown[]).join(', ') : '' }) };
    case 'nestedValidation':
      return { code: CoreErrorCode.INVALID_FORMAT, text: M['INVALID_FORMAT.object']() };
    case 'globalId': {
      if (value === null || value === undefined) return null;
      const text = globalIdProblem(value, String(constraints[0]));
      return text && { code: CoreErrorCode.INVALID_ID, text };
    }
    case 'notInFuture':
      return { code: CoreErrorCode.OUT_OF_RANGE, text: M['OUT_OF_RANGE.future']() };
    case 'matches':
    case 'isUUID':
      return { code: CoreErrorCode.INVALID_FORMAT, text: CORE_MESSAGES.INVALID_FORMAT() };
    default:
      return { code: CoreErrorCode.VALIDATION_FAILED, text: CORE_MESSAGES.VALIDATION_FAILED() };
  }
}

/** The text of a number out of its range: both bounds when there are two, else the one there is. */
export function rangeText(range: ErrorBounds): Text {
  if (range.min !== undefined && range.max !== undefined) return CORE_MESSAGES.OUT_OF_RANGE({ min: range.min, max: range.max });
  if (range.min !== undefined) return M['OUT_OF_RANGE.min']({ min: range.min });
  if (range.max !== undefined) return M['OUT_OF_RANGE.max']({ max: range.max });
  return CORE_MESSAGES.VALIDATION_FAILED();
}

const M = defineMessages({
  'INVALID_FORMAT.nul': { fr: 'Le texte ne doit pas contenir de caractère NUL.', en: 'The text must not contain NUL characters.' },
  'INVALID_FORMAT.control': { fr: 'Le texte ne doit pas contenir de caractère de contrôle ({char}).', en: 'The text must not contain control characters ({char}).' },
  'INVALID_FORMAT.utf8': { fr: 'Le texte n’est pas de l’UTF-8 valide.', en: 'The text is not valid UTF-8.' },
  'INVALID_FORMAT.text': { fr: 'Un texte est attendu.', en: 'A text is expected.' },
  'INVALID_FORMAT.integer': { fr: 'Un nombre entier est attendu.', en: 'A whole number is expected.' },
  'INVALID_FORMAT.email': { fr: 'Adresse électronique invalide.', en: 'Invalid email address.' },
  'INVALID_FORMAT.choice': { fr: 'Valeur inconnue : choisissez parmi {values}.', en: 'Unknown value: choose among {values}.' },
  'INVALID_FORMAT.object': { fr: 'Un objet est attendu.', en: 'An object is expected.' },
  'TOO_SHORT.items': { fr: '{min, plural, one {Au moins # élément} other {Au moins # éléments}}.', en: '{min, plural, one {At least # item} other {At least # items}}.' },
  'OUT_OF_RANGE.min': { fr: 'Valeur trop petite (au moins {min}).', en: 'Value too small (at least {min}).' },
  'OUT_OF_RANGE.max': { fr: 'Valeur trop grande (au plus {max}).', en: 'Value too large (at most {max}).' },
  'OUT_OF_RANGE.future': { fr: 'La date ne peut pas être dans le futur.', en: 'The date cannot lie in the future.' },
});

/** How query arguments are validated (type-graphql's `validate` setting for the schema). */
export const ARGUMENT_VALIDATION = { forbidUnknownValues: false, validationError: { target: false, value: false } } as const;
/** What type-graphql adds to them for each argument. */
const ARGUMENT_OPTIONS: ValidatorOptions = { ...ARGUMENT_VALIDATION, skipMissingProperties: true, validationError: { target: true, value: true } };

const constrained = new WeakMap<object, boolean>();

/** Whether class-validator has anything to check on instances of `type` (its own constraints, inherited ones, nested ones). */
function hasConstraints(type: TypeValue): boolean {
  if (typeof type !== 'function') return false;
  let known = constrained.get(type);
  if (known === undefined) constrained.set(type, (known = validationMetadata().getTargetValidationMetadatas(type, '', true, false).length > 0));
  return known;
}

/**
 * type-graphql's validation of one argument, the same checks with the same options, without
 * its two costs on every call: an `import()` of class-validator, and class-validator's search
 * of all the app's constraints for an argument class that has none (a connection's
 * `first`/`after`: every list request paid both). A refusal is the first bad field's
 * DomainError (BAD_USER_INPUT with its precise `reason`, `field` from the argument's name,
 * and `min`/`max`), its message in the caller's language.
 */
export function validateArgument(value: unknown, type: TypeValue, argument?: string): Promise<void> | void {
  if (value === null || typeof value !== 'object') return;
  const list = Array.isArray(value);
  const items = (list ? value : [value]).filter((v): v is object => v !== null && typeof v === 'object');
  if (!items.length || !hasConstraints(type)) return;
  return Promise.all(items.map((v, i) => validate(v, ARGUMENT_OPTIONS).then((errors) => flatten(errors, [...(argument ? [argument] : []), ...(list ? [String(i)] : [])])))).then((found) => {
    const first = found.flat()[0];
    if (first) throw first;
  });
}

/**
 * Hands every argument validated with the schema's settings to `validateArgument`: those
 * declared `validate: false` (mutation inputs, checked by their service into userErrors) or
 * with settings of their own keep type-graphql's handling. Before `buildSchema`.
 */
export function useArgumentValidation(): void {
  for (const param of schemaMetadata().params) {
    if ((param.kind === 'arg' || param.kind === 'args') && param.validateSettings === undefined && param.validateFn === undefined) {
      const argument = param.kind === 'arg' ? param.name : undefined;
      param.validateFn = (value, type) => validateArgument(value, type, argument);
    }
  }
}
