import type { TimelinessNow } from '../../api/dossiers.ts';
import { useI18n } from '../I18n.tsx';
import { timelinessKey } from './officeText.ts';

/** A dossier's standing against its deadline, coloured: green on track, amber soon, red late. */
export function TimelinessBadge({ value }: { value: TimelinessNow | null }) {
  const { s } = useI18n();
  if (!value) return null;
  return <span className={`badge badge-t-${value}`}>{s[timelinessKey(value)]}</span>;
}
