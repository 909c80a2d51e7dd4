/**
 * Adds a passive listener for each space-separated event type in `types`, in the capture phase
 * unless `capture` is false. The handler gets the index of the type in `types`. Exceptions from
 * the handler are swallowed, so the SDK never throws into the page.
 */
export function listen<E extends Event>(target: EventTarget, types: string, handler: (event: E, index: number) => void, capture = true): void {
  types.split(' ').forEach((type, index) => {
    target.addEventListener(
      type,
      (event) => {
        try {
          handler(event as E, index);
        } catch {
          // NOTE: not counted, because the wire format has no field for collector errors.
        }
      },
      { capture, passive: true },
    );
  });
}
