/**
 * Personal data (RGPD, issue #31 item 5): an administrator's erasure of a person
 * (`erasePerson`), and the retention job that purges closed tickets, chatbot conversations
 * and files past their configured retention (`startRetention`, RETENTION_* settings). Both
 * are recorded in the audit.
 */
import type { FeatureModule } from '../core/module';
import { PRIVACY_ERROR_CODES } from './privacy.errors';
import { PrivacyResolver } from './privacy.resolver';

export { startRetention, purgeExpired, RETENTION_TASK } from './retention';

export const privacyModule: FeatureModule = {
  resolvers: [PrivacyResolver],
  errorCodes: [PRIVACY_ERROR_CODES],
  nodeTypes: {},
};
