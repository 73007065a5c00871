import { isEnumType, type GraphQLSchema } from 'graphql';

/** What an open enum's description ends with; the SDK's codegen reads it to type the enum open. */
export const OPEN_ENUM_NOTE = 'New values may be added: handle unknown values.';

/**
 * Output enums that will grow as the platform does: codes, kinds of events and notifications,
 * statuses and outcomes of workflows that may gain a step, roles and kinds of the directory.
 * A client must handle a value it does not know (the SDK types them with a catch-all). Every
 * other enum is closed: adding a value to it is a breaking change (sort orders, the
 * choices an input offers, two-valued facts such as a vote or a speaker).
 */
export const OPEN_ENUMS = [
  'AnswerBlockKind',
  'ApiErrorCode',
  'ChatButtonKind',
  'ConversationOutcome',
  'CorrespondentKind',
  'DirectoryChangeKind',
  'ImportAction',
  'ImportLineStatus',
  'InvestigationStatus',
  'KnowledgeStatus',
  'MatchOutcome',
  'NotificationKind',
  'NotificationStatus',
  'PublicationAction',
  'RegistrationAction',
  'RegistrationStatus',
  'ReviewReason',
  'ReviewStatus',
  'Role',
  'ServiceLevelState',
  'SessionStatus',
  'StructureKind',
  'TicketEventKind',
  'TicketRequestStatus',
  'TicketStatus',
  'TicketTransition',
  'TroubleDomain',
  'UserErrorCode',
  'ViewerKind',
  'WebhookDeliveryStatus',
] as const;

/** Ends each open enum's description with OPEN_ENUM_NOTE (type-graphql's registerEnumType stays each module's own). */
export function markOpenEnums(schema: GraphQLSchema): void {
  for (const name of OPEN_ENUMS) {
    const type = schema.getType(name);
    if (!isEnumType(type)) throw new Error(`OPEN_ENUMS names ${name}, which is no enum of the schema`);
    if (!type.description?.endsWith(OPEN_ENUM_NOTE)) type.description = `${type.description ? `${type.description.trimEnd()} ` : ''}${OPEN_ENUM_NOTE}`;
  }
}
