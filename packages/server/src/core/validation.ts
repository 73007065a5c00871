import { registerDecorator, validate, type ValidationError, type ValidationOptions } from 'class-validator';
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
