// The checkbox of one tickable item (an obligation, an item of it, or a round account).
import type { Tickable } from './agenda-model';
import { isBusy, isChecked, toggle } from './ticks';

export function TickBox({
  clientId,
  tick,
  done,
}: {
  clientId: string;
  tick: Pick<Tickable, 'id' | 'item' | 'key'>;
  done: boolean;
}) {
  return (
    <input
      type="checkbox"
      checked={isChecked(tick.id, done)}
      disabled={isBusy(tick.id)}
      onChange={(e) => toggle(clientId, tick, (e.currentTarget as HTMLInputElement).checked)}
    />
  );
}
