import { nodeIdResolver } from '../core/base.entity';
import type { FeatureModule } from '../core/module';
import { CorrespondentAssignment } from './correspondent-assignment.entity';
import {
  CorrespondentAssignmentFieldsResolver,
  DirectoryResolver,
  directoryNodeFetcher,
  PersonFieldsResolver,
  StructureFieldsResolver,
} from './directory.resolver';
import { Ministry } from './ministry.entity';
import { Person } from './person.entity';
import { Structure } from './structure.entity';
import { SupportTeam } from './support-team.entity';
import { DirectoryImportResolver } from './directory.import.resolver';
import { DIRECTORY_ERROR_CODES } from './directory.errors';

export { Person };
export const directoryEntities = [Ministry, Structure, SupportTeam, Person, CorrespondentAssignment];
export const directoryResolvers = [
  DirectoryResolver,
  DirectoryImportResolver,
  StructureFieldsResolver,
  PersonFieldsResolver,
  CorrespondentAssignmentFieldsResolver,
  ...directoryEntities.map(nodeIdResolver),
] as const;

export const directoryModule: FeatureModule = {
  resolvers: directoryResolvers,
  errorCodes: [DIRECTORY_ERROR_CODES],
  nodeTypes: {
    Ministry: directoryNodeFetcher(Ministry),
    Structure: directoryNodeFetcher(Structure, true),
    SupportTeam: directoryNodeFetcher(SupportTeam),
    Person: directoryNodeFetcher(Person),
    CorrespondentAssignment: directoryNodeFetcher(CorrespondentAssignment),
  },
};
