import { runChat } from '../src/index.js';
import { bodyOf, cut, workloads } from './streams.js';
const text = cut(workloads()[0]!.streams[0]!, 1024, 4096, 11);
async function drain(s: ReadableStream<unknown>) { const r = s.getReader(); while (!(await r.read()).done); }
for (let i = 0; i < 30; i++) await drain(runChat({ model: async () => bodyOf(text), messages: [{ role: 'user', content: 'x' }] }));
