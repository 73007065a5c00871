/**
 * The training module's texts, French first and English on request (core/i18n.ts): the
 * general text of each of its codes, keyed by the code, and `CODE.situation` for a precise
 * case. Statuses are named in words through ICU `select`.
 */
import { currentLocale, defineMessages } from '../core/i18n';

const SESSION_STATUS_FR = 'PLANNED {planifiée} OPEN {ouverte} FULL {complète} HELD {tenue} CANCELLED {annulée} other {{status}}';
const SESSION_STATUS_EN = 'PLANNED {planned} OPEN {open} FULL {full} HELD {held} CANCELLED {cancelled} other {{status}}';
const REGISTRATION_STATUS_FR =
  'REQUESTED {demandée} VALIDATED {validée} REFUSED {refusée} REGISTERED {inscrite} WAITLISTED {en liste d’attente} CONFIRMED {confirmée} CANCELLED {annulée} other {{status}}';
const REGISTRATION_STATUS_EN =
  'REQUESTED {requested} VALIDATED {validated} REFUSED {refused} REGISTERED {registered} WAITLISTED {waitlisted} CONFIRMED {confirmed} CANCELLED {cancelled} other {{status}}';

export const M = defineMessages({
  /* ---------- the general text of each code ---------- */
  UNKNOWN_DOMAIN: { fr: 'Domaine inconnu.', en: 'Unknown domain.' },
  DOMAIN_CODE_TAKEN: { fr: 'Un autre domaine de formation porte déjà ce code.', en: 'Another training domain already has this code.' },
  UNKNOWN_COURSE: { fr: 'Aucune formation n’a cet identifiant.', en: 'No course has this id.' },
  UNKNOWN_SESSION: { fr: 'Aucune session n’a cet identifiant.', en: 'No session has this id.' },
  PARTS_MISMATCH: {
    fr: 'Une session comporte exactement un créneau par partie de sa formation, chacun finissant après son début, dans l’ordre.',
    en: 'A session needs exactly one slot per part of its course, each ending after it starts, in order.',
  },
  PRICE_WITHOUT_YEAR: { fr: 'Un tarif indique l’année à partir de laquelle il s’applique.', en: 'A price needs the year it applies from.' },
  CAPACITY_BELOW_REGISTERED: {
    fr: 'La capacité (ou les places d’un ministère) ne peut pas descendre sous le nombre de stagiaires déjà inscrits.',
    en: 'The capacity (or a ministry’s seats) cannot fall below the trainees already registered.',
  },
  SESSION_NOT_OPEN: { fr: 'La session n’est pas ouverte aux demandes (planifiée, tenue ou annulée).', en: 'The session is not open to requests (planned, held or cancelled).' },
  SESSION_FULL: { fr: 'La session est complète.', en: 'The session is full.' },
  ALREADY_REQUESTED: { fr: 'Vous avez déjà une demande ou une inscription pour cette session.', en: 'You already have a request or a registration for this session.' },
  INVALID_TRANSITION: { fr: 'L’inscription n’est pas à une étape où cette action s’applique.', en: 'The registration is not at a step where this action applies.' },
  NOT_YOUR_PERIMETER: { fr: 'Cette inscription est hors de votre périmètre.', en: 'The registration is outside your perimeter.' },
  TOO_LATE_TO_CANCEL: { fr: 'La session a commencé : contactez le référent formation.', en: 'The session has started: contact the training referent.' },
  COMPATIBILITY_TEST_REQUIRED: { fr: 'Passez d’abord le test de compatibilité.', en: 'Run the compatibility test first.' },
  UNKNOWN_PART: { fr: 'La session n’a pas cette partie.', en: 'The session has no such part.' },
  UNKNOWN_TRAINEE: { fr: 'Aucun stagiaire inscrit à la session n’a cette adresse électronique.', en: 'No trainee registered on the session has this email.' },
  LEAVE_BEFORE_JOIN: { fr: 'L’heure de départ précède l’heure d’arrivée.', en: 'The leave time comes before the join time.' },
  BAD_IMPORT_LINE: { fr: 'Ligne d’import mal formée (champ manquant, date ou nombre invalide).', en: 'Malformed import line (missing field, bad date, bad number).' },
  IMPORT_REJECTED: { fr: 'L’import « tout ou rien » a trouvé des lignes rejetées : rien n’a été appliqué.', en: 'The all-or-nothing import found rejected lines and applied nothing.' },
  SESSION_ALREADY_STARTED: { fr: 'La session a déjà commencé : elle ne reçoit plus de demande.', en: 'The session has already begun: it takes no new request.' },
  LAST_PART_NOT_STARTED: { fr: 'Une session n’est tenue qu’une fois sa dernière partie commencée.', en: 'A session is held only once its last part has started.' },
  SESSION_NOT_STARTED: {
    fr: 'La session (ou la partie) n’a pas encore commencé : ni présence ni justification d’absence ne s’y enregistrent.',
    en: 'The session (or the part) has not started yet: no attendance nor absence justification is recorded for it.',
  },

  /* ---------- situations ---------- */
  'UNKNOWN_DOMAIN.training': { fr: 'Aucun domaine de formation n’a cet identifiant.', en: 'No training domain has this id.' },
  'PARTS_MISMATCH.count': {
    fr: 'La formation comporte {partCount, plural, one {# partie} other {# parties}} : indiquez un créneau par partie ({given, plural, one {# reçu} other {# reçus}}).',
    en: 'The course has {partCount, plural, one {# part} other {# parts}}: give one slot per part (got {given}).',
  },
  'PARTS_MISMATCH.endBeforeStart': { fr: 'La partie {part} doit finir après son début.', en: 'Part {part} must end after it starts.' },
  'PARTS_MISMATCH.overlap': { fr: 'La partie {part} commence avant la fin de la partie {previous}.', en: 'Part {part} starts before part {previous} ends.' },
  'CAPACITY_BELOW_REGISTERED.capacity': {
    fr: '{count, plural, one {# stagiaire est déjà inscrit} other {# stagiaires sont déjà inscrits}} : la capacité ne peut pas descendre en dessous.',
    en: '{count, plural, one {# trainee is} other {# trainees are}} already registered: the capacity cannot go below.',
  },
  'CAPACITY_BELOW_REGISTERED.seats': {
    fr: '{count, plural, one {# stagiaire de {ministry} est déjà inscrit} other {# stagiaires de {ministry} sont déjà inscrits}} : ses places ne peuvent pas descendre en dessous.',
    en: '{count, plural, one {# trainee of {ministry} is} other {# trainees of {ministry} are}} already registered: their seats cannot go below.',
  },
  'CAPACITY_BELOW_REGISTERED.ministryKept': { fr: 'Un ministère qui a des stagiaires inscrits conserve ses places.', en: 'A ministry with registered trainees keeps its seats.' },
  'SESSION_NOT_OPEN.status': {
    fr: `La session est {status, select, ${SESSION_STATUS_FR}} : elle ne reçoit pas de demande.`,
    en: `The session is {status, select, ${SESSION_STATUS_EN}}: it takes no request.`,
  },
  'SESSION_NOT_OPEN.register': {
    fr: `La session est {status, select, ${SESSION_STATUS_FR}} : aucun stagiaire ne peut plus y être inscrit.`,
    en: `The session is {status, select, ${SESSION_STATUS_EN}}: no trainee can be registered on it any more.`,
  },
  'SESSION_NOT_OPEN.otherMinistry': { fr: 'Cette session a été commandée par un autre ministère.', en: 'This session was ordered by another ministry.' },
  'INVALID_TRANSITION.registration': {
    fr: `Cette action n’est pas possible sur une inscription {status, select, ${REGISTRATION_STATUS_FR}}.`,
    en: `This action is not possible on a registration that is {status, select, ${REGISTRATION_STATUS_EN}}.`,
  },
  'INVALID_TRANSITION.noAttendance': {
    fr: `Une inscription {status, select, ${REGISTRATION_STATUS_FR}} n’a pas de présence.`,
    en: `A registration that is {status, select, ${REGISTRATION_STATUS_EN}} has no attendance.`,
  },
  'INVALID_TRANSITION.decidedMeanwhile': { fr: 'La demande a été traitée entre-temps.', en: 'The request was decided meanwhile.' },
  'INVALID_TRANSITION.session': {
    fr: `Une session {from, select, ${SESSION_STATUS_FR.replace(/\{status\}/, '{from}')}} ne peut pas devenir {to, select, ${SESSION_STATUS_FR.replace(/\{status\}/, '{to}')}}.`,
    en: `A session that is {from, select, ${SESSION_STATUS_EN.replace(/\{status\}/, '{from}')}} cannot become {to, select, ${SESSION_STATUS_EN.replace(/\{status\}/, '{to}')}}.`,
  },
  'INVALID_TRANSITION.sessionFull': {
    fr: 'Une session ne devient pas complète à la main : elle se remplit d’elle-même.',
    en: 'A session does not become full by hand: it fills up by itself.',
  },
  'UNKNOWN_PART.number': { fr: 'La session n’a pas de partie {part}.', en: 'The session has no part {part}.' },
  'UNKNOWN_PART.import': {
    fr: 'La session n’a pas de partie {part} (elle en compte {count}).',
    en: 'The session has no part {part} (it has {count}).',
  },
  'UNKNOWN_TRAINEE.email': { fr: 'Aucun stagiaire inscrit à cette session n’a l’adresse {email}.', en: 'No trainee registered on this session has the email {email}.' },
  'BAD_IMPORT_LINE.json': { fr: 'Les données ne sont pas du JSON valide.', en: 'The data is not valid JSON.' },
  'BAD_IMPORT_LINE.jsonArray': { fr: 'Les données JSON doivent être un tableau de lignes.', en: 'The JSON data must be an array of rows.' },
  'BAD_IMPORT_LINE.csv': {
    fr: 'Le fichier CSV ne peut pas être lu{line, select, none {} other { (ligne {line})}} : {detail}',
    en: 'The CSV cannot be read{line, select, none {} other { (line {line})}}: {detail}',
  },
  'BAD_IMPORT_LINE.csvHeader': {
    fr: 'L’en-tête du CSV doit nommer les colonnes email, part, join et leave (il manque {column}).',
    en: 'The CSV header must name the columns email, part, join, leave (missing {column}).',
  },
  'BAD_IMPORT_LINE.email': { fr: 'L’adresse électronique manque.', en: 'The email is missing.' },
  'BAD_IMPORT_LINE.part': { fr: 'Le numéro de partie manque ou n’est pas un nombre.', en: 'The part is missing or not a number.' },
  'BAD_IMPORT_LINE.join': { fr: 'L’heure d’arrivée manque ou n’est pas une date-heure ISO.', en: 'The join time is missing or not an ISO date-time.' },
  'BAD_IMPORT_LINE.leave': { fr: 'L’heure de départ manque ou n’est pas une date-heure ISO.', en: 'The leave time is missing or not an ISO date-time.' },
  'LAST_PART_NOT_STARTED.at': {
    fr: 'Une session n’est tenue qu’une fois sa dernière partie commencée (le {when}).',
    en: 'The session is held only once its last part has started ({when}).',
  },
  'SESSION_NOT_STARTED.session': {
    fr: 'La session n’a pas encore eu lieu (début le {when}) : ni présence ni justification d’absence ne s’y enregistrent.',
    en: 'The session has not taken place yet (it starts on {when}): no attendance nor absence justification is recorded for it.',
  },
  'SESSION_NOT_STARTED.part': {
    fr: 'La partie {part} de la session n’a pas encore eu lieu (début le {when}) : ni présence ni justification d’absence ne s’y enregistrent.',
    en: 'Part {part} of the session has not taken place yet (it starts on {when}): no attendance nor absence justification is recorded for it.',
  },
  'FORBIDDEN.trainingAttendance': { fr: 'Seul le référent formation enregistre les présences.', en: 'Only the training referent records attendance.' },
  'FORBIDDEN.trainingCatalogue': { fr: 'Seul le référent formation gère le catalogue.', en: 'Only the training referent manages the catalogue.' },
  'FORBIDDEN.trainingDecision': {
    fr: 'Seul le gestionnaire DAF de la structure du stagiaire valide ou refuse une demande.',
    en: 'Only the DAF manager of the trainee’s structure validates or refuses a request.',
  },
  'FORBIDDEN.trainingRegister': { fr: 'Seul le référent formation du SN1 inscrit les stagiaires.', en: 'Only the SN1 training referent registers trainees.' },
  'FORBIDDEN.traineeOnly': { fr: 'Seul le stagiaire lui-même peut effectuer cette action.', en: 'Only the trainee themself may do this.' },
  'FORBIDDEN.registrationPerson': { fr: 'Seule une personne peut agir sur les inscriptions.', en: 'Only a person may act on registrations.' },
  'NOT_FOUND.registration': { fr: 'Aucune inscription n’a cet identifiant.', en: 'No registration has this id.' },
  'VALIDATION_FAILED.statisticsPeriodOrder': { fr: 'La fin de la période doit suivre son début.', en: 'The end of the period must come after its start.' },
  'VALIDATION_FAILED.unknownMinistry': { fr: 'Aucun ministère n’a cet identifiant.', en: 'No ministry has this id.' },
  'VALIDATION_FAILED.newSessionStatus': { fr: 'Une nouvelle session est planifiée ou ouverte.', en: 'A new session is planned or open.' },
  'VALIDATION_FAILED.seatsTwice': { fr: 'Indiquez une seule fois les places de chaque ministère.', en: 'Give each ministry’s seats once.' },
  'VALIDATION_FAILED.seatsMinistry': { fr: 'L’un des ministères indiqués pour les places n’existe pas.', en: 'A ministry of the seats does not exist.' },
  'VALIDATION_FAILED.seatsOverCapacity': { fr: 'Les places des ministères dépassent la capacité de la session.', en: 'The ministries’ seats exceed the capacity.' },
  'VALIDATION_FAILED.minutesWithoutConnection': { fr: 'Un stagiaire qui ne s’est pas connecté compte 0 minute.', en: 'A trainee who did not connect has 0 minutes.' },
  'REQUIRED.orderingMinistry': { fr: 'Une session commandée par un ministère indique ce ministère.', en: 'A session ordered by a ministry names that ministry.' },
  'REQUIRED.trainingRefusalReason': { fr: 'Un refus doit être motivé.', en: 'A refusal needs a reason.' },
  /* ---------- the statistics CSV files' headings, one row a message (cells separated by ";") ---------- */
  'TRAINING_CSV.registrationsByDomain': { fr: 'domaine;inscrits;pourcentage', en: 'domain;registered;percentage' },
  'TRAINING_CSV.attendanceByDomain': { fr: 'domaine;absents;présents;inscrits', en: 'domain;absent;present;registered' },
  'TRAINING_CSV.participation': {
    fr: 'niveau;formation;inscriptions;5 parties;4 parties;3 parties;2 parties;1 partie;0 partie;durée partie;connexion min;connexion max;connexion moyenne',
    en: 'level;course;registrations;5 parts;4 parts;3 parts;2 parts;1 part;0 parts;part length;shortest connection;longest connection;average connection',
  },
  'TRAINING_CSV.billing': { fr: 'ligne;stagiaires;parties facturées;montant (EUR)', en: 'line;trainees;parts billed;amount (EUR)' },
  'TRAINING_CSV.assiduity': {
    fr: 'stagiaire;email;structure;sessions;absences;absences non justifiées;participations partielles;minutes connectées',
    en: 'trainee;email;structure;sessions;absences;unjustified absences;partial attendances;minutes connected',
  },
  'INVALID_FORMAT.trainingDomainCode': {
    fr: 'De 2 à 20 lettres, chiffres, tirets ou soulignés.',
    en: '2 to 20 letters, digits, dashes or underscores.',
  },
});

/** A date and time as a person of the current locale reads it, in Paris time (the training's clock). */
export function localDateTime(d: Date): string {
  return d.toLocaleString(currentLocale() === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
}
