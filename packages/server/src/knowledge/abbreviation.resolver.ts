import { IsOptional } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requireViewer, type Context } from '../core/context';
import { decodeId } from '../core/ids';
import { MutationPayload, runMutation } from '../core/mutation';
import { Role } from '../core/roles';
import { SafeText } from '../core/validation';
import { KnowledgeAbbreviation } from './abbreviation.entity';
import * as abbreviations from './abbreviation.service';

@InputType({ description: 'Adds an abbreviation the matcher reads as its words, or changes what an existing short form reads as.' })
export class SetAbbreviationInput {
  @Field({ description: 'The short form as SAP writes it, e.g. "autoris." or "Ctre" (case, accents and a trailing dot are ignored for the lookup). One word, at most 40 characters.' })
  @SafeText(41, { min: 1 })
  shortForm!: string;

  @Field({ description: 'The word or words it stands for, e.g. "autorisation", "périmètre" (at most 120 characters).' })
  @SafeText(120, { min: 2 })
  expansion!: string;

  @Field(() => Boolean, { nullable: true, description: 'Read the short form only when a dot follows it (for a short form that is also a word: "fin." financier, not "fin"). Null keeps the current setting (false for a new short form).' })
  @IsOptional()
  onlyWithDot?: boolean | null;
}

@InputType({ description: 'Removes an abbreviation: the matcher then reads the short form as it is written.' })
export class RemoveAbbreviationInput {
  @Field(() => ID, { description: 'The abbreviation (KnowledgeAbbreviation id).' })
  id!: string;
}

@ObjectType({ description: 'Result of setAbbreviation and removeAbbreviation.' })
export class KnowledgeAbbreviationPayload extends MutationPayload {
  @Field(() => KnowledgeAbbreviation, { nullable: true, description: 'The abbreviation set or removed; null on failure.' })
  abbreviation!: KnowledgeAbbreviation | null;
}

@Resolver()
export class KnowledgeAbbreviationResolver {
  @Authorized(Role.KNOWLEDGE_EDITOR, Role.SN1_AGENT, Role.SN2_AGENT, Role.ANALYST, Role.ADMINISTRATOR)
  @Query(() => [KnowledgeAbbreviation], { description: 'Every SAP abbreviation the matcher reads as its words (both bots), by short form. Support, editors and analysts.' })
  knowledgeAbbreviations(@Ctx() ctx: Context): Promise<KnowledgeAbbreviation[]> {
    return abbreviations.listAbbreviations(ctx.em);
  }

  @Authorized(Role.KNOWLEDGE_EDITOR, Role.ADMINISTRATOR)
  @Mutation(() => KnowledgeAbbreviationPayload, {
    description: 'Knowledge editors: adds or changes an abbreviation. Every stored phrase is read again with it at once, so the next paste is matched with it. ABBREVIATION_INVALID when the short form is not one word or the expansion is empty.',
  })
  setAbbreviation(@Arg('input', { validate: false, description: 'The short form and the words it stands for.' }) input: SetAbbreviationInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ abbreviation: await abbreviations.setAbbreviation(ctx.em, requireViewer(ctx), input) }));
  }

  @Authorized(Role.KNOWLEDGE_EDITOR, Role.ADMINISTRATOR)
  @Mutation(() => KnowledgeAbbreviationPayload, { description: 'Knowledge editors: removes an abbreviation; every stored phrase is read again without it.' })
  removeAbbreviation(@Arg('input', { validate: false, description: 'The abbreviation to remove, by its global id.' }) input: RemoveAbbreviationInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ abbreviation: await abbreviations.removeAbbreviation(ctx.em, requireViewer(ctx), decodeId(input.id, 'KnowledgeAbbreviation')) }));
  }
}
