import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';

/**
 * An abbreviation SAP writes in its messages ("autoris." for autorisation): the matcher
 * reads it as the full word on both sides (stored phrases and pasted messages), so a
 * message pasted abbreviated matches a knowledge item written out, and the reverse.
 * Shared by every bot: the abbreviations are Chorus's, not a bot's.
 */
@Entity({ tableName: 'knowledge_abbreviation' })
@Unique({ properties: ['shortForm'] })
@ObjectType({ implements: Node, description: 'An abbreviation of SAP messages and the words the matcher reads for it ("autoris." → "autorisation"). Knowledge editors keep the list.' })
export class KnowledgeAbbreviation extends BaseEntity<'onlyWithDot'> {
  /** Folded: lower case, no accent, no trailing dot (the unique key). */
  @Property({ type: 'string', length: 40 })
  @Field({ description: 'The short form as the matcher looks it up: lower case, without accent nor trailing dot ("autoris", "ctre", "ds").' })
  shortForm!: string;

  @Property({ type: 'string', length: 120 })
  @Field({ description: 'What the matcher reads instead, as written by the editor ("autorisation", "périmètre"); may be several words.' })
  expansion!: string;

  @Property({ type: 'boolean', default: false })
  @Field({ description: 'True when the short form is read only if a dot follows it ("fin." is financier, but "fin de gestion" stays as it is). False: read with or without a dot.' })
  onlyWithDot: boolean = false;
}
