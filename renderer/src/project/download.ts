/** Saves a file: a download in the browser, Electron's save dialog in the desktop app. */
export function downloadFile(name: string, content: string | Uint8Array, type = 'application/octet-stream'): void {
  const part: BlobPart = typeof content === 'string' ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
