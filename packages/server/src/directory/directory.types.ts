import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { MutationPayload } from '../core/mutation';
import { Role } from '../core/roles';
import { Connection } from '../core/connection';
import { CorrespondentAssignment } from './correspondent-assignment.entity';
import { CorrespondentKind, CorrespondentSource, TroubleDomain } from './directory.enums';
import { Person } from './person.entity';
import { Structure } from './structure.entity';

export enum ViewerKind {
  PERSON = 'PERSON',
  APPLICATION = 'APPLICATION',
}
registerEnumType(ViewerKind, {
  name: 'ViewerKind',
  description: 'Whether the caller is a person or a business application.',
  valuesConfig: { PERSON: { description: 'A person with a bearer token.' }, APPLICATION: { description: 'A business application with an API key.' } },
});

@ObjectType('Viewer', { description: 'The caller, as the server sees them.' })
export class ViewerInfo {
  @Field(() => ViewerKind, { description: 'Person or application.' })
  kind!: ViewerKind;

  @Field(() => [Role], { description: 'Every role the caller holds now.' })
  roles!: Role[];

  @Field(() => Person, { nullable: true, description: 'The person, when the caller is a person.' })
  person!: Person | null;

  @Field(() => Structure, { nullable: true, description: "The structure the calling person works in; null for a business application." })
  structure!: Structure | null;
}

@ObjectType({ description: 'The answer to "whom do I ask?" for a domain of trouble.' })
export class WhomToAskAnswer {
  @Field(() => TroubleDomain, { description: 'The domain asked about.' })
  domain!: TroubleDomain;

  @Field(() => CorrespondentKind, { description: 'The correspondent role that answers (the CCA on fallback).' })
  kind!: CorrespondentKind;

  @Field({ description: 'True unless the structure’s own holders of the domain’s role answer: nobody holds it (the CCAs are given instead), or the structure has nobody and a parent or its Chorus platform answers (see `source`).' })
  fallback!: boolean;

  @Field(() => CorrespondentSource, { description: 'Which level answered: the structure itself, its nearest parent that has correspondents, or its Chorus platform.' })
  source!: CorrespondentSource;

  @Field(() => Structure, { nullable: true, description: 'The structure whose correspondents these are; null when nobody answers at any level.' })
  answeredBy!: Structure | null;

  @Field(() => [Person], { description: 'The people to contact, longest-serving first. Empty only when no level has a CCA either.' })
  correspondents!: Person[];
}

export const PersonConnection = Connection(Person);
export const StructureConnection = Connection(Structure);

@ObjectType({ description: 'Result of a structure mutation.' })
export class StructurePayload extends MutationPayload {
  @Field(() => Structure, { nullable: true, description: 'The structure, as saved; null on failure.' })
  structure!: Structure | null;
}

@ObjectType({ description: 'Result of a person mutation.' })
export class PersonPayload extends MutationPayload {
  @Field(() => Person, { nullable: true, description: 'The person, as saved; null on failure.' })
  person!: Person | null;
}

@ObjectType({ description: 'Result of a correspondent-assignment mutation.' })
export class CorrespondentAssignmentPayload extends MutationPayload {
  @Field(() => CorrespondentAssignment, { nullable: true, description: 'The assignment, as saved; null on failure.' })
  assignment!: CorrespondentAssignment | null;
}

export enum DirectoryChangeKind {
  STRUCTURE = 'STRUCTURE',
  PERSON = 'PERSON',
  ASSIGNMENT = 'ASSIGNMENT',
}
registerEnumType(DirectoryChangeKind, {
  name: 'DirectoryChangeKind',
  description: 'Which directory object a change is about: a structure, a person, or a correspondent assignment.',
  valuesConfig: {
    STRUCTURE: { description: 'A structure was created or changed.' },
    PERSON: { description: 'A person was created or changed.' },
    ASSIGNMENT: { description: 'A correspondent assignment started or ended.' },
  },
});

@ObjectType({ description: 'A change in the directory, delivered to subscribers on every server instance.' })
export class DirectoryChange {
  @Field(() => DirectoryChangeKind, { description: 'Whether `nodeId` is a Structure, a Person or a CorrespondentAssignment.' })
  kind!: DirectoryChangeKind;

  @Field(() => ID, { description: 'Global id of the changed object; fetch it with `node(id:)`.' })
  nodeId!: string;

  @Field({ description: 'When it changed.' })
  at!: Date;
}

export const DIRECTORY_CHANGED = 'DIRECTORY_CHANGED';
