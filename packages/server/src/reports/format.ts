/** Numbers and durations written as the source's French reports write them (numbers in English style on request). */
import { currentLocale } from '../core/i18n';

const INT = { fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }) };

/** 1234 → "1 234" (narrow no-break space, as French typography wants); "1,234" in English. */
export const int = (n: number) => INT[currentLocale()].format(n);

/** 0.5537 → "55%" (the source rounds to the unit and sets no space before the sign). */
export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Minutes as the source writes them: 6 → "6mn", 120 → "2h", 125 → "2h05"; null → "". */
export function duration(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return '';
  const m = Math.round(minutes);
  if (m < 60) return `${m}mn`;
  const rest = m % 60;
  return rest === 0 ? `${Math.floor(m / 60)}h` : `${Math.floor(m / 60)}h${String(rest).padStart(2, '0')}`;
}

/**
 * Seconds as French typography writes a duration, units after a space and abbreviated
 * as the norm does (j, h, min): 960 → "16 min", 7500 → "2 h 05", 2_650_560 → "30 j 16 min".
 * The training report keeps the source's own style (`duration`) to match its tables.
 */
export function durationSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  const total = Math.round(seconds / 60);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts = [days ? `${days} j` : '', hours ? `${hours} h` : '', minutes ? (hours ? String(minutes).padStart(2, '0') : `${minutes} min`) : ''].filter(Boolean);
  return parts.join(' ').replace(/\s/g, '\u00a0') || '0\u00a0min';
}

/** A date as dd/mm/yyyy (UTC, as the statistics filter reads its bounds). */
export const day = (d: Date) => d.toISOString().slice(0, 10).split('-').reverse().join('/');
