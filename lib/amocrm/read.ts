// Reads one deal: the API first; on 401/403/429/5xx/garbage/network the page's DOM stands in,
// unless its layout changed (LayoutError: then nothing is read, nothing recorded).
import type { AmoCrmSettings } from '../playbook/settings-types';
import type { AmoApi } from './api';
import type { DealRead } from './deal';
import { layoutGaps, readCardDom } from './dom';
import { fallbackKind, LayoutError, shouldFallBack, type ApiErrorKind } from './errors';
import { dealFromApi, isSecretField, mapDeal, type MappedDeal } from './mapping';

export interface DealResult {
  deal: DealRead;
  mapped: MappedDeal;
  /** Why the page stood in for the API (page mode only). */
  fallback: ApiErrorKind | null;
}

export interface ReadDeps {
  api: AmoApi;
  host: string;
  amo: AmoCrmSettings;
  timeZone: string;
  now: () => number;
  /** The document once the card of this lead is rendered (rejects when the visit ends). */
  cardReady: () => Promise<ParentNode>;
  /** The document as it is now (for names the API does not give: contact, responsible user). */
  doc: () => ParentNode;
}

export async function readDeal(leadId: number, deps: ReadDeps): Promise<DealResult> {
  const { api, amo } = deps;
  const isSecret = isSecretField(amo);
  try {
    const [lead, pipelines, statusChanges, notes] = await Promise.all([
      api.lead(leadId, isSecret),
      api.pipelines(),
      api.statusChanges(leadId),
      api.notes(leadId),
    ]);
    const page = readCardDom(deps.doc(), { host: deps.host, leadId, amo, timeZone: deps.timeZone, now: deps.now() });
    const deal = dealFromApi(
      // The card lists every field, empty ones too (the API leaves empty ones out).
      {
        host: deps.host,
        lead,
        pipelines,
        statusChanges,
        notes,
        fieldNames: page?.knownFields ?? null,
        managerName: page?.managerName ?? null,
        contactName: page?.contactName ?? null,
      },
      amo,
      deps.timeZone,
    );
    return { deal, mapped: mapDeal(deal, amo, deps.timeZone, deps.now()), fallback: null };
  } catch (error) {
    if (!shouldFallBack(error)) throw error;
    const doc = await deps.cardReady();
    const gaps = layoutGaps(doc, leadId);
    if (gaps.length) throw new LayoutError(gaps, fallbackKind(error));
    const deal = readCardDom(doc, { host: deps.host, leadId, amo, timeZone: deps.timeZone, now: deps.now() });
    if (!deal) throw new Error('The deal card is not on the page', { cause: error });
    return { deal, mapped: mapDeal(deal, amo, deps.timeZone, deps.now()), fallback: fallbackKind(error) };
  }
}
