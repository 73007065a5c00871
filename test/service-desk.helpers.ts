import type { TestServer } from './support/server';

export const TICKET_FIELDS = `
  fragment TicketFields on Ticket {
    id reference status level nature version title priority escalationCount reopenCount
    structure { code } requester { email } assignee { email } openedBy { email } openedByApplicationName
    application { code } domain { code }
    allowedTransitions commentCount eventCount
    history { seq kind transition fromStatus toStatus fromLevel toLevel reason actor { email } actorApplicationName }
  }`;

export const OPEN = `mutation Open($input: OpenTicketInput!) { openTicket(input: $input) { ticket { ...TicketFields } userErrors { field code message } } } ${TICKET_FIELDS}`;

/** The mutation name of each transition. */
export const TRANSITION_MUTATIONS = {
  SUBMIT: 'submitTicket',
  TAKE: 'takeTicket',
  REQUEST_INFO: 'requestTicketInfo',
  PROVIDE_INFO: 'provideTicketInfo',
  ESCALATE: 'escalateTicket',
  RETURN_TO_SN1: 'returnTicketToSn1',
  TRANSFER_TO_TECHNICAL: 'transferTicketToTechnical',
  TRANSFER_TO_FUNCTIONAL: 'transferTicketToFunctional',
  RESOLVE: 'resolveTicket',
  CLOSE: 'closeTicket',
  REOPEN: 'reopenTicket',
  CANCEL: 'cancelTicket',
} as const;
export type TransitionName = keyof typeof TRANSITION_MUTATIONS;

const inputType = (m: string) => `${m[0].toUpperCase()}${m.slice(1)}Input`;

export function transitionDoc(t: TransitionName): string {
  const m = TRANSITION_MUTATIONS[t];
  return `mutation Fire($input: ${inputType(m)}!) { ${m}(input: $input) { ticket { ...TicketFields } event { seq transition fromStatus toStatus } userErrors { field code message } } } ${TICKET_FIELDS}`;
}

export function desk(server: TestServer) {
  const open = async (auth: { token?: string; apiKey?: string }, input: Record<string, unknown> = {}) => {
    const res = await server.gql(OPEN, { input: { application: 'CHORUS_COEUR', domain: 'EJ', title: 'EJ bloqué', description: 'Le poste ne peut pas être modifié.', priority: 2, ...input } }, auth);
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data.openTicket as { ticket: any; userErrors: any[] };
  };
  const fire = async (t: TransitionName, auth: { token?: string; apiKey?: string }, ticket: { id: string; version: number }, reason?: string) => {
    const res = await server.gql(transitionDoc(t), { input: { id: ticket.id, version: ticket.version, reason } }, auth);
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data[TRANSITION_MUTATIONS[t]] as { ticket: any; event: any; userErrors: any[] };
  };
  /** Fires and expects success; returns the ticket after. */
  const ok = async (t: TransitionName, auth: { token?: string; apiKey?: string }, ticket: { id: string; version: number }, reason?: string) => {
    const r = await fire(t, auth, ticket, reason ?? `${t} reason`);
    if (r.userErrors.length) throw new Error(`${t}: ${JSON.stringify(r.userErrors)}`);
    return r.ticket;
  };
  const get = async (auth: { token?: string; apiKey?: string }, reference: string) => {
    const res = await server.gql(`query($r: String!) { ticket(reference: $r) { ...TicketFields } } ${TICKET_FIELDS}`, { r: reference }, auth);
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data.ticket;
  };
  return { open, fire, ok, get };
}
