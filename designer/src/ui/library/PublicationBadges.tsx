import type { ProcedureSummary } from '../../api/client.ts';
import { formatDate } from '../../i18n/format.ts';
import { Badge } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';

/** A library row's publication state: never published, a draft, waiting for approval, upcoming. */
export function PublicationBadges({
  item,
}: {
  item: ProcedureSummary & { unpublished?: boolean };
}) {
  const { s, f, lang } = useI18n();
  return (
    <>
      {item.unpublished ? (
        <>
          {' '}
          <Badge tone="warning">{s.libraryUnpublished}</Badge>
        </>
      ) : null}
      {item.draft ? (
        <>
          {' '}
          <Badge tone={item.draft.status === 'review' ? 'warning' : 'info'}>
            {item.draft.status === 'review' ? s.libraryInReview : s.libraryDraft}
          </Badge>
        </>
      ) : null}
      {item.upcoming ? (
        <>
          {' '}
          <Badge tone="info">
            {f(s.libraryUpcoming, { date: formatDate(item.upcoming.effectiveFrom, lang) })}
          </Badge>
        </>
      ) : null}
    </>
  );
}
