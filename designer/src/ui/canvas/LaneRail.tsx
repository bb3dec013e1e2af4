import { useViewport, type Node } from '@xyflow/react';
import type { LaneData } from './buildFlow.ts';

/** Width of a lane's title band on the canvas, in canvas units. */
const HEADER = 120;

/**
 * The lane titles stay in view: once the diagram is scrolled right past the lanes' own title
 * band, a rail at the left edge repeats each visible lane's title at its height.
 */
export function LaneRail({ lanes }: { lanes: readonly Node[] }) {
  const { x, y, zoom } = useViewport();
  const hidden = lanes.some((l) => (l.position.x + HEADER) * zoom + x < 24);
  if (!hidden) return null;
  return (
    <div className="lane-rail" aria-hidden="true">
      {lanes.map((lane) => {
        const data = lane.data as LaneData;
        const top = lane.position.y * zoom + y;
        const height = data.height * zoom;
        if (top + height < 0) return null;
        return (
          <div
            key={lane.id}
            className={`lane-rail-item lane-${data.tone}`}
            style={{ top: Math.max(top, 0), height: Math.max(0, height + Math.min(top, 0)) }}
          >
            <span>{data.title}</span>
          </div>
        );
      })}
    </div>
  );
}
