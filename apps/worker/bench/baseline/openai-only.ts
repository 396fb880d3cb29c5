import OpenAI from 'openai';

// Baseline for `pnpm bench`: the openai SDK alone, bundled the same way as ours.
// eslint-disable-next-line no-restricted-exports -- a Worker entry is a default export
export default {
  async fetch(): Promise<Response> {
    const client = new OpenAI({ apiKey: 'unused', baseURL: 'http://127.0.0.1:9/v1' });
    return client.chat.completions.create({ model: 'm', messages: [], stream: true }).asResponse();
  },
};
