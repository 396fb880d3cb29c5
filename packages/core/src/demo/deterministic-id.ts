const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// cyrb53 (bryc, public domain): a fast 53-bit string hash with good spread. Not cryptographic —
// the demo only needs ids that are stable for one input and differ between inputs.
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * An id like OpenAI's (`chatcmpl-…`, `call_…`): `prefix` then `length` base-62 characters
 * derived from `seed`, so the same input always gets the same id. The seed text is hashed once
 * per 8 characters of output (each 53-bit hash gives 8 digits), salted by the round.
 */
export function deterministicId(prefix: string, seed: string, length: number): string {
  let id = prefix;
  for (let round = 0; id.length < prefix.length + length; round++) {
    let hash = cyrb53(seed, round);
    for (let digit = 0; digit < 8 && id.length < prefix.length + length; digit++) {
      id += ALPHABET[hash % 62];
      hash = Math.floor(hash / 62);
    }
  }
  return id;
}
