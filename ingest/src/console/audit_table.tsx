/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { AuditRecordRow } from '../store/audit_records';
import { classKey, classLabel, formatTime } from './class_style';

/** Table of audit records, newest first; `showSession` adds a column linking each record's session. */
export function AuditTable(props: { rows: readonly AuditRecordRow[]; showSession: boolean }) {
  if (props.rows.length === 0) return <p class="empty">No audit records match.</p>;
  return (
    <div class="table-scroll">
      <table class="audit">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Time</th>
            <th scope="col">Kind</th>
            {props.showSession ? <th scope="col">Session</th> : null}
            <th scope="col">Class</th>
            <th scope="col">Label</th>
            <th scope="col">Agent</th>
            <th scope="col">Route</th>
            <th scope="col">Outcome</th>
            <th scope="col">Rule</th>
            <th scope="col">Reasons</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr data-audit-id={row.id}>
              <td>{row.id}</td>
              <td>
                <time datetime={formatTime(row.at)}>{formatTime(row.at)}</time>
              </td>
              <td>{row.kind}</td>
              {props.showSession ? <td>{row.sessionId ? <a href={`/console/sessions/${encodeURIComponent(row.sessionId)}`}>{row.sessionId}</a> : '—'}</td> : null}
              <td>
                <span class={`badge cls-${classKey(row.class)}`}>{classLabel(row.class)}</span>
              </td>
              <td>{row.label}</td>
              <td>{row.agentId ?? '—'}</td>
              <td>{row.route ?? '—'}</td>
              <td>{row.outcome ?? '—'}</td>
              <td>{row.rule ?? '—'}</td>
              <td>{(JSON.parse(row.reasons) as string[]).join(', ')}</td>
              <td>{row.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
