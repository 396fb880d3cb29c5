const KEEP = 5;

/** What the polite live region says: the latest few announcements, each a new node. */
export class Announcements {
  items = $state.raw<{ id: number; text: string }[]>([]);
  #next = 0;

  say(text: string): void {
    const trimmed = text.trim();
    if (trimmed === '') return;
    this.items = [...this.items.slice(-(KEEP - 1)), { id: ++this.#next, text: trimmed }];
  }
}
