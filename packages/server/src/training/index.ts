import { nodeIdResolver } from '../core/base.entity';
import type { FeatureModule } from '../core/module';
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
import { TRAINING_ERROR_CODES } from './training.errors';

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

export const trainingModule: FeatureModule = {
  resolvers: trainingResolvers,
  errorCodes: [TRAINING_ERROR_CODES],
  nodeTypes: {
    ...Object.fromEntries([TrainingDomain, TrainingCourse, TrainingPrice, TrainingSession, TrainingSessionPart, TrainingSeatQuota, TrainingPolicy].map((entity) => [entity.name, catalogueNodeFetcher(entity)])),
    TrainingRegistration: registrationNodeFetcher,
  },
};

// what notifications reads and does through mails (one-click links act through the same rules as the API)
export { cancelRegistration, dafPerimeter, decideRequest, maySee as maySeeRegistration, visibleRegistration } from './training.service';
export { ALIVE, RegistrationAction, RegistrationStatus, SEATED, SessionStatus } from './training.enums';
