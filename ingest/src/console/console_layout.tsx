/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';

const NAV_ITEMS = [
  { href: '/console/sessions', label: 'Sessions', key: 'sessions' },
  { href: '/console/agents', label: 'Agents', key: 'agents' },
  { href: '/console/audit', label: 'Audit', key: 'audit' },
] as const;

/** Section of the console a page belongs to, for the navigation's current marker. */
export type ConsoleSection = (typeof NAV_ITEMS)[number]['key'] | 'sign-in';

/** Page frame of every console page: head, skip link, navigation and sign-out form. */
export function ConsoleLayout(props: { title: string; section: ConsoleSection; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Telltale console`}</title>
        <link rel="stylesheet" href="/console/assets/console.css" />
        <script src="/console/assets/console.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <span class="brand">Telltale</span>
          {props.section === 'sign-in' ? null : (
            <>
              <nav aria-label="Console">
                <ul>
                  {NAV_ITEMS.map((item) => (
                    <li>
                      <a href={item.href} aria-current={item.key === props.section ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <form method="post" action="/console/sign-out" class="sign-out">
                <button type="submit">Sign out</button>
              </form>
            </>
          )}
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
      </body>
    </html>
  );
}
