import { useState } from 'react';
import type { Procedure } from '../../../../engine/index.ts';
import type { ConnectArgs } from '../../model/transitionCommands.ts';
import { getState, lastKey } from '../../model/statePaths.ts';
import { Dialog } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { EventPicker, type EventChoice } from './EventPicker.tsx';

/**
 * Name the event of a new arrow drawn between two steps. From a parallel group the arrow is its
 * completion ("when all branches are done"), which needs no event.
 */
export function ConnectDialog({
  procedure,
  source,
  target,
  onClose,
  onConnect,
}: {
  procedure: Procedure;
  source: string;
  target: string;
  onClose: () => void;
  onConnect: (args: ConnectArgs) => void;
}) {
  const { s, f, t } = useI18n();
  const sourceState = getState(procedure.machine, source);
  const parallel = sourceState?.type === 'parallel';
  const [choice, setChoice] = useState<EventChoice | undefined>(
    parallel ? undefined : { event: suggestEvent(procedure, source, target) },
  );
  const [kind, setKind] = useState<'on' | 'onDone'>(parallel ? 'onDone' : 'on');
  const name = (path: string) =>
    path === '' ? s.anyStep : t(getState(procedure.machine, path)?.meta?.name, lastKey(path));
  const ready = kind === 'onDone' || !!choice?.event;
  const submit = () => {
    if (!ready) return;
    onConnect(
      kind === 'onDone'
        ? { source, target, kind: 'onDone' }
        : {
            source,
            target,
            kind: 'on',
            event: choice!.event,
            ...(choice!.eventName ? { eventName: choice!.eventName } : {}),
          },
    );
  };
  return (
    <Dialog
      title={s.connectTitle}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {s.cancel}
          </button>
          <button type="button" className="btn btn-primary" disabled={!ready} onClick={submit}>
            {s.connect}
          </button>
        </>
      }
    >
      <p className="connect-summary">
        {f(s.connectFromTo, { from: name(source), to: name(target) })}
      </p>
      {parallel ? (
        <fieldset className="radio-group">
          <legend>{s.event}</legend>
          <label>
            <input type="radio" checked={kind === 'onDone'} onChange={() => setKind('onDone')} />{' '}
            {s.kind_onDone}
          </label>
          <label>
            <input type="radio" checked={kind === 'on'} onChange={() => setKind('on')} />{' '}
            {s.standardEvent}
          </label>
        </fieldset>
      ) : null}
      {kind === 'on' ? (
        <EventPicker procedure={procedure} value={choice?.event} onChange={setChoice} />
      ) : null}
      {choice?.eventName ? (
        <p className="hint">
          {s.customEvent}: <strong>{choice.eventName.vi}</strong> (<code>{choice.event}</code>)
        </p>
      ) : null}
    </Dialog>
  );
}

/** A sensible default event for an arrow, from what the target is. */
function suggestEvent(procedure: Procedure, source: string, target: string): string {
  const to = getState(procedure.machine, target);
  const from = getState(procedure.machine, source);
  const outcome = to?.meta?.outcome;
  if (source === '') return outcome === 'withdrawn' ? 'WITHDRAW' : 'STOP';
  if (outcome === 'refused') return 'REFUSE';
  if (outcome === 'withdrawn') return 'WITHDRAW';
  if (outcome === 'stopped') return 'STOP';
  if (to?.type === 'final') return 'RETURN_RESULT';
  if (to?.meta?.role === 'applicant' || to?.meta?.clock === 'paused') return 'REQUEST_SUPPLEMENT';
  if (from?.meta?.role === 'applicant') return 'SUPPLEMENT';
  if (from?.meta?.role === 'reception') return 'ACCEPT';
  if (to?.meta?.role === 'leader') return 'PROPOSE';
  if (from?.meta?.role === 'leader') return 'SIGN';
  if (to?.meta?.unit && from?.meta?.unit && to.meta.unit !== from.meta.unit) return 'TRANSFER';
  return 'FORWARD';
}
