/**
 * The rate-limit key of a request's client: its IPv4 address, or its IPv6 /64 — one household
 * or one server gets a whole /64, so keying by the full address would give it 2^64 buckets.
 * Cloudflare sets `CF-Connecting-IP` and a client cannot override it there. Requests without
 * it (only possible off Cloudflare, e.g. a misconfigured proxy in front) share one bucket of
 * their own, `no-ip`, rather than escaping the limit.
 */
export function clientKey(request: Request): string {
  const ip = request.headers.get('cf-connecting-ip')?.trim() ?? '';
  if (ip === '') return 'no-ip';
  if (!ip.includes(':')) return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(ip) ? `ip4:${ip}` : 'no-ip';
  const groups = expandIPv6(ip);
  if (groups === undefined) return 'no-ip';
  // ::ffff:a.b.c.d is an IPv4 client.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return `ip4:${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return `ip6:${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (zone and embedded IPv4 handled), or undefined. */
function expandIPv6(text: string): number[] | undefined {
  let address = text.split('%', 1)[0] ?? '';
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (v4 !== null) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    address = `${address.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups = part.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN));
    return groups.some(Number.isNaN) ? undefined : groups;
  };
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  return [...head, ...Array<number>(missing).fill(0), ...tail];
}
