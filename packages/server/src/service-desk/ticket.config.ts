import { z } from 'zod';

/** Service-desk settings, from the environment (defaults suit the demo). */
const schema = z.object({
  /** Days after resolution (or closing) during which the CCA may reopen a ticket. */
  TICKET_REOPEN_DELAY_DAYS: z.coerce.number().min(0).max(365).default(15),
});

export interface TicketSettings {
  reopenDelayMs: number;
}

export function ticketSettings(env: NodeJS.ProcessEnv = process.env): TicketSettings {
  const e = schema.parse(env);
  return { reopenDelayMs: e.TICKET_REOPEN_DELAY_DAYS * 24 * 3600 * 1000 };
}
