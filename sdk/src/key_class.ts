const NAMED = [' ', 'Backspace', 'Enter', 'Tab'];
const MODIFIER = /^(Shift|Control|Alt|AltGraph|Meta|OS|Super|Hyper|Fn|Symbol|\w+Lock)$/;

/**
 * Maps `KeyboardEvent.key` to the index of its coarse class in KEY_CLASSES (letter, digit,
 * space, backspace, enter, tab, modifier, other). The key itself never leaves this function.
 * A letter is a single character with upper and lower case forms, so letters of scripts without
 * case (CJK, Arabic) count as `other`, as do IME keys (`Process`, `Unidentified`) and punctuation.
 */
export function classifyKey(key: string): number {
  const named = NAMED.indexOf(key);
  if (named >= 0) return named + 2;
  if (MODIFIER.test(key)) return 6;
  if (key.length === 1 && key.toLowerCase() !== key.toUpperCase()) return 0;
  return /^\d$/.test(key) ? 1 : 7;
}
