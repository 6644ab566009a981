// Checks the amoCRM names in settings against the live account: pipelines with their statuses and
// the leads' custom fields (API v4 JSON as amoCRM returns it). Pure: the worker does the fetching.
import type { AmoCrmSettings } from '../playbook/settings';
import { amocrmHostOf } from '../hosts';

export interface LivePipeline {
  id: number;
  name: string;
  isMain: boolean;
  statuses: string[];
}

export interface LiveField {
  name: string;
  enums: string[];
}

export interface LiveAccount {
  pipelines: LivePipeline[];
  fields: LiveField[];
}

export type NameCheck =
  | { path: string; ok: true }
  | {
      path: string;
      ok: false;
      /** Live names that could be meant (case/space-insensitive near matches first). */ suggestions: string[];
    };

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null;
const embedded = (v: unknown, key: string): unknown[] => {
  const e = isObj(v) && isObj(v._embedded) ? v._embedded[key] : undefined;
  return Array.isArray(e) ? e : [];
};

/** Reads `/api/v4/leads/pipelines` and `/api/v4/leads/custom_fields` responses. */
export function parseLiveAccount(pipelinesJson: unknown, fieldsJson: unknown): LiveAccount {
  const pipelines = embedded(pipelinesJson, 'pipelines')
    .filter(isObj)
    .map((p) => ({
      id: Number(p.id),
      name: String(p.name ?? ''),
      isMain: p.is_main === true,
      statuses: embedded(p, 'statuses')
        .filter(isObj)
        .map((s) => String(s.name ?? '')),
    }));
  const fields = embedded(fieldsJson, 'custom_fields')
    .filter(isObj)
    .map((f) => ({
      name: String(f.name ?? ''),
      enums: Array.isArray(f.enums) ? f.enums.filter(isObj).map((e) => String(e.value ?? '')) : [],
    }));
  return { pipelines, fields };
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0.]+/g, ' ')
    .trim();

function check(path: string, wanted: string, live: string[]): NameCheck {
  if (live.includes(wanted.trim())) return { path, ok: true };
  const w = norm(wanted);
  const near = live.filter((n) => norm(n) === w);
  const partial = live.filter((n) => !near.includes(n) && w !== '' && (norm(n).includes(w) || w.includes(norm(n))));
  return { path, ok: false, suggestions: [...near, ...partial].slice(0, 3) };
}

/** The pipeline the settings point at: by name, or the main one when the name is empty. */
export function pickPipeline(account: LiveAccount, pipelineName: string): LivePipeline | null {
  if (pipelineName.trim()) return account.pipelines.find((p) => p.name === pipelineName.trim()) ?? null;
  return account.pipelines.find((p) => p.isMain) ?? account.pipelines[0] ?? null;
}

/** One result per configured name: pipeline, stage names, field names, and the select values. */
export function checkMapping(mapping: AmoCrmSettings, account: LiveAccount): NameCheck[] {
  const out: NameCheck[] = [];
  const pipeline = pickPipeline(account, mapping.pipelineName);
  if (mapping.pipelineName.trim())
    out.push(
      check(
        'amocrm.pipelineName',
        mapping.pipelineName,
        account.pipelines.map((p) => p.name),
      ),
    );
  const statuses = pipeline?.statuses ?? [];
  for (const [stage, name] of Object.entries(mapping.stageNames)) out.push(check(`amocrm.stageNames.${stage}`, name, statuses));
  const fieldNames = account.fields.map((f) => f.name);
  for (const [key, name] of Object.entries(mapping.fieldNames)) out.push(check(`amocrm.fieldNames.${key}`, name, fieldNames));
  const enumsOf = (fieldName: string) => account.fields.find((f) => f.name === fieldName)?.enums ?? [];
  for (const [key, value] of Object.entries(mapping.serviceValues))
    out.push(check(`amocrm.serviceValues.${key}`, value, enumsOf(mapping.fieldNames.service)));
  for (const [key, value] of Object.entries(mapping.payerValues))
    out.push(check(`amocrm.payerValues.${key}`, value, enumsOf(mapping.fieldNames.payer)));
  return out;
}

/** `smmpro` from `https://smmpro.amocrm.ru/leads/…`; null for other hosts. */
export function subdomainOfUrl(url: string | undefined): string | null {
  return amocrmHostOf(url)?.split('.')[0] ?? null;
}
