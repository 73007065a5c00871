import { nodeIdResolver } from '../core/base.entity';
import type { FeatureModule } from '../core/module';
import { BusinessCalendar, ServiceLevelQueueEntry, ServiceLevelTarget, serviceLevelEntities } from './service-level.entity';
import {
  BusinessCalendarFieldsResolver,
  queueEntryNodeFetcher,
  ServiceLevelQueueEntryFieldsResolver,
  ServiceLevelResolver,
  ServiceLevelTargetFieldsResolver,
  StructureTimeZoneFieldsResolver,
  TicketServiceLevelFieldsResolver,
  TicketServiceLevelResolver,
} from './service-level.resolver';
import { SERVICE_LEVEL_ERROR_CODES } from './service-level.errors';

export { serviceLevelEntities };
export { ServiceLevelJob } from './service-level.job';
// a ticket's due dates for other modules (desk-tools fills in a canned answer's {{ticket.dueDate}})
export { standingsFor, structureZones } from './service-level.service';
export { ServiceLevelClock, ServiceLevelMetric } from './service-level.enums';
export const serviceLevelResolvers = [
  ServiceLevelResolver,
  TicketServiceLevelFieldsResolver,
  TicketServiceLevelResolver,
  ServiceLevelTargetFieldsResolver,
  ServiceLevelQueueEntryFieldsResolver,
  StructureTimeZoneFieldsResolver,
  BusinessCalendarFieldsResolver,
  nodeIdResolver(BusinessCalendar),
  nodeIdResolver(ServiceLevelTarget),
  nodeIdResolver(ServiceLevelQueueEntry),
] as const;

export const serviceLevelsModule: FeatureModule = {
  resolvers: serviceLevelResolvers,
  errorCodes: [SERVICE_LEVEL_ERROR_CODES],
  nodeTypes: {
    BusinessCalendar: (ctx, ids) => ctx.em.find(BusinessCalendar, { id: { $in: ids } }),
    ServiceLevelTarget: (ctx, ids) => ctx.em.find(ServiceLevelTarget, { id: { $in: ids } }),
    ServiceLevelQueueEntry: queueEntryNodeFetcher,
  },
};
