import type { AppDeps } from '../http/context.ts';

const CHANNELS: Readonly<Record<string, string>> = {
  desk: 'Trực tiếp',
  online: 'Trực tuyến',
  post: 'Bưu chính',
};

/** The Vietnamese name of a report group's key, as the reports screen names it. */
export function groupLabel(
  deps: Pick<AppDeps, 'registry'>,
  groupBy: 'unit' | 'procedure' | 'level' | 'channel',
): (key: string) => string {
  const catalog = deps.registry.catalog();
  switch (groupBy) {
    case 'unit':
      return (key) => catalog.units.find((u) => u.id === key)?.name.vi ?? key;
    case 'procedure':
      return (key) => deps.registry.get(key)?.procedure.name.vi ?? key;
    case 'level':
      return (key) => catalog.levels.find((l) => l.id === key)?.name.vi ?? key;
    case 'channel':
      return (key) => CHANNELS[key] ?? key;
  }
}
