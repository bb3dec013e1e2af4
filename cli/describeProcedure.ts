import {
  buildMachineGraph,
  eventName,
  formatNumber,
  type Procedure,
  type WorkingTime,
} from '../engine/index.ts';

const time = (t: WorkingTime | undefined) =>
  t === undefined
    ? '—'
    : 'workingDays' in t
      ? `${formatNumber(t.workingDays, 'vi')} ngày làm việc`
      : `${formatNumber(t.workingHours, 'vi')} giờ làm việc`;

/**
 * A line-per-fact text rendering of a procedure, for `git diff` through a textconv driver: a
 * moved key or a reformatting changes nothing here, a changed step or deadline changes one line.
 */
export function describeProcedure(p: Procedure): string {
  const lines: string[] = [];
  lines.push(`Thủ tục: ${p.name.vi} (${p.id})${p.code ? ` — mã ${p.code}` : ''}`);
  lines.push(`Lĩnh vực: ${p.field}; cấp: ${p.level}; dịch vụ công trực tuyến: ${p.onlineService}`);
  lines.push(
    `Thời hạn giải quyết: ${time(p.deadline as WorkingTime)}${p.supplementPolicy ? `; sau bổ sung: ${p.supplementPolicy}` : ''}`,
  );
  if (p.note) lines.push(`Ghi chú (cần xác minh): ${p.note.vi}`);
  for (const l of p.legalBasis) lines.push(`Căn cứ pháp lý: ${l.number} ${l.title}`);
  for (const f of p.fees)
    lines.push(`Phí, lệ phí: ${f.name.vi}: ${formatNumber(f.amountVnd, 'vi', 0)} đ`);
  for (const d of p.documents)
    lines.push(
      `Giấy tờ: ${d.id}: ${d.name.vi} (${d.kind}, ${d.copies} bản${d.required ? ', bắt buộc' : ''})`,
    );
  for (const f of p.forms) {
    const props = Object.entries(
      f.schema.properties as Record<string, { title?: string; type?: string }>,
    );
    lines.push(`Biểu mẫu: ${f.id}: ${f.title.vi} (${props.length} trường)`);
    for (const [k, v] of props)
      lines.push(
        `  Trường ${f.id}.${k}: ${v?.title ?? ''} [${v?.type ?? ''}] ${JSON.stringify(v)}`,
      );
  }
  const graph = buildMachineGraph(p.machine);
  for (const n of graph.nodes) {
    if (!n.parent) continue;
    const m = n.config.meta;
    const where = n.path.join('.');
    if (n.kind === 'final')
      lines.push(`Kết thúc ${where}: ${m?.name?.vi ?? ''} → ${m?.outcome ?? ''}`);
    else if (n.kind === 'atomic')
      lines.push(
        `Bước ${where}: ${m?.name?.vi ?? ''} | đơn vị ${m?.unit ?? '—'} | vai trò ${m?.role ?? '—'} | ${time(m?.duration as WorkingTime | undefined)}${m?.clock === 'paused' ? ' | tạm dừng tính thời hạn' : ''}`,
      );
    else
      lines.push(`Nhóm ${where} (${n.kind === 'parallel' ? 'song song, liên thông' : 'tuần tự'})`);
  }
  for (const e of graph.edges) {
    const from = e.source.path.join('.') || '(mọi bước)';
    const ev =
      e.kind === 'on'
        ? `${e.event} ${eventName(p, e.event).vi}`
        : e.kind === 'after'
          ? `sau ${e.event}`
          : e.kind;
    const guard = e.transition.guard ? ` nếu ${JSON.stringify(e.transition.guard)}` : '';
    const actions = e.transition.actions?.length
      ? ` làm ${e.transition.actions.map((a) => (a.params ? `${a.type}${JSON.stringify(a.params)}` : a.type)).join(', ')}`
      : '';
    lines.push(
      `Chuyển ${from} —${ev}→ ${e.targets.map((t) => t.path.join('.')).join(', ') || '(tại chỗ)'}${guard}${actions}`,
    );
  }
  return lines.join('\n') + '\n';
}
