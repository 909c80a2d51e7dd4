import { KEY_CLASSES } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { classifyKey } from '../src/key_class';

describe('classifyKey', () => {
  it.each([
    ['a', 'letter'],
    ['Z', 'letter'],
    ['é', 'letter'],
    ['ж', 'letter'],
    ['7', 'digit'],
    [' ', 'space'],
    ['Backspace', 'backspace'],
    ['Enter', 'enter'],
    ['Tab', 'tab'],
    ['Shift', 'modifier'],
    ['Control', 'modifier'],
    ['Alt', 'modifier'],
    ['AltGraph', 'modifier'],
    ['Meta', 'modifier'],
    ['CapsLock', 'modifier'],
    ['NumLock', 'modifier'],
    ['#', 'other'],
    ['.', 'other'],
    ['ArrowLeft', 'other'],
    ['Delete', 'other'],
    ['Escape', 'other'],
    ['F5', 'other'],
    ['Process', 'other'],
    ['Unidentified', 'other'],
    ['Dead', 'other'],
    ['中', 'other'],
    ['', 'other'],
  ])('maps %j to %s', (key, expected) => {
    expect(KEY_CLASSES[classifyKey(key)]).toBe(expected);
  });
});
