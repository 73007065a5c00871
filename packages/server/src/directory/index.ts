import { nodeIdResolver } from '../core/base.entity';
import { registerNodeType } from '../core/node-registry';
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
import './directory.errors';

export const directoryEntities = [Ministry, Structure, SupportTeam, Person, CorrespondentAssignment];
export const directoryResolvers = [
  DirectoryResolver,
  DirectoryImportResolver,
  StructureFieldsResolver,
  PersonFieldsResolver,
  CorrespondentAssignmentFieldsResolver,
  ...directoryEntities.map(nodeIdResolver),
] as const;

registerNodeType('Ministry', directoryNodeFetcher(Ministry));
registerNodeType('Structure', directoryNodeFetcher(Structure, true));
registerNodeType('SupportTeam', directoryNodeFetcher(SupportTeam));
registerNodeType('Person', directoryNodeFetcher(Person));
registerNodeType('CorrespondentAssignment', directoryNodeFetcher(CorrespondentAssignment));
