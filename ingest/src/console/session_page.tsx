/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { RunningStat } from '../classify/baseline';
import { AuditTable } from './audit_table';
import { MAX_TRAJECTORY_POINTS } from './build_trajectory';
import { classKey, classLabel, formatTime } from './class_style';
import { ConsoleLayout } from './console_layout';
import { describeHumanRange } from './human_range';
import { KeyTimingHistogram } from './key_timing_histogram';
import { MAX_SESSION_BEACONS, type SessionDetail } from './load_session_detail';
import { TrajectoryChart } from './trajectory_chart';

/** Renders one session: decision and reasons, trajectory, key timings, timeline, environment and audit records. */
export function SessionPage(props: { detail: SessionDetail }) {
  const { session, evidence, baseline, trajectory, keyTimings, population, timeline, environment } = props.detail;

  return (
    <ConsoleLayout title={`Session ${session.id}`} section="sessions">
      <p class="crumbs">
        <a href="/console/sessions">Sessions</a> / <span>{session.id}</span>
      </p>
      <h1>
        <span class={`badge cls-${classKey(session.class)}`} data-field="class">
          {classLabel(session.class)}
        </span>{' '}
        session <code>{session.id}</code>
      </h1>
      <dl class="facts summary">
        <dt>Score</dt>
        <dd data-field="score">{session.score.toFixed(3)}</dd>
        <dt>Agent-driven</dt>
        <dd>{session.agentDriven ? 'yes' : 'no'}</dd>
        <dt>Framework</dt>
        <dd>{session.framework ?? '—'}</dd>
        <dt>First seen</dt>
        <dd>{formatTime(session.firstSeen)}</dd>
        <dt>Last seen</dt>
        <dd>{formatTime(session.lastSeen)}</dd>
      </dl>

      <section aria-labelledby="reasons-heading">
        <h2 id="reasons-heading">Reasons</h2>
        <div class="table-scroll">
          <table class="reasons">
            <thead>
              <tr>
                <th scope="col">Reason</th>
                <th scope="col">Feature</th>
                <th scope="col">Value</th>
                <th scope="col">Human range</th>
                <th scope="col">This session's baseline</th>
                <th scope="col">Weight</th>
              </tr>
            </thead>
            <tbody>
              {evidence.map((item) => {
                const stat = baseline[item.feature];
                return (
                  <tr data-reason={item.code}>
                    <th scope="row">{item.code}</th>
                    <td>{item.feature}</td>
                    <td class="value">{formatValue(item.value)}</td>
                    <td class="human-range">{describeHumanRange(item)}</td>
                    <td>{stat && stat.n > 0 ? formatBaseline(stat) : '—'}</td>
                    <td>{item.weight > 0 ? `+${item.weight}` : String(item.weight)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="trajectory-heading">
        <h2 id="trajectory-heading">Pointer trajectory</h2>
        <p data-field="point-count">
          {trajectory.storedPointCount > MAX_TRAJECTORY_POINTS
            ? `Showing the first ${trajectory.points.length} of ${trajectory.storedPointCount} pointer samples.`
            : `${trajectory.points.length} pointer samples, ${trajectory.clicks.length} clicks, ${trajectory.pauses.length} pauses.`}
        </p>
        {trajectory.points.length === 0 && trajectory.clicks.length === 0 ? <p class="empty">No pointer events stored for this session.</p> : <TrajectoryChart trajectory={trajectory} />}
      </section>

      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keystroke timing</h2>
        <p>Bars: this session. Outline: key timings of the latest other human sessions stored.</p>
        <div class="histograms">
          <KeyTimingHistogram title="Hold time" session={keyTimings.holds} population={population.holds} />
          <KeyTimingHistogram title="Flight time" session={keyTimings.flights} population={population.flights} />
        </div>
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        {props.detail.beaconsRead >= MAX_SESSION_BEACONS ? <p>{`Only the first ${MAX_SESSION_BEACONS} beacons are read.`}</p> : null}
        {timeline.length === 0 ? (
          <p class="empty">No pages, inputs or tags recorded.</p>
        ) : (
          <ol class="timeline">
            {timeline.map((entry) => (
              <li data-kind={entry.kind}>
                <time datetime={formatTime(entry.at)}>{formatTime(entry.at)}</time> <span class="kind">{entry.kind}</span> {entry.detail}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="environment-heading">
        <h2 id="environment-heading">Environment and request</h2>
        <dl class="facts">
          <dt>Site</dt>
          <dd>{session.siteId}</dd>
          <dt>Request user agent</dt>
          <dd data-field="user-agent">{session.userAgent ?? '—'}</dd>
          <dt>Client network</dt>
          <dd>{session.clientNetwork ?? '—'}</dd>
          <dt>Identity hash</dt>
          <dd>{session.identityHash ?? '—'}</dd>
          <dt>Beacons, events</dt>
          <dd>{`${session.beaconCount} beacons, ${session.eventCount} events`}</dd>
          {environment ? (
            <>
              <dt>Page user agent</dt>
              <dd>{environment.ua}</dd>
              <dt>Client hints</dt>
              <dd>{environment.uaData ? `${environment.uaData.brands.map((b) => `${b.brand} ${b.version}`).join(', ')}; ${environment.uaData.platform}${environment.uaData.mobile ? ', mobile' : ''}` : '—'}</dd>
              <dt>webdriver</dt>
              <dd>{String(environment.webdriver)}</dd>
              <dt>Languages, time zone</dt>
              <dd>{`${environment.languages.join(', ')}; ${environment.timezone}`}</dd>
              <dt>Screen, window</dt>
              <dd>{`screen ${environment.screen.w}×${environment.screen.h} at ${environment.screen.dpr}x, inner ${environment.window.innerW}×${environment.window.innerH}, outer ${environment.window.outerW}×${environment.window.outerH}`}</dd>
              <dt>Hardware</dt>
              <dd>{`${environment.hardwareConcurrency ?? '?'} cores, ${environment.deviceMemory ?? '?'} GB, ${environment.maxTouchPoints} touch points`}</dd>
              <dt>Automation traces</dt>
              <dd>{environment.traces && environment.traces.length > 0 ? environment.traces.join(', ') : 'none'}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit records</h2>
        <AuditTable rows={props.detail.audit} showSession={false} />
      </section>
    </ConsoleLayout>
  );
}

/** Formats a baseline as mean ± sample standard deviation and its window count. */
function formatBaseline(stat: RunningStat): string {
  const deviation = stat.n > 1 ? Math.sqrt(stat.m2 / (stat.n - 1)) : 0;
  return `${formatValue(stat.mean)} ± ${formatValue(deviation)} (${stat.n} ${stat.n === 1 ? 'window' : 'windows'})`;
}

function formatValue(value: number | string | boolean): string {
  if (typeof value !== 'number') return String(value);
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}
