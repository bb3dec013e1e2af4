import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { useI18n } from '../I18n.tsx';
import type { Counts, FinalData, GroupData, LaneData, StepData } from './buildFlow.ts';
import { useCanvasActions } from './canvasActions.ts';
import { ContextPad, InlineRename } from './ContextPad.tsx';

/**
 * Four connection points; in loose mode each can start or end an arrow (an outcome's only end
 * one). An arrow dropped anywhere on a shape connects to it too (see the canvas).
 */
function Handles({ connectable = true, start = true }: { connectable?: boolean; start?: boolean }) {
  return (
    <>
      {(['l', 'r', 't', 'b'] as const).map((id) => (
        <Handle
          key={id}
          type="source"
          id={id}
          position={
            id === 'l'
              ? Position.Left
              : id === 'r'
                ? Position.Right
                : id === 't'
                  ? Position.Top
                  : Position.Bottom
          }
          isConnectable={connectable}
          isConnectableStart={connectable && start}
          isConnectableEnd={connectable}
        />
      ))}
    </>
  );
}

function ProblemBadge({ counts }: { counts: Counts }) {
  const { s, f } = useI18n();
  if (counts.errors === 0 && counts.warnings === 0) return null;
  const text = f(s.problemsOnNode, { errors: counts.errors, warnings: counts.warnings });
  return (
    <span
      className={`node-badge ${counts.errors > 0 ? 'node-badge-error' : 'node-badge-warning'}`}
      title={text}
      aria-label={text}
    >
      {counts.errors > 0 ? counts.errors : counts.warnings}
    </span>
  );
}

function HighlightTag({ highlight }: { highlight?: string }) {
  const { s } = useI18n();
  if (!highlight || highlight === 'visited') return null;
  const text =
    highlight === 'active'
      ? s.active
      : highlight === 'added'
        ? s.added
        : highlight === 'changed'
          ? s.changed
          : s.removed;
  return <span className={`node-tag node-tag-${highlight}`}>{text}</span>;
}

function ClockIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M6 5v6M10 5v6" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

function PersonIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <circle cx="8" cy="5" r="3" fill="currentColor" />
      <path d="M2.5 15c.5-3.5 2.7-5 5.5-5s5 1.5 5.5 5z" fill="currentColor" />
    </svg>
  );
}

/** A step: its name, who does it, for how long, and its problems. */
export const StepNode = memo(function StepNode({ id, data, selected }: NodeProps<Node<StepData>>) {
  const { s } = useI18n();
  const actions = useCanvasActions();
  const [renaming, setRenaming] = useState(false);
  const classes = [
    'step-node',
    selected ? 'is-selected' : '',
    data.highlight ? `hl-${data.highlight}` : '',
    data.counts.errors > 0 ? 'has-errors' : '',
    data.ghost ? 'is-ghost' : '',
    data.clockPaused ? 'is-paused' : '',
  ].join(' ');
  return (
    <div className={classes} title={data.aria}>
      <Handles connectable={!data.ghost} />
      <ProblemBadge counts={data.counts} />
      <HighlightTag highlight={data.highlight} />
      {data.initial ? <span className="node-start">{s.initialStep}</span> : null}
      {renaming ? (
        <InlineRename path={id} name={data.name} onDone={() => setRenaming(false)} />
      ) : (
        <div
          className="step-name"
          onDoubleClick={(e) => {
            if (!actions.editable || data.ghost) return;
            e.stopPropagation();
            setRenaming(true);
          }}
        >
          {data.name}
        </div>
      )}
      <ContextPad path={id} final={false} visible={!!selected && !data.ghost && !renaming} />
      <div className="step-role">
        {data.roleName ?? <em className="missing">{s.chooseRole}</em>}
      </div>
      <div className="step-meta">
        <span className={data.duration ? 'chip chip-time' : 'chip chip-missing'}>
          {data.duration ?? s.noDuration}
        </span>
        {data.clockPaused ? (
          <span className="chip chip-paused" title={s.clockPaused}>
            <ClockIcon /> {s.clockPaused}
          </span>
        ) : null}
        {data.citizenVisit && !data.clockPaused ? (
          <span className="chip chip-visit" title={s.citizenVisit}>
            <PersonIcon /> {s.citizenVisit}
          </span>
        ) : null}
      </div>
    </div>
  );
});

/** An outcome of the dossier (kết thúc): approved, refused, withdrawn or stopped. */
export const FinalNode = memo(function FinalNode({
  id,
  data,
  selected,
}: NodeProps<Node<FinalData>>) {
  const actions = useCanvasActions();
  const [renaming, setRenaming] = useState(false);
  return (
    <div
      className={`final-node outcome-${data.nested ? 'branch' : (data.outcome ?? 'none')} ${selected ? 'is-selected' : ''} ${data.highlight ? `hl-${data.highlight}` : ''} ${data.ghost ? 'is-ghost' : ''}`}
      title={data.aria}
    >
      <Handles connectable={!data.ghost} start={false} />
      <ProblemBadge counts={data.counts} />
      <HighlightTag highlight={data.highlight} />
      <ContextPad path={id} final visible={!!selected && !data.ghost && !renaming} />
      <span className="final-dot" aria-hidden="true" />
      <div>
        {renaming ? (
          <InlineRename path={id} name={data.name} onDone={() => setRenaming(false)} />
        ) : (
          <div
            className="final-name"
            onDoubleClick={(e) => {
              if (!actions.editable || data.ghost) return;
              e.stopPropagation();
              setRenaming(true);
            }}
          >
            {data.name}
          </div>
        )}
        {data.outcomeLabel !== data.name ? (
          <div className="final-outcome">{data.outcomeLabel}</div>
        ) : null}
      </div>
    </div>
  );
});

/** The marker of transitions available at every step (the root's `on`, e.g. withdrawal). */
export const AnyNode = memo(function AnyNode() {
  const { s } = useI18n();
  return (
    <div className="any-node" title={s.anyStepHint}>
      <Handles />
      <div className="any-title">{s.anyStep}</div>
      <div className="any-hint">{s.anyStepHint}</div>
    </div>
  );
});

/** A swimlane: the band of one responsible unit, with its name on the left. */
export const LaneNode = memo(function LaneNode({ data }: NodeProps<Node<LaneData>>) {
  return (
    <div
      className={`lane lane-${data.tone} ${data.index % 2 ? 'lane-odd' : ''}`}
      style={{ width: data.width, height: data.height }}
    >
      <div className="lane-header">
        <div className="lane-title">{data.title}</div>
        {data.subtitle ? <div className="lane-subtitle">{data.subtitle}</div> : null}
        {data.count ? <div className="lane-count">{data.count}</div> : null}
      </div>
    </div>
  );
});

/** A group of steps: a parallel inter-agency group (liên thông), one of its branches, or a sub-process. */
export const GroupNode = memo(function GroupNode({ data, selected }: NodeProps<Node<GroupData>>) {
  return (
    <div
      className={`group-node group-${data.kind} ${data.region ? 'group-region' : ''} ${selected ? 'is-selected' : ''} ${data.highlight ? `hl-${data.highlight}` : ''}`}
    >
      <Handles />
      <div className="group-label">
        <span className="group-tag">{data.tag}</span> {data.name}
        <ProblemBadge counts={data.counts} />
      </div>
    </div>
  );
});

/** The node components by type. */
export const nodeTypes = {
  step: StepNode,
  final: FinalNode,
  any: AnyNode,
  lane: LaneNode,
  container: GroupNode,
};
