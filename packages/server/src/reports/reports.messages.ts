/**
 * The reports' own texts (titles, captions, column headings, legends, notes), French first
 * and English on request (core/i18n.ts): a page is written in the language of the request.
 * The CSV files keep the source's French headings (they are the statistics API's export).
 */
import { defineMessages } from '../core/i18n';

export const R = defineMessages({
  /* ---------- every report ---------- */
  'REPORT.csvLink': { fr: 'Télécharger les chiffres (CSV)', en: 'Download the figures (CSV)' },
  'REPORT.printHint': { fr: 'imprimer la page pour un PDF', en: 'print the page for a PDF' },
  'REPORT.period.between': { fr: 'Période du {from} au {to}', en: 'Period from {from} to {to}' },
  'REPORT.period.since': { fr: 'Depuis le {from}', en: 'Since {from}' },
  'REPORT.period.until': { fr: 'Jusqu’au {to}', en: 'Until {to}' },
  'REPORT.period.all': { fr: 'Toutes périodes', en: 'All periods' },
  'REPORT.total': { fr: 'TOTAL', en: 'TOTAL' },
  'FORBIDDEN.report': { fr: 'Votre rôle ne permet pas de consulter ce rapport.', en: 'Your role does not allow this report.' },
  'INVALID_FORMAT.reportTable': { fr: 'Tableau inconnu : l’un de {tables}.', en: 'Unknown table: one of {tables}.' },
  'INVALID_FORMAT.reportDate': { fr: 'Une date (AAAA-MM-JJ) ou un instant ISO.', en: 'A date (YYYY-MM-DD) or an ISO instant.' },
  'VALIDATION_FAILED.statisticsPeriodOrder': { fr: 'La fin de la période doit suivre son début.', en: 'The end of the period must come after its start.' },

  /* ---------- training ---------- */
  'REPORT.training.title': { fr: 'Les formations Chorus webinaires — bilan des participations', en: 'Chorus webinar training — participation review' },
  'REPORT.training.section': { fr: 'Statistiques des participations', en: 'Participation statistics' },
  'REPORT.training.byDomain': { fr: 'Par domaine de formation', en: 'By training domain' },
  'REPORT.training.byAttendance': { fr: 'Par nombre d’absents et de présents', en: 'By number of absent and present trainees' },
  'REPORT.training.synthesis': { fr: 'Synthèse des participations aux formations', en: 'Summary of course participation' },
  'REPORT.training.col.domains': { fr: 'Domaines de formation', en: 'Training domains' },
  'REPORT.training.col.registeredCount': { fr: 'Nombre d’inscrits', en: 'Registered trainees' },
  'REPORT.training.col.percent': { fr: 'En pourcentage', en: 'Percentage' },
  'REPORT.training.col.absents': { fr: 'Absents', en: 'Absent' },
  'REPORT.training.col.presents': { fr: 'Présents', en: 'Present' },
  'REPORT.training.col.registered': { fr: 'Inscrits', en: 'Registered' },
  'REPORT.training.col.courses': { fr: 'Formations', en: 'Courses' },
  'REPORT.training.col.registrations': { fr: 'Inscriptions', en: 'Registrations' },
  'REPORT.training.col.parts': { fr: '{parts, plural, one {# partie} other {# parties}}', en: '{parts, plural, one {# part} other {# parts}}' },
  'REPORT.training.col.courseLength': { fr: 'Durée de formation', en: 'Course length' },
  'REPORT.training.col.minConnection': { fr: 'Durée de connexion minimale', en: 'Shortest connection' },
  'REPORT.training.col.maxConnection': { fr: 'Durée de connexion maximale', en: 'Longest connection' },
  'REPORT.training.col.meanConnection': { fr: 'Durée moyenne de connexion', en: 'Average connection' },
  'REPORT.training.chart.shares': { fr: 'Répartition des inscrits par domaine de formation', en: 'Registered trainees by training domain' },
  'REPORT.training.chart.attendance': {
    fr: 'Répartition des inscriptions par nombre d’absents et présents',
    en: 'Registrations by number of absent and present trainees',
  },
  'REPORT.training.chart.domain': { fr: 'Domaine de formation', en: 'Training domain' },
  'REPORT.training.note': {
    fr: 'Inscrits : inscriptions enregistrées ou confirmées, hors sessions annulées. Absent : connecté à aucune partie. Durées de connexion par partie suivie.',
    en: 'Registered: registrations recorded or confirmed, cancelled sessions excluded. Absent: connected to no part. Connection times per part attended.',
  },

  /* ---------- chatbot ---------- */
  'REPORT.chatbot.title': { fr: 'Assistants virtuels (IZIA, IANIS) — rapport', en: 'Chatbots (IZIA, IANIS) — report' },
  'REPORT.chatbot.conversations': { fr: 'Conversations', en: 'Conversations' },
  'REPORT.chatbot.col.indicator': { fr: 'Indicateur', en: 'Indicator' },
  'REPORT.chatbot.col.count': { fr: 'Nombre', en: 'Count' },
  'REPORT.chatbot.col.share': { fr: 'Part', en: 'Share' },
  'REPORT.chatbot.answered': { fr: 'Répondues', en: 'Answered' },
  'REPORT.chatbot.unanswered': { fr: 'Sans réponse', en: 'Unanswered' },
  'REPORT.chatbot.handedOffLong': { fr: 'Transmises au support (demande de ticket)', en: 'Handed to support (ticket request)' },
  'REPORT.chatbot.handedOff': { fr: 'Transmises', en: 'Handed off' },
  'REPORT.chatbot.abandoned': { fr: 'Abandonnées', en: 'Abandoned' },
  'REPORT.chatbot.ongoing': { fr: 'En cours', en: 'Ongoing' },
  'REPORT.chatbot.deflected': { fr: 'Sans ticket dans les {days} jours (déviation)', en: 'No ticket within {days} days (deflection)' },
  'REPORT.chatbot.thumbsDown': { fr: 'Votes « pouce en bas »', en: 'Thumbs-down votes' },
  'REPORT.chatbot.thumbsUp': { fr: 'Votes « pouce en haut »', en: 'Thumbs-up votes' },
  'REPORT.chatbot.worstItems': { fr: 'Réponses les moins bien notées', en: 'Lowest-rated answers' },
  'REPORT.chatbot.col.answer': { fr: 'Réponse', en: 'Answer' },
  'REPORT.chatbot.col.down': { fr: 'Pouce en bas', en: 'Thumbs down' },
  'REPORT.chatbot.col.up': { fr: 'Pouce en haut', en: 'Thumbs up' },
  'REPORT.chatbot.unansweredMessages': { fr: 'Messages sans réponse (les {count} plus récents)', en: 'Unanswered messages (the {count} most recent)' },
  'REPORT.chatbot.col.date': { fr: 'Date', en: 'Date' },
  'REPORT.chatbot.col.message': { fr: 'Message', en: 'Message' },
  'REPORT.chatbot.col.similar': { fr: 'Messages semblables (file de relecture)', en: 'Similar messages (review queue)' },
  'REPORT.chatbot.feedbackComments': {
    fr: 'Commentaires des votes « pouce en bas » (les {count} plus récents)',
    en: 'Comments of thumbs-down votes (the {count} most recent)',
  },
  'REPORT.chatbot.col.userMessage': { fr: 'Message de l’utilisateur', en: 'User’s message' },
  'REPORT.chatbot.col.comment': { fr: 'Commentaire', en: 'Comment' },
  'REPORT.chatbot.col.ministry': { fr: 'Ministère', en: 'Ministry' },
  'REPORT.chatbot.chart.outcomes': { fr: 'Issue des conversations', en: 'Conversation outcomes' },
  'REPORT.chatbot.note.deflection': {
    fr: 'Une conversation est déviée quand ni demande de ticket ni FSD pour la même personne ne la suit dans le délai indiqué.',
    en: 'A conversation is deflected when neither a ticket request nor an FSD for the same person follows it within the stated delay.',
  },
  'REPORT.chatbot.note.review': {
    fr: 'Messages sans réponse et commentaires : ce que l’AIFE analyse pour enrichir la base de connaissances (la file de relecture les regroupe et les garde tous).',
    en: 'Unanswered messages and comments: what AIFE analyses to enrich the knowledge base (the review queue groups them and keeps them all).',
  },

  /* ---------- service desk ---------- */
  'REPORT.serviceDesk.title': { fr: 'Centre de services — rapport d’activité', en: 'Service desk — activity report' },
  'REPORT.serviceDesk.summary': { fr: 'Synthèse', en: 'Summary' },
  'REPORT.serviceDesk.col.indicator': { fr: 'Indicateur', en: 'Indicator' },
  'REPORT.serviceDesk.col.value': { fr: 'Valeur', en: 'Value' },
  'REPORT.serviceDesk.opened': { fr: 'Tickets ouverts sur la période', en: 'Tickets opened in the period' },
  'REPORT.serviceDesk.resolved': { fr: 'Tickets résolus', en: 'Tickets resolved' },
  'REPORT.serviceDesk.backlog': { fr: 'Tickets en cours (stock)', en: 'Tickets in progress (backlog)' },
  'REPORT.serviceDesk.escalationRate': { fr: 'Taux d’escalade vers le SN2', en: 'Escalation rate to SN2' },
  'REPORT.serviceDesk.byLevel': { fr: 'Stock par niveau', en: 'Backlog by level' },
  'REPORT.serviceDesk.col.level': { fr: 'Niveau', en: 'Level' },
  'REPORT.serviceDesk.col.tickets': { fr: 'Tickets', en: 'Tickets' },
  'REPORT.serviceDesk.col.open': { fr: 'En cours', en: 'In progress' },
  'REPORT.serviceDesk.col.resolved': { fr: 'Résolus', en: 'Resolved' },
  'REPORT.serviceDesk.col.escalated': { fr: 'Escaladés', en: 'Escalated' },
  'REPORT.serviceDesk.byDomain': { fr: 'Par domaine : volumes et temps médians', en: 'By domain: volumes and median times' },
  'REPORT.serviceDesk.col.domain': { fr: 'Domaine', en: 'Domain' },
  'REPORT.serviceDesk.col.firstResponse': { fr: 'Première réponse', en: 'First response' },
  'REPORT.serviceDesk.col.resolution': { fr: 'Résolution', en: 'Resolution' },
  'REPORT.serviceDesk.col.atSn1': { fr: 'Temps au SN1', en: 'Time at SN1' },
  'REPORT.serviceDesk.col.atSn2': { fr: 'Temps au SN2', en: 'Time at SN2' },
  'REPORT.serviceDesk.col.atTechnical': { fr: 'Temps à l’équipe technique', en: 'Time at the technical team' },
  'REPORT.serviceDesk.byMonth': { fr: 'Par mois d’ouverture', en: 'By month of opening' },
  'REPORT.serviceDesk.col.month': { fr: 'Mois', en: 'Month' },
  'REPORT.serviceDesk.col.opened': { fr: 'Tickets ouverts', en: 'Tickets opened' },
  'REPORT.serviceDesk.col.ofWhichResolved': { fr: 'Dont résolus', en: 'Of which resolved' },
  'REPORT.serviceDesk.col.ofWhichOpen': { fr: 'Dont en cours', en: 'Of which in progress' },
  'REPORT.serviceDesk.serviceLevels': { fr: 'Respect des niveaux de service, par niveau et objectif', en: 'Service levels met, by level and target' },
  'REPORT.serviceDesk.col.target': { fr: 'Objectif', en: 'Target' },
  'REPORT.serviceDesk.col.measured': { fr: 'Mesurés', en: 'Measured' },
  'REPORT.serviceDesk.col.within': { fr: 'Dans l’objectif', en: 'Within target' },
  'REPORT.serviceDesk.col.breached': { fr: 'Dépassés', en: 'Breached' },
  'REPORT.serviceDesk.col.withinShare': { fr: 'Part dans l’objectif', en: 'Share within target' },
  'REPORT.serviceDesk.col.running': { fr: 'En cours', en: 'Running' },
  'REPORT.serviceDesk.chart.months': { fr: 'Tickets ouverts et résolus, par mois d’ouverture', en: 'Tickets opened and resolved, by month of opening' },
  'REPORT.serviceDesk.chart.opened': { fr: 'Ouverts', en: 'Opened' },
  'REPORT.serviceDesk.chart.resolved': { fr: 'Résolus', en: 'Resolved' },
  'REPORT.serviceDesk.chart.backlog': { fr: 'Stock de tickets en cours, par niveau et statut', en: 'Backlog of tickets in progress, by level and status' },
  'REPORT.serviceDesk.note.medians': {
    fr: 'Temps médians sur les tickets concernés (un ticket jamais passé par un niveau ne compte pas pour ce niveau). Les brouillons ne sont pas comptés.',
    en: 'Median times over the tickets concerned (a ticket that never reached a level does not count for it). Drafts are not counted.',
  },
  'REPORT.serviceDesk.note.serviceLevels': {
    fr: 'Niveaux de service : un ticket compte comme mesuré une fois son délai arrêté (réponse, résolution, annulation) ou son objectif dépassé ; en heures ouvrées du calendrier de chaque objectif, tickets soumis sur la période.',
    en: 'Service levels: a ticket counts as measured once its clock has stopped (response, resolution, cancellation) or its target is breached; in business hours of each target’s calendar, tickets submitted in the period.',
  },

  /* ---------- CSV headings, one row (or column) a message, cells separated by ";" ---------- */
  'REPORT.chatbot.csv': {
    fr: 'indicateur;valeur;conversations;répondues;sans réponse;transmises;abandonnées;taux de réponse;taux sans réponse;taux de transmission;taux de déviation;pouces en bas;pouces en haut',
    en: 'indicator;value;conversations;answered;unanswered;handed off;abandoned;answer rate;unanswered rate;handoff rate;deflection rate;thumbs down;thumbs up',
  },
  'REPORT.serviceDesk.csv': {
    fr: 'regroupement;clé;libellé;tickets;en cours;résolus;escaladés;réouvertures;médiane première réponse (s);médiane résolution (s);médiane SN1 (s);médiane SN2 (s);médiane technique (s)',
    en: 'grouping;key;label;tickets;in progress;resolved;escalated;reopenings;median first response (s);median resolution (s);median SN1 (s);median SN2 (s);median technical (s)',
  },

  /* ---------- words for the API's enum values ---------- */
  'REPORT.ticketStatus': {
    fr: '{status, select, NEW {Brouillon} SUBMITTED {Soumis} IN_PROGRESS {En cours de traitement} WAITING_FOR_INFO {En attente d’informations} ESCALATED {Escaladé au SN2} RESOLVED {Résolu} CLOSED {Clos} REOPENED {Rouvert} CANCELLED {Annulé} other {{status}}}',
    en: '{status, select, NEW {Draft} SUBMITTED {Submitted} IN_PROGRESS {In progress} WAITING_FOR_INFO {Waiting for information} ESCALATED {Escalated to SN2} RESOLVED {Resolved} CLOSED {Closed} REOPENED {Reopened} CANCELLED {Cancelled} other {{status}}}',
  },
  'REPORT.supportLevel': {
    fr: '{level, select, SN1 {SN1} SN2 {SN2} TECHNICAL {Équipe technique (CES-CHOREGIE)} other {{level}}}',
    en: '{level, select, SN1 {SN1} SN2 {SN2} TECHNICAL {Technical team (CES-CHOREGIE)} other {{level}}}',
  },
  'REPORT.serviceLevelMetric': {
    fr: '{metric, select, FIRST_RESPONSE {Première réponse} LEVEL_HOLD {Temps de traitement au niveau} RESOLUTION {Résolution} other {{metric}}}',
    en: '{metric, select, FIRST_RESPONSE {First response} LEVEL_HOLD {Time held at the level} RESOLUTION {Resolution} other {{metric}}}',
  },
});
