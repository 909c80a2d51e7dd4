/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { ConsoleLayout } from './console_layout';

/** Renders a page with one message, for not-found and rejected requests. */
export function MessagePage(props: { title: string; message: string }) {
  return (
    <ConsoleLayout title={props.title} section="sessions">
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p>
        <a href="/console/sessions">Back to sessions</a>
      </p>
    </ConsoleLayout>
  );
}
