import { NodeToolbar, Position } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../I18n.tsx';
import { useCanvasActions } from './canvasActions.ts';
import { AppendIcon, DeleteIcon, FinalIcon, StepIcon } from './icons.tsx';

/**
 * The context pad of a selected step (as in bpmn.io): append a next step, turn it into an
 * outcome (or back), rename, delete. Shown beside the shape; every button has a name.
 */
export function ContextPad({
  path,
  final,
  visible,
}: {
  path: string;
  final: boolean;
  visible: boolean;
}) {
  const { s } = useI18n();
  const actions = useCanvasActions();
  if (!actions.editable) return null;
  return (
    <NodeToolbar
      isVisible={visible && actions.padFor === path}
      position={Position.Right}
      align="start"
      offset={8}
    >
      <div className="context-pad" role="toolbar" aria-label={s.contextPad}>
        {!final ? (
          <button
            type="button"
            className="pad-btn"
            title={s.padAppend}
            aria-label={s.padAppend}
            onClick={() => actions.append(path)}
          >
            <AppendIcon />
          </button>
        ) : null}
        <button
          type="button"
          className="pad-btn"
          title={final ? s.padToStep : s.padToFinal}
          aria-label={final ? s.padToStep : s.padToFinal}
          onClick={() => actions.toggleFinal(path)}
        >
          {final ? <StepIcon /> : <FinalIcon />}
        </button>
        <button
          type="button"
          className="pad-btn pad-danger"
          title={s.padDelete}
          aria-label={s.padDelete}
          onClick={() => actions.remove(path)}
        >
          <DeleteIcon />
        </button>
      </div>
    </NodeToolbar>
  );
}

/** The name of a shape edited in place after a double click: Enter keeps it, Escape cancels. */
export function InlineRename({
  path,
  name,
  onDone,
}: {
  path: string;
  name: string;
  onDone: () => void;
}) {
  const { s } = useI18n();
  const actions = useCanvasActions();
  const [value, setValue] = useState(name);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const commit = () => {
    const next = value.trim();
    if (next && next !== name) actions.rename(path, next);
    onDone();
  };
  return (
    <input
      ref={ref}
      className="inline-rename nodrag nopan"
      aria-label={s.renameInPlace}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') onDone();
      }}
      onBlur={commit}
    />
  );
}
