// What was read about one deal, from the API or from the page, before it becomes facts.

export interface DealCall {
  id: string;
  at: number | null;
  link: string;
}

export interface DealStatusChange {
  id: string;
  at: number;
  fromStatusName: string | null;
  toStatusName: string;
}

export interface DealRead {
  source: 'api' | 'page';
  host: string;
  leadId: number;
  name: string;
  /** Status name as amoCRM shows it. */
  statusName: string | null;
  /** Status is before the first mapped stage (unsorted, «Новый клиент»): a new deal. */
  statusIsNew: boolean;
  managerId: number | null;
  managerName: string | null;
  contactName: string | null;
  price: number | null;
  createdAt: number | null;
  updatedAt: number | null;
  /** When the deal was closed (won or lost), from the API; null when open or unknown. */
  closedAt: number | null;
  lossReason: string | null;
  /** Field text by the configured field name (lower-cased key); missing fields are absent. */
  fields: Record<string, string>;
  /** Configured field names that exist on the deal / in the account (lower-cased). */
  knownFields: string[] | null;
  credentialsFilled: boolean;
  /** Start date `YYYY-MM-DD` in the agency zone, when filled. */
  startDate: string | null;
  statusChanges: DealStatusChange[];
  calls: DealCall[];
}

/** How names are compared (stages, fields, select values): trimmed, single spaces, lower case, ё = е. */
export const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase().replace(/ё/g, 'е');
