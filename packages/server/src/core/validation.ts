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

export function safeTextProblem(value: string, min: number, max: number): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (!value.isWellFormed()) return 'must be valid UTF-8 text';
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
