import { useQuery } from '@tanstack/react-query';
import { publication, type GitRevision, type PublishedVersion } from '../../api/publication.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { autoLayout } from '../../layout/autoLayout.ts';
import { useI18n } from '../I18n.tsx';
import type { Baseline } from './useComparison.ts';

/** The published versions and git revisions of a procedure (empty for one never published). */
export function useVersions(id: string): {
  versions: readonly PublishedVersion[];
  git: readonly GitRevision[];
} {
  const { data } = useQuery({
    queryKey: ['procedure', id, 'versions'],
    queryFn: () => publication.versions(id),
    retry: false,
  });
  return { versions: data?.versions ?? NONE, git: data?.git ?? NONE };
}

const NONE: readonly never[] = [];

/** When a version took effect; a library file's first version, since it was first loaded. */
function effectiveDate(v: PublishedVersion): string {
  return Date.parse(v.effectiveFrom) > 0 ? v.effectiveFrom : v.publishedAt;
}

/** `<option>`s for the published versions (`version:<v>`) and git revisions (`git:<commit>`). */
export function VersionOptions({
  versions,
  git,
}: {
  versions: readonly PublishedVersion[];
  git: readonly GitRevision[];
}) {
  const { s, f, lang } = useI18n();
  return (
    <>
      {versions.length > 0 ? (
        <optgroup label={s.versionsTitle}>
          {versions.map((v) => (
            <option key={v.version} value={`version:${v.version}`}>
              {f(s.versionOption, {
                version: v.version.slice(0, 8),
                date: formatDate(effectiveDate(v), lang),
              })}
            </option>
          ))}
        </optgroup>
      ) : null}
      {git.length > 0 ? (
        <optgroup label="Git">
          {git.map((g) => (
            <option key={g.commit} value={`git:${g.commit}`}>
              {f(s.gitOption, {
                commit: g.commit.slice(0, 7),
                date: formatDate(g.date, lang),
                subject: g.subject.slice(0, 60),
              })}
            </option>
          ))}
        </optgroup>
      ) : null}
    </>
  );
}

/** Load a version chosen in a select (`version:<v>` or `git:<commit>`) as a comparison side. */
export async function loadVersion(
  id: string,
  value: string,
  versions: readonly PublishedVersion[],
  label: (version: string, date: string) => string,
): Promise<Baseline> {
  const key = value.startsWith('version:') ? value.slice('version:'.length) : value;
  const r = await publication.version(id, key);
  const published = versions.find((v) => v.version === key);
  return {
    procedure: r.procedure,
    layout: await autoLayout(r.procedure),
    source: value,
    label: label(
      key.replace(/^git:/, 'git ').slice(0, 12),
      published ? effectiveDate(published) : '',
    ),
  };
}

/** The table of published versions: effective date, publisher, decision, state. */
export function VersionHistory({ versions }: { versions: readonly PublishedVersion[] }) {
  const { s, lang } = useI18n();
  if (versions.length === 0) return <p className="muted small">{s.versionsNone}</p>;
  return (
    <table className="table versions-table" data-testid="versions-table">
      <caption className="sr-only">{s.versionsTitle}</caption>
      <thead>
        <tr>
          <th scope="col">{s.versionCol}</th>
          <th scope="col">{s.versionEffective}</th>
          <th scope="col">{s.versionPublisher}</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={`${v.version}-${v.publishedAt}`}>
            <td>
              <code>{v.version.slice(0, 8)}</code>{' '}
              <span className={`version-state ${v.state}`}>
                {v.state === 'in-effect'
                  ? s.versionInEffect
                  : v.state === 'upcoming'
                    ? s.versionUpcoming
                    : s.versionPast}
              </span>
            </td>
            <td>{formatDate(effectiveDate(v), lang)}</td>
            <td>
              {v.publishedByName ?? s.versionFromFile}
              <div className="muted small">
                {formatDateTime(v.publishedAt, lang, false)}
                {v.decisionNumber ? ` · ${s.versionDecision} ${v.decisionNumber}` : ''}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
