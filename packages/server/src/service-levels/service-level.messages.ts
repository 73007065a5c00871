/**
 * The service-level module's texts, French first and English on request (core/i18n.ts):
 * the general text of each of its codes, keyed by the code, `CODE.situation` for a precise case.
 */
import { defineMessages } from '../core/i18n';

export const M = defineMessages({
  /* ---------- the general text of each code ---------- */
  INVALID_TIME_ZONE: {
    fr: 'Ce n’est pas un nom de fuseau horaire IANA (par exemple Europe/Paris, America/Cayenne, Indian/Reunion).',
    en: 'Not an IANA time zone name (e.g. Europe/Paris, America/Cayenne, Indian/Reunion).',
  },
  INVALID_WORKING_WINDOW: {
    fr: 'Une plage de travail a un jour hors de 1 à 7, une heure qui ne s’écrit pas HH:MM, une fin qui ne suit pas son début, ou chevauche une autre plage du même jour.',
    en: 'A working window has a weekday outside 1–7, a time not written HH:MM, an end not after its start, or overlaps another window of its day.',
  },
  NO_WORKING_TIME: {
    fr: 'Un calendrier compte au moins une plage de travail ; sans elle, aucune échéance ne pourrait être calculée.',
    en: 'A calendar needs at least one working window, or no due date could ever be computed.',
  },
  INVALID_CLOSED_DAY: { fr: 'Un jour fermé s’écrit comme une date AAAA-MM-JJ.', en: 'A closed day is a date written YYYY-MM-DD.' },
  CALENDAR_CODE_TAKEN: { fr: 'Un autre calendrier porte déjà ce code.', en: 'Another calendar already has this code.' },
  TARGET_LEVEL_MISMATCH: {
    fr: 'Un objectif de temps au niveau (LEVEL_HOLD) indique un niveau ; les objectifs de première réponse et de résolution n’en prennent pas.',
    en: 'LEVEL_HOLD targets need a level; FIRST_RESPONSE and RESOLUTION targets take none.',
  },
  INVALID_TARGET: {
    fr: 'La priorité va de 1 à 4, l’objectif d’une seconde à un an, et la part « à risque » est strictement comprise entre 0 et 1.',
    en: 'Priority must be 1–4, the target at least one second (at most a year), and the at-risk share strictly between 0 and 1.',
  },

  /* ---------- situations ---------- */
  'INVALID_TIME_ZONE.named': { fr: '« {zone} » n’est pas un fuseau horaire IANA.', en: '“{zone}” is not an IANA time zone.' },
  'INVALID_WORKING_WINDOW.weekday': {
    fr: 'Le jour {weekday} n’est pas compris entre 1 (lundi) et 7 (dimanche).',
    en: 'Weekday {weekday} is not between 1 (Monday) and 7 (Sunday).',
  },
  'INVALID_WORKING_WINDOW.time': {
    fr: '{start}–{end} : les heures s’écrivent HH:MM (de 00:00 à 24:00).',
    en: '{start}–{end}: times are written HH:MM (00:00 to 24:00).',
  },
  'INVALID_WORKING_WINDOW.order': { fr: '{start}–{end} : la fin doit suivre le début.', en: '{start}–{end}: the end must come after the start.' },
  'INVALID_WORKING_WINDOW.overlap': {
    fr: 'Les plages du jour {weekday} se chevauchent.',
    en: 'Windows of weekday {weekday} overlap.',
  },
  'INVALID_CLOSED_DAY.tooMany': {
    fr: 'Un calendrier compte au plus {max} jours fermés supplémentaires.',
    en: 'A calendar has at most {max} extra closed days.',
  },
  'INVALID_CLOSED_DAY.date': { fr: '« {date} » n’est pas une date AAAA-MM-JJ.', en: '“{date}” is not a date YYYY-MM-DD.' },
  'CALENDAR_CODE_TAKEN.named': { fr: 'Un calendrier s’appelle déjà {code}.', en: 'A calendar is already called {code}.' },
  'INVALID_TARGET.priority': { fr: 'La priorité va de 1 à 4.', en: 'Priority goes from 1 to 4.' },
  'INVALID_TARGET.seconds': { fr: 'L’objectif va d’une seconde à un an de temps ouvré.', en: 'The target is 1 second to one year of business time.' },
  'INVALID_TARGET.atRiskShare': { fr: 'La part « à risque » est strictement comprise entre 0 et 1.', en: 'The at-risk share is strictly between 0 and 1.' },
  'FORBIDDEN.serviceLevels': {
    fr: 'Seuls les administrateurs modifient les calendriers et les objectifs de niveau de service.',
    en: 'Only administrators change calendars and service-level targets.',
  },
  'NOT_FOUND.calendar': { fr: 'Aucun calendrier n’a cet identifiant.', en: 'No calendar has this id.' },
  'NOT_FOUND.serviceLevelTarget': { fr: 'Aucun objectif de niveau de service n’a cet identifiant.', en: 'No service-level target has this id.' },
  'NOT_FOUND.serviceLevelStructure': { fr: 'Aucune structure n’a cet identifiant.', en: 'No structure has this id.' },

  /* ---------- the closed-day import's refused lines ---------- */
  'CLOSED_DAY_IMPORT.unknownCalendar': { fr: 'Aucun calendrier n’a le code « {code} ».', en: 'No calendar has the code “{code}”.' },
  'CLOSED_DAY_IMPORT.date': { fr: 'date : une date AAAA-MM-JJ.', en: 'date: a date YYYY-MM-DD.' },
  'CLOSED_DAY_IMPORT.label': { fr: 'label : au plus {max} caractères.', en: 'label: at most {max} characters.' },
  'CLOSED_DAY_IMPORT.twice': { fr: '{date} apparaît deux fois pour {code} dans le fichier.', en: '{date} appears twice for {code} in the file.' },
});
