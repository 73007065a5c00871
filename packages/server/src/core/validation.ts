import { getMetadataStorage as validationMetadata, registerDecorator, validate, validateOrReject, type ValidationError, type ValidationOptions, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, getMetadataStorage as schemaMetadata, type ValidatorFn } from 'type-graphql';

/** An argument's declared type, as type-graphql hands it to a validator. */
type TypeValue = Parameters<ValidatorFn>[1];
import { DomainError, CoreErrorCode } from './errors';

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
          return typeof v === 'string' ? (safeTextProblem(v, min, max) ?? 'invalid text') : 'must be text';
        },
      },
    });
}

/** C0 control characters but tab, line feed and carriage return; NUL first among them. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/**
 * The hygiene every text the API receives must pass, whatever field it reaches (the
 * request pipeline applies it to every string argument and variable): no NUL (PostgreSQL
 * refuses it), no other control character but tab and line breaks, no lone surrogate.
 */
export function controlCharacterProblem(value: string): string | null {
  const m = CONTROL.exec(value);
  if (m) return m[0] === '\u0000' ? 'must not contain NUL characters' : `must not contain control characters (U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
  if (!value.isWellFormed()) return 'must be valid UTF-8 text';
  return null;
}

export function safeTextProblem(value: string, min: number, max: number): string | null {
  const hygiene = controlCharacterProblem(value);
  if (hygiene) return hygiene;
  const length = [...value].length;
  if (value.trim().length < min) return min === 1 ? 'must not be empty' : `must be at least ${min} characters`;
  if (length > max) return `must be at most ${max} characters (got ${length})`;
  return null;
}

/** Validates a mutation input; returns one DomainError per offending field (empty when valid). */
export async function validateInput(input: object): Promise<DomainError[]> {
  const errors = await validate(input, { forbidUnknownValues: false, validationError: { target: false, value: false } });
  return flatten(errors, []);
}

function flatten(errors: ValidationError[], path: string[]): DomainError[] {
  return errors.flatMap((e) => {
    const here = [...path, e.property];
    const own = Object.values(e.constraints ?? {}).map(
      (message) => new DomainError(CoreErrorCode.VALIDATION_FAILED, `${e.property} ${message}`, here),
    );
    return [...own.slice(0, 1), ...flatten(e.children ?? [], here)];
  });
}

/** How query arguments are validated (type-graphql's `validate` setting for the schema). */
export const ARGUMENT_VALIDATION = { forbidUnknownValues: false, validationError: { target: false, value: false } } as const;
/** What type-graphql adds to them for each argument. */
const ARGUMENT_OPTIONS: ValidatorOptions = { ...ARGUMENT_VALIDATION, skipMissingProperties: true };

const constrained = new WeakMap<object, boolean>();

/** Whether class-validator has anything to check on instances of `type` (its own constraints, inherited ones, nested ones). */
function hasConstraints(type: TypeValue): boolean {
  if (typeof type !== 'function') return false;
  let known = constrained.get(type);
  if (known === undefined) constrained.set(type, (known = validationMetadata().getTargetValidationMetadatas(type, '', true, false).length > 0));
  return known;
}

/**
 * type-graphql's validation of one argument, the same checks with the same options and error
 * (`ArgumentValidationError`), without its two costs on every call: an `import()` of
 * class-validator, and class-validator's search of all the app's constraints for an argument
 * class that has none (a connection's `first`/`after`: every list request paid both).
 */
export function validateArgument(value: unknown, type: TypeValue): Promise<void> | void {
  if (value === null || typeof value !== 'object') return;
  const items = (Array.isArray(value) ? value : [value]).filter((v): v is object => v !== null && typeof v === 'object');
  if (!items.length || !hasConstraints(type)) return;
  return Promise.all(items.map((v) => validateOrReject(v, ARGUMENT_OPTIONS))).then(
    () => undefined,
    (errors: ValidationError[]) => {
      throw new ArgumentValidationError(errors);
    },
  );
}

/**
 * Hands every argument validated with the schema's settings to `validateArgument`: those
 * declared `validate: false` (mutation inputs, checked by their service into userErrors) or
 * with settings of their own keep type-graphql's handling. Before `buildSchema`.
 */
export function useArgumentValidation(): void {
  for (const param of schemaMetadata().params) {
    if ((param.kind === 'arg' || param.kind === 'args') && param.validateSettings === undefined && param.validateFn === undefined) param.validateFn = validateArgument;
  }
}
