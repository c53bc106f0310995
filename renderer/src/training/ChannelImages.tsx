/**
 * A layer's values as small images, one per channel (issue 19): the feature maps a convolution or
 * pooling layer makes of the playground's image, and a Conv2D's filters. Each image is coloured
 * against its own largest value, red positive and blue negative as the heatmaps are; hovering a
 * pixel names its place and value.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The side an image is drawn at, whatever its pixels: a 3×3 filter and a 28×28 map alike readable. */
const drawnSide = 64;

/**
 * A value's colour over white, as every view inside draws values: red for positive, blue for
 * negative, stronger as it nears the largest.
 */
export function shade(value: number, largest: number): [number, number, number] {
  const strength = largest > 0 ? Math.min(1, Math.abs(value) / largest) : 0;
  const [r, g, b] = value >= 0 ? [214, 64, 48] : [44, 98, 214];
  const mix = (channel: number) => Math.round(255 + (channel - 255) * strength);
  return [mix(r), mix(g), mix(b)];
}

interface Grid {
  height: number;
  width: number;
  /** The value of image `image` at row `y`, column `x`. */
  valueAt: (image: number, y: number, x: number) => number;
}

const ChannelImage = memo(function ChannelImage({
  grid,
  image,
  label,
  onHover,
}: {
  grid: Grid;
  image: number;
  label: string;
  onHover: (text: string | null) => void;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const { height, width, valueAt } = grid;
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    let largest = 0;
    for (let y = 0; y < height; y += 1)
      for (let x = 0; x < width; x += 1) largest = Math.max(largest, Math.abs(valueAt(image, y, x)));
    const pixels = context.createImageData(width, height);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const [r, g, b] = shade(valueAt(image, y, x), largest);
        const at = (y * width + x) * 4;
        pixels.data.set([r, g, b, 255], at);
      }
    }
    context.putImageData(pixels, 0, 0);
  }, [height, width, valueAt, image]);
  const scale = drawnSide / Math.max(height, width);
  return (
    <figure className="channel-image">
      <canvas
        ref={canvas}
        width={width}
        height={height}
        style={{ width: width * scale, height: height * scale }}
        onMouseMove={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          const x = Math.min(width - 1, Math.floor(((event.clientX - box.left) / box.width) * width));
          const y = Math.min(height - 1, Math.floor(((event.clientY - box.top) / box.height) * height));
          onHover(
            t('playground.inside.pixel', { label, row: y + 1, column: x + 1, value: valueAt(image, y, x).toFixed(3) }),
          );
        }}
        onMouseLeave={() => onHover(null)}
      />
      <figcaption>{label}</figcaption>
    </figure>
  );
});

/** Images side by side under one caption, with the hovered pixel's value below them. */
export function ChannelImages({
  caption,
  grid,
  count,
  labelOf,
  testId,
}: {
  caption: string;
  grid: Grid;
  count: number;
  labelOf: (image: number) => string;
  testId: string;
}) {
  const [hovered, setHovered] = useState<string | null>(null);
  return (
    <figure className="channel-images" data-testid={testId} data-images={count}>
      <figcaption>{caption}</figcaption>
      <div className="channel-grid">
        {Array.from({ length: count }, (_, image) => (
          <ChannelImage key={image} grid={grid} image={image} label={labelOf(image)} onHover={setHovered} />
        ))}
      </div>
      <p className="muted mono channel-hover" aria-live="polite">
        {hovered ?? '\u00a0'}
      </p>
    </figure>
  );
}

/** A (height, width, channels) output's channels as images, row-major values. */
export function featureMapGrid(shape: readonly number[], values: readonly number[]): Grid & { channels: number } {
  const [height = 1, width = 1, channels = 1] = shape;
  return {
    height,
    width,
    channels,
    valueAt: (channel, y, x) => values[(y * width + x) * channels + channel] ?? 0,
  };
}

/** A Conv2D kernel's (height, width, inputs, filters) filters as images, each for one input channel. */
export function filterGrid(
  shape: readonly number[],
  values: readonly number[],
  input: number,
): Grid & { filters: number } {
  const [height = 1, width = 1, inputs = 1, filters = 1] = shape;
  return {
    height,
    width,
    filters,
    valueAt: (filter, y, x) => values[((y * width + x) * inputs + input) * filters + filter] ?? 0,
  };
}
