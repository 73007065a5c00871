/** Numbers and durations written as the source's French reports write them. */

const INT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** 1234 → "1 234" (narrow no-break space, as French typography wants). */
export const int = (n: number) => INT.format(n);

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

/** Seconds, in the same style (longer than a day: "3j 4h05"). */
export function durationSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  const minutes = Math.round(seconds / 60);
  const days = Math.floor(minutes / 1440);
  return days > 0 ? `${days}j ${duration(minutes % 1440) || '0mn'}` : duration(minutes);
}

/** A date as dd/mm/yyyy (UTC, as the statistics filter reads its bounds). */
export const day = (d: Date) => d.toISOString().slice(0, 10).split('-').reverse().join('/');
