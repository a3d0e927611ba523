// The search service marks matched words in titles as <mark>…</mark> in
// otherwise escaped HTML. This reads that into plain segments, so the page
// renders them as text and never parses markup from an answer.
export interface Segment {
  text: string;
  marked: boolean;
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'" };

function unescape(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, name: string) => entities[name] ?? "");
}

export function highlightSegments(html: string): Segment[] {
  const segments: Segment[] = [];
  const parts = html.split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part) segments.push({ text: unescape(part), marked });
  }
  return segments;
}
