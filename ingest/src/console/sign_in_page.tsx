/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { ConsoleLayout } from './console_layout';

/** Renders the sign-in form, with `problem` above it after a failed attempt. */
export function SignInPage(props: { problem?: string }) {
  return (
    <ConsoleLayout title="Sign in" section="sign-in">
      <h1>Sign in to the console</h1>
      {props.problem ? (
        <p class="problem" role="alert">
          {props.problem}
        </p>
      ) : null}
      <form method="post" action="/console/sign-in" class="sign-in">
        <label for="token">Admin token</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required autofocus />
        <button type="submit">Sign in</button>
      </form>
      <p>The admin token is the value of TELLTALE_ADMIN_TOKEN, or the one the service printed at start.</p>
    </ConsoleLayout>
  );
}
