// Reads Kazakhstan public holidays from the full date-holidays package.
// Node/build-time only (generator and the data test): never import this from extension code,
// it would pull every country's rules into the bundle.
import Holidays from 'date-holidays';

export const KZ_FIRST_YEAR = 2017;
export const KZ_LAST_YEAR = 2035;

const SUBSTITUTE = ' (substitute day)';

/** One row per distinct day off: several holidays on one day are joined, substitutes say «перенос». */
export function kzHolidaysLive(fromYear: number, toYear: number): Array<[string, string]> {
  const hd = new Holidays('KZ', { languages: ['ru'] });
  const byDate = new Map<string, string[]>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const h of hd.getHolidays(year, 'ru')) {
      if (h.type !== 'public') continue;
      const date = h.date.slice(0, 10);
      const name = h.name.endsWith(SUBSTITUTE) ? `${h.name.slice(0, -SUBSTITUTE.length)} (перенос выходного)` : h.name;
      const names = byDate.get(date) ?? [];
      if (!names.includes(name)) names.push(name);
      byDate.set(date, names);
    }
  }
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, names]) => [date, names.join('; ')]);
}
