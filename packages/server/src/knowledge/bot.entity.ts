import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { TroubleDomain } from '../directory/directory.enums';
import { DomainRole } from './knowledge.enums';

@Entity({ tableName: 'bot' })
@ObjectType({ implements: Node, description: 'A chatbot: IZIA (Chorus Cœur and Chorus Formulaires) or IANIS (Chorus DT).' })
export class Bot extends BaseEntity<'confidentThreshold' | 'ambiguousThreshold' | 'marginThreshold' | 'confirmMatchedDomain'> {
  @Property({ type: 'string', length: 20 })
  @Unique()
  @Field({ description: 'Short code, e.g. `IZIA`.' })
  code!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: 'Display name.' })
  name!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'The applications it answers for.' })
  applications!: string;

  @Property({ type: 'text' })
  @Field({ description: 'What the bot says when a conversation starts.' })
  welcomeText!: string;

  @Property({ type: 'text' })
  @Field({ description: 'What the bot says when it finds no answer (followed by whom to ask).' })
  fallbackText!: string;

  @Property({ type: 'double', default: 0.72 })
  @Field(() => Float, { description: 'Score from which the best candidate is a confident answer (0–1).' })
  confidentThreshold: number = 0.72;

  @Property({ type: 'double', default: 0.45 })
  @Field(() => Float, { description: 'Score from which candidates are offered as buttons (ambiguous); below, the fallback.' })
  ambiguousThreshold: number = 0.45;

  @Property({ type: 'double', default: 0.06 })
  @Field(() => Float, { description: 'How far the best candidate must lead the second (another item) to be confident.' })
  marginThreshold: number = 0.06;

  @Property({ type: 'boolean', default: true })
  @Field({ description: 'After a confident match, ask the domain and show that domain’s known messages for confirmation, as IZIA does.' })
  confirmMatchedDomain: boolean = true;
}

@Entity({ tableName: 'bot_domain' })
@Unique({ properties: ['bot', 'code'] })
@Index({ properties: ['bot', 'position'] })
@ObjectType({ implements: Node, description: 'A domain of a bot’s menu: Connexion, Habilitation, EJ, … and the special Incidents majeurs and Upgrade SAP.' })
export class BotDomain extends BaseEntity {
  @ManyToOne(() => Bot, { ref: true })
  bot!: Ref<Bot>;

  @Property({ type: 'string', length: 40 })
  @Field({ description: 'Short code, unique within the bot, e.g. `EJ`.' })
  code!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: 'Label on the menu button, e.g. "Problème sur un workflow".' })
  label!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Place in the menu (ascending).' })
  position!: number;

  @Enum({ items: () => DomainRole })
  @Field(() => DomainRole, { description: 'Functional domain or one of the special ones.' })
  role!: DomainRole;

  @Enum({ items: () => TroubleDomain })
  @Field(() => TroubleDomain, { description: 'Which correspondent answers for this domain when the bot cannot (`whomToAsk`).' })
  troubleDomain!: TroubleDomain;
}
