import type { Strings } from '../../i18n/strings.ts';
import type { ResultDelivery } from '../../api/citizen.ts';

/** The online level of a procedure in words. */
export function onlineLevel(level: 'full' | 'partial' | 'none', s: Strings): string {
  return level === 'full' ? s.onlineFull : level === 'partial' ? s.onlinePartial : s.onlineNone;
}

/** A way of receiving the result in words. */
export function deliveryText(d: ResultDelivery, s: Strings): string {
  return d === 'electronic' ? s.deliveryElectronic : d === 'post' ? s.deliveryPost : s.deliveryDesk;
}
