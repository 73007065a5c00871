/**
 * The audit of administrative changes (issue #31): `recordAudit` is the one door every
 * administrative service function goes through, in the transaction of its change;
 * `ADMIN_MUTATION_AUDIT` lists what each administrative mutation records.
 */
import { findByIds, nodeIdResolver } from '../core/base.entity';
import type { FeatureModule } from '../core/module';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryFieldsResolver, AuditResolver } from './audit.resolver';
import { AUDIT_READERS } from '../access/policies';
import { hasRole } from '../core/context';

export { recordAudit, targetOf, snapshot } from './audit.service';
export { AuditAction } from './audit.enums';

export const auditEntities = [AuditEntry];

export const auditModule: FeatureModule = {
  resolvers: [AuditResolver, AuditEntryFieldsResolver, nodeIdResolver(AuditEntry)],
  errorCodes: [],
  nodeTypes: {
    // the audit's readers only; nobody else learns an entry exists
    AuditEntry: async (ctx, ids) => (hasRole(ctx.viewer, ...AUDIT_READERS) ? findByIds(ctx.em, AuditEntry, ids) : []),
  },
};
