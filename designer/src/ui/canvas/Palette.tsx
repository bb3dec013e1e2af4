import type { ReactNode } from 'react';
import { useI18n } from '../I18n.tsx';
import { FinalIcon, ParallelIcon, StepIcon } from './icons.tsx';
import { PALETTE_MIME, type PaletteShape } from './canvasActions.ts';

/**
 * The palette (as in bpmn.io and Camunda Modeler): drag a step, an outcome or a parallel group
 * onto a lane; a click (or Enter) adds it next to the selection instead.
 */
export function Palette({ onAdd }: { onAdd: (shape: PaletteShape) => void }) {
  const { s } = useI18n();
  const items: { shape: PaletteShape; label: string; icon: ReactNode }[] = [
    { shape: 'step', label: s.addStep, icon: <StepIcon /> },
    { shape: 'final', label: s.addFinal, icon: <FinalIcon /> },
    { shape: 'parallel', label: s.addParallel, icon: <ParallelIcon /> },
  ];
  return (
    <div className="palette" role="toolbar" aria-label={s.palette} data-testid="palette">
      {items.map((item) => (
        <button
          key={item.shape}
          type="button"
          className="palette-item"
          draggable
          title={`${item.label} — ${s.paletteHint}`}
          aria-label={item.label}
          data-shape={item.shape}
          onDragStart={(e) => {
            e.dataTransfer.setData(PALETTE_MIME, item.shape);
            e.dataTransfer.effectAllowed = 'copy';
          }}
          onClick={() => onAdd(item.shape)}
        >
          {item.icon}
        </button>
      ))}
    </div>
  );
}
