import { nodeIdResolver } from '../core/base.entity';
import { registerNodeType } from '../core/node-registry';
import { KnowledgeAbbreviation } from './abbreviation.entity';
import { KnowledgeAbbreviationResolver } from './abbreviation.resolver';
import { KnowledgeImportResolver } from './knowledge.import.resolver';
import { Bot, BotDomain } from './bot.entity';
import { KnowledgeItem, KnowledgePhrase, KnowledgePublication, KnowledgeWord } from './knowledge-item.entity';
import { KnowledgeStatus } from './knowledge.enums';
import {
  BotDomainFieldsResolver,
  BotFieldsResolver,
  DialogNodeFieldsResolver,
  KnowledgeItemFieldsResolver,
  knowledgeNodeFetcher,
  KnowledgePhraseFieldsResolver,
  KnowledgePublicationFieldsResolver,
  KnowledgeResolver,
  MatchCandidateFieldsResolver,
  ReviewClusterFieldsResolver,
} from './knowledge.resolver';
import { maySeeUnpublished } from './knowledge.service';
import { ReviewCluster, ReviewEntry } from './review.entity';
import './knowledge.errors';

export const knowledgeEntities = [Bot, BotDomain, KnowledgeItem, KnowledgePhrase, KnowledgePublication, ReviewCluster, ReviewEntry, KnowledgeAbbreviation];
/** Tables without a GraphQL type. */
export const knowledgeInternalEntities = [KnowledgeWord];
export const knowledgeResolvers = [
  KnowledgeResolver,
  BotFieldsResolver,
  BotDomainFieldsResolver,
  KnowledgeItemFieldsResolver,
  KnowledgePhraseFieldsResolver,
  KnowledgePublicationFieldsResolver,
  MatchCandidateFieldsResolver,
  ReviewClusterFieldsResolver,
  KnowledgeAbbreviationResolver,
  KnowledgeImportResolver,
  DialogNodeFieldsResolver,
  ...knowledgeEntities.map(nodeIdResolver),
] as const;

registerNodeType('Bot', knowledgeNodeFetcher(Bot, () => true));
registerNodeType('BotDomain', knowledgeNodeFetcher(BotDomain, () => true));
registerNodeType('KnowledgeItem', knowledgeNodeFetcher(KnowledgeItem, (v, i) => i.status === KnowledgeStatus.PUBLISHED || maySeeUnpublished(v)));
registerNodeType('KnowledgePhrase', knowledgeNodeFetcher(KnowledgePhrase, (v) => maySeeUnpublished(v)));
registerNodeType('KnowledgePublication', knowledgeNodeFetcher(KnowledgePublication, (v) => maySeeUnpublished(v)));
registerNodeType('ReviewCluster', knowledgeNodeFetcher(ReviewCluster, (v) => maySeeUnpublished(v)));
registerNodeType('KnowledgeAbbreviation', knowledgeNodeFetcher(KnowledgeAbbreviation, (v) => maySeeUnpublished(v)));
registerNodeType('ReviewEntry', knowledgeNodeFetcher(ReviewEntry, (v) => maySeeUnpublished(v)));
