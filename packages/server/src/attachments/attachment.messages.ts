/** The texts of uploaded files (ticket attachments, knowledge images), French first. */
import { defineMessages } from '../core/i18n';

export const FILE_MESSAGES = defineMessages({
  // general texts, one per code
  EMPTY_FILE: { fr: 'L’envoi ne contenait aucun octet.', en: 'The upload carried no byte.' },
  TRUNCATED_UPLOAD: { fr: 'Le fichier n’est pas arrivé en entier : rien n’a été gardé, envoyez-le de nouveau.', en: 'The file did not arrive whole: nothing was kept, upload it again.' },
  FILE_TOO_LARGE: { fr: 'Le fichier dépasse la taille permise.', en: 'The file is larger than allowed.' },
  TICKET_ATTACHMENTS_FULL: { fr: 'Le ticket a atteint le nombre ou la taille de fichiers permis.', en: 'The ticket has reached its number or size of files.' },
  FILE_TYPE_NOT_ALLOWED: { fr: 'Ce type de fichier n’est pas accepté.', en: 'This type of file is not accepted.' },
  INVALID_FILE_NAME: {
    fr: 'Le nom du fichier est vide une fois retirés le chemin et les caractères de contrôle ou réservés.',
    en: 'The file name is empty once path, control and reserved characters are removed.',
  },
  UPLOAD_NOT_FOUND: { fr: 'Aucun envoi de votre part ne porte cet identifiant, ou son URL a expiré : demandez-en une nouvelle.', en: 'No upload of yours has this id, or its URL expired: ask for a new one.' },
  UPLOAD_NOT_RECEIVED: {
    fr: 'Le contenu du fichier n’a pas encore été reçu : envoyez-le d’abord (PUT) à l’URL d’envoi.',
    en: 'The file’s bytes have not been received yet: PUT them to the upload URL first.',
  },
  UPLOAD_ALREADY_RECEIVED: { fr: 'Cette URL d’envoi a déjà reçu son fichier.', en: 'This upload URL has already received its file.' },
  UPLOAD_FOR_ANOTHER_USE: { fr: 'Cet envoi a été demandé pour un autre usage.', en: 'This upload was asked for another use.' },
  ATTACHMENT_NOT_YOURS: { fr: 'Seul l’auteur du fichier, ou un agent du support, peut le retirer.', en: 'Only whoever added the file, or a support agent, removes it.' },
  // refusals of the upload endpoint about the request (HTTP only)
  UPLOADS_BUSY: { fr: 'Trop de fichiers sont en cours d’envoi sur ce serveur ; réessayez dans {seconds} s.', en: 'Too many files are being uploaded to this server; retry in {seconds} s.' },
  TOO_MANY_UPLOADS: {
    fr: 'Vous envoyez déjà {count, plural, one {# fichier} other {# fichiers}} à la fois ; réessayez quand l’un d’eux est arrivé.',
    en: 'You are already uploading {count, plural, one {# file} other {# files}} at once; retry when one of them has arrived.',
  },
  UPLOAD_IDLE_TIMEOUT: {
    fr: 'Aucun octet reçu pendant {seconds} s : l’envoi est interrompu et rien n’est gardé ; recommencez.',
    en: 'No byte arrived for {seconds} s: the upload is stopped and nothing is kept; start again.',
  },
  UPLOAD_TOO_SLOW: {
    fr: 'Le fichier n’était pas arrivé en entier après {seconds} s : l’envoi est interrompu et rien n’est gardé ; recommencez.',
    en: 'The file had not arrived whole after {seconds} s: the upload is stopped and nothing is kept; start again.',
  },
  // precise situations
  'UPLOAD_NOT_FOUND.expired': { fr: 'Envoi introuvable, ou son URL a expiré : demandez-en une nouvelle.', en: 'No such upload, or its URL expired: ask for a new one.' },
  'UPLOAD_ALREADY_RECEIVED.attached': { fr: 'Cet envoi est déjà joint ailleurs.', en: 'This upload is already attached elsewhere.' },
  'UPLOAD_ALREADY_RECEIVED.used': { fr: 'Cet envoi est déjà utilisé ailleurs.', en: 'This upload is already used elsewhere.' },
  'FILE_TOO_LARGE.max': { fr: 'Un fichier ne peut pas dépasser {max, number} octets.', en: 'A file may not exceed {max, number} bytes.' },
  'TRUNCATED_UPLOAD.length': {
    fr: '{received, number} des {announced, number} octets annoncés sont arrivés : rien n’a été gardé, envoyez le fichier de nouveau.',
    en: '{received, number} of the {announced, number} bytes announced arrived: nothing was kept, upload again.',
  },
  'TRUNCATED_UPLOAD.sha256': {
    fr: 'Les octets reçus n’ont pas l’empreinte SHA-256 annoncée : rien n’a été gardé, envoyez le fichier de nouveau.',
    en: 'The bytes received do not have the SHA-256 announced: nothing was kept, upload again.',
  },
  'UPLOAD_FOR_ANOTHER_USE.purpose': {
    fr: 'Cet envoi a été demandé pour {purpose, select, KNOWLEDGE_IMAGE {une image de la base de connaissances} TICKET_ATTACHMENT {une pièce jointe de ticket} other {{purpose}}}.',
    en: 'This upload was asked for {purpose, select, KNOWLEDGE_IMAGE {a knowledge image} TICKET_ATTACHMENT {a ticket attachment} other {{purpose}}}.',
  },
  'TICKET_ATTACHMENTS_FULL.count': {
    fr: 'Un ticket compte au plus {max, plural, one {# fichier} other {# fichiers}}.',
    en: 'A ticket holds at most {max, plural, one {# file} other {# files}}.',
  },
  'TICKET_ATTACHMENTS_FULL.bytes': {
    fr: 'Les fichiers d’un ticket ne peuvent pas dépasser {max, number} octets en tout ({current, number} déjà).',
    en: 'The ticket’s files may not exceed {max, number} bytes in all ({current, number} already).',
  },
  'FILE_TYPE_NOT_ALLOWED.type': {
    fr: 'Le contenu est {type, select, none {d’un type non reconnu} other {de type {type}}}, que {purpose, select, KNOWLEDGE_IMAGE {la base de connaissances n’affiche pas (images seulement)} other {les tickets n’acceptent pas}}.',
    en: 'The bytes are {type, select, none {of no recognised type} other {of type {type}}}, which {purpose, select, KNOWLEDGE_IMAGE {knowledge items do not show (images only)} other {tickets do not accept}}.',
  },
  'NOT_FOUND.file': { fr: 'Fichier introuvable, ou son URL a expiré.', en: 'No such file, or its URL expired.' },
  'NOT_FOUND.attachment': { fr: 'Pièce jointe introuvable.', en: 'No such attachment.' },
  'NOT_FOUND.knowledgeItem': { fr: 'Aucun élément de connaissance n’a cet identifiant.', en: 'No knowledge item has this id.' },
  'DIALOG_INVALID.unknownNode': { fr: 'Le dialogue n’a pas de nœud « {node} ».', en: 'The dialog has no node "{node}".' },
});
