import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { Role } from '../core/roles';
import { CorrespondentAssignment } from '../directory/correspondent-assignment.entity';
import { CorrespondentKind, TroubleDomain } from '../directory/directory.enums';
import { runningAssignmentFilter, whomToAsk } from '../directory/directory.service';
import { Person } from '../directory/person.entity';
import { BOT_TEXTS, CORRESPONDENT_LABEL } from './bot-texts';
import { ChatbotErrorCode } from './chatbot.errors';
import { TicketRequestStatus } from './chatbot.enums';
import { type Conversation, TicketRequest } from './conversation.entity';

/** Structures where the viewer is a running CCA: the ticket requests they take. */
export async function ccaStructuresOf(em: EntityManager, viewer: Viewer): Promise<string[]> {
  if (viewer.kind !== 'PERSON' || !viewer.roles.has(Role.CCA)) return [];
  const running = await em.find(CorrespondentAssignment, { person: viewer.id, kind: CorrespondentKind.CCA, ...runningAssignmentFilter() });
  return running.map((a) => a.structure.id);
}

/** What a viewer may see: their own requests; a CCA those of their structures; support and analysts all. */
export async function ticketRequestVisibility(em: EntityManager, viewer: Viewer): Promise<FilterQuery<TicketRequest>> {
  if ([Role.SN1_AGENT, Role.ANALYST, Role.ADMINISTRATOR].some((r) => viewer.roles.has(r))) return {};
  const structures = await ccaStructuresOf(em, viewer);
  return { $or: [{ requester: viewer.id }, ...(structures.length ? [{ structure: { $in: structures } }] : [])] };
}

/**
 * Handoff: the conversation becomes a ticket request for the CCAs of the user's
 * structure, pre-filled with the pasted message, the numbers found in it, the domain and
 * the path taken. One request per conversation.
 */
export async function createTicketRequest(em: EntityManager, viewer: Viewer, c: Conversation, note: string | null): Promise<{ request: TicketRequest; message: string }> {
  const existing = await em.findOne(TicketRequest, { conversation: c });
  if (existing) throw new DomainError(ChatbotErrorCode.TICKET_REQUEST_EXISTS, BOT_TEXTS.alreadyHandedOff, ['conversationId']);
  const domain = c.domain ? await c.domain.load() : null;
  const request = em.create(TicketRequest, {
    conversation: c,
    requester: em.getReference(Person, viewer.id, { wrapped: true }),
    structure: c.structure,
    pastedMessage: c.pastedMessage,
    variableParts: c.variableParts,
    domainLabel: domain?.label ?? null,
    path: c.path,
    item: c.item,
    note: note?.trim() || null,
  });
  c.handedOff = true;
  const whom = await whomToAsk(em, c.structure.id, TroubleDomain.OTHER);
  const names = whom.correspondents.map((p) => p.fullName).join(', ');
  return { request, message: names ? BOT_TEXTS.handedOff(`votre ${CORRESPONDENT_LABEL.CCA} : ${names}`) : BOT_TEXTS.handedOffNobody };
}

async function pendingRequestForCca(em: EntityManager, viewer: Viewer, id: string): Promise<TicketRequest> {
  const request = await em.findOne(TicketRequest, { id });
  const structures = await ccaStructuresOf(em, viewer);
  if (!request || !structures.includes(request.structure.id)) throw new DomainError(CoreErrorCode.NOT_FOUND, 'No ticket request of your structure has this id.', ['id']);
  if (request.status !== TicketRequestStatus.PENDING) throw new DomainError(ChatbotErrorCode.TICKET_REQUEST_CLOSED, `This request is already ${request.status.toLowerCase()}.`, ['id']);
  return request;
}

/** The CCA of the requester's structure dismisses a request, saying why (the requester reads it). */
export async function dismissTicketRequest(em: EntityManager, viewer: Viewer, id: string, reason: string): Promise<TicketRequest> {
  const request = await pendingRequestForCca(em, viewer, id);
  request.status = TicketRequestStatus.DISMISSED;
  request.dismissReason = reason.trim();
  request.decidedBy = em.getReference(Person, viewer.id, { wrapped: true });
  request.decidedAt = new Date();
  await em.flush();
  return request;
}

/**
 * STUB — not exposed in the schema. The CCA turns a pending request into a service-desk
 * ticket (FSD) in one call: the ticket takes the pasted message as its raw error message,
 * the variable parts as document numbers, the domain, the path and the conversation as
 * links; the request becomes CONVERTED with `ticketId` set.
 *
 * The service-desk module is built on another branch; once merged, wire this to its
 * ticket-opening service (which enforces "only CCAs open tickets") inside one transaction.
 */
export async function convertTicketRequestToTicket(em: EntityManager, viewer: Viewer, id: string): Promise<TicketRequest> {
  await pendingRequestForCca(em, viewer, id);
  throw new DomainError(ChatbotErrorCode.NOT_IMPLEMENTED, 'Turning a ticket request into an FSD arrives with the service-desk module.', ['id']);
}
