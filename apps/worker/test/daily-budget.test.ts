// The deployment's daily token budget (DAILY_TOKEN_BUDGET), counted in its DailyBudget Durable
// Object: checked before each turn, added to when the turn ends, on both the direct path and
// the chat's object. The tests share the deployment's count, so each sets the budget relative
// to what is already spent today.
import type { ScriptedModel } from '@edgechat/core/testing';
import { createScriptedModel } from '@edgechat/core/testing';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env as bindings } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { answerDeps } from '../src/answers/answer-deps.js';
import { createApp } from '../src/app.js';
import {
  BUDGET_OBJECT_NAME,
  secondsUntilUtcMidnight,
  utcDay,
} from '../src/limits/daily-budget-check.js';
import { chatId } from './answer-events.js';
import { chatInit, json, openaiEnv, testEnv, userSays } from './helpers.js';

const budget = () =>
  bindings.DAILY_BUDGET.get(bindings.DAILY_BUDGET.idFromName(BUDGET_OBJECT_NAME));
const usedToday = () => budget().used(utcDay(Date.now()));
/** At least one token spent today, so that a budget of `used` is spent. */
async function spentSoFar(): Promise<number> {
  const used = await usedToday();
  return used > 0 ? used : budget().add(utcDay(Date.now()), 10);
}

const usage = { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 };
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength;

afterEach(() => {
  delete answerDeps.model;
});

/** One chat read to its end, its background work (the budget's add) awaited. */
async function chat(
  model: ScriptedModel | undefined,
  vars: Record<string, string>,
  body = userSays('hi'),
) {
  const app = createApp({ rateLimiter: null, ...(model === undefined ? {} : { model }) });
  const ctx = createExecutionContext();
  const response = await app.request('/api/chat', chatInit(body), openaiEnv(vars), ctx);
  const text = await response.text();
  await waitOnExecutionContext(ctx);
  return { response, text };
}

describe('a spent budget', () => {
  it('refuses the turn with a 429 budget_spent and retry-after until 00:00 UTC; the model is not asked', async () => {
    const used = await spentSoFar();
    const model = createScriptedModel([{ text: 'never' }]);
    const before = secondsUntilUtcMidnight(Date.now());
    const { response, text } = await chat(model, { DAILY_TOKEN_BUDGET: String(used) });
    const after = secondsUntilUtcMidnight(Date.now());
    expect([response.status, JSON.parse(text)]).toEqual([
      429,
      {
        error: {
          code: 'budget_spent',
          message: "Today's budget for this demo is spent. It resets at 00:00 UTC.",
        },
      },
    ]);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(after);
    expect(retryAfter).toBeLessThanOrEqual(before);
    expect(model.requests).toEqual([]);
  });

  it('refuses a request with a chat id (the chat object path) the same way', async () => {
    const used = await spentSoFar();
    answerDeps.model = createScriptedModel([{ text: 'never' }]);
    const app = createApp({ rateLimiter: null });
    const response = await app.request(
      '/api/chat',
      chatInit({ id: chatId(), ...userSays('hi') }),
      openaiEnv({ DAILY_TOKEN_BUDGET: String(used) }),
    );
    expect([response.status, await json(response)]).toEqual([
      429,
      {
        error: {
          code: 'budget_spent',
          message: "Today's budget for this demo is spent. It resets at 00:00 UTC.",
        },
      },
    ]);
    expect((answerDeps.model as ScriptedModel).requests).toEqual([]);
  });

  it('never blocks the offline demo model (no key), and the demo adds nothing', async () => {
    const used = await spentSoFar();
    const app = createApp({ rateLimiter: null });
    const ctx = createExecutionContext();
    const response = await app.request(
      '/api/chat',
      chatInit(userSays('hello')),
      testEnv({ DAILY_TOKEN_BUDGET: '1' }),
      ctx,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('"type":"finish"');
    await waitOnExecutionContext(ctx);
    expect(await usedToday()).toBe(used);
  });

  it('is still a 422 for an invalid request: the cheap checks come first', async () => {
    const used = await spentSoFar();
    const { response } = await chat(undefined, { DAILY_TOKEN_BUDGET: String(used) }, {
      messages: [],
    } as never);
    expect(response.status).toBe(422);
  });
});

describe('counting a turn', () => {
  it('adds exactly the usage the upstream reported, summed over the steps', async () => {
    const before = await usedToday();
    const model = createScriptedModel([
      { toolCalls: [{ name: 'get_current_time', arguments: {} }], usage },
      { text: 'It is noon.', usage },
    ]);
    const { response, text } = await chat(model, { DAILY_TOKEN_BUDGET: String(before + 1e6) });
    expect(response.status).toBe(200);
    expect(text).toContain('"total_tokens":300');
    expect(await usedToday()).toBe(before + 300);
  });

  it('estimates a turn without usage: prompt bytes / 4 + output characters / 4', async () => {
    const before = await usedToday();
    const model = createScriptedModel([{ text: ['Hello ', 'there, ', 'friend.'] }]);
    const { response } = await chat(model, { DAILY_TOKEN_BUDGET: String(before + 1e6) });
    expect(response.status).toBe(200);
    const [request] = model.requests;
    const promptBytes = bytes(request!.messages) + bytes(request!.tools ?? []);
    const expected = Math.ceil(promptBytes / 4) + Math.ceil('Hello there, friend.'.length / 4);
    expect(await usedToday()).toBe(before + expected);
  });

  it('adds nothing for a turn the upstream refused', async () => {
    const before = await usedToday();
    const model = createScriptedModel([{ error: { status: 429 } }]);
    const { response } = await chat(model, { DAILY_TOKEN_BUDGET: String(before + 1e6) });
    expect(response.status).toBe(429);
    expect(await usedToday()).toBe(before);
  });

  it("counts an answer made by the chat's object when it ends", async () => {
    const before = await usedToday();
    answerDeps.model = createScriptedModel([{ text: 'From the object.', usage }]);
    const app = createApp({ rateLimiter: null });
    const response = await app.request(
      '/api/chat',
      chatInit({ id: chatId(), ...userSays('hi') }),
      openaiEnv({ DAILY_TOKEN_BUDGET: String(before + 1e6) }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('"type":"finish"');
    // The object adds on its own once the run ended, after the last event went out.
    const deadline = Date.now() + 2000;
    while ((await usedToday()) === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await usedToday()).toBe(before + 150);
  });

  it('once the turns spent the budget, the next one is refused', async () => {
    const before = await usedToday();
    const vars = { DAILY_TOKEN_BUDGET: String(before + 150) };
    const first = await chat(createScriptedModel([{ text: 'ok', usage }]), vars);
    expect(first.response.status).toBe(200);
    const second = await chat(createScriptedModel([{ text: 'no' }]), vars);
    expect(second.response.status).toBe(429);
  });
});

describe('a failing budget object', () => {
  it('fails closed: a 503 budget_unavailable with retry-after, and the model is not asked', async () => {
    const broken = {
      idFromName: () => bindings.DAILY_BUDGET.idFromName('x'),
      get: () => ({
        used: () => Promise.reject(new Error('object unreachable')),
      }),
    } as unknown as Env['DAILY_BUDGET'];
    const model = createScriptedModel([{ text: 'never' }]);
    const app = createApp({ rateLimiter: null, model });
    const response = await app.request('/api/chat', chatInit(userSays('hi')), {
      ...openaiEnv({ DAILY_TOKEN_BUDGET: '1000' }),
      DAILY_BUDGET: broken,
    } as Env);
    expect([response.status, response.headers.get('retry-after'), await json(response)]).toEqual([
      503,
      '10',
      {
        error: {
          code: 'budget_unavailable',
          message: "The service cannot check today's budget right now. Please try again shortly.",
        },
      },
    ]);
    expect(model.requests).toEqual([]);
  });
});

describe('the DailyBudget object', () => {
  const object = () => bindings.DAILY_BUDGET.get(bindings.DAILY_BUDGET.idFromName('test-days'));

  it('adds per day, keeps only today and yesterday, and ignores bad input', async () => {
    const days = object();
    expect(await days.add('2031-05-01', 10)).toBe(10);
    expect(await days.add('2031-05-01', 2.2)).toBe(13);
    expect(await days.add('2031-05-02', 1)).toBe(1);
    // Yesterday is kept: an isolate a moment behind at midnight must not wipe today's count.
    expect(await days.used('2031-05-01')).toBe(13);
    expect(await days.add('2031-05-03', 0)).toBe(0);
    expect([await days.used('2031-05-01'), await days.used('2031-05-02')]).toEqual([0, 1]);
    expect(await days.add('2031-05-02', -5)).toBe(1);
    expect(await days.add('2031-05-02', NaN)).toBe(1);
    expect(await days.add('yesterday', 5)).toBe(0);
    expect(await days.used("2031-05-02' OR 1=1 --")).toBe(0);
  });
});
