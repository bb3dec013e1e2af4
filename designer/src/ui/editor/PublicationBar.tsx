import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, canDesign, type User } from '../../api/client.ts';
import { canPublish, publication } from '../../api/publication.ts';
import { formatDate } from '../../i18n/format.ts';
import { Dialog } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import type { Saved } from './useSave.ts';

/** Today's date in Vietnam (UTC+7), `YYYY-MM-DD`. */
export function todayInVietnam(now = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Where the working copy stands and what can be done with it: a saved draft is submitted for
 * review; a second person with the publisher role approves and publishes it with an effective
 * date and the decision's number, or sends it back with a note.
 */
export function PublicationBar({
  id,
  user,
  saved,
  dirty,
  onChange,
}: {
  id: string;
  user: User;
  saved: Saved;
  dirty: boolean;
  onChange: (next: Partial<Saved>) => void;
}) {
  const { s, f, lang } = useI18n();
  const queries = useQueryClient();
  const [dialog, setDialog] = useState<'publish' | 'return' | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | undefined>();
  const [effectiveFrom, setEffectiveFrom] = useState(todayInVietnam());
  const [decision, setDecision] = useState('');
  const [note, setNote] = useState('');
  const draft = saved.draft ?? null;
  // A second person approves: not the one who last saved or submitted the draft.
  const mine =
    !!draft && (String(user.id) === draft.savedBy || String(user.id) === draft.submittedBy);
  if (!saved.procedure) return null;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      await action();
      setDialog(undefined);
    } catch (error) {
      const text =
        error instanceof ApiError
          ? error.status === 403
            ? f(s.pubForbidden, { message: error.message })
            : error.status === 409
              ? s.pubConflict
              : error.message
          : String(error);
      setMessage({ tone: 'error', text });
    } finally {
      setBusy(false);
    }
  };

  const state = !draft
    ? s.pubNoDraft
    : draft.status === 'review'
      ? s.pubInReview
      : f(s.pubDraft, { n: draft.saves });
  return (
    <div className="publication-bar" data-testid="publication-bar">
      <span className={`pub-state pub-${draft?.status ?? 'published'}`} data-testid="pub-state">
        {state}
      </span>
      {saved.published?.upcoming ? (
        <span className="pub-upcoming">
          {f(s.pubUpcoming, { version: saved.published.upcoming.slice(0, 8) })}
        </span>
      ) : null}
      {draft?.reviewNote && draft.status === 'draft' ? (
        <span className="pub-note">{f(s.pubReturnedNote, { note: draft.reviewNote })}</span>
      ) : null}
      <span className="grow" />
      {message ? (
        <span className={`pub-message ${message.tone}`} role="status">
          {message.text}
        </span>
      ) : null}
      {draft?.status === 'draft' && canDesign(user) ? (
        <button
          type="button"
          className="btn btn-small"
          disabled={busy || dirty}
          title={dirty ? s.pubSaveFirst : undefined}
          onClick={() =>
            void run(async () => {
              const r = await publication.submit(id, saved.etag!);
              onChange({ etag: r.etag, draft: r.draft });
              setMessage({ tone: 'ok', text: s.pubSubmitted });
            })
          }
        >
          {s.pubSubmit}
        </button>
      ) : null}
      {draft?.status === 'review' && canPublish(user) && !mine ? (
        <>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={busy || dirty}
            onClick={() => setDialog('return')}
          >
            {s.pubSendBack}
          </button>
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={busy || dirty}
            title={dirty ? s.pubSaveFirst : undefined}
            onClick={() => setDialog('publish')}
          >
            {s.pubPublish}
          </button>
        </>
      ) : null}
      {dialog === 'publish' ? (
        <Dialog
          title={s.pubPublishTitle}
          onClose={() => setDialog(undefined)}
          actions={
            <>
              <button type="button" className="btn btn-ghost" onClick={() => setDialog(undefined)}>
                {s.cancel}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy || !effectiveFrom}
                onClick={() =>
                  void run(async () => {
                    const r = await publication.publish(
                      id,
                      saved.etag!,
                      effectiveFrom,
                      decision.trim() || null,
                    );
                    // The version history and the library's rows are read again when next shown.
                    void queries.invalidateQueries({ queryKey: ['procedure', id] });
                    void queries.invalidateQueries({ queryKey: ['procedures'] });
                    const future = effectiveFrom > todayInVietnam();
                    onChange({
                      etag: r.etag,
                      version: r.version,
                      draft: null,
                      published: {
                        version: r.version,
                        inEffect: future ? (saved.published?.inEffect ?? r.version) : r.version,
                        upcoming: future ? r.version : null,
                      },
                    });
                    setMessage({
                      tone: 'ok',
                      text: f(s.pubPublished, {
                        date: formatDate(effectiveFrom, lang),
                      }),
                    });
                  })
                }
              >
                {s.pubPublishConfirm}
              </button>
            </>
          }
        >
          <p>{s.pubPublishBody}</p>
          <div className="field">
            <label htmlFor="pub-effective">{s.pubEffectiveFrom}</label>
            <input
              id="pub-effective"
              type="date"
              min={todayInVietnam()}
              value={effectiveFrom}
              onChange={(e) => setEffectiveFrom(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="pub-decision">{s.pubDecision}</label>
            <input
              id="pub-decision"
              value={decision}
              maxLength={100}
              placeholder="123/QĐ-UBND"
              onChange={(e) => setDecision(e.target.value)}
            />
          </div>
          {message?.tone === 'error' ? (
            <p className="alert alert-error" role="alert">
              {message.text}
            </p>
          ) : null}
        </Dialog>
      ) : null}
      {dialog === 'return' ? (
        <Dialog
          title={s.pubSendBack}
          onClose={() => setDialog(undefined)}
          actions={
            <>
              <button type="button" className="btn btn-ghost" onClick={() => setDialog(undefined)}>
                {s.cancel}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy || !note.trim()}
                onClick={() =>
                  void run(async () => {
                    const r = await publication.sendBack(id, note.trim());
                    onChange({ etag: r.etag, draft: r.draft });
                  })
                }
              >
                {s.pubSendBack}
              </button>
            </>
          }
        >
          <div className="field">
            <label htmlFor="pub-note">{s.pubNote}</label>
            <textarea id="pub-note" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
