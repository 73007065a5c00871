import { registerEnumType } from 'type-graphql';
import { currentLocale, labelList, type Locale, type Translations } from './i18n';

/** Every role of DOMAIN.md §1, plus the platform head who designates CCHs. */
export enum Role {
  END_USER = 'END_USER',
  CCA = 'CCA',
  CCH = 'CCH',
  CCP = 'CCP',
  CCTFG = 'CCTFG',
  CCFP = 'CCFP',
  PLATFORM_HEAD = 'PLATFORM_HEAD',
  SN1_AGENT = 'SN1_AGENT',
  SN2_AGENT = 'SN2_AGENT',
  TECHNICAL_AGENT = 'TECHNICAL_AGENT',
  DAF_MANAGER = 'DAF_MANAGER',
  TRAINING_REFERENT = 'TRAINING_REFERENT',
  KNOWLEDGE_EDITOR = 'KNOWLEDGE_EDITOR',
  ANALYST = 'ANALYST',
  ADMINISTRATOR = 'ADMINISTRATOR',
  APPLICATION = 'APPLICATION',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a caller may do. Correspondent roles (CCA … CCFP) come from active correspondent assignments; the others are held by the person.',
  valuesConfig: {
    END_USER: { description: 'An agent with a Chorus account: asks the chatbot and their correspondents, never opens a ticket.' },
    CCA: { description: 'Correspondant Chorus applicatif: the pivot, the only person who opens and follows service-desk tickets for their structure.' },
    CCH: { description: 'Correspondant Chorus habilitation: manages the access rights of the users of their structure.' },
    CCP: { description: 'Correspondant Chorus paramétrage: supervises configuration.' },
    CCTFG: { description: 'Correspondant Chorus travaux de fin de gestion: year-end closing works (October N to March N+1).' },
    CCFP: { description: 'Correspondant Chorus Formulaires de proximité: access rights and form context for Chorus Formulaires.' },
    PLATFORM_HEAD: { description: 'Head of a Chorus platform: designates the CCHs of their structure.' },
    SN1_AGENT: { description: 'Ministerial support level 1: takes tickets from CCAs, the only level that escalates to SN2.' },
    SN2_AGENT: { description: 'AIFE support level 2: acts on tickets escalated to it.' },
    TECHNICAL_AGENT: { description: 'CES-CHOREGIE technical team: technical incidents, notably exchange flows.' },
    DAF_MANAGER: { description: 'DAF manager of a rectorat: validates training requests of their structure.' },
    TRAINING_REFERENT: { description: 'SN1 training referent: registers validated training requests.' },
    KNOWLEDGE_EDITOR: { description: 'Writes and publishes chatbot knowledge (AIFE).' },
    ANALYST: { description: 'Reads everything, changes nothing: ad-hoc queries and statistics.' },
    ADMINISTRATOR: { description: 'Manages the directory, application clients and configuration.' },
    APPLICATION: { description: 'A business application (SAXO, GAIA, …) calling with an API key.' },
  },
});

/** Roles a correspondent assignment confers. */
export const CORRESPONDENT_ROLES = [Role.CCA, Role.CCH, Role.CCP, Role.CCTFG, Role.CCFP] as const;
export type CorrespondentRole = (typeof CORRESPONDENT_ROLES)[number];

/** How a person names each role, for refusals that say who may act. */
export const ROLE_LABELS: Readonly<Record<Role, Translations>> = {
  END_USER: { fr: 'utilisateur Chorus', en: 'Chorus user' },
  CCA: { fr: 'correspondant Chorus applicatif (CCA)', en: 'application correspondent (CCA)' },
  CCH: { fr: 'correspondant Chorus habilitation (CCH)', en: 'access-rights correspondent (CCH)' },
  CCP: { fr: 'correspondant Chorus paramétrage (CCP)', en: 'configuration correspondent (CCP)' },
  CCTFG: { fr: 'correspondant travaux de fin de gestion (CCTFG)', en: 'year-end closing correspondent (CCTFG)' },
  CCFP: { fr: 'correspondant Chorus Formulaires (CCFp)', en: 'Chorus Formulaires correspondent (CCFp)' },
  PLATFORM_HEAD: { fr: 'responsable de plateforme Chorus', en: 'Chorus platform head' },
  SN1_AGENT: { fr: 'agent de support de niveau 1 (SN1)', en: 'level-1 support agent (SN1)' },
  SN2_AGENT: { fr: 'agent de support de niveau 2 (SN2)', en: 'level-2 support agent (SN2)' },
  TECHNICAL_AGENT: { fr: 'équipe technique CES-CHOREGIE', en: 'CES-CHOREGIE technical team' },
  DAF_MANAGER: { fr: 'gestionnaire DAF', en: 'DAF manager' },
  TRAINING_REFERENT: { fr: 'référent formation', en: 'training referent' },
  KNOWLEDGE_EDITOR: { fr: 'rédacteur de la base de connaissances', en: 'knowledge editor' },
  ANALYST: { fr: 'analyste', en: 'analyst' },
  ADMINISTRATOR: { fr: 'administrateur', en: 'administrator' },
  APPLICATION: { fr: 'application métier (clé d’API)', en: 'business application (API key)' },
};

/** The roles in the caller's language, as "A, B ou C". */
export function roleList(roles: readonly Role[], locale: Locale = currentLocale()): string {
  return labelList(ROLE_LABELS, roles, locale);
}
