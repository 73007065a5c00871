import { registerEnumType } from 'type-graphql';

export enum StructureKind {
  RECTORAT = 'RECTORAT',
  ACADEMIE = 'ACADEMIE',
  SHARED_SERVICE_CENTRE = 'SHARED_SERVICE_CENTRE',
  CENTRAL_ADMINISTRATION = 'CENTRAL_ADMINISTRATION',
  SUPPORT_CENTRE = 'SUPPORT_CENTRE',
}
registerEnumType(StructureKind, {
  name: 'StructureKind',
  description: 'The kind of a structure: a local education authority, a shared-service centre, a central department, or a support organisation.',
  valuesConfig: {
    RECTORAT: { description: 'A rectorat (regional education authority).' },
    ACADEMIE: { description: 'An académie, grouping the local structures of a region.' },
    SHARED_SERVICE_CENTRE: { description: 'A shared-service centre (CSP), also called a Chorus platform.' },
    CENTRAL_ADMINISTRATION: { description: 'A central administration department (e.g. DAF).' },
    SUPPORT_CENTRE: { description: 'A support organisation (SN1, AIFE, CES-CHOREGIE).' },
  },
});

export enum CorrespondentKind {
  CCA = 'CCA',
  CCH = 'CCH',
  CCP = 'CCP',
  CCTFG = 'CCTFG',
  CCFP = 'CCFP',
}
registerEnumType(CorrespondentKind, {
  name: 'CorrespondentKind',
  description: 'The local correspondent roles: first-line support inside a structure, by domain of intervention.',
  valuesConfig: {
    CCA: { description: 'Correspondant Chorus applicatif: opens and follows service-desk tickets.' },
    CCH: { description: 'Correspondant Chorus habilitation: access rights.' },
    CCP: { description: 'Correspondant Chorus paramétrage: configuration.' },
    CCTFG: { description: 'Correspondant Chorus travaux de fin de gestion: year-end works.' },
    CCFP: { description: 'Correspondant Chorus Formulaires de proximité: Chorus Formulaires.' },
  },
});

export enum SupportLevel {
  SN1 = 'SN1',
  SN2 = 'SN2',
  TECHNICAL = 'TECHNICAL',
}
registerEnumType(SupportLevel, {
  name: 'SupportLevel',
  description: 'A level of the escalation pyramid above the local correspondents.',
  valuesConfig: {
    SN1: { description: 'Ministerial support level 1 (Mission ministérielle Chorus, DAF-DCISIF).' },
    SN2: { description: 'Support level 2 at AIFE, for escalated tickets.' },
    TECHNICAL: { description: 'CES-CHOREGIE (DNE): technical incidents and exchange flows.' },
  },
});

export enum TroubleDomain {
  ACCESS_RIGHTS = 'ACCESS_RIGHTS',
  CONFIGURATION = 'CONFIGURATION',
  YEAR_END_WORKS = 'YEAR_END_WORKS',
  FORMS = 'FORMS',
  OTHER = 'OTHER',
}
registerEnumType(TroubleDomain, {
  name: 'TroubleDomain',
  description: 'A domain of trouble, to find the right correspondent with `whomToAsk`.',
  valuesConfig: {
    ACCESS_RIGHTS: { description: 'Access rights (habilitations): the CCH.' },
    CONFIGURATION: { description: 'Configuration (paramétrage): the CCP.' },
    YEAR_END_WORKS: { description: 'Year-end closing works: the CCTFG.' },
    FORMS: { description: 'Chorus Formulaires: the CCFp.' },
    OTHER: { description: 'Anything else: the CCA.' },
  },
});

/** Where the correspondents `whomToAsk` gives come from. */
export enum CorrespondentSource {
  OWN_STRUCTURE = 'OWN_STRUCTURE',
  PARENT_STRUCTURE = 'PARENT_STRUCTURE',
  CHORUS_PLATFORM = 'CHORUS_PLATFORM',
  NONE = 'NONE',
}
registerEnumType(CorrespondentSource, {
  name: 'CorrespondentSource',
  description: 'Which level of the structure hierarchy answered `whomToAsk`.',
  valuesConfig: {
    OWN_STRUCTURE: { description: 'The structure asked about has the correspondents.' },
    PARENT_STRUCTURE: { description: 'It has none: those of the nearest parent structure (rectorat, académie…) that has some.' },
    CHORUS_PLATFORM: { description: 'Neither it nor its parents have any: those of its Chorus platform (the shared-service centre of its académie).' },
    NONE: { description: 'Nobody at any level: no correspondent to give.' },
  },
});
