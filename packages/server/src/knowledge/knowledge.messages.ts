/**
 * The knowledge module's texts, French first and English on request (core/i18n.ts): the
 * general text of each of its codes, keyed by the code, `CODE.situation` for a precise case.
 */
import { defineMessages, Text, type Locale } from '../core/i18n';

export const M = defineMessages({
  /* ---------- the general text of each code ---------- */
  UNKNOWN_BOT: { fr: 'Aucun assistant virtuel n’a cet identifiant ou ce code.', en: 'No bot has this id or code.' },
  UNKNOWN_DOMAIN: { fr: 'Domaine inconnu.', en: 'Unknown domain.' },
  DIALOG_INVALID: {
    fr: 'Le dialogue a un bouton sans suite, un nœud inaccessible, une boucle ou un nœud sans contenu.',
    en: 'The dialog has a dangling button, an unreachable node, a cycle, or a node without content.',
  },
  ITEM_ARCHIVED: { fr: 'Cet élément est archivé : publiez-le de nouveau avant de le modifier.', en: 'This item is archived: publish it again before changing it.' },
  ALREADY_PUBLISHED: { fr: 'Cet élément est déjà publié.', en: 'This item is already published.' },
  NOT_PUBLISHED: { fr: 'Cet élément n’est pas publié.', en: 'The item is not published.' },
  MESSAGE_REQUIRED: {
    fr: 'Un élément de type message d’erreur reprend le message tel que Chorus le donne (parties variables écrites XXX).',
    en: 'An error-message item needs the message as Chorus gives it (variable parts written XXX).',
  },
  PHRASE_EMPTY: {
    fr: 'Cette formulation ne contient plus aucun mot une fois retirés les nombres, les codes et la ponctuation.',
    en: 'This wording has no word left once numbers, codes and punctuation are removed.',
  },
  PHRASE_TAKEN: { fr: 'Cette formulation mène déjà à un autre élément publié.', en: 'This wording already leads to another published item.' },
  REVIEW_ALREADY_CLOSED: { fr: 'Le support a déjà traité cette entrée de la file de relecture.', en: 'Support already acted on this review entry.' },
  THRESHOLDS_INVALID: {
    fr: 'Les seuils doivent respecter 0 < ambigu ≤ confiant ≤ 1 et 0 ≤ écart < 1.',
    en: 'Thresholds must satisfy 0 < ambiguous ≤ confident ≤ 1 and 0 ≤ margin < 1.',
  },
  ABBREVIATION_INVALID: {
    fr: 'Une abréviation est un seul mot (lettres ou chiffres, éventuellement suivis d’un point) et son développement le ou les mots, différents, qu’elle remplace.',
    en: 'A short form is one word (letters or digits, optionally a trailing dot) and its expansion the different word(s) it stands for.',
  },

  /* ---------- situations ---------- */
  'UNKNOWN_DOMAIN.knowledge': { fr: 'Ce domaine n’existe pas pour cet assistant virtuel.', en: 'This domain does not exist for this bot.' },
  'UNKNOWN_DOMAIN.majorIncident': {
    fr: 'Un incident majeur se range sous le domaine fonctionnel qu’il concerne (EJ, …) ; l’assistant le présente sous « Incidents majeurs ».',
    en: 'A major incident is filed under the functional domain it concerns (EJ, …); the bot lists it under “Incidents majeurs”.',
  },
  'UNKNOWN_DOMAIN.upgrade': { fr: 'Les notes d’upgrade, et elles seules, vont dans le domaine Upgrade SAP.', en: 'Upgrade notes, and only they, go in the Upgrade SAP domain.' },
  'DIALOG_INVALID.tooManyNodes': { fr: 'Un dialogue compte au plus {max} nœuds.', en: 'A dialog has at most {max} nodes.' },
  'DIALOG_INVALID.nodeId': {
    fr: 'L’identifiant de nœud « {id} » doit compter de 1 à 40 lettres, chiffres, - ou _.',
    en: 'Node id “{id}” must be 1 to 40 letters, digits, - or _.',
  },
  'DIALOG_INVALID.tooManyTexts': { fr: 'Le nœud « {id} » a trop de textes.', en: 'Node “{id}” has too many texts.' },
  'DIALOG_INVALID.tooManyButtons': { fr: 'Le nœud « {id} » a trop de boutons.', en: 'Node “{id}” has too many buttons.' },
  'DIALOG_INVALID.noNode': { fr: 'Le dialogue n’a aucun nœud.', en: 'The dialog has no node.' },
  'DIALOG_INVALID.duplicateId': { fr: 'Deux nœuds ont l’identifiant « {id} ».', en: 'Two nodes have the id “{id}”.' },
  'DIALOG_INVALID.noStart': { fr: 'Le nœud de départ « {id} » n’existe pas.', en: 'The start node “{id}” does not exist.' },
  'DIALOG_INVALID.questionNoButton': { fr: 'La question « {id} » n’a aucun bouton.', en: 'Question “{id}” has no button.' },
  'DIALOG_INVALID.questionActions': {
    fr: 'La question « {id} » a des boutons d’action ; seules les réponses en ont.',
    en: 'Question “{id}” has action buttons; only answers have them.',
  },
  'DIALOG_INVALID.questionNoText': { fr: 'La question « {id} » ne demande rien (aucun texte).', en: 'Question “{id}” asks nothing (no text).' },
  'DIALOG_INVALID.answerButtons': {
    fr: 'La réponse « {id} » a des boutons qui mènent plus loin ; une réponse termine le dialogue.',
    en: 'Answer “{id}” has buttons leading on; an answer ends the dialog.',
  },
  'DIALOG_INVALID.answerNoText': { fr: 'La réponse « {id} » n’a aucun texte.', en: 'Answer “{id}” has no text.' },
  'DIALOG_INVALID.dangling': {
    fr: 'Le bouton « {label} » de « {id} » mène à « {next} », qui n’existe pas.',
    en: 'Button “{label}” of “{id}” leads to “{next}”, which does not exist.',
  },
  'DIALOG_INVALID.linkUrl': { fr: 'Le lien « {label} » de « {id} » demande une adresse http(s).', en: 'Link “{label}” of “{id}” needs an http(s) url.' },
  'DIALOG_INVALID.cycle': {
    fr: 'Le bouton « {label} » de « {id} » ramène à « {next} » : le dialogue forme une boucle.',
    en: 'Button “{label}” of “{id}” leads back to “{next}”: the dialog has a cycle.',
  },
  'DIALOG_INVALID.unreachable': { fr: 'Le nœud « {id} » ne peut pas être atteint depuis le départ.', en: 'Node “{id}” cannot be reached from the start.' },
  'NOT_PUBLISHED.archive': { fr: 'Seul un élément publié peut être archivé.', en: 'Only a published item can be archived.' },
  'PHRASE_TAKEN.sameItem': { fr: 'Cette formulation figure déjà parmi celles de l’élément.', en: 'This wording is already one of the item’s phrases.' },
  'PHRASE_TAKEN.otherItem': { fr: 'Cette formulation mène déjà à « {title} ».', en: 'This wording already leads to “{title}”.' },
  'ABBREVIATION_INVALID.shortForm': {
    fr: 'Une abréviation est un seul mot de lettres ou de chiffres, éventuellement suivi d’un point (« autoris. », « ds »).',
    en: 'A short form is one word of letters or digits, optionally followed by a dot (“autoris.”, “ds”).',
  },
  'ABBREVIATION_INVALID.expansion': { fr: 'Le développement est le mot (ou les mots) que l’abréviation remplace.', en: 'The expansion is the word (or words) the short form stands for.' },
  'NOT_FOUND.abbreviation': { fr: 'Aucune abréviation n’a cet identifiant.', en: 'No abbreviation has this id.' },
  'NOT_FOUND.botDomain': { fr: 'Aucun domaine n’a cet identifiant.', en: 'No domain has this id.' },
  'NOT_FOUND.knowledgeItem': { fr: 'Aucun élément de connaissance n’a cet identifiant.', en: 'No knowledge item has this id.' },
  'NOT_FOUND.phrase': { fr: 'Aucune formulation n’a cet identifiant.', en: 'No phrase has this id.' },
  'NOT_FOUND.reviewEntry': { fr: 'Aucune entrée de la file de relecture n’a cet identifiant.', en: 'No review entry has this id.' },
  'NOT_FOUND.botItem': { fr: 'Aucun élément de cet assistant virtuel n’a cet identifiant.', en: 'No item of this bot has this id.' },
  'VALIDATION_FAILED.onlyReformulations': {
    fr: 'Seules les reformulations se retirent ainsi ; modifiez plutôt le message ou le titre de l’élément.',
    en: 'Only reformulations are removed this way; change the item’s message or title instead.',
  },
  'FORBIDDEN.sn2MajorIncidentsOnly': {
    fr: 'Les agents du SN2 ne rédigent que les incidents majeurs ; le reste de la base de connaissances revient aux rédacteurs.',
    en: 'SN2 agents write major incidents only; other knowledge is for knowledge editors.',
  },
  'FORBIDDEN.knowledgeEditors': { fr: 'Seuls les rédacteurs de la base de connaissances la rédigent et la publient.', en: 'Only knowledge editors write and publish knowledge.' },
  'FORBIDDEN.reviewQueue': { fr: 'Seuls le support et les rédacteurs de la base de connaissances traitent la file de relecture.', en: 'Only support and knowledge editors work the review queue.' },
  'FORBIDDEN.knowledgeImport': { fr: 'Seuls les rédacteurs de la base de connaissances importent des connaissances.', en: 'Only knowledge editors import knowledge.' },

  /* ---------- the knowledge import's refused lines ---------- */
  'KNOWLEDGE_IMPORT.unknownBot': { fr: 'Aucun assistant virtuel n’a le code « {code} ».', en: 'No bot has the code “{code}”.' },
  'KNOWLEDGE_IMPORT.title': { fr: 'title : de 1 à 300 caractères.', en: 'title: 1 to 300 characters.' },
  'KNOWLEDGE_IMPORT.titleTwice': { fr: 'Le titre « {title} » apparaît deux fois pour {bot} dans le fichier.', en: 'The title “{title}” appears twice for {bot} in the file.' },
  'KNOWLEDGE_IMPORT.unknownDomain': { fr: '{bot} n’a pas de domaine de code « {code} ».', en: '{bot} has no domain with the code “{code}”.' },
  'KNOWLEDGE_IMPORT.ambiguousTitle': {
    fr: '{count} éléments de {bot} portent ce titre : l’import ne peut pas savoir lequel modifier.',
    en: '{count} items of {bot} have this title: the import cannot tell which one to change.',
  },
  'KNOWLEDGE_IMPORT.kind': { fr: 'kind : l’une des valeurs {kinds}.', en: 'kind: one of {kinds}.' },
  'KNOWLEDGE_IMPORT.sn2MajorIncidentsOnly': {
    fr: 'Les agents du SN2 n’importent que des incidents majeurs ; le reste de la base de connaissances revient aux rédacteurs.',
    en: 'SN2 agents import major incidents only; other knowledge is for knowledge editors.',
  },
  'KNOWLEDGE_IMPORT.publish': { fr: 'publish : true ou false (vide : false).', en: 'publish: true or false (empty: false).' },
  'KNOWLEDGE_IMPORT.listPosition': { fr: 'listPosition : vide, ou un nombre entier de 0 à 10.', en: 'listPosition: empty or a whole number from 0 to 10.' },
  'KNOWLEDGE_IMPORT.position': { fr: 'position : vide, ou un nombre entier de 0 à 100000.', en: 'position: empty or a whole number from 0 to 100000.' },
  'KNOWLEDGE_IMPORT.archived': {
    fr: 'Cet élément est archivé : publiez-le de nouveau avant de l’importer par-dessus.',
    en: 'This item is archived: publish it again before importing over it.',
  },
  'KNOWLEDGE_IMPORT.dialogQuestions': {
    fr: 'Le dialogue de cet élément pose des questions : l’import n’écrit que des éléments à réponse unique ; modifiez-le dans l’éditeur.',
    en: 'This item’s dialog asks questions: the import only writes single-answer items; change it in the editor.',
  },
});

/** Several texts shown as one, each in the language the whole is rendered in (a dialog's problems). */
export class JoinedText extends Text {
  constructor(
    key: string,
    readonly parts: readonly Text[],
  ) {
    super(key);
  }

  override render(locale?: Locale): string {
    return this.parts.map((p) => p.render(locale)).join(' ');
  }
}
