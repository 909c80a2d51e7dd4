/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { SESSION_CLASSES } from '@telltale/shared';

import type { ClassBucketCount, ConsoleSessionRow, SessionCursor } from '../store/console_queries';
import { ClassTimelineChart } from './class_timeline_chart';
import { classKey, classLabel, formatTime } from './class_style';
import { ConsoleLayout } from './console_layout';
import { PERIODS, sessionListQuery, type SessionListParams } from './parse_session_filter';

/** Everything the session list page shows. */
export interface SessionsPageData {
  params: SessionListParams;
  rows: ConsoleSessionRow[];
  next: SessionCursor | null;
  countsByClass: Map<string, number>;
  timeline: ClassBucketCount[];
  bucketCount: number;
}

/** Renders the session list: filters, counts per class, the class chart and one page of sessions. */
export function SessionsPage(props: { data: SessionsPageData }) {
  const { params, rows, next, countsByClass } = props.data;
  const { filter } = params;
  const period = PERIODS[params.period];
  const total = [...countsByClass.values()].reduce((sum, n) => sum + n, 0);

  return (
    <ConsoleLayout title="Sessions" section="sessions">
      <h1>Sessions</h1>
      <form method="get" action="/console/sessions" class="filters" aria-label="Filter sessions">
        <div class="field">
          <label for="filter-period">Period</label>
          <select id="filter-period" name="period">
            {Object.entries(PERIODS).map(([key, value]) => (
              <option value={key} selected={key === params.period}>
                {value.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-class">Class</label>
          <select id="filter-class" name="class">
            <option value="">Any</option>
            {SESSION_CLASSES.map((cls) => (
              <option value={cls} selected={cls === filter.class}>
                {classLabel(cls)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-agentDriven">Agent-driven</label>
          <select id="filter-agentDriven" name="agentDriven">
            <option value="">Any</option>
            <option value="true" selected={filter.agentDriven === true}>
              Yes
            </option>
            <option value="false" selected={filter.agentDriven === false}>
              No
            </option>
          </select>
        </div>
        <div class="field">
          <label for="filter-framework">Framework</label>
          <input id="filter-framework" type="text" name="framework" value={filter.framework ?? ''} placeholder="playwright" />
        </div>
        <div class="field">
          <label for="filter-identity">Identity hash</label>
          <input id="filter-identity" type="text" name="identity" value={filter.identityHash ?? ''} />
        </div>
        <button type="submit">Apply</button>
      </form>
      {params.problems.length > 0 ? (
        <p class="problem" role="alert">
          {`Ignored: ${params.problems.join('; ')}.`}
        </p>
      ) : null}

      <div id="live" data-live={params.cursor ? undefined : 'on'}>
        <section aria-labelledby="counts-heading">
          <h2 id="counts-heading">{`${period.label}: ${total} ${total === 1 ? 'session' : 'sessions'}`}</h2>
          <ul class="class-counts">
            {SESSION_CLASSES.map((cls) => (
              <li data-class={cls}>
                <span class={`swatch cls-${cls}`}></span>
                <a href={`/console/sessions?${sessionListQuery({ period: params.period, filter: { ...filter, class: cls } })}`}>{classLabel(cls)}</a>{' '}
                <strong class="count">{countsByClass.get(cls) ?? 0}</strong>
              </li>
            ))}
          </ul>
          <ClassTimelineChart counts={props.data.timeline} from={filter.from} bucketMs={period.bucketMs} bucketCount={props.data.bucketCount} />
        </section>

        <section aria-labelledby="list-heading">
          <h2 id="list-heading">Newest first</h2>
          <div class="table-scroll">
            <table class="sessions">
              <thead>
                <tr>
                  <th scope="col">Last seen</th>
                  <th scope="col">Session</th>
                  <th scope="col">Class</th>
                  <th scope="col">Score</th>
                  <th scope="col">Framework</th>
                  <th scope="col">Reasons</th>
                  <th scope="col">User agent</th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 ? (
                  <tr>
                    <td colspan={7}>No sessions match these filters in this period.</td>
                  </tr>
                ) : (
                  rows.map((row) => (
                    <tr data-session={row.id} data-class={row.class}>
                      <td>
                        <time datetime={formatTime(row.lastSeen)}>{formatTime(row.lastSeen)}</time>
                      </td>
                      <td>
                        <a href={`/console/sessions/${encodeURIComponent(row.id)}`}>{row.id}</a>
                      </td>
                      <td>
                        <span class={`badge cls-${classKey(row.class)}`}>
                          {classLabel(row.class)}
                        </span>
                      </td>
                      <td>{row.score.toFixed(2)}</td>
                      <td>{row.framework ?? '—'}</td>
                      <td>{(JSON.parse(row.reasons) as string[]).join(', ')}</td>
                      <td class="ua">{row.userAgent ?? '—'}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </section>
      </div>
      <nav aria-label="Pages" class="pager">
        {params.cursor ? <a href={`/console/sessions?${sessionListQuery(params)}`}>Newest</a> : null}
        {next ? (
          <a href={`/console/sessions?${sessionListQuery(params, next)}`} rel="next">
            Older sessions
          </a>
        ) : null}
      </nav>
      <p class="live-status" aria-live="polite" id="live-status"></p>
    </ConsoleLayout>
  );
}
