/**
 * The zoom that a layer's text is sized against: the view's zoom taken down to one of a few
 * steps. Zoomed out, a compact layer's words grow in the canvas so that they stay readable on
 * screen; sized against the zoom itself, every layer changed size, was measured again and drew
 * again on every turn of the wheel (a 500-layer network zoomed at 2–4 frames a second,
 * bench/canvas-size.ts). Sized against a step at or below the zoom, text is as large on screen or
 * up to a step larger, and layers change size only when the zoom crosses a step. (A wire's label
 * is not a layer: it follows the zoom itself, and in a large network only the wires in view draw it
 * again.)
 */
export const textZoomSteps = [1, 0.8, 0.64, 0.5, 0.4, 0.32, 0.25, 0.2] as const;

/** The step at or below `zoom` (1 at full size and closer), or the zoom itself below the last step. */
export function textZoom(zoom: number): number {
  return textZoomSteps.find((step) => zoom >= step) ?? zoom;
}
