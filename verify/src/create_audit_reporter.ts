import type { ReportedDecision } from './enforcement_types';

/** Options of `createAuditReporter`. */
export interface AuditReporterOptions {
  /** Name of this backend, stored as the records' `source` (letters, digits and `._:-`, at most 64). */
  source: string;
  /**
   * Sends one batch. Default: `POST <endpoint>/v1/audit/events` with the bearer `token`.
   * A rejected promise or a non-2xx status counts the batch as undelivered.
   */
  send?: (batch: { source: string; decisions: ReportedDecision[] }) => Promise<void>;
  /** Origin of the ingest service, such as `https://ingest.example`. Required unless `send` is set. */
  endpoint?: string;
  /** Admin bearer token of the ingest service. Required unless `send` is set. */
  token?: string;
  /** Decisions per batch, at most 500 (the service's limit). Default 100. */
  batchSize?: number;
  /** Milliseconds between flushes of a partial batch. Default 1000. */
  flushIntervalMs?: number;
  /** Decisions kept waiting at most; the oldest are dropped and counted beyond it. Default 10 000. */
  maxQueue?: number;
  /** Milliseconds before a send is abandoned. Default 5000. */
  timeoutMs?: number;
}

/** Counters of an audit reporter. */
export interface AuditReporterStats {
  queued: number;
  delivered: number;
  /** Decisions that were dropped because the queue was full or their batch failed. */
  undelivered: number;
  failedBatches: number;
}

/** Batches decisions and sends them to the ingest audit log off the request path. */
export interface AuditReporter {
  /** Queues one decision; never blocks and never throws. Pass as the enforcer's `onDecision`. */
  report: (decision: ReportedDecision) => void;
  /** Sends everything queued now and waits for it. */
  flush(): Promise<void>;
  /** Flushes and stops the timer. */
  close(): Promise<void>;
  stats(): AuditReporterStats;
}

/**
 * Creates a reporter that sends enforcement decisions to the ingest service's audit log
 * in batches, from a timer rather than the request. A failed batch is not retried: its
 * decisions are counted in `undelivered`, so that an unreachable ingest service never
 * slows or blocks requests.
 *
 * @throws TypeError naming the option when `source`, `endpoint` or `token` is missing or invalid.
 */
export function createAuditReporter(options: AuditReporterOptions): AuditReporter {
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(options.source ?? '')) {
    throw new TypeError('Audit reporter: option `source` must be 1 to 64 letters, digits or ._:- (the name of this backend).');
  }
  const batchSize = Math.min(options.batchSize ?? 100, 500);
  const maxQueue = options.maxQueue ?? 10_000;
  const timeoutMs = options.timeoutMs ?? 5000;
  const send = options.send ?? httpSender(options, timeoutMs);

  const queue: ReportedDecision[] = [];
  const counters = { delivered: 0, undelivered: 0, failedBatches: 0 };
  let sending: Promise<void> = Promise.resolve();

  async function sendQueued(): Promise<void> {
    while (queue.length > 0) {
      const decisions = queue.splice(0, batchSize);
      try {
        await send({ source: options.source, decisions });
        counters.delivered += decisions.length;
      } catch {
        counters.failedBatches += 1;
        counters.undelivered += decisions.length;
      }
    }
  }

  const flush = (): Promise<void> => {
    sending = sending.then(sendQueued);
    return sending;
  };

  const timer = setInterval(() => void flush(), options.flushIntervalMs ?? 1000);
  (timer as { unref?: () => void }).unref?.();

  return {
    report(decision) {
      queue.push(decision);
      if (queue.length > maxQueue) {
        queue.splice(0, queue.length - maxQueue);
        counters.undelivered += 1;
      }
      if (queue.length >= batchSize) void flush();
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
    stats: () => ({ queued: queue.length, ...counters }),
  };
}

function httpSender(options: AuditReporterOptions, timeoutMs: number): (batch: { source: string; decisions: ReportedDecision[] }) => Promise<void> {
  if (!options.endpoint || !/^https?:\/\//.test(options.endpoint)) {
    throw new TypeError('Audit reporter: set option `endpoint` to the ingest service origin (http: or https:), or pass `send`.');
  }
  if (!options.token) throw new TypeError('Audit reporter: set option `token` to the ingest admin token, or pass `send`.');
  const url = `${options.endpoint.replace(/\/+$/, '')}/v1/audit/events`;
  const authorization = `Bearer ${options.token}`;

  return async (batch) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(batch),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`Audit report was rejected with status ${response.status}.`);
  };
}
