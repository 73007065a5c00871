import { nodeIdResolver } from '../core/base.entity';
import { registerNodeType } from '../core/node-registry';
import { TrainingCourse, TrainingDomain, TrainingPrice, TrainingSeatQuota, TrainingSession, TrainingSessionPart } from './catalogue.entity';
import { TrainingAttendance, TrainingPolicy, TrainingRegistration, TrainingRegistrationEvent } from './registration.entity';
import {
  AssiduityRowResolver,
  catalogueNodeFetcher,
  DomainStatisticsRowResolver,
  registrationNodeFetcher,
  TrainingAttendanceFieldsResolver,
  TrainingCourseFieldsResolver,
  TrainingPriceFieldsResolver,
  TrainingRegistrationEventFieldsResolver,
  TrainingRegistrationFieldsResolver,
  TrainingResolver,
  TrainingSeatQuotaFieldsResolver,
  TrainingSessionFieldsResolver,
  TrainingStatisticsResolver,
} from './training.resolver';
import './training.errors';

export const trainingEntities = [
  TrainingDomain,
  TrainingCourse,
  TrainingPrice,
  TrainingSession,
  TrainingSessionPart,
  TrainingSeatQuota,
  TrainingRegistration,
  TrainingRegistrationEvent,
  TrainingAttendance,
  TrainingPolicy,
];

export const trainingResolvers = [
  TrainingResolver,
  TrainingStatisticsResolver,
  AssiduityRowResolver,
  DomainStatisticsRowResolver,
  TrainingCourseFieldsResolver,
  TrainingSessionFieldsResolver,
  TrainingSeatQuotaFieldsResolver,
  TrainingPriceFieldsResolver,
  TrainingRegistrationFieldsResolver,
  TrainingRegistrationEventFieldsResolver,
  TrainingAttendanceFieldsResolver,
  ...trainingEntities.map(nodeIdResolver),
] as const;

for (const entity of [TrainingDomain, TrainingCourse, TrainingPrice, TrainingSession, TrainingSessionPart, TrainingSeatQuota, TrainingPolicy]) {
  registerNodeType(entity.name, catalogueNodeFetcher(entity));
}
registerNodeType('TrainingRegistration', registrationNodeFetcher);
