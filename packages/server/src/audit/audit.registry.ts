import { getMetadataStorage } from 'type-graphql';
import { Role } from '../core/roles';
import { AuditAction } from './audit.enums';

/**
 * Every administrative mutation and the audit action(s) its service records. An
 * administrative mutation is one whose `@Authorized` names ADMINISTRATOR among a restricted
 * set of roles, or whose description says it is for administrators (the service-level
 * settings check the role in their service); the imports of the training referent are
 * audited too. test/audit.test.ts reads the mutations from the schema's metadata and fails
 * when one is missing here, or when an action listed here is recorded nowhere.
 */
export const ADMIN_MUTATION_AUDIT: Readonly<Record<string, readonly AuditAction[]>> = {
  // directory
  createStructure: [AuditAction.STRUCTURE_CREATED],
  updateStructure: [AuditAction.STRUCTURE_UPDATED],
  createPerson: [AuditAction.PERSON_CREATED],
  updatePerson: [AuditAction.PERSON_UPDATED],
  erasePerson: [AuditAction.PERSON_ERASED],
  assignCorrespondent: [AuditAction.CORRESPONDENT_ASSIGNED],
  endCorrespondentAssignment: [AuditAction.CORRESPONDENT_ASSIGNMENT_ENDED],
  importDirectory: [AuditAction.DIRECTORY_IMPORTED],
  // applications, keys, routing
  registerApplication: [AuditAction.APPLICATION_REGISTERED],
  updateApplication: [AuditAction.APPLICATION_UPDATED],
  issueApiKey: [AuditAction.API_KEY_ISSUED],
  rotateApiKey: [AuditAction.API_KEY_ROTATED],
  revokeApiKey: [AuditAction.API_KEY_REVOKED],
  saveIncidentRoutingRule: [AuditAction.ROUTING_RULE_SAVED],
  // calendars and service levels
  createBusinessCalendar: [AuditAction.CALENDAR_CREATED],
  updateBusinessCalendar: [AuditAction.CALENDAR_UPDATED],
  importClosedDays: [AuditAction.CLOSED_DAYS_IMPORTED],
  setServiceLevelTarget: [AuditAction.SERVICE_LEVEL_TARGET_SET],
  removeServiceLevelTarget: [AuditAction.SERVICE_LEVEL_TARGET_REMOVED],
  setStructureTimeZone: [AuditAction.STRUCTURE_TIME_ZONE_SET],
  // knowledge
  updateBot: [AuditAction.BOT_UPDATED],
  createKnowledgeItem: [AuditAction.KNOWLEDGE_ITEM_CREATED],
  updateKnowledgeItem: [AuditAction.KNOWLEDGE_ITEM_UPDATED],
  publishKnowledgeItem: [AuditAction.KNOWLEDGE_ITEM_PUBLISHED],
  archiveKnowledgeItem: [AuditAction.KNOWLEDGE_ITEM_ARCHIVED],
  addReformulation: [AuditAction.KNOWLEDGE_PHRASE_ADDED],
  removeReformulation: [AuditAction.KNOWLEDGE_PHRASE_REMOVED],
  addReviewAsReformulation: [AuditAction.KNOWLEDGE_PHRASE_ADDED],
  createItemFromReview: [AuditAction.KNOWLEDGE_ITEM_CREATED],
  ignoreReview: [AuditAction.KNOWLEDGE_REVIEW_IGNORED],
  importKnowledgeItems: [AuditAction.KNOWLEDGE_IMPORTED],
  setAbbreviation: [AuditAction.ABBREVIATION_SET],
  removeAbbreviation: [AuditAction.ABBREVIATION_REMOVED],
  // the desk's canned answers (a team's, or shared by administrators)
  createMacro: [AuditAction.MACRO_CREATED],
  updateMacro: [AuditAction.MACRO_UPDATED],
  deleteMacro: [AuditAction.MACRO_DELETED],
  // training catalogue and imports
  createTrainingDomain: [AuditAction.TRAINING_DOMAIN_CREATED],
  createTrainingCourse: [AuditAction.TRAINING_COURSE_CREATED],
  setTrainingPrice: [AuditAction.TRAINING_PRICE_SET],
  createTrainingSession: [AuditAction.TRAINING_SESSION_CREATED],
  updateTrainingSession: [AuditAction.TRAINING_SESSION_UPDATED],
  setTrainingPolicy: [AuditAction.TRAINING_POLICY_SET],
  importTrainingAttendance: [AuditAction.TRAINING_ATTENDANCE_IMPORTED],
};

/** Audited although not restricted to administrators: the bulk imports of the training referent. */
export const ALSO_AUDITED = ['importTrainingAttendance'] as const;

/**
 * The administrative mutations of the built schema (call after `buildAppSchema`), by the rule
 * above, read from type-graphql's metadata: the roles of `@Authorized` and the description.
 */
export function administrativeMutations(): string[] {
  const md = getMetadataStorage();
  return md.mutations
    .filter((m) => {
      const roles = (md.authorizedFields.find((a) => a.target === m.target && a.fieldName === m.methodName)?.roles ?? []) as Role[];
      const restricted = roles.includes(Role.ADMINISTRATOR) && !roles.includes(Role.END_USER);
      return restricted || /\(administrators/i.test(m.description ?? '') || (ALSO_AUDITED as readonly string[]).includes(m.schemaName);
    })
    .map((m) => m.schemaName)
    .sort();
}
