/**
 * The knowledge the demo (and the quality gate) starts from: the EJ messages, major
 * incidents and the full dialog of the source, and items for the other domains written
 * as a Chorus support team would. French, as the users read it.
 */
import { TroubleDomain } from '../directory/directory.enums';
import { singleAnswer, type DialogData } from './dialog';
import { DialogActionKind, DialogNodeKind, DomainRole, InvestigationStatus, KnowledgeKind } from './knowledge.enums';

export const DIAPASON = 'https://chorus-diapason.finances.ader.gouv.fr';
export const FSD_PROCEDURE_URL = `${DIAPASON}/support/processus-creation-fiche-desk`;
export const FSD_BUTTON = { kind: DialogActionKind.LINK, label: "Processus de création d'une Fiche Desk (FSD)", url: FSD_PROCEDURE_URL };
const TICKET = { kind: DialogActionKind.TICKET_REQUEST, label: 'Demander une fiche à mon CCA', url: null };

export interface SeedBot {
  code: string;
  name: string;
  applications: string;
  welcomeText: string;
  fallbackText: string;
  domains: { code: string; label: string; role: DomainRole; troubleDomain: TroubleDomain }[];
}

export interface SeedItem {
  bot: string;
  domain: string;
  kind: KnowledgeKind;
  title: string;
  message?: string;
  dialog: DialogData;
  reformulations?: string[];
  incident?: { status: InvestigationStatus; causedMessages: string[]; workaround?: string; ticketAdvised: boolean };
}

export const SEED_BOTS: SeedBot[] = [
  {
    code: 'IZIA',
    name: 'IZIA',
    applications: 'Chorus Cœur et Chorus Formulaires',
    welcomeText: "Bonjour Je suis IZIA votre assistante virtuelle. Vous pouvez sélectionner un des domaines ci-dessous ou copier-coller votre message d'erreur.",
    fallbackText:
      "Je n'ai pas trouvé de réponse à votre demande. Votre message a été transmis au support, qui complétera mes connaissances pour que la prochaine fois je puisse vous répondre.",
    domains: [
      { code: 'CONNEXION', label: 'Connexion', role: DomainRole.STANDARD, troubleDomain: TroubleDomain.ACCESS_RIGHTS },
      { code: 'HABILITATION', label: 'Habilitation', role: DomainRole.STANDARD, troubleDomain: TroubleDomain.ACCESS_RIGHTS },
      { code: 'WORKFLOW', label: 'Problème sur un workflow', role: DomainRole.STANDARD, troubleDomain: TroubleDomain.CONFIGURATION },
      { code: 'CFO', label: 'Chorus Formulaires', role: DomainRole.STANDARD, troubleDomain: TroubleDomain.FORMS },
      { code: 'RNF', label: 'RNF', role: DomainRole.STANDARD, troubleDomain: TroubleDomain.OTHER },
      { code: 'SERVICE_FAIT', label: 'Service fait présumé / assisté', role: DomainRole.STANDARD, troubleDomain: TroubleDomain.OTHER },
      { code: 'EJ', label: 'EJ', role: DomainRole.STANDARD, troubleDomain: TroubleDomain.OTHER },
      { code: 'INCIDENTS_MAJEURS', label: 'Incidents majeurs', role: DomainRole.MAJOR_INCIDENTS, troubleDomain: TroubleDomain.OTHER },
      { code: 'UPGRADE_SAP', label: 'Upgrade SAP', role: DomainRole.UPGRADE_SAP, troubleDomain: TroubleDomain.OTHER },
    ],
  },
  {
    code: 'IANIS',
    name: 'IANIS',
    applications: 'Chorus DT',
    welcomeText: "Bonjour Je suis IANIS votre assistant virtuel Chorus DT. Vous pouvez sélectionner un des domaines ci-dessous ou copier-coller votre message d'erreur.",
    fallbackText: "Je n'ai pas trouvé de réponse à votre demande. Votre message a été transmis au support, qui complétera mes connaissances.",
    domains: [
      { code: 'CONNEXION', label: 'Connexion', role: DomainRole.STANDARD, troubleDomain: TroubleDomain.ACCESS_RIGHTS },
      { code: 'OM', label: 'Ordres de mission', role: DomainRole.STANDARD, troubleDomain: TroubleDomain.OTHER },
      { code: 'EF', label: 'États de frais', role: DomainRole.STANDARD, troubleDomain: TroubleDomain.OTHER },
      { code: 'VALIDATION', label: 'Valideurs et circuits de validation', role: DomainRole.STANDARD, troubleDomain: TroubleDomain.CONFIGURATION },
      { code: 'INCIDENTS_MAJEURS', label: 'Incidents majeurs', role: DomainRole.MAJOR_INCIDENTS, troubleDomain: TroubleDomain.OTHER },
    ],
  },
];

/** The source's full dialog (DOMAIN.md §3, IZIA screenshots 4/10 and 5/10), word for word where the source gives the words. */
export const POSTE_PIECE_DIALOG: DialogData = {
  start: 'modification',
  nodes: [
    {
      id: 'modification',
      kind: DialogNodeKind.QUESTION,
      texts: ["Quelle est la modification apportée sur l'EJ"],
      listItems: [],
      buttons: [
        { label: 'Abonnement d un poste', next: 'abonnement' },
        { label: "Modification du montant d'un poste", next: 'montant' },
        { label: "Ajout ou changement du tiers en en-tête", next: 'tiers' },
        { label: 'Autre modification', next: 'autre' },
      ],
      actions: [],
    },
    {
      id: 'abonnement',
      kind: DialogNodeKind.ANSWER,
      texts: [
        'Nous vous rappelons qu un poste soldé en année antérieure ne peut plus faire l objet de modifications. Vous devez créer un nouveau poste.',
        "Si vous rencontrez un message de report sur un poste finalisé, vous devez créer une fiche au support pour débloquer l'EJ.",
        "Si vous ne savez pas comment créer une fiche desk, vous pouvez avoir plus de détail en cliquant sur le bouton ci-dessous. Si vous souhaitez renseigner un nouveau message d'erreur, il faut initier une nouvelle conversation.",
      ],
      listItems: [],
      buttons: [],
      actions: [FSD_BUTTON],
    },
    {
      id: 'montant',
      kind: DialogNodeKind.ANSWER,
      texts: [
        "Un poste d'un EJ d'une année antérieure doit être reporté dans l'exercice en cours avant toute modification de son montant. Les reports sont réalisés lors des travaux de fin de gestion : rapprochez-vous de votre correspondant CCTFG.",
        "Si le poste aurait dû être reporté et ne l'a pas été, vous devez créer une fiche au support pour débloquer l'EJ.",
      ],
      listItems: [],
      buttons: [],
      actions: [FSD_BUTTON],
    },
    {
      id: 'tiers',
      kind: DialogNodeKind.ANSWER,
      texts: [
        "L'ajout d'un tiers en en-tête d'un EJ peut provoquer des contrôles erronés et ainsi provoquer des messages d'erreurs bloquants. Il s'agit d'un incident majeur connu du support (domaine « Incidents majeurs », sujet « Ajout d'un tiers dans l'EJ »).",
        "L'analyse de cette anomalie est actuellement en cours de traitement. Vous devez créer une fiche pour le déblocage de l'EJ.",
      ],
      listItems: [],
      buttons: [],
      actions: [FSD_BUTTON],
    },
    {
      id: 'autre',
      kind: DialogNodeKind.ANSWER,
      texts: [
        "Ce message indique que le poste de l'EJ appartient à un exercice antérieur et n'a pas été reporté : il ne peut pas être modifié tant qu'il n'est pas reporté.",
        "Si vous devez modifier ce poste, vous devez créer une fiche au support pour débloquer l'EJ.",
      ],
      listItems: [],
      buttons: [],
      actions: [FSD_BUTTON],
    },
  ],
};

const answer = (texts: string[], withFsd = false, listItems: string[] = [], listPosition: number | null = null) => singleAnswer(texts, withFsd ? [FSD_BUTTON] : [], listItems, listPosition);

const EJ_MESSAGES: SeedItem[] = [
  {
    bot: 'IZIA', domain: 'EJ', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Centre financier inexistant', message: 'Centre financier inexistant',
    dialog: answer([
      "Le centre financier saisi dans l'imputation n'existe pas dans le référentiel Chorus. Vérifiez sa saisie : un centre financier s'écrit sous la forme XXXX-XXXX-XXXX (programme, BOP, UO), par exemple 0141-CDBU-DR69.",
      'Utilisez l’aide à la saisie (F4) plutôt que de copier un code venant d’un autre exercice. Si le centre financier devrait exister, rapprochez-vous de votre correspondant CCP (paramétrage).',
    ]),
    reformulations: ['le centre financier n existe pas', 'centre financier introuvable'],
  },
  {
    bot: 'IZIA', domain: 'EJ', kind: KnowledgeKind.ERROR_MESSAGE, title: "Le domaine fonctionnel n'est pas valable", message: "Le domaine fonctionnel XXX n'est pas valable",
    dialog: answer([
      "Le domaine fonctionnel (l'activité) saisi dans l'imputation n'est pas ouvert pour ce programme ou pour l'exercice en cours.",
      "Vérifiez dans l'onglet Imputation du poste la combinaison programme / domaine fonctionnel, et choisissez un domaine fonctionnel proposé par l'aide à la saisie. Si le domaine fonctionnel attendu n'est pas proposé, contactez votre correspondant CCP.",
    ]),
  },
  {
    bot: 'IZIA', domain: 'EJ', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Poste de commande comprend encore des imputations erronées', message: 'Poste de commande XXX comprend encore des imputations erronées',
    dialog: answer([
      "Au moins un poste de l'EJ porte une imputation incomplète ou invalide (centre financier, domaine fonctionnel, activité, centre de coûts).",
      "Ouvrez chaque poste signalé, onglet Imputation, corrigez la ligne en erreur puis cliquez sur « Contrôler » avant de sauvegarder. Le message d'erreur détaillé s'affiche dans le journal des messages.",
    ]),
  },
  {
    bot: 'IZIA', domain: 'EJ', kind: KnowledgeKind.ERROR_MESSAGE, title: "Poste de pièce n'a pas encore été reporté dans exercice en cours", message: "Poste de pièce n'a pas encore été reporté dans exercice en cours",
    dialog: POSTE_PIECE_DIALOG,
    reformulations: ["le poste n a pas ete reporte sur l exercice en cours", 'poste de piece non reporte dans l exercice'],
  },
  {
    bot: 'IZIA', domain: 'EJ', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Une erreur est survenue dans la règle de dérivation', message: 'Une erreur est survenue dans la règle de dérivation',
    dialog: answer([
      "La règle de dérivation n'a pas trouvé de correspondance pour l'imputation saisie : le centre de coûts ou le domaine fonctionnel ne correspond pas au centre financier.",
      "Vérifiez le centre de coûts et le domaine fonctionnel du poste. Si l'imputation est correcte et que le message persiste, vous devez créer une fiche au support.",
    ], true),
  },
  {
    bot: 'IZIA', domain: 'EJ', kind: KnowledgeKind.ERROR_MESSAGE, title: "Ctre financier XXX n'existe pas ds périm. Fin XX et exercice XXX", message: "Ctre financier XXX n'existe pas ds périm. Fin XX et exercice XXX",
    dialog: answer([
      "Le centre financier existe, mais il n'est pas rattaché au périmètre financier indiqué pour cet exercice : il a pu être fermé, ou pas encore ouvert sur l'exercice en cours.",
      "Vérifiez l'exercice de la pièce et le centre financier. Pour une ouverture ou un rattachement de centre financier, contactez votre correspondant CCP.",
    ]),
  },
  {
    bot: 'IZIA', domain: 'EJ', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Report nul automatique avec chaîne de document', message: 'Pièce XXX : report nul automatique avec chaîne de document non autorisé',
    dialog: answer([
      "Le poste porte une chaîne de documents (service fait, demande de paiement) : Chorus refuse de le reporter automatiquement à zéro.",
      "Vérifiez qu'aucun service fait ni aucune demande de paiement n'est en cours sur le poste. Si le poste doit être soldé malgré sa chaîne de documents, vous devez créer une fiche au support.",
    ], true),
  },
  {
    bot: 'IZIA', domain: 'EJ', kind: KnowledgeKind.ERROR_MESSAGE, title: "Les erreurs précédentes ont été détectées lors de la remontée d'AE", message: "Les erreurs précédentes ont été détectées lors de la remontée d'AE",
    dialog: answer([
      "Ce message résume les erreurs affichées juste au-dessus de lui dans le journal des messages : la consommation des autorisations d'engagement (AE) a échoué.",
      'Lisez le premier message de la liste : c’est lui qui indique la cause (centre financier, disponible insuffisant, imputation). Copiez-collez ce premier message dans une nouvelle conversation.',
    ]),
  },
  {
    bot: 'IZIA', domain: 'EJ', kind: KnowledgeKind.ERROR_MESSAGE, title: "la valeur Blanc/Espace est non valide pour l'élément d'imputation Prog CB", message: "la valeur Blanc/Espace est non valide pour l'élément d'imputation Prog CB",
    dialog: answer([
      "Le programme budgétaire (Prog CB) de l'imputation est vide : Chorus ne peut pas déterminer le budget à consommer.",
      "Complétez le centre financier du poste (il porte le programme) ou resaisissez l'imputation avec l'aide à la saisie, puis contrôlez l'EJ avant de le sauvegarder.",
    ]),
  },
];

const EJ_INCIDENTS: SeedItem[] = [
  {
    bot: 'IZIA', domain: 'EJ', kind: KnowledgeKind.MAJOR_INCIDENT, title: 'Données erronées en Z_LISTE_EJ',
    dialog: answer([
      "La restitution Z_LISTE_EJ affiche des montants engagés et des statuts erronés pour certains EJ modifiés depuis le dernier upgrade. Les données de l'EJ lui-même (transaction ME23N) sont justes.",
      "Dans l'attente de la correction, consultez l'EJ directement plutôt que la liste. L'analyse de cette anomalie est actuellement en cours de traitement.",
    ]),
    incident: { status: InvestigationStatus.WORKAROUND_AVAILABLE, causedMessages: [], workaround: "Consulter l'EJ en ME23N au lieu de la liste Z_LISTE_EJ.", ticketAdvised: false },
  },
  {
    bot: 'IZIA', domain: 'EJ', kind: KnowledgeKind.MAJOR_INCIDENT, title: "Ajout d'un tiers dans l'EJ",
    dialog: answer(
      [
        "L'ajout d'un tiers en en-tête d'un EJ peut provoquer des contrôles erronés et ainsi provoquer des messages d'erreurs bloquants.",
        'Les messages d’erreurs peuvent-être les suivants :',
        "L'analyse de cette anomalie est actuellement en cours de traitement.\nVous devez créer une fiche pour le déblocage de l'EJ.",
      ],
      true,
      [
        'Poste de pièce n a pas encore été reporté dans exercice en cours',
        'Aucune autoris. pr périm. fin. BG00 version 0 catég. budg. 9G',
        'Pièce XXXXXX/XXXXX : annulation automatique du report nul interdit',
      ],
      2, // text, text, the list of messages, text: as the source shows it
    ),
    incident: {
      status: InvestigationStatus.UNDER_INVESTIGATION,
      causedMessages: [
        'Poste de pièce n a pas encore été reporté dans exercice en cours',
        'Aucune autoris. pr périm. fin. BG00 version 0 catég. budg. 9G',
        'Pièce XXXXXX/XXXXX : annulation automatique du report nul interdit',
      ],
      ticketAdvised: true,
    },
  },
  {
    bot: 'IZIA', domain: 'EJ', kind: KnowledgeKind.MAJOR_INCIDENT, title: "Postes d'EJ absents dans Chorus Formulaire",
    dialog: answer([
      "Certains postes d'EJ créés dans Chorus Cœur n'apparaissent pas dans Chorus Formulaires (constatation du service fait, demande de paiement). L'anomalie touche les EJ comportant plus de 99 postes.",
      "L'analyse de cette anomalie est actuellement en cours de traitement. Si le traitement est urgent, vous devez créer une fiche.",
    ], true),
    incident: { status: InvestigationStatus.UNDER_INVESTIGATION, causedMessages: [], ticketAdvised: true },
  },
  {
    bot: 'IZIA', domain: 'EJ', kind: KnowledgeKind.MAJOR_INCIDENT, title: 'aucune autorisation pour le centre financier: XXXX-XXXX-XXXX', message: 'aucune autorisation pour le centre financier: XXXX-XXXX-XXXX',
    dialog: answer([
      "Depuis la bascule d'exercice, certains utilisateurs reçoivent ce message sur un centre financier qui fait pourtant partie de leur périmètre d'habilitation.",
      "Vérifiez d'abord avec votre correspondant CCH que le centre financier figure bien dans vos habilitations. Si c'est le cas, l'anomalie est connue et en cours d'analyse : vous devez créer une fiche.",
    ], true),
    incident: { status: InvestigationStatus.UNDER_INVESTIGATION, causedMessages: ['aucune autorisation pour le centre financier: XXXX-XXXX-XXXX'], ticketAdvised: true },
  },
  {
    bot: 'IZIA', domain: 'EJ', kind: KnowledgeKind.MAJOR_INCIDENT, title: "Modification des conditions de paiement en entête de l'EJ",
    dialog: answer([
      "La modification des conditions de paiement en en-tête d'un EJ n'est pas reportée sur les postes déjà créés : les demandes de paiement gardent l'ancien délai.",
      'Contournement : modifiez aussi les conditions de paiement de chaque poste concerné (onglet Livraison/Facture). Une correction est prévue dans la prochaine version.',
    ]),
    incident: { status: InvestigationStatus.WORKAROUND_AVAILABLE, causedMessages: [], workaround: 'Modifier les conditions de paiement de chaque poste.', ticketAdvised: false },
  },
];

const OTHER_DOMAINS: SeedItem[] = [
  // Connexion
  {
    bot: 'IZIA', domain: 'CONNEXION', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Nom ou mot de passe incorrect', message: "Nom ou mot de passe incorrect (répétez l'ouverture de session)",
    dialog: answer([
      'Votre identifiant ou votre mot de passe Chorus est erroné. Attention : après cinq essais infructueux, votre compte est verrouillé.',
      'Si vous avez oublié votre mot de passe, utilisez le lien « Mot de passe oublié » de la page de connexion. Si votre compte est verrouillé, contactez votre correspondant habilitation (CCH).',
    ]),
    reformulations: ['identifiant ou mot de passe incorrect', 'je n arrive pas a me connecter a chorus'],
  },
  {
    bot: 'IZIA', domain: 'CONNEXION', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Utilisateur verrouillé', message: "L'utilisateur est verrouillé. Contactez l'administrateur système",
    dialog: answer([
      'Votre compte Chorus est verrouillé, le plus souvent après plusieurs mots de passe erronés ou une longue période sans connexion.',
      'Seul votre correspondant habilitation (CCH) peut le déverrouiller : contactez-le en lui indiquant votre identifiant Chorus.',
    ]),
    reformulations: ['mon compte est bloque', 'compte verrouille'],
  },
  {
    bot: 'IZIA', domain: 'CONNEXION', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Mot de passe expiré', message: 'Votre mot de passe a expiré et doit être modifié',
    dialog: answer([
      'Le mot de passe Chorus doit être changé tous les 90 jours. Saisissez votre ancien mot de passe puis le nouveau, deux fois : au moins 12 caractères, avec majuscules, minuscules, chiffres et caractères spéciaux.',
    ]),
  },
  {
    bot: 'IZIA', domain: 'CONNEXION', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Session expirée', message: "Votre session a expiré suite à une période d'inactivité",
    dialog: answer(['Par sécurité, Chorus ferme la session après 30 minutes sans activité. Reconnectez-vous depuis le portail ; les données non sauvegardées sont perdues.']),
  },
  {
    bot: 'IZIA', domain: 'CONNEXION', kind: KnowledgeKind.HOW_TO, title: 'Mot de passe oublié : le réinitialiser',
    dialog: answer(['Sur la page de connexion Chorus, cliquez sur « Mot de passe oublié », saisissez votre identifiant et votre adresse électronique professionnelle : un lien de réinitialisation vous est envoyé, valable 24 heures.']),
    reformulations: ['j ai oublie mon mot de passe chorus', 'comment reinitialiser mon mot de passe'],
  },
  // Habilitation
  {
    bot: 'IZIA', domain: 'HABILITATION', kind: KnowledgeKind.ERROR_MESSAGE, title: "Pas d'autorisation pour la transaction", message: "Vous n'avez pas l'autorisation d'utiliser la transaction XXX",
    dialog: answer([
      "Votre profil d'habilitation ne comporte pas le rôle qui donne accès à cette transaction.",
      "Demandez à votre correspondant habilitation (CCH) l'ajout du rôle nécessaire, en lui indiquant le code de la transaction et l'opération que vous vouliez faire.",
    ]),
    reformulations: ['pas d autorisation pour la transaction', 'je n ai pas acces a la transaction'],
  },
  {
    bot: 'IZIA', domain: 'HABILITATION', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Aucune autorisation sur le périmètre financier', message: 'Aucune autoris. pr périm. fin. XXXX version X catég. budg. XX',
    dialog: answer([
      "Votre habilitation ne couvre pas le périmètre financier ou la catégorie budgétaire de l'imputation.",
      "Vérifiez l'imputation saisie. Si elle est juste, demandez à votre correspondant habilitation (CCH) d'étendre votre périmètre. Si vous veniez d'ajouter un tiers en en-tête d'EJ, consultez l'incident majeur « Ajout d'un tiers dans l'EJ ».",
    ]),
  },
  {
    bot: 'IZIA', domain: 'HABILITATION', kind: KnowledgeKind.ERROR_MESSAGE, title: "Aucune autorisation pour le domaine d'activité", message: "Aucune autorisation pour le domaine d'activité XXX",
    dialog: answer(["Le domaine d'activité de la pièce n'est pas dans votre périmètre d'habilitation. Votre correspondant habilitation (CCH) peut l'ajouter à votre profil."]),
  },
  {
    bot: 'IZIA', domain: 'HABILITATION', kind: KnowledgeKind.HOW_TO, title: 'Demander une habilitation ou un nouveau rôle',
    dialog: answer([
      "Les habilitations Chorus sont gérées par le correspondant habilitation (CCH) de votre structure. Adressez-lui votre demande avec votre identifiant, le rôle souhaité et le périmètre (centres financiers, services).",
      'Le CCH est désigné par le responsable de votre plate-forme Chorus.',
    ]),
    reformulations: ['comment obtenir un nouveau role dans chorus', 'demande d habilitation'],
  },
  // Workflow
  {
    bot: 'IZIA', domain: 'WORKFLOW', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Aucun valideur trouvé pour l’étape du workflow', message: "Aucun valideur n'a été trouvé pour l'étape XXX du workflow",
    dialog: answer([
      "Le circuit de validation ne trouve aucun agent habilité pour cette étape : le valideur est absent du paramétrage ou n'a plus le rôle.",
      'Votre correspondant paramétrage (CCP) peut compléter le circuit ; en attendant, la pièce reste en attente de validation.',
    ]),
  },
  {
    bot: 'IZIA', domain: 'WORKFLOW', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Élément de travail déjà traité', message: "L'élément de travail XXX est déjà en cours de traitement par l'utilisateur XXX",
    dialog: answer(["Un autre agent a ouvert cette tâche de workflow : elle lui est réservée tant qu'il ne l'a pas libérée. Demandez-lui de la libérer (bouton « Annuler la réservation ») ou attendez qu'il la traite."]),
  },
  {
    bot: 'IZIA', domain: 'WORKFLOW', kind: KnowledgeKind.ERROR_MESSAGE, title: "Le workflow n'a pas pu déterminer l'agent destinataire", message: "Le workflow n'a pas pu déterminer l'agent destinataire de la tâche",
    dialog: answer(["La règle d'attribution du workflow n'a trouvé aucun destinataire pour la tâche. Le paramétrage des circuits relève de votre correspondant CCP : transmettez-lui le numéro de la pièce."]),
  },
  {
    bot: 'IZIA', domain: 'WORKFLOW', kind: KnowledgeKind.HOW_TO, title: "Réaffecter les tâches de workflow d'un agent absent",
    dialog: answer(["Un agent absent peut définir un remplaçant depuis sa boîte de réception (« Gérer les remplacements »). S'il ne l'a pas fait, votre correspondant CCP peut réaffecter ses tâches en attente."]),
    reformulations: ['mon collegue est absent et ses taches sont bloquees'],
  },
  // Chorus Formulaires
  {
    bot: 'IZIA', domain: 'CFO', kind: KnowledgeKind.ERROR_MESSAGE, title: "Le formulaire n'a pas pu être transmis à Chorus Cœur", message: "Le formulaire XXX n'a pas pu être transmis à Chorus Cœur",
    dialog: answer([
      "L'envoi du formulaire vers Chorus Cœur a échoué, le plus souvent à cause d'une imputation ou d'un tiers refusé par Chorus Cœur. Le motif est affiché dans l'onglet « Historique » du formulaire.",
      'Corrigez le formulaire puis soumettez-le à nouveau. Si aucun motif n’est affiché, vous devez créer une fiche.',
    ], true),
  },
  {
    bot: 'IZIA', domain: 'CFO', kind: KnowledgeKind.ERROR_MESSAGE, title: "Aucun contexte n'est paramétré pour votre profil", message: "Aucun contexte n'est paramétré pour votre profil",
    dialog: answer(["Dans Chorus Formulaires, chaque utilisateur travaille dans un contexte (service prescripteur, centre financier) paramétré par le correspondant Chorus Formulaires de proximité (CCFp) de sa structure. Contactez-le pour qu'il vous rattache à un contexte."]),
  },
  {
    bot: 'IZIA', domain: 'CFO', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Demande d’achat verrouillée par un autre utilisateur', message: "La demande d'achat XXX est verrouillée par l'utilisateur XXX",
    dialog: answer(["Un autre utilisateur a ouvert la demande d'achat en modification. Attendez qu'il la ferme ; si le verrou persiste plus d'une heure, votre CCFp peut le lever."]),
  },
  {
    bot: 'IZIA', domain: 'CFO', kind: KnowledgeKind.HOW_TO, title: "Suivre l'état d'une demande dans Chorus Formulaires",
    dialog: answer(['Menu « Mes demandes » : la colonne Statut indique l’étape (brouillon, en validation, transmise, intégrée dans Chorus Cœur). Le numéro d’EJ apparaît une fois la demande intégrée.']),
  },
  // RNF
  {
    bot: 'IZIA', domain: 'RNF', kind: KnowledgeKind.ERROR_MESSAGE, title: "Le débiteur n'existe pas dans le référentiel", message: "Le tiers débiteur XXX n'existe pas dans le référentiel des tiers",
    dialog: answer(["Le titre de perception ne peut pas être émis pour un débiteur absent du référentiel des tiers. Faites créer le tiers (demande de création de tiers) puis reprenez l'ordre de recette."]),
  },
  {
    bot: 'IZIA', domain: 'RNF', kind: KnowledgeKind.ERROR_MESSAGE, title: "Compte de produit non autorisé pour cette nature de recette", message: "Le compte de produit XXX n'est pas autorisé pour cette nature de recette",
    dialog: answer(["La nature de recette choisie n'admet pas ce compte de produit. Choisissez le compte proposé par l'aide à la saisie pour la nature de recette, ou changez de nature de recette."]),
  },
  {
    bot: 'IZIA', domain: 'RNF', kind: KnowledgeKind.ERROR_MESSAGE, title: "Montant de l'ordre de recette supérieur à l'engagement de recette", message: "Le montant de l'ordre de recette dépasse le montant restant de l'engagement de recette XXX",
    dialog: answer(["L'ordre de recette ne peut pas dépasser le reste à recouvrer de l'engagement de recette. Augmentez d'abord le montant de l'engagement de recette, ou émettez l'ordre pour le montant restant."]),
  },
  {
    bot: 'IZIA', domain: 'RNF', kind: KnowledgeKind.HOW_TO, title: 'Annuler un ordre de recette déjà validé',
    dialog: answer(["Un ordre de recette validé ne se supprime pas : il s'annule par un ordre de recette d'annulation (ORA) qui référence l'ordre initial. Le comptable doit ensuite prendre en charge l'annulation."]),
  },
  // Service fait
  {
    bot: 'IZIA', domain: 'SERVICE_FAIT', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Quantité constatée supérieure à la quantité commandée', message: 'La quantité constatée dépasse la quantité commandée pour le poste XXX',
    dialog: answer(['Le service fait ne peut pas dépasser la quantité restant à constater sur le poste de l’EJ. Vérifiez les constatations déjà saisies ; si la livraison dépasse réellement la commande, augmentez d’abord le poste de l’EJ.']),
  },
  {
    bot: 'IZIA', domain: 'SERVICE_FAIT', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Poste non éligible au service fait présumé', message: "Le poste de commande XXX n'est pas éligible au service fait présumé",
    dialog: answer([
      'Le service fait présumé ne s’applique qu’aux postes de nature « fonctionnement courant » dont le montant est inférieur au seuil fixé et sans réception de biens à inventorier.',
      'Pour ce poste, le service fait doit être constaté par le service prescripteur (service fait assisté ou constatation classique).',
    ]),
  },
  {
    bot: 'IZIA', domain: 'SERVICE_FAIT', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Service fait assisté impossible : poste soldé', message: 'Service fait assisté impossible : le poste XXX est soldé',
    dialog: answer(['Un poste soldé ne reçoit plus de constatation. Si une facture reste à payer sur ce poste, il faut d’abord le désolder ; vous devez créer une fiche si le poste a été soldé à tort.'], true),
  },
  {
    bot: 'IZIA', domain: 'SERVICE_FAIT', kind: KnowledgeKind.HOW_TO, title: 'Certifier le service fait d’une facture reçue dans Chorus Pro',
    dialog: answer(['Ouvrez la facture depuis votre bannette, rapprochez-la du poste d’EJ, puis saisissez la constatation du service fait (quantité ou montant). La demande de paiement est créée à la validation de la constatation.']),
  },
  // Upgrade SAP
  {
    bot: 'IZIA', domain: 'UPGRADE_SAP', kind: KnowledgeKind.UPGRADE_NOTE, title: "Nouvel écran de saisie des EJ",
    dialog: answer(["Depuis la montée de version de juillet 2021, l'écran de saisie des EJ regroupe l'en-tête et les postes sur un seul écran ; l'onglet Imputation est déplacé sous le détail du poste."]),
  },
  {
    bot: 'IZIA', domain: 'UPGRADE_SAP', kind: KnowledgeKind.UPGRADE_NOTE, title: 'Le bouton « Contrôler » a changé de place',
    dialog: answer(['Le bouton « Contrôler » se trouve désormais dans la barre d’outils en haut de l’écran, à côté de « Sauvegarder ».']),
  },
  {
    bot: 'IZIA', domain: 'UPGRADE_SAP', kind: KnowledgeKind.UPGRADE_NOTE, title: 'Favoris de transactions réinitialisés',
    dialog: answer(['La montée de version a réinitialisé les favoris du menu utilisateur. Ajoutez à nouveau vos transactions par clic droit sur « Favoris » > « Insérer transaction ».']),
  },
  {
    bot: 'IZIA', domain: 'UPGRADE_SAP', kind: KnowledgeKind.UPGRADE_NOTE, title: 'Export Excel des listes',
    dialog: answer(['L’export des listes vers Excel passe désormais par le bouton « Exporter » > « Feuille de calcul » ; l’ancien format « Tableur » n’est plus proposé.']),
  },
  // IANIS (Chorus DT)
  {
    bot: 'IANIS', domain: 'CONNEXION', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Identifiant Chorus DT inconnu', message: 'Identifiant ou mot de passe Chorus DT incorrect',
    dialog: answer(['Votre identifiant Chorus DT est votre adresse électronique professionnelle. En cas d’oubli du mot de passe, utilisez « Mot de passe oublié » ; si votre compte n’existe pas, votre gestionnaire Chorus DT doit créer votre profil.']),
  },
  {
    bot: 'IANIS', domain: 'OM', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Enveloppe de moyens insuffisante', message: "L'ordre de mission ne peut pas être soumis : l'enveloppe de moyens XXX est insuffisante",
    dialog: answer(["Le montant prévisionnel de la mission dépasse ce qui reste sur l'enveloppe de moyens. Votre gestionnaire peut choisir une autre enveloppe ou en demander l'abondement."]),
  },
  {
    bot: 'IANIS', domain: 'EF', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Indemnité kilométrique supérieure au barème', message: "Le montant de l'indemnité kilométrique est supérieur au barème autorisé",
    dialog: answer(['Le montant saisi dépasse le barème kilométrique applicable à votre véhicule. Vérifiez la puissance fiscale déclarée dans votre profil et le nombre de kilomètres.']),
  },
  {
    bot: 'IANIS', domain: 'VALIDATION', kind: KnowledgeKind.ERROR_MESSAGE, title: 'Aucun valideur hiérarchique défini', message: "Aucun valideur hiérarchique n'est défini pour ce profil",
    dialog: answer(['Votre profil Chorus DT n’a pas de valideur hiérarchique : votre gestionnaire Chorus DT doit le renseigner avant que vous puissiez soumettre un ordre de mission.']),
  },
];

export const SEED_ITEMS: SeedItem[] = [...EJ_MESSAGES, ...EJ_INCIDENTS, ...OTHER_DOMAINS];

/** A TICKET_REQUEST action an editor may put on an answer; exported for tests. */
export const TICKET_ACTION = TICKET;
