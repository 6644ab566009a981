// Meta records a backup may carry: snoozes (notification id → instant it waits until).
import * as v from 'valibot';
import { instant, nonEmptyText } from './common';

export const SnoozesSchema = v.pipe(
  v.record(nonEmptyText(500), instant, 'must map notification ids to instants'),
  v.check((r) => Object.keys(r).length <= 10_000, 'must hold at most 10,000 snoozes'),
);
