/**
 * Numbers as people read them: Vietnamese groups thousands with a dot and writes decimals with a
 * comma (12.345 · 1,5 ngày), English the other way round (12,345 · 1.5 days). The one number
 * formatter of the app: the designer, the office screens, the reports CSV, the PDFs and the
 * engine's own messages all use it.
 */
export function formatNumber(
  value: number,
  lang: 'vi' | 'en',
  maxFraction = 2,
  minus = '−',
): string {
  const rounded = Math.round(value * 10 ** maxFraction) / 10 ** maxFraction;
  const [int, frac = ''] = Math.abs(rounded).toFixed(maxFraction).split('.') as [string, string?];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  const fraction = frac.replace(/0+$/, '');
  const sign = rounded < 0 ? minus : '';
  return `${sign}${grouped}${fraction ? (lang === 'vi' ? ',' : '.') + fraction : ''}`;
}

/** The same number in both languages, for a `{ vi, en }` message. */
export function numberVi(value: number, maxFraction = 2): string {
  return formatNumber(value, 'vi', maxFraction);
}
