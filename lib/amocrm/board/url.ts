// Which amoCRM pages are boards (pure URL predicates, refined-github style). The board is
// `/leads/pipeline/{pipelineId}/` (`/leads/pipeline/` and `/leads/` show the main pipeline); the list
// view is `/leads/list/` (optionally `/leads/list/pipeline/{pipelineId}/`). Sources: docs/board.md.

export type BoardPage = { kind: 'pipeline'; pipelineId: number | null } | { kind: 'list'; pipelineId: number | null };

const id = (s: string | undefined): number | null => {
  if (s === undefined) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** The board or list page a URL shows, else null (deal cards, contacts, settings…). */
export function boardPageOf(url: string): BoardPage | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  let m = /^\/leads(?:\/pipeline(?:\/(\d{1,15}))?)?\/?$/.exec(path);
  if (m) return { kind: 'pipeline', pipelineId: id(m[1]) };
  m = /^\/leads\/list(?:\/pipeline\/(\d{1,15}))?\/?$/.exec(path);
  if (m) return { kind: 'list', pipelineId: id(m[1]) };
  return null;
}

export const sameBoardPage = (a: BoardPage | null, b: BoardPage | null): boolean =>
  a === b || (!!a && !!b && a.kind === b.kind && a.pipelineId === b.pipelineId);
