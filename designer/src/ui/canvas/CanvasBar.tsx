import { getNodesBounds, getViewportForBounds, useReactFlow } from '@xyflow/react';
import { useId, useState } from 'react';
import type { Procedure } from '../../../../engine/index.ts';
import { foldDiacritics, getState, lastKey } from '../../model/statePaths.ts';
import { useI18n } from '../I18n.tsx';
import type { PaletteShape } from './canvasActions.ts';
import { Palette } from './Palette.tsx';

const fold = (text: string) => foldDiacritics(text).toLowerCase();

/** Download a data URL or a blob URL under a file name. */
function download(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
}

/**
 * The strip above the canvas — so that nothing of it covers a step or a lane title: the
 * palette, the step search, the shortcuts and the export of the diagram (SVG and PNG).
 */
export function CanvasBar({
  procedure,
  steps,
  editable,
  showShortcuts,
  onAdd,
  onFound,
  minimap,
  onMinimap,
}: {
  minimap: boolean;
  onMinimap: (on: boolean) => void;
  procedure: Procedure;
  steps: readonly string[];
  editable: boolean;
  showShortcuts: boolean;
  onAdd: (shape: PaletteShape) => void;
  onFound: (path: string) => void;
}) {
  const { s, t } = useI18n();
  const rf = useReactFlow();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [missing, setMissing] = useState(false);
  const nameOf = (path: string) => t(getState(procedure.machine, path)?.meta?.name, lastKey(path));

  const find = (text: string) => {
    const q = fold(text.trim());
    if (!q) return;
    const hit =
      steps.find((p) => fold(nameOf(p)) === q) ?? steps.find((p) => fold(nameOf(p)).includes(q));
    setMissing(!hit);
    if (hit) onFound(hit);
  };

  const exportAs = async (format: 'svg' | 'png') => {
    const { toPng, toSvg } = await import('html-to-image');
    const viewport = document.querySelector<HTMLElement>('.canvas-area .react-flow__viewport');
    if (!viewport) return;
    const bounds = getNodesBounds(rf.getNodes());
    const width = Math.ceil(bounds.width + 48);
    const height = Math.ceil(bounds.height + 48);
    const view = getViewportForBounds(bounds, width, height, 1, 1, 0);
    const options = {
      backgroundColor: '#ffffff',
      width,
      height,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})`,
      },
    };
    const url = format === 'svg' ? await toSvg(viewport, options) : await toPng(viewport, options);
    download(url, `${procedure.id}.${format}`);
  };

  return (
    <div className="canvas-bar">
      {editable ? <Palette onAdd={onAdd} /> : null}
      <form
        className="step-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          find(query);
        }}
      >
        <label htmlFor={`${listId}-q`} className="sr-only">
          {s.stepSearch}
        </label>
        <input
          id={`${listId}-q`}
          type="search"
          placeholder={s.stepSearch}
          list={listId}
          value={query}
          aria-invalid={missing || undefined}
          onChange={(e) => {
            setQuery(e.target.value);
            setMissing(false);
            const exact = steps.find((p) => nameOf(p) === e.target.value);
            if (exact) onFound(exact);
          }}
        />
        <datalist id={listId}>
          {steps.map((p) => (
            <option key={p} value={nameOf(p)} />
          ))}
        </datalist>
        {missing ? (
          <span className="small warn-text" role="status">
            {s.stepSearchNone}
          </span>
        ) : null}
      </form>
      {showShortcuts ? <p className="shortcuts">{s.shortcuts}</p> : <span className="grow" />}
      <div className="zoom-buttons" role="group" aria-label={s.controlsLabel}>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          title={`${s.zoomOut} (Ctrl+-)`}
          aria-label={s.zoomOut}
          onClick={() => void rf.zoomOut({ duration: 150 })}
        >
          −
        </button>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          title={`${s.zoomIn} (Ctrl+=)`}
          aria-label={s.zoomIn}
          onClick={() => void rf.zoomIn({ duration: 150 })}
        >
          +
        </button>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          title={`${s.fitView} (Ctrl+0)`}
          aria-label={s.fitView}
          onClick={() => void rf.fitView({ padding: 0.04, maxZoom: 1, duration: 150 })}
        >
          ⤢
        </button>
        <button
          type="button"
          className={`btn btn-small btn-ghost ${minimap ? 'on' : ''}`}
          aria-pressed={minimap}
          title={s.minimap}
          onClick={() => onMinimap(!minimap)}
        >
          ▦<span className="sr-only"> {s.minimap}</span>
        </button>
      </div>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        onClick={() => void exportAs('svg')}
        data-testid="export-svg"
      >
        SVG
        <span className="sr-only"> — {s.exportSvg}</span>
      </button>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        onClick={() => void exportAs('png')}
        data-testid="export-png"
      >
        PNG
        <span className="sr-only"> — {s.exportPng}</span>
      </button>
    </div>
  );
}
