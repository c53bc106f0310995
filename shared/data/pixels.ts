/**
 * Pixels of a learner's images, as bytes: resized and turned grey or colour the same way in the
 * app, the command line and the exported TypeScript (which writes these functions out). Reads
 * nothing but its arguments.
 */

/** One image's pixels, row by row, `channels` bytes a pixel. */
export interface Pixels {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

/**
 * `image` at `width` × `height`, each new pixel the average of the old pixels it covers (in part,
 * weighted by how much): the box filter, which keeps thin strokes when shrinking. Growing an image
 * repeats its pixels.
 */
export function resizePixels(image: Pixels, width: number, height: number): Pixels {
  if (image.width === width && image.height === height) return image;
  const { channels } = image;
  const data = new Uint8Array(width * height * channels);
  const scaleX = image.width / width;
  const scaleY = image.height / height;
  const sums = new Float64Array(channels);
  for (let row = 0; row < height; row += 1) {
    const top = row * scaleY;
    const bottom = Math.min(top + scaleY, image.height);
    for (let column = 0; column < width; column += 1) {
      const left = column * scaleX;
      const right = Math.min(left + scaleX, image.width);
      sums.fill(0);
      let total = 0;
      for (let y = Math.floor(top); y < bottom; y += 1) {
        const coverY = Math.min(y + 1, bottom) - Math.max(y, top);
        for (let x = Math.floor(left); x < right; x += 1) {
          const weight = coverY * (Math.min(x + 1, right) - Math.max(x, left));
          const at = (y * image.width + x) * channels;
          for (let channel = 0; channel < channels; channel += 1)
            sums[channel] = (sums[channel] ?? 0) + weight * (image.data[at + channel] ?? 0);
          total += weight;
        }
      }
      const to = (row * width + column) * channels;
      for (let channel = 0; channel < channels; channel += 1)
        data[to + channel] = Math.round((sums[channel] ?? 0) / total);
    }
  }
  return { width, height, channels, data };
}

/**
 * `image` with `channels` channels: 1 (grey, by the ITU-R 601 weights Pillow and tf.image use) or
 * 3 (colour; a grey image repeats its value). An alpha channel (4) is dropped, over white.
 */
export function withChannels(image: Pixels, channels: 1 | 3): Pixels {
  if (image.channels === channels) return image;
  const count = image.width * image.height;
  const data = new Uint8Array(count * channels);
  for (let pixel = 0; pixel < count; pixel += 1) {
    const at = pixel * image.channels;
    const alpha = image.channels === 4 ? (image.data[at + 3] ?? 255) / 255 : 1;
    const over = (value: number) => value * alpha + 255 * (1 - alpha);
    const red = over(image.data[at] ?? 0);
    const green = image.channels >= 3 ? over(image.data[at + 1] ?? 0) : red;
    const blue = image.channels >= 3 ? over(image.data[at + 2] ?? 0) : red;
    if (channels === 1) data[pixel] = Math.round(0.299 * red + 0.587 * green + 0.114 * blue);
    else {
      data[pixel * 3] = Math.round(red);
      data[pixel * 3 + 1] = Math.round(green);
      data[pixel * 3 + 2] = Math.round(blue);
    }
  }
  return { width: image.width, height: image.height, channels, data };
}

/**
 * `image` in as few channels as it needs: 1 when every pixel is grey, else 3 (an alpha channel
 * dropped over white), so that a large folder is held at a quarter or three quarters of its RGBA.
 */
export function compactPixels(image: Pixels): Pixels {
  const colour = withChannels(image, 3);
  const { data } = colour;
  for (let at = 0; at < data.length; at += 3)
    if (data[at] !== data[at + 1] || data[at + 1] !== data[at + 2]) return colour;
  return withChannels(colour, 1);
}
