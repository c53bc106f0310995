/**
 * Small grayscale images drawn from their pixel values: the digits, their reconstructions, and
 * the drawing pad the learner paints a digit on.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Ink from 0 (paper) to 1 (black) as a solid grey. */
function inkColour(ink: number): string {
  const shade = Math.round(255 * (1 - Math.min(1, Math.max(0, ink))));
  return `rgb(${shade}, ${shade}, ${shade})`;
}

/** An image as a grid of squares, ink dark on paper, `values` in [0, 1] row by row. */
export function PixelImage({
  values,
  width,
  height,
  size = 6,
  label,
}: {
  values: readonly number[];
  width: number;
  height: number;
  size?: number;
  label: string;
}) {
  return (
    <svg
      className="pixel-image"
      width={width * size}
      height={height * size}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      {Array.from({ length: width * height }, (_, index) => {
        return (
          <rect
            key={index}
            x={index % width}
            y={Math.floor(index / width)}
            width={1}
            height={1}
            fill={inkColour(values[index] ?? 0)}
          />
        );
      })}
    </svg>
  );
}

/**
 * A photo-like image (a learner's own): `values` in [0, 1], light (1 is white), grey or colour,
 * row by row; drawn once on a canvas, its pixels kept sharp when enlarged.
 */
export function PhotoImage({
  values,
  width,
  height,
  channels,
  size = 3,
  label,
}: {
  values: ArrayLike<number>;
  width: number;
  height: number;
  channels: number;
  size?: number;
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(width, height);
    for (let pixel = 0; pixel < width * height; pixel += 1) {
      for (let channel = 0; channel < 3; channel += 1) {
        const value = values[pixel * channels + (channels === 3 ? channel : 0)] ?? 0;
        image.data[pixel * 4 + channel] = Math.round(255 * Math.min(1, Math.max(0, value)));
      }
      image.data[pixel * 4 + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }, [values, width, height, channels]);
  return (
    <canvas
      ref={canvas}
      className="photo-image"
      width={width}
      height={height}
      style={{ width: width * size, height: height * size }}
      role="img"
      aria-label={label}
    />
  );
}

/**
 * An 8×8 pad to draw a digit on: drag to paint, with a softer edge around each stroke as the
 * scanned digits have; right-drag or the eraser to rub out. Calls `onDraw` with ink from 0 to 16.
 */
export function DrawingPad({
  width,
  height,
  ink,
  onDraw,
}: {
  width: number;
  height: number;
  /** What the pad shows, ink from 0 to 16: the learner's drawing, or the image last asked about. */
  ink: readonly number[];
  onDraw: (ink: number[]) => void;
}) {
  const { t } = useTranslation();
  const painting = useRef<'paint' | 'erase' | null>(null);
  const cell = 22;

  const touch = (index: number, mode: 'paint' | 'erase') => {
    const next = [...ink];
    const row = Math.floor(index / width);
    const column = index % width;
    if (mode === 'erase') next[index] = 0;
    else {
      next[index] = 16;
      // Neighbours get some ink too: the scanned digits' strokes are a few pixels wide and soft.
      for (const [dr, dc] of [
        [0, 1],
        [1, 0],
        [0, -1],
        [-1, 0],
      ] as const) {
        const r = row + dr;
        const c = column + dc;
        if (r >= 0 && r < height && c >= 0 && c < width) next[r * width + c] = Math.max(next[r * width + c] ?? 0, 6);
      }
    }
    onDraw(next);
  };

  return (
    <div className="drawing-pad-wrap">
      <div
        className="drawing-pad"
        role="grid"
        aria-label={t('playground.pad')}
        style={{ gridTemplateColumns: `repeat(${width}, ${cell}px)` }}
        onPointerUp={() => (painting.current = null)}
        onPointerLeave={() => (painting.current = null)}
        onContextMenu={(event) => event.preventDefault()}
      >
        {Array.from({ length: width * height }, (_, index) => ink[index] ?? 0).map((value, index) => (
          <div
            key={index}
            role="gridcell"
            aria-label={`${Math.floor(index / width) + 1}, ${(index % width) + 1}`}
            className="drawing-pad-cell"
            data-testid="pad-cell"
            style={{ width: cell, height: cell, background: inkColour(value / 16) }}
            onPointerDown={(event) => {
              event.preventDefault();
              painting.current = event.button === 2 ? 'erase' : 'paint';
              touch(index, painting.current);
            }}
            onPointerEnter={() => {
              if (painting.current) touch(index, painting.current);
            }}
          />
        ))}
      </div>
      <button
        type="button"
        className="button-quiet"
        onClick={() => onDraw(Array.from({ length: width * height }, () => 0))}
      >
        {t('playground.clearPad')}
      </button>
    </div>
  );
}

/** One image of a dataset, drawn as its kind is: a learner's photo, or ink on paper. */
export function SampleImage({
  images,
  values,
  size,
  label,
}: {
  images: { height: number; width: number; channels: number; light?: boolean };
  values: Float32Array | Int32Array;
  size: number;
  label: string;
}) {
  return images.light ? (
    <PhotoImage
      values={values}
      width={images.width}
      height={images.height}
      channels={images.channels}
      size={Math.max(1, Math.round((size * 8) / Math.max(images.width, images.height)))}
      label={label}
    />
  ) : (
    <PixelImage values={Array.from(values)} width={images.width} height={images.height} size={size} label={label} />
  );
}
