import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { citizenApi, type RatingInput } from '../../api/citizen.ts';
import { ErrorAlert } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import './citizen.css';

type Criterion = 'attitude' | 'timeliness' | 'clarity';
const CRITERIA: readonly Criterion[] = ['attitude', 'timeliness', 'clarity'];
const SCORES = [5, 4, 3, 2, 1] as const;

/**
 * The satisfaction rating (đánh giá mức độ hài lòng) after the result: attitude, time and
 * clarity on the five-level scale, an optional comment, once per dossier (code + secret).
 */
export function RatingForm({
  code,
  secret,
  rated = false,
}: {
  code: string;
  secret: string;
  /** The dossier was rated already (the lookup says so). */
  rated?: boolean;
}) {
  const { s } = useI18n();
  const [scores, setScores] = useState<Partial<Record<Criterion, number>>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | undefined>(rated ? s.rateAlready : undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const label: Record<Criterion, string> = {
    attitude: s.rateAttitude,
    timeliness: s.rateTimeliness,
    clarity: s.rateClarity,
  };
  const scoreText = (n: number) =>
    [s.rateScore1, s.rateScore2, s.rateScore3, s.rateScore4, s.rateScore5][n - 1]!;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (CRITERIA.some((c) => scores[c] === undefined)) {
      setError(s.rateMissing);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const rating: RatingInput = {
        attitude: scores.attitude!,
        timeliness: scores.timeliness!,
        clarity: scores.clarity!,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      };
      await citizenApi.rate(code, secret, rating);
      setDone(s.rateThanks);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const reason = (err.details as { reason?: string } | undefined)?.reason;
        if (reason === 'already-rated') setDone(s.rateAlready);
        else setError(err.message);
      } else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card citizen-card" aria-labelledby="rate-title">
      <h2 id="rate-title">{s.rateTitle}</h2>
      {done ? (
        <p className="alert alert-ok" role="status">
          {done}
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="muted">{s.rateIntro}</p>
          {CRITERIA.map((c) => (
            <fieldset key={c} className="rating-criterion">
              <legend>{label[c]}</legend>
              <div className="rating-scale">
                {SCORES.map((n) => (
                  <label key={n} className={scores[c] === n ? 'chosen' : undefined}>
                    <input
                      type="radio"
                      name={`rate-${c}`}
                      value={n}
                      checked={scores[c] === n}
                      onChange={() => {
                        setError(undefined);
                        setScores((prev) => ({ ...prev, [c]: n }));
                      }}
                    />
                    <span>{scoreText(n)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <div className="field">
            <label htmlFor="rate-comment">{s.rateComment}</label>
            <textarea
              id="rate-comment"
              rows={3}
              maxLength={1000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <ErrorAlert message={error} />
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy ? s.working : s.rateSubmit}
          </button>
        </form>
      )}
    </section>
  );
}
