import { IsEmail, IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../core/roles';
import { GlobalId, SafeText, TEXT } from '../core/validation';
import { CorrespondentKind, StructureKind } from './directory.enums';

@InputType({ description: 'A new structure.' })
export class CreateStructureInput {
  @Field({ description: 'Short unique code (letters, digits, dashes), e.g. `RECT-LYON`.' })
  @SafeText(40, { min: 2 })
  code!: string;

  @Field({ description: 'Full name.' })
  @SafeText(TEXT.name, { min: 1 })
  name!: string;

  @Field(() => StructureKind, { description: 'Rectorat, académie, shared-service centre (CSP), central administration or support centre.' })
  kind!: StructureKind;

  @Field(() => ID, { description: 'Global id of the Ministry the structure belongs to (e.g. MIN06); it decides which SN1 sees its tickets.' })
  @GlobalId('Ministry')
  ministryId!: string;

  @Field(() => ID, { nullable: true, description: 'Id of the parent structure, if any.' })
  @GlobalId('Structure')
  parentId?: string | null;
}

@InputType({ description: 'Changes to a structure; omitted fields stay as they are.' })
export class UpdateStructureInput {
  @Field(() => ID, { description: 'The structure to change.' })
  @GlobalId('Structure')
  id!: string;

  @Field({ nullable: true, description: 'New name.' })
  @IsOptional()
  @SafeText(TEXT.name, { min: 1 })
  name?: string;

  @Field(() => StructureKind, { nullable: true, description: 'New kind.' })
  kind?: StructureKind;

  @Field(() => ID, { nullable: true, description: 'New parent; pass null to detach.' })
  @GlobalId('Structure')
  parentId?: string | null;
}

@InputType({ description: 'A new person.' })
export class CreatePersonInput {
  @Field({ description: 'Given name as the person writes it, accents included (1 to 100 characters).' })
  @SafeText(100, { min: 1 })
  firstName!: string;

  @Field({ description: 'Family name as the person writes it (1 to 100 characters); lists of people sort by it.' })
  @SafeText(100, { min: 1 })
  lastName!: string;

  @Field({ description: 'Professional email, unique.' })
  @SafeText(TEXT.email, { min: 3 })
  @IsEmail()
  email!: string;

  @Field(() => ID, { description: 'Global id of the Structure the person works in; it decides which tickets and trainings concern them.' })
  @GlobalId('Structure')
  structureId!: string;

  @Field(() => [Role], { defaultValue: [Role.END_USER], description: 'Roles held in their own right (not correspondent roles, which come from assignments).' })
  roles!: Role[];
}

@InputType({ description: 'Changes to a person; omitted fields stay as they are.' })
export class UpdatePersonInput {
  @Field(() => ID, { description: 'The person to change.' })
  @GlobalId('Person')
  id!: string;

  @Field({ nullable: true, description: 'New first name.' })
  @IsOptional()
  @SafeText(100, { min: 1 })
  firstName?: string;

  @Field({ nullable: true, description: 'New last name.' })
  @IsOptional()
  @SafeText(100, { min: 1 })
  lastName?: string;

  @Field({ nullable: true, description: 'New email, unique.' })
  @IsOptional()
  @SafeText(TEXT.email, { min: 3 })
  @IsEmail()
  email?: string;

  @Field(() => ID, { nullable: true, description: 'New structure.' })
  @GlobalId('Structure')
  structureId?: string;

  @Field(() => [Role], { nullable: true, description: 'Replaces the roles held in their own right.' })
  roles?: Role[];

  @Field({ nullable: true, description: 'False when the person leaves.' })
  active?: boolean;
}

@InputType({ description: 'Gives a person a correspondent role for a structure.' })
export class AssignCorrespondentInput {
  @Field(() => ID, { description: 'Global id of the Person who takes the correspondent role.' })
  @GlobalId('Person')
  personId!: string;

  @Field(() => ID, { description: 'The structure they act for (usually their own).' })
  @GlobalId('Structure')
  structureId!: string;

  @Field(() => CorrespondentKind, { description: 'The role.' })
  kind!: CorrespondentKind;

  @Field({ nullable: true, description: 'Start; now when omitted.' })
  since?: Date;

  @Field({ nullable: true, description: 'Planned end, if known.' })
  until?: Date;
}

@InputType({ description: 'Ends a running correspondent assignment.' })
export class EndCorrespondentAssignmentInput {
  @Field(() => ID, { description: 'Global id of a running CorrespondentAssignment; one already ended is refused (ASSIGNMENT_ALREADY_ENDED).' })
  @GlobalId('CorrespondentAssignment')
  id!: string;

  @Field({ nullable: true, description: 'Why it ends.' })
  @IsOptional()
  @SafeText(500)
  reason?: string;
}

@InputType({ description: 'Narrows the directory search: by name or email, role and structure; every given criterion must hold.' })
export class PeopleFilter {
  @Field({ nullable: true, description: 'Matches first name, last name or email (case- and accent-insensitive, substring).' })
  @IsOptional()
  @SafeText(TEXT.search)
  search?: string;

  @Field(() => Role, { nullable: true, description: 'Only people holding this role (held or through an active assignment).' })
  role?: Role;

  @Field(() => ID, { nullable: true, description: 'Only people of this structure.' })
  structureId?: string;
}

@InputType({ description: 'Narrows the list of structures by text, kind, ministry or parent; every given criterion must hold.' })
export class StructureFilter {
  @Field({ nullable: true, description: 'Matches code or name (substring, case-insensitive).' })
  @IsOptional()
  @SafeText(TEXT.search)
  search?: string;

  @Field(() => StructureKind, { nullable: true, description: 'Only structures of this kind.' })
  kind?: StructureKind;

  @Field(() => ID, { nullable: true, description: 'Only structures of this ministry.' })
  ministryId?: string;

  @Field(() => ID, { nullable: true, description: 'Only direct children of this structure.' })
  parentId?: string;
}
