import {
  BaseEdge,
  EdgeLabelRenderer,
  getSmoothStepPath,
  type Edge,
  type EdgeProps,
} from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import { roundedPath } from '../../layout/edgeRoutes.ts';
import type { EdgeData } from './buildFlow.ts';

/** What a click on an arrow's label does (select its transition), provided by the canvas. */
export const EdgeLabelClick = createContext<(edgeId: string) => void>(() => undefined);

const COLORS: Record<EdgeData['tone'], string> = {
  main: '#334155',
  back: '#b45309',
  exit: '#b91c1c',
  any: '#64748b',
};

function SlipIcon() {
  return (
    <svg viewBox="0 0 16 16" width="11" height="11" aria-hidden="true">
      <path d="M3 1.5h7l3 3V14.5H3z" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M5.5 8h5M5.5 10.5h5" stroke="currentColor" strokeWidth="1.2" />
    </svg>
  );
}

/**
 * A transition: an orthogonal arrow labelled with the event's Vietnamese name, its condition and
 * the slips it issues. Exceptional paths (refusal, withdrawal) are red and dashed, paths back to
 * an earlier step amber and dashed, so the main flow stands out.
 */
export const TransitionEdge = memo(function TransitionEdge(
  props: EdgeProps<Edge<EdgeData & { fallback?: boolean }>>,
) {
  const {
    id,
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    data,
    selected,
    markerEnd,
  } = props;
  const tone = data?.tone ?? 'main';
  const onLabelClick = useContext(EdgeLabelClick);
  let path: string;
  let labelX: number;
  let labelY: number;
  if (data?.points && data.labelAt && !data.fallback) {
    path = roundedPath(data.points);
    labelX = data.labelAt.x;
    labelY = data.labelAt.y;
  } else {
    [path, labelX, labelY] = getSmoothStepPath({
      sourceX,
      sourceY,
      sourcePosition,
      targetX,
      targetY,
      targetPosition,
      borderRadius: 10,
      offset: 22,
    });
  }
  const color =
    data?.highlight === 'added'
      ? '#15803d'
      : data?.highlight === 'changed'
        ? '#a16207'
        : COLORS[tone];
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={16}
        style={{
          stroke: selected ? '#1d4ed8' : color,
          strokeWidth: selected ? 2.6 : data?.highlight ? 2.4 : 1.6,
          strokeDasharray: tone === 'main' ? undefined : tone === 'any' ? '2 4' : '6 4',
        }}
      />
      <EdgeLabelRenderer>
        <div
          className={`edge-label tone-${tone} ${selected ? 'is-selected' : ''} ${data?.highlight ? `hl-${data.highlight}` : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-edge={id}
          onClick={() => onLabelClick(id)}
        >
          <span className="edge-event">{data?.label}</span>
          {data?.guard ? <span className="edge-guard">{data.guard}</span> : null}
          {data?.stubTarget ? <span className="edge-stub">{data.stubTarget}</span> : null}
          {data && data.slips.length > 0 ? (
            <span className="edge-slip" title={data.slips.join('; ')}>
              <SlipIcon /> {data.slips.length > 1 ? `${data.slips.length}` : ''}
            </span>
          ) : null}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});

/** The edge components by type. */
export const edgeTypes = { transition: TransitionEdge };
