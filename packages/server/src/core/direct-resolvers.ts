/**
 * Field resolvers called directly. type-graphql wraps each `@FieldResolver` in a function that,
 * on every call, builds a resolver-data object, goes through its middleware chain (empty or
 * not), sorts the method's parameters and maps each one: on a page of 50 tickets that is a few
 * hundred calls for `requester`, `structure`, `assignee`… A field whose resolver takes only
 * `@Root()`, `@Ctx()` and `@Info()`, with no `@Authorized` and no middleware, gets a function
 * that passes those three straight to the method when the root is already of its class (read
 * objects and entities are): what type-graphql's wrapper ends up doing for it. Any other root
 * goes to type-graphql's wrapper (which converts it), and so does any other field (arguments to
 * convert and validate, roles, middlewares).
 */
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Storage = ReturnType<typeof getMetadataStorage>;
type FieldResolverMetadata = Storage['fieldResolvers'][number];
type Param = NonNullable<FieldResolverMetadata['params']>[number];

/** Where a plain parameter comes from, or null when type-graphql must make it. */
function plainSource(p: Param): 'root' | 'context' | 'info' | null {
  if (p.kind === 'root') return p.propertyName === undefined ? 'root' : null;
  if (p.kind === 'context') return p.propertyName === undefined ? 'context' : null;
  if (p.kind === 'info') return 'info';
  return null;
}

/** The direct call of one resolver method (`wrapped`, type-graphql's, for roots it must convert), or null when it always needs type-graphql's. */
export function directResolver(r: FieldResolverMetadata, wrapped: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> | null {
  if (r.kind !== 'external' || r.roles !== undefined || r.middlewares?.length) return null;
  const params = [...(r.params ?? [])].sort((a, b) => a.index - b.index);
  // every parameter decorated, each a plain one
  if (params.some((p, i) => p.index !== i || plainSource(p) === null)) return null;
  const sources = params.map(plainSource);
  // type-graphql's container keeps one instance of a resolver class; these classes hold no state
  const instance = new (r.target as new () => Record<string, (...args: unknown[]) => unknown>)();
  const method = instance[r.methodName];
  if (typeof method !== 'function') return null;
  // a root of another class (a plain object) is converted by type-graphql: its wrapper takes it
  const rootType = params.find((p): p is Extract<Param, { kind: 'root' }> => p.kind === 'root')?.getType?.();
  const Root = typeof rootType === 'function' ? (rootType as abstract new () => unknown) : null;
  const ours = (root: unknown) => Root === null || root instanceof Root;
  const key = sources.join(',');
  if (key === 'root') return (root, args, context, info) => (ours(root) ? method.call(instance, root) : wrapped(root, args, context, info));
  if (key === 'root,context') return (root, args, context, info) => (ours(root) ? method.call(instance, root, context) : wrapped(root, args, context, info));
  if (key === 'root,context,info') return (root, args, context, info) => (ours(root) ? method.call(instance, root, context, info) : wrapped(root, args, context, info));
  return (root, args, context, info) => (ours(root) ? method.apply(instance, sources.map((s) => (s === 'root' ? root : s === 'context' ? context : info))) : wrapped(root, args, context, info));
}

/**
 * Replaces type-graphql's wrapper by the direct call on every field of `schema` where it may,
 * and drops it from plain properties without roles or middlewares (what its `simpleResolvers`
 * option does, for every type): they are read as they are. Returns how many fields changed.
 */
export function resolveFieldsDirectly(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const typeNames = new Map<unknown, string>(storage.objectTypes.map((o) => [o.target, o.name]));
  let replaced = plainProperties(schema, storage);
  // a field declared by two resolver classes is left as type-graphql built it
  const byField = new Map<string, FieldResolverMetadata | null>();
  for (const r of storage.fieldResolvers) {
    const typeName = r.getObjectType ? typeNames.get(r.getObjectType()) : undefined;
    if (!typeName) continue;
    const key = `${typeName}.${r.schemaName}`;
    byField.set(key, byField.has(key) ? null : r);
  }
  for (const [key, r] of byField) {
    if (!r) continue;
    const [typeName, fieldName] = key.split('.');
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    const resolve = field?.resolve ? directResolver(r, field.resolve) : null;
    if (!field || !resolve) continue;
    field.resolve = resolve;
    replaced++;
  }
  return replaced;
}

/** Plain properties read through type-graphql's basic wrapper (no roles, no middlewares) are read directly. */
function plainProperties(schema: GraphQLSchema, storage: Storage): number {
  const resolved = new Set(storage.fieldResolvers.map((r) => `${String(r.getObjectType?.()?.name)}.${r.methodName}`));
  let n = 0;
  for (const o of storage.objectTypes) {
    const type = schema.getType(o.name);
    if (!isObjectType(type)) continue;
    const chain: unknown[] = [];
    for (let c: unknown = o.target; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.push(c);
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve) continue;
      const meta = storage.fields.filter((f) => f.schemaName === field.name && chain.includes(f.target));
      const plain = meta.length > 0 && meta.every((f) => f.name === f.schemaName && f.roles === undefined && !f.middlewares?.length && !resolved.has(`${(f.target as { name: string }).name}.${f.name}`));
      if (!plain || chain.some((c) => resolved.has(`${(c as { name: string }).name}.${field.name}`))) continue;
      field.resolve = undefined;
      n++;
    }
  }
  return n;
}
