/**
 * The texts of personal-data erasure (RGPD): the general text of each of its codes (keyed by
 * the code) and each precise situation (`CODE.situation`), French first.
 */
import { defineMessages } from '../core/i18n';

export const PRIVACY_MESSAGES = defineMessages({
  // general texts, one per code
  PERSON_ALREADY_ERASED: { fr: 'Les données personnelles de cette personne ont déjà été effacées.', en: 'This person’s personal data has already been erased.' },
  CANNOT_ERASE_YOURSELF: { fr: 'Un administrateur n’efface pas son propre compte : un autre administrateur le fait.', en: 'An administrator does not erase their own account: another administrator does.' },
  // precise situations
  'FORBIDDEN.erasure': { fr: 'L’effacement des données personnelles est réservé au rôle : {roles}.', en: 'Erasing personal data is for the role: {roles}.' },
  'NOT_FOUND.person': { fr: 'Aucune personne ne porte cet identifiant.', en: 'No person has this id.' },
});
