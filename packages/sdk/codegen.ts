import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { buildASTSchema, buildSchema, getNamedType, isAbstractType, isSchema, Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';

// open enums (their description says new values may come) are typed open, in src/open-enums.ts
const { openEnums } = createRequire(__filename)('./scripts/open-enums.cjs') as { openEnums: (schema: unknown) => string[] };
const OPEN = openEnums(buildSchema(readFileSync(new URL('../schema/schema.graphql', `file://${__filename}`), 'utf8')));

/** The types and how to read scalars: shared by both generated files. */
const operationsConfig = {
  enumType: 'native',
  useTypeImports: true,
  enumValues: Object.fromEntries(OPEN.filter((name) => name !== 'ApiErrorCode').map((name) => [name, `./open-enums.js#${name}`])),
  strictScalars: true,
  scalars: { DateTimeISO: { input: 'string | Date', output: 'string' }, ID: 'string', JSONObject: 'Record<string, unknown>' },
  avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
  maybeValue: 'T | null',
  inputMaybeValue: 'T | null | undefined',
  onlyOperationTypes: false,
  namingConvention: { enumValues: 'keep' },
};

/**
 * Asks `__typename` of every field whose type is an interface or a union (`node(id:)`, …), so that
 * its result is a union discriminated by `__typename` (`if (node?.__typename === 'Ticket')`), in
 * the types and in what the server sends. Operation files stay as written.
 */
type Output = Exclude<CodegenConfig['generates'][string], string | unknown[]>;
type DocumentTransform = Extract<NonNullable<Output extends { documentTransforms?: infer T } ? T : never>[number], { transform: unknown }>;

const typenameOnAbstractFields: DocumentTransform = {
  transform: ({ documents, schema: given }) => {
    // codegen hands the schema over as its AST
    const schema: GraphQLSchema = isSchema(given) ? given : buildASTSchema(given as unknown as DocumentNode);
    return documents.map((source) => {
      if (!source.document) return source;
      const info = new TypeInfo(schema);
      const document = visit(
        source.document,
        visitWithTypeInfo(info, {
          Field: {
            leave(node) {
              const type = getNamedType(info.getType());
              if (!node.selectionSet || !type || !isAbstractType(type)) return undefined;
              if (node.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias)) return undefined;
              const selectionSet: SelectionSetNode = { ...node.selectionSet, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }, ...node.selectionSet.selections] };
              return { ...node, selectionSet };
            },
          },
        }),
      );
      return { ...source, document };
    });
  },
};

/** The SDK is generated from the checked-in schema and the operation documents. */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: '../schema/operations/**/*.graphql',
  generates: {
    // the operations' types and their typed document nodes (for Apollo Client, urql, and the light `request`)
    'src/documents.ts': {
      // typescript-operations 6 emits the schema types it needs; listing `typescript` too duplicates them
      plugins: ['typescript-operations', 'typed-document-node'],
      documentTransforms: [typenameOnAbstractFields],
      // the open enums' values are re-exported from documents.ts: imported as values, not types
      config: { ...operationsConfig, useTypeImports: false, documentMode: 'documentNode' },
    },
    // one method per operation, on graphql-request
    'src/generated.ts': {
      plugins: ['typescript-graphql-request'],
      documentTransforms: [typenameOnAbstractFields],
      config: {
        ...operationsConfig,
        documentMode: 'external',
        importDocumentNodeExternallyFrom: './documents.js',
        importOperationTypesFrom: 'Operations',
        emitLegacyCommonJSImports: false,
        rawRequest: false,
      },
    },
    'src/open-enums.ts': {
      plugins: ['./scripts/open-enums.cjs'],
      // the SDK's ApiErrorCode (api-error.ts) is open already: every ServerErrorCode, NETWORK_ERROR or any string
      config: { skip: ['ApiErrorCode'] },
    },
    // one error class per value of the schema's ApiErrorCode enum
    'src/error-classes.ts': {
      plugins: ['./scripts/error-classes.cjs'],
      config: {
        families: { BadInputError: ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'QUERY_TOO_COMPLEX', 'QUERY_TOO_DEEP', 'QUERY_TOO_LARGE', 'QUERY_TOO_MANY_TOKENS', 'QUERY_TOO_MANY_SELECTIONS', 'QUERY_TOO_MANY_ALIASES', 'BAD_REQUEST'] },
        getters: {
          THROTTLED: { retryAfterSeconds: { type: 'number', description: 'Seconds to wait before the budget allows this call again.' } },
          QUERY_TOO_COMPLEX: {
            cost: { type: 'number', description: 'What the operation costs.' },
            maxCost: { type: 'number', description: 'The most an operation may cost.' },
          },
        },
      },
    },
  },
  hooks: {},
};

export default config;
