import { nodeIdResolver } from '../core/base.entity';
import { registerNodeType } from '../core/node-registry';
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
import './service-level.errors';

export { serviceLevelEntities };
export { ServiceLevelJob } from './service-level.job';
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

registerNodeType('BusinessCalendar', (ctx, ids) => ctx.em.find(BusinessCalendar, { id: { $in: ids } }));
registerNodeType('ServiceLevelTarget', (ctx, ids) => ctx.em.find(ServiceLevelTarget, { id: { $in: ids } }));
registerNodeType('ServiceLevelQueueEntry', queueEntryNodeFetcher);
