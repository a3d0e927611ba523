// Every item of a cursor-paged list, up to `pagesAtMost` pages (a bound,
// so that a list larger than a page of the app expects stays cheap).
export async function collectPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; next_cursor?: string | null }>,
  pagesAtMost: number,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let taken = 0; taken < pagesAtMost; taken++) {
    const answer = await page(cursor);
    all.push(...answer.items);
    cursor = answer.next_cursor ?? undefined;
    if (!cursor) break;
  }
  return all;
}
