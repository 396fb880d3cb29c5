// Baseline for the latency bench: the simplest chat worker possible. It forwards the prompt to
// the upstream with `stream: true` and pipes the upstream's SSE body back as it is — no
// validation, no tools, no parsing — so what edgechat adds shows as the difference.

interface PassThroughEnv {
  OPENAI_BASE_URL: string;
  OPENAI_API_KEY: string;
}

interface PassThroughBody {
  messages: { role: string; content: string }[];
}

export async function passThrough(request: Request, env: PassThroughEnv): Promise<Response> {
  const { messages } = await request.json<PassThroughBody>();
  const upstream = await fetch(`${env.OPENAI_BASE_URL}/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${env.OPENAI_API_KEY}`,
    },
    body: JSON.stringify({ model: 'gpt-4o', messages, stream: true }),
    signal: request.signal,
  });
  return new Response(upstream.body, {
    status: upstream.status,
    headers: {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      'content-encoding': 'identity',
    },
  });
}

// eslint-disable-next-line no-restricted-exports -- a Worker entry is a default export
export default {
  fetch: (request: Request, env: PassThroughEnv) => passThrough(request, env),
};
