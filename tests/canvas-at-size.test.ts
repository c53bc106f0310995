/**
 * What keeps a large canvas fast without changing what it shows: the layers' boxes filed in a
 * grid answer a wire's label exactly as asking every layer did, and the steps a layer's text is
 * sized against keep it at least as large on screen as the zoom itself would, at most a step more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerBoxes, type Box } from '../renderer/src/canvas/layer-boxes';
import { placeLabel } from '../renderer/src/canvas/WireEdge';
import { textZoom, textZoomSteps } from '../renderer/src/canvas/text-zoom';

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// A small stretch of canvas, so that boxes often overlap, across the grid's cells.
const box = fc.record({
  x: fc.integer({ min: -1500, max: 1500 }),
  y: fc.integer({ min: -800, max: 800 }),
  width: fc.integer({ min: 0, max: 700 }),
  height: fc.integer({ min: 0, max: 300 }),
});
const layers = fc
  .array(box, { maxLength: 60 })
  .map((boxes) => boxes.map((layer, index) => ({ ...layer, id: `n${index}` })));

describe('the layers’ boxes in a grid', () => {
  it('give every layer a box overlaps, and each by its id', () => {
    fc.assert(
      fc.property(layers, box, (all, asked) => {
        const filed = layerBoxes(all);
        const near = filed.near(asked);
        for (const layer of all) {
          if (overlaps(asked, layer)) expect(near).toContain(layer);
          expect(filed.of(layer.id)).toBe(layer);
        }
      }),
    );
  });

  it('place a wire’s label where asking every layer placed it', () => {
    const wire = fc.record({ x: fc.integer({ min: -1500, max: 1500 }), y: fc.integer({ min: -800, max: 800 }) });
    const everyLayer = (all: readonly Box[]) => ({ near: () => all });
    fc.assert(
      fc.property(
        layers,
        wire,
        fc.double({ min: 0.2, max: 2.5, noNaN: true }),
        fc.string({ minLength: 1, maxLength: 24 }),
        (all, at, zoom, text) => {
          const ends = all.slice(0, 2);
          expect(placeLabel(text, at, ends, zoom, layerBoxes(all))).toEqual(
            placeLabel(text, at, ends, zoom, everyLayer(all)),
          );
        },
      ),
    );
  });
});

describe('the zoom a layer’s text is sized against', () => {
  it('is a step at or below the zoom: the text as large on screen or larger, by at most a step', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 2.5, noNaN: true }), (zoom) => {
        const step = textZoom(zoom);
        expect(textZoomSteps).toContain(step);
        expect(step).toBeLessThanOrEqual(zoom);
        // A 12.5 px word sized against the step, on screen at this zoom.
        const onScreen = (12.5 / step) * Math.min(zoom, 1);
        expect(onScreen).toBeGreaterThanOrEqual(12.5 - 1e-9);
        expect(onScreen).toBeLessThanOrEqual(12.5 * 1.3);
      }),
    );
  });

  it('changes only where the zoom crosses a step, a handful of times from closest to farthest', () => {
    const zooms = Array.from({ length: 231 }, (_, index) => (250 - index) / 100);
    const changes = zooms.filter((zoom, index) => index > 0 && textZoom(zoom) !== textZoom(zooms[index - 1] ?? zoom));
    expect(changes.length).toBe(textZoomSteps.length - 1);
  });
});
