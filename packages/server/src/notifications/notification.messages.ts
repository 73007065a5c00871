/**
 * The notifications module's texts, French first and English on request (core/i18n.ts): the
 * general text of its code, and the pages one-click mail links land on (the mails themselves
 * stay French).
 */
import { defineMessages } from '../core/i18n';

export const M = defineMessages({
  NOT_A_PERSON: {
    fr: 'Les préférences de notification sont celles d’une personne ; une application ne reçoit pas de courriel.',
    en: 'Notification preferences belong to persons; an application receives no mail.',
  },
});

/** The pages one-click mail links land on (notifications/mail-actions). */
export const PAGES = defineMessages({
  'MAIL_ACTION.siteName': { fr: 'Support Chorus', en: 'Chorus support' },
  'MAIL_ACTION.nothingDone': { fr: 'Aucune action n’a été faite.', en: 'Nothing was done.' },
  'MAIL_ACTION.expired.title': { fr: 'Ce lien a expiré', en: 'This link has expired' },
  'MAIL_ACTION.expired.text': {
    fr: 'Les liens envoyés par courriel ne sont valables qu’un temps limité. Faites cette action depuis la plateforme, ou attendez un prochain message.',
    en: 'Links sent by mail are valid for a limited time only. Do this from the platform, or wait for a next message.',
  },
  'MAIL_ACTION.used.title': { fr: 'Ce lien a déjà été utilisé', en: 'This link has already been used' },
  'MAIL_ACTION.used.text': {
    fr: 'Chaque lien envoyé par courriel ne sert qu’une fois, et celui-ci a déjà servi. Rien n’a été refait.',
    en: 'Each link sent by mail works once, and this one has already been used. Nothing was done again.',
  },
  'MAIL_ACTION.invalid.title': { fr: 'Lien invalide', en: 'Invalid link' },
  'MAIL_ACTION.invalid.text': {
    fr: 'Ce lien n’est pas reconnu : il a peut-être été modifié ou mal copié. Aucune action n’a été faite.',
    en: 'This link is not recognised: it may have been altered or badly copied. Nothing was done.',
  },
  'MAIL_ACTION.impossible.title': { fr: 'Action impossible', en: 'Action not possible' },
  'MAIL_ACTION.personGone.text': {
    fr: 'La personne à qui ce lien a été envoyé n’a plus accès à la plateforme. Aucune action n’a été faite.',
    en: 'The person this link was sent to no longer has access to the platform. Nothing was done.',
  },
  'MAIL_ACTION.error.title': { fr: 'Erreur', en: 'Error' },
  'MAIL_ACTION.error.text': {
    fr: 'Une erreur est survenue ; aucune action n’a été faite. Réessayez plus tard.',
    en: 'An error occurred; nothing was done. Try again later.',
  },
  'MAIL_ACTION.crossSite.title': { fr: 'Requête refusée', en: 'Request refused' },
  'MAIL_ACTION.crossSite.text': {
    fr: 'Ce formulaire doit être envoyé depuis la page du support Chorus. Aucune action n’a été faite.',
    en: 'This form must be sent from the Chorus support page. Nothing was done.',
  },
  'MAIL_ACTION.parisTime': { fr: '{when} (heure de Paris)', en: '{when} (Paris time)' },
  'MAIL_ACTION.localTime': { fr: '{when} (heure locale, {zone})', en: '{when} (local time, {zone})' },
  'MAIL_ACTION.fact.course': { fr: 'Formation', en: 'Course' },
  'MAIL_ACTION.fact.session': { fr: 'Session', en: 'Session' },
  'MAIL_ACTION.fact.start': { fr: 'Début', en: 'Start' },
  'MAIL_ACTION.fact.trainee': { fr: 'Stagiaire', en: 'Trainee' },
  'MAIL_ACTION.fact.request': { fr: 'Demande', en: 'Request' },
  'MAIL_ACTION.cancel.title': { fr: 'Annuler votre inscription', en: 'Cancel your registration' },
  'MAIL_ACTION.cancel.text': {
    fr: 'Vous êtes sur le point d’annuler votre inscription à cette session de formation. Votre place sera proposée à la personne suivante sur la liste d’attente.',
    en: 'You are about to cancel your registration to this training session. Your seat will be offered to the next person on the waiting list.',
  },
  'MAIL_ACTION.cancel.button': { fr: 'Confirmer l’annulation', en: 'Confirm the cancellation' },
  'MAIL_ACTION.cancel.done.title': { fr: 'Votre inscription est annulée', en: 'Your registration is cancelled' },
  'MAIL_ACTION.cancel.done.text': {
    fr: 'Votre inscription à la session a bien été annulée ; votre place est proposée à la personne suivante sur la liste d’attente.',
    en: 'Your registration to the session is cancelled; your seat is offered to the next person on the waiting list.',
  },
  'MAIL_ACTION.approve.title': { fr: 'Valider la demande d’inscription', en: 'Approve the registration request' },
  'MAIL_ACTION.approve.text': {
    fr: 'En validant, vous autorisez cette inscription ; le référent formation l’inscrira ensuite sur une place de la session.',
    en: 'By approving, you allow this registration; the training referent will then register it on a seat of the session.',
  },
  'MAIL_ACTION.approve.button': { fr: 'Valider la demande', en: 'Approve the request' },
  'MAIL_ACTION.approve.done.title': { fr: 'La demande est validée', en: 'The request is approved' },
  'MAIL_ACTION.approve.done.text': {
    fr: 'La demande d’inscription est validée. Le référent formation va maintenant l’inscrire sur la session.',
    en: 'The registration request is approved. The training referent will now register it on the session.',
  },
  'MAIL_ACTION.refuse.title': { fr: 'Refuser la demande d’inscription', en: 'Refuse the registration request' },
  'MAIL_ACTION.refuse.text': {
    fr: 'Indiquez le motif du refus : il sera communiqué au stagiaire. Le refus est définitif.',
    en: 'Give the reason for the refusal: the trainee will be told. The refusal is final.',
  },
  'MAIL_ACTION.refuse.button': { fr: 'Refuser la demande', en: 'Refuse the request' },
  'MAIL_ACTION.refuse.reason': { fr: 'Motif du refus (obligatoire)', en: 'Reason for the refusal (required)' },
  'MAIL_ACTION.refuse.done.title': { fr: 'La demande est refusée', en: 'The request is refused' },
  'MAIL_ACTION.refuse.done.text': {
    fr: 'La demande d’inscription est refusée ; le stagiaire en est informé avec votre motif.',
    en: 'The registration request is refused; the trainee is told, with your reason.',
  },
  'MAIL_ACTION.rate.title': { fr: 'Donner votre avis sur la résolution', en: 'Rate the resolution' },
  'MAIL_ACTION.rate.text': {
    fr: 'Votre avis aide le support Chorus à s’améliorer. Choisissez une note de 1 (pas du tout satisfait) à 5 (très satisfait).',
    en: 'Your opinion helps the Chorus support improve. Choose a score from 1 (not satisfied at all) to 5 (very satisfied).',
  },
  'MAIL_ACTION.rate.button': { fr: 'Envoyer mon avis', en: 'Send my rating' },
  'MAIL_ACTION.rate.score': { fr: 'Votre note', en: 'Your score' },
  'MAIL_ACTION.rate.comment': { fr: 'Un commentaire (facultatif)', en: 'A comment (optional)' },
  'MAIL_ACTION.rate.done.title': { fr: 'Merci pour votre avis', en: 'Thank you for your rating' },
  'MAIL_ACTION.rate.done.text': {
    fr: 'Votre note ({score} sur 5) est enregistrée sur la demande {reference}.',
    en: 'Your score ({score} out of 5) is recorded on the request {reference}.',
  },
  'MAIL_ACTION.refused.forbidden': {
    fr: 'Ce lien ne vous permet pas de faire cette action : elle n’est pas ouverte à la personne à qui il a été envoyé, ou l’objet n’existe plus.',
    en: 'This link does not let you do this: it is not open to the person it was sent to, or the object no longer exists.',
  },
  'MAIL_ACTION.refused.tooLate.title': { fr: 'Trop tard pour annuler', en: 'Too late to cancel' },
  'MAIL_ACTION.refused.tooLate.text': {
    fr: 'La session a commencé : elle ne peut plus être annulée en ligne. Contactez le référent formation.',
    en: 'The session has started: it can no longer be cancelled online. Contact the training referent.',
  },
  'MAIL_ACTION.refused.alreadyRated.title': { fr: 'Avis déjà donné', en: 'Already rated' },
  'MAIL_ACTION.refused.alreadyRated.text': {
    fr: 'Un avis a déjà été donné sur la résolution de cette demande.',
    en: 'The resolution of this request has already been rated.',
  },
  'MAIL_ACTION.refused.notResolved.title': { fr: 'Demande non résolue', en: 'Request not resolved' },
  'MAIL_ACTION.refused.notResolved.text': {
    fr: 'Cette demande n’est plus résolue : elle ne peut pas être notée.',
    en: 'This request is no longer resolved: it cannot be rated.',
  },
  'MAIL_ACTION.refused.transition.title': { fr: 'Action déjà faite ou dépassée', en: 'Action already done or outdated' },
  'MAIL_ACTION.refused.transition.text': {
    fr: 'L’inscription n’est plus dans l’état où cette action était possible (elle a été traitée entre-temps).',
    en: 'The registration is no longer at the step where this action was possible (it was handled meanwhile).',
  },
  'MAIL_ACTION.refused.incomplete.title': { fr: 'Formulaire incomplet', en: 'Incomplete form' },
  'MAIL_ACTION.refused.incomplete.text': {
    fr: 'Un champ obligatoire manque ou n’est pas valide : revenez en arrière et complétez le formulaire.',
    en: 'A required field is missing or invalid: go back and complete the form.',
  },
  'MAIL_ACTION.refused.other': { fr: 'Cette action n’est pas possible pour le moment.', en: 'This action is not possible for the moment.' },
  'NOT_FOUND.mailActionTicket': { fr: 'Aucun ticket n’a cet identifiant.', en: 'No ticket has this id.' },
});
