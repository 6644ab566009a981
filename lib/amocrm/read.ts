// Reads one deal: the API first; on 401/403/429/5xx/garbage/network/timeout the page's DOM stands
// in, unless its layout changed (LayoutError: then nothing is read, nothing recorded).
import type { AmoCrmSettings } from '../playbook/settings-types';
import type { AmoApi } from './api';
import { mergeCalls } from './calls';
import type { DealRead } from './deal';
import { cardRoot, layoutGaps, pageLacks, readCardDom, type StaleCard } from './dom';
import { fallbackKind, LayoutError, shouldFallBack, type ApiErrorKind, type PageLack } from './errors';
import { dealFromApi, isSecretField, mapDeal, type MappedDeal } from './mapping';

export interface DealResult {
  deal: DealRead;
  mapped: MappedDeal;
  /** Why the page stood in for the API (page mode only). */
  fallback: ApiErrorKind | null;
  /** What the page did not give (page mode only). */
  lacks: PageLack[];
}

export interface ReadDeps {
  api: AmoApi;
  host: string;
  amo: AmoCrmSettings;
  timeZone: string;
  now: () => number;
  /** The document once the card of this lead is rendered, or after a few seconds without it (rejects when the visit ends). */
  cardReady: () => Promise<ParentNode>;
  /** The document as it is now (for names the API does not give: contact, responsible user). */
  doc: () => ParentNode;
  /** The card shown before this visit (single-page navigation), not to be read as this deal's. */
  stale?: () => StaleCard | null;
}

export async function readDeal(leadId: number, deps: ReadDeps): Promise<DealResult> {
  const { api, amo } = deps;
  const isSecret = isSecretField(amo);
  const stale = deps.stale?.() ?? null;
  const input = () => ({ host: deps.host, leadId, amo, timeZone: deps.timeZone, now: deps.now(), stale });
  try {
    const [lead, pipelines, statusChanges, dealNotes] = await Promise.all([
      api.lead(leadId, isSecret),
      api.pipelines(),
      api.statusChanges(leadId),
      api.notes(leadId),
    ]);
    const notes = mergeCalls(dealNotes, lead.contactIds.length ? await api.contactCalls(lead.contactIds) : []);
    const page = readCardDom(deps.doc(), input());
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
    return { deal, mapped: mapDeal(deal, amo, deps.timeZone, deps.now()), fallback: null, lacks: [] };
  } catch (error) {
    if (!shouldFallBack(error)) throw error;
    const doc = await deps.cardReady();
    const gaps = layoutGaps(doc, leadId, stale);
    if (gaps.length) throw new LayoutError(gaps, fallbackKind(error));
    const deal = readCardDom(doc, input());
    const root = cardRoot(doc, leadId, stale);
    if (!deal || !root) throw new LayoutError(['card'], fallbackKind(error));
    return {
      deal,
      mapped: mapDeal(deal, amo, deps.timeZone, deps.now()),
      fallback: fallbackKind(error),
      lacks: pageLacks(doc, root),
    };
  }
}
