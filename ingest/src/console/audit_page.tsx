/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { SESSION_CLASSES } from '@telltale/shared';

import type { AuditQuery, AuditRecordRow } from '../store/audit_records';
import type { AuditChainReport } from '../store/verify_audit_chain';
import { AuditTable } from './audit_table';
import { classLabel, formatTime } from './class_style';
import { ConsoleLayout } from './console_layout';

/** Everything the audit page shows. */
export interface AuditPageData {
  query: AuditQuery;
  rows: AuditRecordRow[];
  nextBeforeId: number | null;
  /** Result of the chain check, when the page was asked to run it. */
  chain: AuditChainReport | null;
  problems: string[];
}

/** Renders the audit log: filters, chain verification, export links and one page of records. */
export function AuditPage(props: { data: AuditPageData }) {
  const { query, rows, nextBeforeId, chain } = props.data;
  const filterQuery = (extra: Record<string, string>) => {
    const search = new URLSearchParams();
    if (query.class) search.set('class', query.class);
    if (query.agentDriven !== undefined) search.set('agentDriven', String(query.agentDriven));
    if (query.framework) search.set('framework', query.framework);
    if (query.sessionId) search.set('session', query.sessionId);
    if (query.from !== undefined) search.set('from', formatTime(query.from));
    if (query.to !== undefined) search.set('to', formatTime(query.to));
    for (const [key, value] of Object.entries(extra)) search.set(key, value);
    return search.toString();
  };

  return (
    <ConsoleLayout title="Audit" section="audit">
      <h1>Audit log</h1>
      <section aria-labelledby="chain-heading" class="chain">
        <h2 id="chain-heading">Hash chain</h2>
        {chain === null ? (
          <p>Not checked on this page load.</p>
        ) : chain.ok ? (
          <p class="chain-ok" role="status" data-chain="ok">{`Verified: ${chain.records} records, chain intact.`}</p>
        ) : (
          <p class="chain-broken" role="alert" data-chain="broken">{`Broken: ${chain.records} records checked, first broken record ${chain.firstBrokenId}.`}</p>
        )}
        <form method="get" action="/console/audit">
          {query.class ? <input type="hidden" name="class" value={query.class} /> : null}
          <input type="hidden" name="verify" value="1" />
          <button type="submit">Verify chain</button>
        </form>
        <p class="export">
          Export every record: <a href="/console/audit/export?format=jsonl" download>JSON Lines</a> · <a href="/console/audit/export?format=ocsf" download>OCSF findings</a>
        </p>
      </section>

      <form method="get" action="/console/audit" class="filters" aria-label="Filter audit records">
        <div class="field">
          <label for="audit-class">Class</label>
          <select id="audit-class" name="class">
            <option value="">Any</option>
            {SESSION_CLASSES.map((cls) => (
              <option value={cls} selected={cls === query.class}>
                {classLabel(cls)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-agentDriven">Agent-driven</label>
          <select id="audit-agentDriven" name="agentDriven">
            <option value="">Any</option>
            <option value="true" selected={query.agentDriven === true}>
              Yes
            </option>
            <option value="false" selected={query.agentDriven === false}>
              No
            </option>
          </select>
        </div>
        <div class="field">
          <label for="audit-framework">Framework</label>
          <input id="audit-framework" type="text" name="framework" value={query.framework ?? ''} />
        </div>
        <div class="field">
          <label for="audit-session">Session</label>
          <input id="audit-session" type="text" name="session" value={query.sessionId ?? ''} />
        </div>
        <div class="field">
          <label for="audit-from">From (UTC)</label>
          <input id="audit-from" type="text" name="from" value={query.from === undefined ? '' : formatTime(query.from)} placeholder="2026-01-31T00:00Z" />
        </div>
        <div class="field">
          <label for="audit-to">To (UTC)</label>
          <input id="audit-to" type="text" name="to" value={query.to === undefined ? '' : formatTime(query.to)} placeholder="2026-01-31T23:59Z" />
        </div>
        <button type="submit">Apply</button>
      </form>
      {props.data.problems.length > 0 ? (
        <p class="problem" role="alert">
          {`Ignored: ${props.data.problems.join('; ')}.`}
        </p>
      ) : null}

      <AuditTable rows={rows} showSession={true} />
      <nav aria-label="Pages" class="pager">
        {query.beforeId !== undefined ? <a href={`/console/audit?${filterQuery({})}`}>Newest</a> : null}
        {nextBeforeId !== null ? (
          <a href={`/console/audit?${filterQuery({ cursor: String(nextBeforeId) })}`} rel="next">
            Older records
          </a>
        ) : null}
      </nav>
    </ConsoleLayout>
  );
}
