import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ConnectionMode,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
  type OnBeforeDelete,
} from '@xyflow/react';
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Geometry } from '../../layout/geometry.ts';
import { ANY_NODE } from '../../layout/lanes.ts';
import type { CanvasModel } from '../../model/canvasModel.ts';
import type { XY } from '../../model/designDoc.ts';
import type { Selection } from '../../model/selection.ts';
import { parseRefKey, refKey, type TransitionRef } from '../../model/transitionRefs.ts';
import { fill } from '../../i18n/strings.ts';
import { useI18n } from '../I18n.tsx';
import { buildFlow, type FlowContext } from './buildFlow.ts';
import { nodeTypes } from './nodes.tsx';
import { EdgeLabelClick, edgeTypes } from './TransitionEdge.tsx';
import {
  CanvasActionsContext,
  PALETTE_MIME,
  type CanvasActions,
  type PaletteShape,
} from './canvasActions.ts';
import { useCanvasKeys } from './useCanvasKeys.ts';
import { LaneRail } from './LaneRail.tsx';

/** What the editor can ask of the canvas. */
export interface CanvasHandle {
  /** Bring a step (or the source of a transition) into view. */
  reveal(path: string): void;
  fit(): void;
  /** Fit the whole diagram when it stays readable, else show its beginning at a readable zoom. */
  fitReadable(): void;
  /** The canvas point at the centre of the visible area. */
  center(): XY;
}

/** The canvas's callbacks into the editor. */
export interface CanvasProps {
  readonly model: CanvasModel;
  readonly geometry: Geometry;
  readonly flow: Omit<FlowContext, 'readOnly'>;
  readonly readOnly: boolean;
  onSelect(selection: Selection, multi?: { steps: string[]; transitions: string[] }): void;
  onMove(positions: Record<string, XY>): void;
  onConnect(source: string, target: string): void;
  onRetarget(edgeId: string, target: string): void;
  onDelete(steps: string[], transitionIds: string[]): void;
  /** A shape dragged from the palette and dropped at a canvas point. */
  onDropShape?(shape: PaletteShape, at: XY): void;
  /** Ctrl+A: every step and outcome. */
  onSelectAll?(steps: string[]): void;
  /** Show the minimap (off by default: it would cover part of the diagram). */
  readonly showMinimap?: boolean;
  /** The context pad's and rename's actions. */
  readonly actions?: CanvasActions;
}

/** Below this zoom Vietnamese labels stop being readable: large diagrams open at it instead. */
const READABLE_ZOOM = 0.82;

/** Fit the whole diagram when it stays readable; else start at its beginning, readable. */
function initialView(
  rf: {
    fitView: (o: object) => Promise<boolean>;
    setViewport: (v: { x: number; y: number; zoom: number }) => Promise<boolean>;
  },
  geometry: Geometry,
): void {
  const rect = document.querySelector('.canvas-area .react-flow')?.getBoundingClientRect();
  if (!rect) return void rf.fitView({ padding: 0.04, maxZoom: 1 });
  const fit = Math.min(rect.width / (geometry.width + 24), rect.height / (geometry.height + 24));
  if (fit >= READABLE_ZOOM) void rf.fitView({ padding: 0.03, maxZoom: 1 });
  else void rf.setViewport({ x: 8, y: 36, zoom: READABLE_ZOOM });
}

/** The selection of the transition an arrow id (`<ref key>|<target index>`) belongs to. */
function toTransition(edgeId: string): Selection {
  const ref = parseRefKey(edgeId.split('|').slice(0, 4).join('|'));
  return ref ? { kind: 'transition', ref } : { kind: 'none' };
}

const DEFAULT_EDGE = {
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#334155' },
};

function isStateNode(node: Node | undefined): boolean {
  return !!node && (node.type === 'step' || node.type === 'final' || node.type === 'container');
}

const Inner = forwardRef<CanvasHandle, CanvasProps>(function Inner(props, ref) {
  const { model, geometry, flow, readOnly } = props;
  const { s } = useI18n();
  const rf = useReactFlow();
  const derived = useMemo(() => {
    performance.mark('motcua:flow-start');
    const out = buildFlow(model, geometry, { ...flow, readOnly });
    performance.mark('motcua:flow-end');
    return out;
  }, [model, geometry, flow, readOnly]);
  const [nodes, setNodes] = useState<Node[]>(derived.nodes);
  const [dragging, setDragging] = useState(false);
  // The editor's state owns the selection; React Flow only reports what the user did.
  useEffect(() => setNodes(derived.nodes), [derived.nodes]);
  const edges = useMemo<Edge[]>(
    () =>
      derived.edges.map((e) => ({
        ...e,
        data: dragging ? { ...e.data, fallback: true } : e.data,
        markerEnd: {
          ...DEFAULT_EDGE.markerEnd,
          color: e.selected
            ? '#1d4ed8'
            : (e.data as { tone?: string }).tone === 'exit'
              ? '#b91c1c'
              : (e.data as { tone?: string }).tone === 'back'
                ? '#b45309'
                : '#334155',
        },
      })),
    [derived.edges, dragging],
  );
  const fitted = useRef(false);
  const laneNodes = useMemo(() => nodes.filter((n) => n.type === 'lane'), [nodes]);
  const actionsValue = useMemo<CanvasActions>(
    () =>
      props.actions && !readOnly
        ? props.actions
        : {
            editable: false,
            append: () => undefined,
            remove: () => undefined,
            rename: () => undefined,
            toggleFinal: () => undefined,
          },
    [props.actions, readOnly],
  );

  useImperativeHandle(
    ref,
    () => ({
      reveal(path) {
        const box = geometry.boxes.get(path) ?? geometry.groups.find((g) => g.path === path);
        if (!box) return;
        const zoom = Math.max(rf.getZoom(), 0.8);
        void rf.setCenter(box.x + box.w / 2, box.y + box.h / 2, { zoom, duration: 300 });
      },
      fit() {
        void rf.fitView({ padding: 0.04, maxZoom: 1, duration: 200 });
      },
      fitReadable() {
        initialView(rf, geometry);
      },
      center() {
        const el = document.querySelector('.react-flow');
        const rect = el?.getBoundingClientRect();
        return rect
          ? rf.screenToFlowPosition({
              x: rect.left + rect.width / 2,
              y: rect.top + rect.height / 2,
            })
          : { x: 0, y: 0 };
      },
    }),
    [geometry, rf],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      setNodes((current) => applyNodeChanges(changes, current));
      const picks = changes.flatMap((c) =>
        c.type === 'select' ? [{ id: c.id, selected: c.selected }] : [],
      );
      if (picks.length > 0) queueSelection('node', picks);
      const moved: Record<string, XY> = {};
      for (const c of changes) {
        if (c.type === 'position' && c.position && c.dragging === false) moved[c.id] = c.position;
      }
      if (Object.keys(moved).length > 0 && !readOnly) props.onMove(moved);
    },
    [props, readOnly],
  );

  // Selection changes made by the user (click, Shift+click, Enter on a focused box or arrow)
  // arrive as node and edge changes in separate callbacks; they are gathered and applied to the
  // editor's selection once.
  const latest = useRef({ flow, onSelect: props.onSelect, edges: derived.edges });
  latest.current = { flow, onSelect: props.onSelect, edges: derived.edges };
  const pending = useRef<{ nodes: string[]; edges: string[]; primary?: Selection } | null>(null);
  const queueSelection = useCallback(
    (kind: 'node' | 'edge', changes: { id: string; selected: boolean }[]) => {
      if (!pending.current) {
        const { flow: f, edges: es } = latest.current;
        const many = f.multi.steps.length + f.multi.transitions.length > 1;
        pending.current = {
          nodes: many ? [...f.multi.steps] : f.selection.kind === 'step' ? [f.selection.path] : [],
          edges: many
            ? [...f.multi.transitions]
            : f.selection.kind === 'transition'
              ? es
                  .filter((e) =>
                    e.id.startsWith(`${refKey((f.selection as { ref: TransitionRef }).ref)}|`),
                  )
                  .map((e) => e.id)
              : [],
        };
        queueMicrotask(() => {
          const next = pending.current!;
          pending.current = null;
          const fallback: Selection =
            next.nodes.length > 0
              ? { kind: 'step', path: next.nodes[next.nodes.length - 1]! }
              : next.edges.length > 0
                ? toTransition(next.edges[next.edges.length - 1]!)
                : { kind: 'none' };
          const primary =
            next.primary &&
            (next.primary.kind === 'step' ? next.nodes.includes(next.primary.path) : true)
              ? next.primary
              : fallback;
          const many = next.nodes.length + next.edges.length > 1;
          latest.current.onSelect(
            primary,
            many ? { steps: next.nodes, transitions: next.edges } : undefined,
          );
        });
      }
      const p = pending.current;
      for (const c of changes) {
        const list = kind === 'node' ? p.nodes : p.edges;
        const i = list.indexOf(c.id);
        if (c.selected && i < 0) {
          list.push(c.id);
          p.primary = kind === 'node' ? { kind: 'step', path: c.id } : toTransition(c.id);
        } else if (!c.selected && i >= 0) list.splice(i, 1);
      }
    },
    [],
  );

  const onBeforeDelete: OnBeforeDelete = useCallback(
    async ({ nodes: ns, edges: es }) => {
      if (!readOnly) {
        props.onDelete(
          ns.filter(isStateNode).map((n) => n.id),
          es.map((e) => e.id),
        );
      }
      return false;
    },
    [props, readOnly],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (readOnly || !c.source || !c.target) return;
      props.onConnect(c.source === ANY_NODE ? '' : c.source, c.target);
    },
    [props, readOnly],
  );

  const isValidConnection = useCallback(
    (c: Connection | Edge) => {
      const target = rf.getNode(c.target);
      return isStateNode(target) && c.target !== ANY_NODE;
    },
    [rf],
  );

  // An arrow dropped anywhere on a shape (not only on its connection points) connects to it.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: { isValid: boolean | null; fromNode: Node | null }) => {
      if (readOnly || state.isValid || !state.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const el = document
        .elementsFromPoint(point.clientX, point.clientY)
        .map((e) => e.closest('.react-flow__node'))
        .find((e) => e && !e.classList.contains('react-flow__node-lane'));
      const target = el?.getAttribute('data-id');
      if (!target || target === state.fromNode.id || target === ANY_NODE) return;
      if (!isStateNode(rf.getNode(target))) return;
      props.onConnect(state.fromNode.id === ANY_NODE ? '' : state.fromNode.id, target);
    },
    [props, readOnly, rf],
  );

  useCanvasKeys({
    enabled: true,
    selectAll: () =>
      !readOnly &&
      props.onSelectAll?.(
        nodes.filter((n) => n.type === 'step' || n.type === 'final').map((n) => n.id),
      ),
  });

  const onLabelClick = useCallback(
    (edgeId: string) => latest.current.onSelect(toTransition(edgeId)),
    [],
  );

  return (
    <CanvasActionsContext.Provider value={actionsValue}>
      <EdgeLabelClick.Provider value={onLabelClick}>
        <ReactFlow
          onConnectEnd={onConnectEnd}
          onDragOver={(e) => {
            if (readOnly || !e.dataTransfer.types.includes(PALETTE_MIME)) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
          }}
          onDrop={(e) => {
            const shape = e.dataTransfer.getData(PALETTE_MIME) as PaletteShape;
            if (readOnly || !shape) return;
            e.preventDefault();
            props.onDropShape?.(shape, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
          }}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStart={() => setDragging(true)}
          onNodeDragStop={() => setDragging(false)}
          onEdgesChange={(changes) => {
            const picks = changes.flatMap((c) =>
              c.type === 'select' ? [{ id: c.id, selected: c.selected }] : [],
            );
            if (picks.length > 0) queueSelection('edge', picks);
          }}
          onBeforeDelete={onBeforeDelete}
          onConnect={onConnect}
          onReconnect={(old, c) => {
            if (!readOnly && c.target && c.target !== old.target)
              props.onRetarget(old.id, c.target);
          }}
          isValidConnection={isValidConnection}
          onPaneClick={() => props.onSelect({ kind: 'none' })}
          connectionMode={ConnectionMode.Loose}
          deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          elevateNodesOnSelect={false}
          elevateEdgesOnSelect={false}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          edgesReconnectable={!readOnly}
          onlyRenderVisibleElements
          minZoom={0.15}
          maxZoom={2}
          onInit={(instance) => {
            fitted.current = true;
            performance.mark('motcua:rf-init');
            initialView(instance, geometry);
            // For the benchmark and tests: the diagram is on screen.
            requestAnimationFrame(() => performance.mark('motcua:drawn'));
          }}
          aria-label={s.canvasLabel}
          ariaLabelConfig={{
            'node.a11yDescription.default': s.a11yNode,
            'node.a11yDescription.keyboardDisabled': s.a11yNodeKeyboard,
            'node.a11yDescription.ariaLiveMessage': ({ x, y }: { x: number; y: number }) =>
              fill(s.a11yMoved, { x: Math.round(x), y: Math.round(y) }),
            'edge.a11yDescription.default': s.a11yEdge,
            'controls.ariaLabel': s.controlsLabel,
            'controls.zoomIn.ariaLabel': s.zoomIn,
            'controls.zoomOut.ariaLabel': s.zoomOut,
            'controls.fitView.ariaLabel': s.fitView,
            'minimap.ariaLabel': s.minimap,
            'handle.ariaLabel': s.handle,
          }}
        >
          <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="#cbd5e1" />
          <LaneRail lanes={laneNodes} />
          {props.showMinimap ? (
            <MiniMap
              pannable
              zoomable
              position="top-right"
              style={{ width: 180, height: 110 }}
              ariaLabel={s.minimap}
              nodeColor={(n) =>
                n.type === 'lane'
                  ? (n.data as { index: number }).index % 2
                    ? '#eef2f7'
                    : '#f8fafc'
                  : n.type === 'container'
                    ? 'rgba(59,130,246,0.08)'
                    : n.type === 'final'
                      ? '#94a3b8'
                      : '#2563eb'
              }
              nodeStrokeColor={(n) => (n.type === 'container' ? '#3b82f6' : 'transparent')}
              maskColor="rgba(15,23,42,0.08)"
            />
          ) : null}
        </ReactFlow>
      </EdgeLabelClick.Provider>
    </CanvasActionsContext.Provider>
  );
});

/** The procedure diagram (React Flow): steps in unit lanes, transitions as labelled arrows. */
export const ProcedureCanvas = Inner;
