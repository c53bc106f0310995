import { describe, expect, it } from 'vitest';
import { allowedValues, formatParamValue, parseParamText } from './param-input';
import { float, int, ints, optionalInt, shape } from './params';

const text = { en: 'x', es: 'x' };

describe('parseParamText', () => {
  const units = int({ default: 32, description: text });

  it('accepts whole numbers in range', () => {
    expect(parseParamText(units, '50')).toEqual({ ok: true, value: 50 });
    expect(parseParamText(units, ' 7 ')).toEqual({ ok: true, value: 7 });
  });

  it.each(['0', '-3', '1.5', 'abc', '', '1e3', '0x10', '1000001', 'Infinity', 'NaN'])(
    'refuses %j for units, naming the allowed range',
    (typed) => {
      const parsed = parseParamText(units, typed);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.problem.en).toBe('Expected a whole number from 1 to 1,000,000.');
        expect(parsed.problem.es).toBe('Se espera un número entero de 1 a 1.000.000.');
      }
    },
  );

  it('keeps the bounds of a rate: 0 allowed, 1 refused', () => {
    const rate = float({ default: 0, min: 0, max: 1, maxExclusive: true, description: text });
    expect(parseParamText(rate, '0')).toEqual({ ok: true, value: 0 });
    expect(parseParamText(rate, '0.99')).toEqual({ ok: true, value: 0.99 });
    expect(parseParamText(rate, '1').ok).toBe(false);
    expect(allowedValues(rate).en).toBe('a number at least 0 and below 1');
    expect(allowedValues(rate).es).toBe('un número mayor o igual que 0 y menor que 1');
  });

  it('reads empty as the Keras default for optional integers', () => {
    const strides = optionalInt({ emptyMeans: text, description: text });
    expect(parseParamText(strides, '')).toEqual({ ok: true, value: null });
    expect(parseParamText(strides, '2')).toEqual({ ok: true, value: 2 });
    expect(parseParamText(strides, '0').ok).toBe(false);
  });

  it('reads tuples and shapes written with commas, brackets or parentheses', () => {
    const kernel = ints({ length: 2, default: [3, 3], description: text });
    expect(parseParamText(kernel, '5, 5')).toEqual({ ok: true, value: [5, 5] });
    expect(parseParamText(kernel, '(5,5)')).toEqual({ ok: true, value: [5, 5] });
    expect(parseParamText(kernel, '5').ok).toBe(false);
    expect(parseParamText(kernel, '5, 5, 5').ok).toBe(false);

    const target = shape({ default: [3, 8], allowInferred: true, description: text });
    expect(parseParamText(target, '[4, -1]')).toEqual({ ok: true, value: [4, -1] });
    expect(parseParamText(target, '-1, -1').ok).toBe(false);
    expect(parseParamText(target, '0, 3').ok).toBe(false);
  });

  it('reads None as a size left open where a shape allows it (an Input of sequences of any length)', () => {
    const free = shape({ default: [3, 8], allowFree: true, description: text });
    expect(parseParamText(free, 'None, 8')).toEqual({ ok: true, value: [null, 8] });
    expect(parseParamText(free, '(none,)')).toEqual({ ok: true, value: [null] });
    expect(allowedValues(free).en).toBe('1 to 4 positive whole numbers separated by commas (None leaves a size open)');
    const fixed = shape({ default: [3, 8], description: text });
    expect(parseParamText(fixed, 'None, 8').ok).toBe(false);
    expect(parseParamText(free, 'Nonesuch, 8').ok).toBe(false);
    expect(formatParamValue([null, 8])).toBe('None, 8');
  });

  it('formats values back the way they are typed', () => {
    expect(formatParamValue([3, 8])).toBe('3, 8');
    expect(formatParamValue(null)).toBe('');
    expect(formatParamValue(true)).toBe('true');
    expect(formatParamValue('relu')).toBe('relu');
  });
});
