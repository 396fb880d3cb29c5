export interface ChunkLogView<T> {
  head: readonly T[];
  /** How many items between `head` and `tail` were not kept. */
  omitted: number;
  tail: readonly T[];
}

/** Keeps the first `keep` items, the last `keep` items (a ring), and a count of the rest. */
export class ChunkLog<T> {
  readonly #keep: number;
  readonly #head: T[] = [];
  #tail: T[] = [];
  #start = 0;
  count = 0;

  constructor(keep: number) {
    this.#keep = keep;
  }

  push(item: T): void {
    this.count++;
    if (this.#head.length < this.#keep) this.#head.push(item);
    else if (this.#tail.length < this.#keep) this.#tail.push(item);
    else {
      this.#tail[this.#start] = item; // the oldest makes room
      this.#start = (this.#start + 1) % this.#keep;
    }
  }

  view(): ChunkLogView<T> {
    const tail = [...this.#tail.slice(this.#start), ...this.#tail.slice(0, this.#start)];
    return { head: [...this.#head], omitted: this.count - this.#head.length - tail.length, tail };
  }
}
