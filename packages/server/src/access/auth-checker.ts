import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import type { Context } from '../core/context';
import { forbidden, unauthenticated } from '../core/errors';
import { defineMessages } from '../core/i18n';
import { roleList, type Role } from '../core/roles';

const M = defineMessages({
  ROLE_REQUIRED: { fr: 'Cette opération est réservée au rôle : {roles}.', en: 'This operation is for the role: {roles}.' },
});

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
    throw forbidden(M.ROLE_REQUIRED({ roles: roleList(roles) }));
  }
}
