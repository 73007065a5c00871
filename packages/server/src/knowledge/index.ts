import { nodeIdResolver } from '../core/base.entity';
import type { FeatureModule } from '../core/module';
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
import { KNOWLEDGE_ERROR_CODES } from './knowledge.errors';

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

export const knowledgeModule: FeatureModule = {
  resolvers: knowledgeResolvers,
  errorCodes: [KNOWLEDGE_ERROR_CODES],
  nodeTypes: {
    Bot: knowledgeNodeFetcher(Bot, () => true),
    BotDomain: knowledgeNodeFetcher(BotDomain, () => true),
    KnowledgeItem: knowledgeNodeFetcher(KnowledgeItem, (v, i) => i.status === KnowledgeStatus.PUBLISHED || maySeeUnpublished(v)),
    KnowledgePhrase: knowledgeNodeFetcher(KnowledgePhrase, (v) => maySeeUnpublished(v)),
    KnowledgePublication: knowledgeNodeFetcher(KnowledgePublication, (v) => maySeeUnpublished(v)),
    ReviewCluster: knowledgeNodeFetcher(ReviewCluster, (v) => maySeeUnpublished(v)),
    KnowledgeAbbreviation: knowledgeNodeFetcher(KnowledgeAbbreviation, (v) => maySeeUnpublished(v)),
    ReviewEntry: knowledgeNodeFetcher(ReviewEntry, (v) => maySeeUnpublished(v)),
  },
};
