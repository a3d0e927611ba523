import { apiBase } from "../api/http";

// The widths the images service makes without a signature (its openapi.yaml).
export const imageWidths = [160, 240, 320, 480, 640, 800, 960, 1280, 1600] as const;

export function imageUrl(id: string, width: number): string {
  return `${apiBase}/images/v1/images/${encodeURIComponent(id)}?w=${width}`;
}

// A srcset from `smallest` to `largest` pixels wide: the browser picks by
// the slot's size and the screen's density, and sends an Accept that lets
// the service answer AVIF or WebP.
export function imageSrcSet(id: string, smallest: number, largest: number): string {
  return imageWidths
    .filter((width) => width >= smallest && width <= largest)
    .map((width) => `${imageUrl(id, width)} ${width}w`)
    .join(", ");
}
