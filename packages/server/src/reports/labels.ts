/** The French words a report shows for the API's enum values (the codes stay in the CSV). */
import { TicketStatus } from '../service-desk/ticket.enums';
import { ServiceLevelMetric } from '../service-levels/service-level.enums';

export const TICKET_STATUS_LABEL: Record<TicketStatus, string> = {
  NEW: 'Brouillon',
  SUBMITTED: 'Soumis',
  IN_PROGRESS: 'En cours de traitement',
  WAITING_FOR_INFO: 'En attente d’informations',
  ESCALATED: 'Escaladé au SN2',
  RESOLVED: 'Résolu',
  CLOSED: 'Clos',
  REOPENED: 'Rouvert',
  CANCELLED: 'Annulé',
};

/** Support levels: SN1 and SN2 are the source's own words; the technical team is named. */
export const SUPPORT_LEVEL_LABEL: Record<string, string> = {
  SN1: 'SN1',
  SN2: 'SN2',
  TECHNICAL: 'Équipe technique (CES-CHOREGIE)',
};

export const SERVICE_LEVEL_METRIC_LABEL: Record<ServiceLevelMetric, string> = {
  FIRST_RESPONSE: 'Première réponse',
  LEVEL_HOLD: 'Temps de traitement au niveau',
  RESOLUTION: 'Résolution',
};

/** The label of a value, or the value itself when it has none (a new enum value shows rather than vanishes). */
export const labelOf = (labels: Record<string, string>, value: string) => labels[value] ?? value;
