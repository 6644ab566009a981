// Shared plumbing of the fake sites: request/response types, switchable faults, the request log.
// Pure Node code: no browser APIs, no network.

export interface FakeRequest {
  method: string;
  /** Absolute URL, e.g. `https://smmpro.amocrm.ru/api/v4/leads/1001`. */
  url: string;
  /** Header names are matched case-insensitively. */
  headers: Record<string, string>;
  body?: string;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type FakeHandler = (req: FakeRequest) => Promise<FakeResponse>;

/**
 * A fault the fake injects instead of (or before) its normal answer. Parts combine:
 * `{ delayMs: 3000 }` slows a normal answer, `{ status: 429, retryAfter: 2 }` refuses,
 * `{ malformed: true }` answers 200 with truncated JSON, `{ delayMs: 500, status: 500 }` both.
 */
export interface Fault {
  status?: 400 | 401 | 403 | 404 | 429 | 500 | 502 | 503;
  /** Seconds, sent as `Retry-After` (429/503). */
  retryAfter?: number;
  /** Answer 200 with a truncated JSON body (`{"_embedded": {`). */
  malformed?: boolean;
  delayMs?: number;
  /** Overrides the body of a status fault. */
  body?: string;
}

export interface FaultScope {
  /** Path prefix the fault applies to; default: the fake's API prefix (`/api/`). Use `/` for everything. */
  pathPrefix?: string;
  /** Apply to this many matching requests, then clear itself. Default: until cleared. */
  times?: number;
}

export type FaultRule = Fault & FaultScope;

export interface LoggedRequest {
  method: string;
  /** Path without query, e.g. `/api/v4/events`. */
  path: string;
  /** Query string including `?`, or ''. */
  search: string;
  url: string;
  /** Wall-clock `Date.now()` when the request arrived (for rate assertions). */
  time: number;
  status: number;
  /** Name of the fault applied, if any. */
  fault?: string;
}

export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  push(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  clear(): void {
    this.entries.length = 0;
  }

  /** Number of requests whose path equals `path` (string) or matches it (RegExp); optional method filter. */
  count(path: string | RegExp, method?: string): number {
    return this.filter(path, method).length;
  }

  filter(path: string | RegExp, method?: string): LoggedRequest[] {
    return this.entries.filter(
      (e) =>
        (typeof path === 'string' ? e.path === path : path.test(e.path)) &&
        (!method || e.method.toUpperCase() === method.toUpperCase()),
    );
  }

  /** Requests per path, e.g. `{ "GET /api/v4/leads": 3 }`. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.entries) {
      const key = `${e.method.toUpperCase()} ${e.path}`;
      out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  }

  /** Largest number of requests matching `prefix` inside any sliding window of `windowMs`. */
  maxPerWindow(prefix: string, windowMs = 1000): number {
    const times = this.entries
      .filter((e) => e.path.startsWith(prefix))
      .map((e) => e.time)
      .sort((a, b) => a - b);
    let best = 0;
    let lo = 0;
    for (let hi = 0; hi < times.length; hi++) {
      while (times[hi] - times[lo] >= windowMs) lo++;
      best = Math.max(best, hi - lo + 1);
    }
    return best;
  }
}

export class FaultSwitch {
  private rules: Array<Fault & { pathPrefix: string; times?: number }> = [];

  constructor(
    private readonly defaultPrefix: string,
    initial: FaultRule[] = [],
  ) {
    for (const r of initial) this.set(r, r);
  }

  /** Sets (replaces) the fault for a path prefix; `null` clears that prefix, or every fault when no prefix is given. */
  set(fault: Fault | null, scope: FaultScope = {}): void {
    const prefix = scope.pathPrefix ?? this.defaultPrefix;
    if (fault === null) {
      this.rules = scope.pathPrefix === undefined ? [] : this.rules.filter((r) => r.pathPrefix !== prefix);
      return;
    }
    this.rules = this.rules.filter((r) => r.pathPrefix !== prefix);
    const { pathPrefix: _p, times, ...rest } = fault as FaultRule;
    void _p;
    this.rules.push({ ...rest, pathPrefix: prefix, times: scope.times ?? times });
  }

  /** The fault for this path (longest matching prefix), consuming one use of a `times`-limited fault. */
  take(path: string): Fault | null {
    let best: (Fault & { pathPrefix: string; times?: number }) | null = null;
    for (const r of this.rules) {
      if (path.startsWith(r.pathPrefix) && (!best || r.pathPrefix.length > best.pathPrefix.length)) best = r;
    }
    if (!best) return null;
    if (best.times !== undefined) {
      best.times -= 1;
      if (best.times <= 0) this.rules = this.rules.filter((r) => r !== best);
    }
    return best;
  }

  get active(): ReadonlyArray<FaultRule> {
    return this.rules;
  }
}

export function faultName(f: Fault): string {
  return [f.delayMs ? `delay:${f.delayMs}` : '', f.status ? String(f.status) : '', f.malformed ? 'malformed' : '']
    .filter(Boolean)
    .join('+');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function header(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export function cookies(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = header(headers, 'cookie') ?? '';
  for (const part of raw.split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

export function json(
  status: number,
  data: unknown,
  contentType = 'application/json; charset=utf-8',
  extra: Record<string, string> = {},
): FakeResponse {
  return { status, headers: { 'content-type': contentType, ...extra }, body: JSON.stringify(data) };
}

export function html(status: number, body: string, extra: Record<string, string> = {}): FakeResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...extra }, body };
}

export function noContent(): FakeResponse {
  return { status: 204, headers: {}, body: '' };
}

/** Escapes JSON for embedding inside `<script type="application/json">`. */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Serializes template functions into page script source. The functions must be self-contained
 * top-level declarations that call only each other. Bundlers that keep names (tsx: esbuild
 * `keepNames`) insert `__name(...)` calls, hence the shim.
 */
export function serializeFunctions(fns: Array<(...args: never[]) => unknown>): string {
  return 'var __name = function (t) { return t; };\n' + fns.map((f) => `var ${f.name} = ${f.toString()};`).join('\n');
}
