import { registerEnumType } from 'type-graphql';

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
