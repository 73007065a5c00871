import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import type { Context } from '../core/context';
import { forbidden, unauthenticated } from '../core/errors';
import { roleList, type Role } from '../core/roles';
import { ACCESS_MESSAGES as M } from './access.messages';

/**
 * The one auth checker behind every `@Authorized(...)`: no viewer → UNAUTHENTICATED;
 * a viewer without any of the listed roles → FORBIDDEN. `@Authorized()` with no role
 * admits any authenticated caller.
 */
export class RoleAuthChecker implements AuthCheckerInterface<Context, Role> {
  check({ context }: ResolverData<Context>, roles: Role[]): boolean {
    const viewer = context.viewer;
    if (!viewer) throw unauthenticated();
    if (roles.length === 0 || roles.some((r) => viewer.roles.has(r))) return true;
    throw forbidden(M['FORBIDDEN.role']({ roles: roleList(roles) }));
  }
}
