/**
 * Object selections of the SDK's operation documents that read an object's fields without its
 * `id` (a normalising cache cannot tell two such objects apart, nor update one in place).
 */
import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** Names of the fields `set` reads on an object of type `object`, through fragments that apply to it. */
function fieldsFor(schema: GraphQLSchema, set: SelectionSetNode, object: GraphQLObjectType, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  const applies = (typeName: string | undefined) => {
    if (!typeName || typeName === object.name) return true;
    const t = schema.getType(typeName);
    return !!t && isAbstractType(t) && schema.isSubType(t, object);
  };
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) out.add(s.name.value);
    else if (s.kind === Kind.INLINE_FRAGMENT) {
      if (applies(s.typeCondition?.name.value)) for (const f of fieldsFor(schema, s.selectionSet, object, fragments, seen)) out.add(f);
    } else {
      const frag = fragments.get(s.name.value);
      if (frag && !seen.has(frag.name.value) && applies(frag.typeCondition.name.value)) {
        for (const f of fieldsFor(schema, frag.selectionSet, object, fragments, new Set([...seen, frag.name.value]))) out.add(f);
      }
    }
  }
  return out;
}

/** `Operation: path → Type` of every field selection that reads an object with an `id` but not its id. */
export function selectionsWithoutId(schema: GraphQLSchema, doc: DocumentNode, fragments: Map<string, FragmentDefinitionNode>): string[] {
  const missing: string[] = [];
  const info = new TypeInfo(schema);
  const path: string[] = [];
  visit(
    doc,
    visitWithTypeInfo(info, {
      OperationDefinition: { enter: (n) => void path.push(n.name?.value ?? '(anonymous)'), leave: () => void path.pop() },
      FragmentDefinition: { enter: (n) => void path.push(`fragment ${n.name.value}`), leave: () => void path.pop() },
      Field: {
        enter(node) {
          path.push(node.alias?.value ?? node.name.value);
          if (!node.selectionSet) return;
          const named = getNamedType(info.getType()) as GraphQLCompositeType | undefined;
          if (!named) return;
          const objects = isObjectType(named) ? [named] : schema.getPossibleTypes(named);
          for (const object of objects) {
            if (!object.getFields().id) continue;
            const read = fieldsFor(schema, node.selectionSet, object, fragments);
            read.delete('__typename');
            // an abstract selection names an object type when it reads some of its fields
            if ((isObjectType(named) || read.size) && !read.has('id')) missing.push(`${path[0]}: ${path.slice(1).join('.')} → ${object.name}`);
          }
        },
        leave: () => void path.pop(),
      },
    }),
  );
  return missing;
}
