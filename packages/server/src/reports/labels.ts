/** The words a report shows for the API's enum values, in the request's language (the codes stay in the CSV). */
import { R } from './reports.messages';

/** A ticket status in words; an unknown value shows itself (a new enum value shows rather than vanishes). */
export const ticketStatusLabel = (status: string) => R['REPORT.ticketStatus']({ status }).render();

/** Support levels: SN1 and SN2 are the source's own words; the technical team is named. */
export const supportLevelLabel = (level: string) => R['REPORT.supportLevel']({ level }).render();

export const serviceLevelMetricLabel = (metric: string) => R['REPORT.serviceLevelMetric']({ metric }).render();

/** A report text in the request's language. */
export const t = (key: keyof typeof R, params?: Parameters<(typeof R)[keyof typeof R]>[0]) => R[key](params).render();
