/**
 * The audit log’s texts: its refusals use core’s codes, so only precise situations
 * (`CODE.situation`) live here, French first.
 */
import { defineMessages } from '../core/i18n';

export const AUDIT_MESSAGES = defineMessages({
  'VALIDATION_FAILED.auditActions': {
    fr: '{max, plural, one {Au plus # action} other {Au plus # actions}} par filtre.',
    en: '{max, plural, one {At most # action} other {At most # actions}} per filter.',
  },
  'VALIDATION_FAILED.auditTargetType': { fr: 'Cet identifiant désigne un objet {actual}, et non {expected} comme le type demandé.', en: 'This id names a {actual}, not a {expected} as the type asked.' },
  'VALIDATION_FAILED.statisticsPeriodOrder': { fr: 'La fin de la période doit suivre son début.', en: 'The end of the period must come after its start.' },
});
