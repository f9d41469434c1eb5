// Typed access to the Watershed REST API (/api/v1). Errors come back as RFC 9457 problem documents.

export type AssetKind = 'SOURCE' | 'DATASET' | 'FEATURE' | 'MODEL';
export const ASSET_KINDS: AssetKind[] = ['SOURCE', 'DATASET', 'FEATURE', 'MODEL'];

export interface Asset {
  name: string; kind: AssetKind; owner: string; description: string | null; tags: string[];
  criticality: string; compatibility: string; strictCompatibility: boolean; latestVersion: string | null;
  createdAt: string; updatedAt: string;
}
export interface Page<T> { items: T[]; total: number; limit: number; offset: number }
export interface Team { name: string; email: string }
export interface Contract {
  asset: string; version: string; format: string; status: string; fingerprint: string; schema: unknown;
  changelog: string | null; createdAt: string; createdBy: string;
}
export interface Field {
  path: string; type: string; required: boolean; description: string | null; pii: boolean;
  servingAvailable: boolean; role: string | null;
}
export interface Difference { kind: string; path: string; message: string; breaksBackward: boolean; breaksForward: boolean }
export interface Diff { asset: string; from: string; to: string; mode: string; compatible: boolean; bump: string | null; differences: Difference[] }
export interface Dependency {
  producer: string; consumer: string; versionRange: string | null; resolvedVersion: string | null; fields: string[];
  usage: string; note: string | null;
  /** True while the producer has no published contract: nothing is resolved or checked until it publishes. */
  lineageOnly: boolean; lineageOnlyReason: string | null;
}
export interface LineageNode { name: string; kind: AssetKind; owner: string; latestVersion: string | null }
/** Where an edge comes from: a dependency someone declared, OpenLineage runs that carried data along it, or both. */
export type Provenance = 'DECLARED' | 'OBSERVED';
export interface JobRef { namespace: string; name: string }
/** What completed OpenLineage runs showed of an edge; fieldsRead is empty when no column lineage said. */
export interface ObservedFlow { jobs: JobRef[]; firstSeen: string; lastSeen: string; runs: number; fieldsRead: string[] }
/**
 * versionRange is null on an observed-only edge and on a declared edge whose producer has no contract yet; usage is
 * null on an observed-only edge; observed is null when no run reported the edge.
 */
export interface LineageEdge {
  from: string; to: string; provenance: Provenance[]; versionRange: string | null; resolvedVersion: string | null;
  fields: string[]; usage: string | null; jobs: JobRef[]; observed: ObservedFlow | null;
}
/** A dataset seen in OpenLineage events; asset is null while no asset declares it among its lineageIds. */
export interface LineageDataset { namespace: string; name: string; asset: string | null; jobs: JobRef[]; firstSeen: string; lastSeen: string }
export interface Lineage { root: string | null; nodes: LineageNode[]; edges: LineageEdge[]; truncated?: boolean }
export interface Impacted { name: string; kind: AssetKind; owner: string; depth: number; path: string[]; fields: string[]; direct: boolean; reason: string }
export interface Impact { asset: string; impacted: Impacted[] }
export interface DryRun {
  asset: string; compatible: boolean; mode: string; unchanged: boolean; latestVersion: string | null; version: string;
  bump: string | null; differences: Difference[]; impacted?: Impacted[];
}

/** Jackson writes non-finite doubles as the strings "NaN" and "Infinity". */
export type Stat = number | string;
export interface NumericSummary {
  count: number; min: Stat; max: Stat; mean: Stat; stddev: Stat; quantiles: Record<string, Stat>;
  histogram: { from: Stat; to: Stat; count: number }[];
}
export interface FieldSummary {
  count: number; nulls: number; missing: number; types: Record<string, number>; numbers: NumericSummary | null;
  strings: unknown; arrayLength: NumericSummary | null;
  booleans: { true: number; false: number; unknown?: number } | null;
}
export interface ProfileSummary { records: number; fields: Record<string, FieldSummary>; fieldsTruncated: boolean }
export interface Observation {
  id: number; asset: string; version: string; label: string | null; observedAt: string; total: number; valid: number;
  invalid: number; errorCount: number; recordedBy: string | null; profile: ProfileSummary | null;
}

/** Why a team gets a notification: one of its assets, the path from the changed asset to it, and the fields read. */
export interface NotificationReason { asset: string; path: string[]; fields: string[]; reason: string }
export interface InboxNotification {
  id: number; team: string; eventId: string; type: string; subject: string; occurredAt: string; read: boolean;
  readAt: string | null; data: Record<string, unknown>; reasons: NotificationReason[];
}

export interface DeliveryAttempt { attemptedAt: string; outcome: string; httpStatus: number | null; error: string | null }
export interface Delivery {
  id: number; eventId: string; type: string; subject: string; team: string; channel: string; target: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED'; attempts: number; createdAt: string; nextAttemptAt: string | null;
  deliveredAt: string | null; log: DeliveryAttempt[];
}

export type Severity = 'ERROR' | 'WARNING' | 'INFO';
export interface Finding {
  code: string; severity: Severity; asset: string; title: string; detail: string; path: string[]; fields: string[];
  remedy: string; otherPaths: string[][];
}
export interface Findings { counts: Record<Severity, number>; findings: Finding[] }
export interface DriftAnomaly { field: string; type: string; metric: string; value: number; threshold: number; detail: string }
export interface FieldDrift {
  field: string; presence: string; kind: string; distance: number | null; threshold: number | null;
  baselineCount: number; currentCount: number; baselineNullRate: number | null; currentNullRate: number | null;
  newCategories: string[]; vanishedCategories: string[]; anomalies: DriftAnomaly[];
}
export interface ProfileSide { kind: string; id: number | null; label: string | null; records: number }
export interface ProducerSkew {
  producer: string; fields: string[]; skewed: boolean; skewedFields: string[]; worst: number;
  training: ProfileSide; serving: ProfileSide; anomalies: DriftAnomaly[]; features: FieldDrift[];
}
export interface MissingObservations { producer: string; lacking: string[]; hint: string }
export interface Skew { model: string; training: string; serving: string; skewed: boolean; producers: ProducerSkew[]; missing: MissingObservations[] }
export interface CostBenefitRow {
  rank: number | null; producer: string; kind: string; owner: string; cost: { amount: number; unit: string } | null;
  benefit: { value: number; metric: string } | null; ratio: number | null; consumers: string[]; removalCandidate: boolean;
  reason: string | null;
}
export interface TimelineEntry {
  id: string; occurredAt: string; type: string; asset: string; version: string | null; path: string[]; summary: string;
  data: Record<string, unknown>;
}
export interface Timeline {
  asset: string; from: string; to: string; limit: number; assetsCovered: number; upstreamTruncated: boolean; more: boolean;
  entries: TimelineEntry[];
}
export interface CostBenefit { unit: string | null; minRatio: number; rows: CostBenefitRow[]; unpriced: CostBenefitRow[] }

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string | undefined, detail: string, readonly problem: Record<string, unknown> | null) {
    super(detail);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`/api/v1${path}`, { ...init, headers: { Accept: 'application/json', ...(init?.headers ?? {}) } });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const detail = body?.detail ?? body?.title ?? `HTTP ${response.status}`;
    throw new ApiError(response.status, body?.code, detail, body);
  }
  return body as T;
}

const enc = encodeURIComponent;

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  assets: (params: { q?: string; kind?: string; owner?: string; tag?: string; limit?: number; offset?: number }) =>
    request<Page<Asset>>(`/assets${query(params)}`),
  asset: (name: string) => request<Asset>(`/assets/${enc(name)}`),
  teams: () => request<Team[]>('/teams'),
  contracts: (name: string) => request<Contract[]>(`/assets/${enc(name)}/contracts`),
  contract: (name: string, version: string) => request<Contract>(`/assets/${enc(name)}/contracts/${enc(version)}`),
  fields: (name: string, version: string) => request<Field[]>(`/assets/${enc(name)}/contracts/${enc(version)}/fields`),
  diff: (name: string, from: string, to: string) =>
    request<Diff>(`/assets/${enc(name)}/contracts/${enc(from)}/diff/${enc(to)}`),
  dependencies: (name: string) => request<Dependency[]>(`/assets/${enc(name)}/dependencies`),
  consumers: (name: string) => request<Dependency[]>(`/assets/${enc(name)}/consumers`),
  lineage: (name: string, direction: string, depth: number) =>
    request<Lineage>(`/lineage/${enc(name)}${query({ direction, depth })}`),
  observations: (name: string, params: { label?: string; limit?: number }) =>
    request<Observation[]>(`/assets/${enc(name)}/observations${query(params)}`),
  estate: (limit: number) => request<Lineage>(`/lineage${query({ limit })}`),
  lineageDatasets: (matched: boolean, limit: number) =>
    request<{ datasets: LineageDataset[] }>(`/lineage/datasets${query({ matched: String(matched), limit })}`),
  impact: (name: string, fields: string[]) =>
    request<Impact>(`/assets/${enc(name)}/impact${query({ fields: fields.join(',') })}`),
  notifications: (team: string, unread: boolean) =>
    request<InboxNotification[]>(`/notifications${query({ team, unread: unread ? 'true' : undefined })}`),
  /** Needs an editor token of the notification's team, or an admin token. */
  markRead: (id: number, token: string) =>
    request<InboxNotification>(`/notifications/${id}/read`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } }),
  /** Needs an editor or reader token of the team, or an admin token. */
  deliveries: (team: string, status: string, token: string) =>
    request<Delivery[]>(`/deliveries${query({ team, status, limit: 100 })}`, { headers: { Authorization: `Bearer ${token}` } }),
  retryDelivery: (id: number, token: string) =>
    request<Delivery>(`/deliveries/${id}/retry`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } }),
  findings: (params: { severity?: string; owner?: string }) => request<Findings>(`/findings${query(params)}`),
  assetFindings: (name: string) => request<Findings>(`/assets/${enc(name)}/findings`),
  skew: (name: string) => request<Skew>(`/assets/${enc(name)}/skew`),
  timeline: (name: string) => request<Timeline>(`/assets/${enc(name)}/timeline`),
  costBenefit: () => request<CostBenefit>('/reports/cost-benefit'),
  dryRun: (name: string, format: string, schema: unknown) =>
    request<DryRun>(`/assets/${enc(name)}/contracts?dryRun=true`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ format, schema }),
    }),
};

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return `${error.message}${error.code ? ` (${error.code})` : ''}`;
  return error instanceof Error ? error.message : String(error);
}
