/**
 * The known-errors module's texts, French first and English on request (core/i18n.ts):
 * the general text of each of its codes, keyed by the code, `CODE.situation` for a precise case.
 */
import { defineMessages } from '../core/i18n';

export const M = defineMessages({
  /* ---------- the general text of each code ---------- */
  NOT_A_KNOWN_ERROR: { fr: 'Cet élément de connaissance n’est pas un incident majeur (anomalie connue).', en: 'This knowledge item is not a major incident (known anomaly).' },
  KNOWN_ERROR_NOT_ACTIVE: {
    fr: 'L’anomalie connue n’est pas active : non publiée, archivée ou déjà corrigée.',
    en: 'The known anomaly is not active: unpublished, archived, or already fixed.',
  },
  NOT_LINKED: { fr: 'Le ticket n’est rattaché à aucune anomalie connue.', en: 'The ticket is linked to no known anomaly.' },
  ALREADY_LINKED: { fr: 'Le ticket est déjà rattaché à cette anomalie connue.', en: 'The ticket is already linked to this known anomaly.' },

  /* ---------- situations ---------- */
  'NOT_A_KNOWN_ERROR.titled': { fr: '« {title} » n’est pas un incident majeur.', en: '“{title}” is not a major incident.' },
  'KNOWN_ERROR_NOT_ACTIVE.titled': {
    fr: '« {title} » n’est pas active (non publiée, archivée ou corrigée).',
    en: '“{title}” is not active (unpublished, archived or fixed).',
  },
  'ALREADY_LINKED.titled': { fr: 'Le ticket est déjà rattaché à « {title} ».', en: 'The ticket is already linked to “{title}”.' },
  'FORBIDDEN.linkKnownError': {
    fr: 'Seuls les agents du SN1 et du SN2 rattachent des tickets aux anomalies connues.',
    en: 'Only SN1 and SN2 agents link tickets to known anomalies.',
  },
  'NOT_FOUND.knowledgeItem': { fr: 'Aucun élément de connaissance n’a cet identifiant.', en: 'No knowledge item has this id.' },
});
