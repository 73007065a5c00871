import type { ErrorCodeCatalogue } from './errors';
import type { NodeFetcher } from './node-registry';

/**
 * What a feature module brings to the application. Importing a module does nothing by
 * itself: the composition root (schema.ts) puts every module's parts together, so a
 * service imported alone (a test, a script) behaves the same whatever else was imported.
 */
export interface FeatureModule {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql takes resolver classes as Function
  resolvers: readonly Function[];
  /** Its user-error codes (the UserErrorCode enum, and how each surfaces outside a payload). */
  errorCodes: readonly ErrorCodeCatalogue[];
  /** How `node(id:)` fetches each of its types. */
  nodeTypes: Readonly<Record<string, NodeFetcher>>;
  /** Subscribes it to other modules' hooks. The hooks keep listeners in sets: wiring twice adds nothing. */
  wire?: () => void;
}
