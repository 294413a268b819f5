import { INTERACTIVE_BACKOFF, QUEUE_BACKOFF, type BackoffPolicy } from './sync/backoff';

/** Every duration the back end waits on, in one place so tests can shorten them. */
export interface CoreTiming {
  /** One enrollment API request. */
  requestTimeoutMs: number;
  /** The reachability probe (`GET /v1/terminal/config`): short, the screen waits on it. */
  probeTimeoutMs: number;
  /** How long `activation.submit` keeps retrying the same key while the person waits. */
  submitBudgetMs: number;
  /** How long `activation.confirmPassword` tries before answering `pending`. */
  confirmBudgetMs: number;
  /** `terminal.describe` probes again when the last contact is older than this. */
  onlineFreshMs: number;
  interactiveBackoff: BackoffPolicy;
  queueBackoff: BackoffPolicy;
  /** Between two heartbeats (issue 5); the server flags a terminal silent after 3 of its own. */
  heartbeatIntervalMs: number;
  /** While offline, the core probes the server this often (terminal.json `sync.offlineProbeS`). */
  offlineProbeIntervalMs: number;
  /**
   * An answer slower than this counts towards "online but slow" (sync/link-quality.ts). Below
   * `probeTimeoutMs`, or the probe, the exchange Welcome waits on, could never be called slow.
   */
  slowExchangeMs: number;
  /** Between two conditional GETs of the profiles (issue 5); an unchanged set costs a 304. */
  configSyncIntervalMs: number;
}

export const DEFAULT_TIMING: CoreTiming = {
  requestTimeoutMs: 4_000,
  probeTimeoutMs: 2_000,
  submitBudgetMs: 8_000,
  confirmBudgetMs: 5_000,
  onlineFreshMs: 30_000,
  interactiveBackoff: INTERACTIVE_BACKOFF,
  queueBackoff: QUEUE_BACKOFF,
  heartbeatIntervalMs: 60_000,
  offlineProbeIntervalMs: 15_000,
  slowExchangeMs: 1_500,
  configSyncIntervalMs: 5 * 60_000,
};
