/**
 * The chatbot module's refusals, French first and English on request (core/i18n.ts): the
 * general text of each of its codes, keyed by the code, `CODE.situation` for a precise case.
 * What the bots themselves say stays in bot-texts.ts (their French content).
 */
import { defineMessages } from '../core/i18n';

export const M = defineMessages({
  /* ---------- the general text of each code ---------- */
  BOT_NOT_AVAILABLE: { fr: 'Aucun assistant virtuel n’a ce code.', en: 'No bot has this code.' },
  NO_CHORUS_ACCOUNT: {
    fr: 'Les assistants virtuels sont réservés aux personnes qui ont un compte Chorus.',
    en: 'The chatbots are for people with a Chorus account.',
  },
  BUTTON_NOT_OFFERED: { fr: 'Ce bouton ne fait pas partie de ceux que l’assistant propose maintenant.', en: 'This button is not one of those the bot offers now.' },
  BUTTON_EXPIRED: {
    fr: 'Ce bouton appartient à un échange précédent, déjà traité : utilisez les boutons du dernier échange.',
    en: 'This button belongs to an earlier turn, already answered: use the buttons of the last turn.',
  },
  BUTTON_IS_A_LINK: {
    fr: 'Ce bouton est un lien, qui s’ouvre dans votre navigateur : il n’y a rien à choisir.',
    en: 'A link button opens its url in the client; there is nothing to choose.',
  },
  NOT_AN_ANSWER: { fr: 'Un avis ne porte que sur les réponses de l’assistant.', en: 'Feedback goes on the bot’s answers only.' },
  FEEDBACK_ALREADY_GIVEN: { fr: 'Vous avez déjà donné votre avis sur cette réponse.', en: 'You already gave your opinion on this answer.' },
  COMMENT_REQUIRED: { fr: 'Indiquez dans un commentaire ce qui ne vous convient pas dans la réponse.', en: 'Say in a comment what does not suit in the answer.' },
  TICKET_REQUEST_EXISTS: { fr: 'Cette conversation a déjà été transmise à votre CCA.', en: 'This conversation already went to your CCA.' },
  TICKET_REQUEST_CLOSED: { fr: 'Cette demande de ticket a déjà été convertie ou écartée.', en: 'The ticket request was already converted or dismissed.' },

  /* ---------- situations ---------- */
  'BOT_NOT_AVAILABLE.named': { fr: 'Aucun assistant virtuel ne s’appelle {code}.', en: 'No bot is called {code}.' },
  'BUTTON_NOT_OFFERED.otherConversation': { fr: 'Ce bouton n’appartient pas à cette conversation.', en: 'This is not a button of this conversation.' },
  'BUTTON_IS_A_LINK.url': { fr: 'Ce bouton ouvre {url} : il n’y a rien à choisir.', en: 'This button opens {url}; there is nothing to choose.' },
  'TICKET_REQUEST_CLOSED.status': {
    fr: '{status, select, CONVERTED {Cette demande a déjà été convertie en ticket.} DISMISSED {Cette demande a déjà été écartée.} other {Cette demande est déjà close.}}',
    en: '{status, select, CONVERTED {This request is already converted.} DISMISSED {This request is already dismissed.} other {This request is already closed.}}',
  },
  'NOT_FOUND.conversation': { fr: 'Aucune de vos conversations n’a cet identifiant.', en: 'No conversation of yours has this id.' },
  'NOT_FOUND.answer': { fr: 'Aucune des réponses qui vous ont été faites n’a cet identifiant.', en: 'No answer of yours has this id.' },
  'NOT_FOUND.ticketRequest': { fr: 'Aucune demande de ticket de votre structure n’a cet identifiant.', en: 'No ticket request of your structure has this id.' },
  'VALIDATION_FAILED.statisticsPeriodOrder': { fr: 'La fin de la période doit suivre son début.', en: 'The end of the period must come after its start.' },
  'INVALID_FORMAT.feedbackMinistryCode': { fr: 'Un code de ministère s’écrit comme MIN06.', en: 'A ministry code looks like MIN06.' },
});
