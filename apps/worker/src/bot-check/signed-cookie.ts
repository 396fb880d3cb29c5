// The pass a visitor gets for solving one challenge: `v1.<expiry>.<mac>`, where the MAC
// (HMAC-SHA-256) covers the expiry and the client key. Stateless — nothing is stored — so the
// worker needs no Durable Object round trip for a visitor that already passed. Binding it to
// the client key (IPv4 / IPv6 /64) means a pass copied to another network is worth nothing.

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

/**
 * An HMAC key derived from the Turnstile secret with HKDF, so the secret itself never keys
 * anything but siteverify, and a pass could not be replayed as any other MAC the worker makes.
 */
function passKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    key = crypto.subtle
      .importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey'])
      .then((base) =>
        crypto.subtle.deriveKey(
          {
            name: 'HKDF',
            hash: 'SHA-256',
            salt: new Uint8Array(0),
            info: encoder.encode('edgechat bot-check pass v1'),
          },
          base,
          { name: 'HMAC', hash: 'SHA-256', length: 256 },
          false,
          ['sign', 'verify'],
        ),
      );
    keys.set(secret, key);
  }
  return key;
}

const signed = (client: string, expiresAt: number) => encoder.encode(`v1|${expiresAt}|${client}`);

/** `expiresAt` in whole seconds since the epoch. */
export async function signPass(secret: string, client: string, expiresAt: number): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await passKey(secret), signed(client, expiresAt));
  return `v1.${expiresAt}.${base64url(new Uint8Array(mac))}`;
}

/**
 * Whether `value` is an unexpired pass for this client. `crypto.subtle.verify` compares the
 * MACs in constant time; a malformed value is simply not a pass.
 */
export async function verifyPass(
  secret: string,
  client: string,
  value: string,
  nowSeconds: number,
): Promise<boolean> {
  const match = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (match === null) return false;
  const expiresAt = Number(match[1]);
  const mac = fromBase64url(match[2] ?? '');
  if (expiresAt <= nowSeconds || mac === undefined) return false;
  return crypto.subtle.verify('HMAC', await passKey(secret), mac, signed(client, expiresAt));
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}
