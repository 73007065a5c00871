/**
 * What the bots say outside items' dialogs. Where the source shows the words (IZIA
 * screenshots), they are kept as the source writes them, punctuation included.
 */
export const BOT_TEXTS = {
  /** Source, screenshot 4/10. */
  whichDomain: 'Sur quel domaine porte la demande',
  /** Source, screenshot 8/10. */
  whichIncidentDomain: 'Sur quel domaine porte votre anomalie',
  /** Source, screenshot 8/10. */
  incidentsList: 'Les anomalies concernent les sujets suivants',
  linkedTickets: (n: number) =>
    n === 0 ? 'Aucune fiche n’est encore rattachée à cet incident.' : n === 1 ? '1 fiche est déjà rattachée à cet incident.' : `${n} fiches sont déjà rattachées à cet incident.`,
  knownMessages: (domain: string) => `Voici les messages d'erreur connus sur le domaine ${domain}. Votre message en fait-il partie ?`,
  /** Source, screenshot 9/10: the messages a known anomaly causes. */
  incidentMessages: (title: string) => `Votre message fait partie de ceux que provoque l'anomalie « ${title} » en cours d'analyse. Est-ce bien votre cas ?`,
  domainSubjects: (domain: string) => `Voici les sujets connus sur le domaine « ${domain} ». Choisissez le vôtre, ou copiez-collez votre message d'erreur.`,
  upgradeSubjects: "Voici les changements apportés par la montée de version SAP. Choisissez celui qui vous intéresse.",
  emptyDomain: (domain: string) => `Je n'ai pas encore de connaissance publiée sur le domaine « ${domain} ».`,
  ambiguous: 'Votre message ressemble à plusieurs messages que je connais. Lequel correspond à votre situation ?',
  /** One candidate only: a yes/no question about it. */
  didYouMean: (title: string) => `Vouliez-vous dire « ${title} » ?`,
  notInDomain: (domain: string) => `Je ne connais pas ce message sur le domaine « ${domain} ».`,
  notUnderstood: "Je n'ai pas compris votre message. Vous pouvez sélectionner un des domaines ci-dessous ou copier-coller votre message d'erreur.",
  menuAgain: "Vous pouvez sélectionner un des domaines ci-dessous ou copier-coller votre message d'erreur.",
  noLongerAvailable: "Cette réponse n'est plus disponible : elle a été retirée par le support.",
  handedOff: (who: string) => `Votre demande a été transmise à ${who}. Lui seul peut ouvrir une fiche au support : il reviendra vers vous avec le message que vous avez collé et le chemin suivi ici.`,
  handedOffNobody: "Votre demande est enregistrée, mais votre structure n'a pas de correspondant Chorus applicatif (CCA) en fonction : signalez-le au responsable de votre plate-forme Chorus.",
  alreadyHandedOff: 'Cette conversation a déjà été transmise à votre CCA.',
  buttons: {
    yes: 'Oui',
    no: 'Non',
    noneOfThese: 'Aucun de ces messages',
    ticket: 'Demander une fiche à mon CCA',
    restart: 'Revenir aux domaines',
  },
} as const;

export const CORRESPONDENT_LABEL: Record<string, string> = {
  CCA: 'correspondant Chorus applicatif (CCA)',
  CCH: 'correspondant Chorus habilitation (CCH)',
  CCP: 'correspondant Chorus paramétrage (CCP)',
  CCTFG: 'correspondant Chorus travaux de fin de gestion (CCTFG)',
  CCFP: 'correspondant Chorus Formulaires de proximité (CCFp)',
};
