import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { actsAsCcaFor, scopeFilter, ticketRequestScope } from '../access/policies';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { M } from './chatbot.messages';
import { Role } from '../core/roles';
import { CorrespondentAssignment } from '../directory/correspondent-assignment.entity';
import { CorrespondentKind, TroubleDomain } from '../directory/directory.enums';
import { runningAssignmentFilter, whomToAsk } from '../directory/directory.service';
import { Person } from '../directory/person.entity';
import { TEXT } from '../core/validation';
import { TicketDomain } from '../service-desk/reference-data.entity';
import type { Ticket } from '../service-desk/ticket.entity';
import { TicketImpact, TicketNature } from '../service-desk/ticket.enums';
import { TICKET_TEXT } from '../service-desk/ticket.inputs';
import { openTicket, type OpenTicketData } from '../service-desk/ticket.service';
import type { TicketSettings } from '../service-desk/ticket.transitions';
import { BOT_TEXTS, CORRESPONDENT_LABEL } from './bot-texts';
import { ChatbotErrorCode } from './chatbot.errors';
import { TicketRequestStatus } from './chatbot.enums';
import { type Conversation, TicketRequest } from './conversation.entity';

/** What a viewer may see of ticket requests: the access module's policy, as a filter. */
export function ticketRequestVisibility(viewer: Viewer): FilterQuery<TicketRequest> {
  return scopeFilter(ticketRequestScope(viewer)) as FilterQuery<TicketRequest>;
}

/**
 * Handoff: the conversation becomes a ticket request for the CCAs of the user's
 * structure, pre-filled with the pasted message, the numbers found in it, the domain and
 * the path taken. One request per conversation.
 */
export async function createTicketRequest(em: EntityManager, viewer: Viewer, c: Conversation, note: string | null): Promise<{ request: TicketRequest; message: string }> {
  const existing = await em.findOne(TicketRequest, { conversation: c });
  if (existing) throw new DomainError(ChatbotErrorCode.TICKET_REQUEST_EXISTS, M.TICKET_REQUEST_EXISTS(), ['conversationId']);
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

async function pendingRequestForCca(em: EntityManager, viewer: Viewer, id: string, lock = false): Promise<TicketRequest> {
  const request = await em.findOne(TicketRequest, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {});
  if (!request || !actsAsCcaFor(viewer, request.structure.id)) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.ticketRequest'](), ['id']);
  if (request.status !== TicketRequestStatus.PENDING) throw new DomainError(ChatbotErrorCode.TICKET_REQUEST_CLOSED, M['TICKET_REQUEST_CLOSED.status']({ status: request.status }), ['id']);
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

export interface ConvertTicketRequestData {
  /** Overrides of what the request pre-fills. */
  title?: string | null;
  priority?: number | null;
  impact?: TicketImpact | null;
  application?: string | null;
  domain?: string | null;
}

const BOT_APPLICATION: Record<string, string> = { IANIS: 'CHORUS_DT' };
const DOMAIN_APPLICATION: Record<string, string> = { CFO: 'CHORUS_FORMULAIRES' };

/** What the request pre-fills on the FSD: title, description, error message, document numbers, application and domain codes. */
export async function ticketPrefillOf(em: EntityManager, request: TicketRequest): Promise<Omit<OpenTicketData, 'impact' | 'priority' | 'nature'>> {
  const conversation = await request.conversation.load();
  // one after the other: inside a transaction they share one connection
  const bot = await conversation!.bot.load();
  const botDomain = conversation!.domain ? await conversation!.domain.load() : null;
  const item = request.item ? await request.item.load() : null;
  const ticketDomain = botDomain ? await em.findOne(TicketDomain, { code: botDomain.code, active: true }) : null;
  const numbers = request.variableParts.filter((v) => v.kind === 'DOCUMENT_NUMBER').map((v) => v.value);
  const pasted = request.pastedMessage?.trim() || null;
  const firstLine = pasted?.split('\n')[0].trim() ?? '';
  const title = (item?.title || firstLine || `Demande ${bot!.code}${request.domainLabel ? ` : ${request.domainLabel}` : ''}`).slice(0, TEXT.title).trim();
  const description = [
    `Demande transmise par l’assistant ${bot!.code} (conversation du ${conversation!.createdAt.toISOString().slice(0, 10)}).`,
    `Domaine : ${request.domainLabel ?? 'non précisé'}`,
    `Chemin suivi : ${request.path.length ? request.path.join(' > ') : 'aucun bouton choisi'}`,
    ...(item ? [`Réponse consultée : ${item.title}`] : []),
    ...(pasted ? [`Message collé : ${pasted}`] : []),
    ...(request.variableParts.length ? [`Éléments relevés : ${request.variableParts.map((v) => `${v.value} (${v.kind})`).join(', ')}`] : []),
    ...(request.note ? [`Note de l’utilisateur : ${request.note}`] : []),
  ].join('\n');
  return {
    structureId: request.structure.id,
    requesterId: request.requester.id,
    application: (botDomain && DOMAIN_APPLICATION[botDomain.code]) ?? BOT_APPLICATION[bot!.code] ?? 'CHORUS_COEUR',
    domain: ticketDomain?.code ?? 'OTHER',
    title,
    description: description.slice(0, TICKET_TEXT.description),
    errorMessage: pasted?.slice(0, TICKET_TEXT.errorMessage) ?? null,
    documentNumbers: [...new Set(numbers)].filter((n) => n.length <= 60).slice(0, 50),
  };
}

/**
 * The CCA of the request's structure turns a pending request into a service-desk ticket
 * (FSD) in one transaction: the service desk's openTicket (which enforces who opens) with
 * the person who chatted as requester, their structure, and the fields pre-filled from the
 * request (the CCA may override title, priority, impact, application and domain); the
 * ticket links back to the conversation; the request becomes CONVERTED with its ticket.
 */
export async function convertTicketRequestToTicket(em: EntityManager, viewer: Viewer, settings: TicketSettings, id: string, overrides: ConvertTicketRequestData = {}): Promise<{ request: TicketRequest; ticket: Ticket }> {
  return em.transactional(async (tem) => {
    // the row lock serialises two CCAs converting the same request: the second one sees it CONVERTED
    const request = await pendingRequestForCca(tem, viewer, id, true);
    const prefill = await ticketPrefillOf(tem, request);
    const { ticket } = await openTicket(tem, viewer, settings, {
      ...prefill,
      title: overrides.title?.trim() || prefill.title,
      application: overrides.application ?? prefill.application,
      domain: overrides.domain ?? prefill.domain,
      nature: TicketNature.FUNCTIONAL,
      impact: overrides.impact ?? TicketImpact.ONE_USER,
      priority: overrides.priority ?? 3,
    });
    ticket.chatbotConversation = request.conversation;
    request.status = TicketRequestStatus.CONVERTED;
    request.ticketId = ticket.id;
    request.decidedBy = tem.getReference(Person, viewer.id, { wrapped: true });
    request.decidedAt = new Date();
    await tem.flush();
    return { request, ticket };
  });
}
