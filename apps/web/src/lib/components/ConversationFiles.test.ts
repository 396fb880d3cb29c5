import { encodeUIMessageStream, type UIMessageChunk } from '@edgechat/core';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Conversations } from '../conversations.svelte.js';
import { CHATGPT_EXPORT } from '../export/chatgpt-fixture.js';
import { MAX_IMPORT_BYTES } from '../export/conversation-file.js';
import { en } from '../i18n/en.js';
import { STORAGE_KEY, type KeyValueStorage } from '../storage/index.js';
import ConversationFiles from './ConversationFiles.svelte';

const answer = (text: string) => () =>
  Promise.resolve(
    new Response(
      encodeUIMessageStream(
        new ReadableStream<UIMessageChunk>({
          start(controller) {
            controller.enqueue({ type: 'start' });
            controller.enqueue({ type: 'text-delta', id: 't', delta: text });
            controller.enqueue({ type: 'finish' });
            controller.close();
          },
        }),
      ),
    ),
  );

async function setup() {
  const data = new Map<string, string>();
  const storage: KeyValueStorage = {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
  let clock = 0;
  const conversations = new Conversations({
    storage,
    fetch: answer('Hello!') as unknown as typeof fetch,
    schedule: (callback: () => void) => callback(),
    defer: (save: () => void) => save(),
    now: () => (clock += 1000),
  });
  await conversations.active.send('Hi there');
  await conversations.active.regenerate();
  conversations.save();
  const ondone = vi.fn();
  const view = render(ConversationFiles, { conversations, ondone });
  const input = view.container.querySelector('input[type=file]') as HTMLInputElement;
  const upload = async (text: string, name = 'file.json') => {
    await userEvent.upload(input, new File([text], name, { type: 'application/json' }));
    // The file is read asynchronously; the result is announced when it is.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { conversations, data, ondone, upload };
}

/** What the export button downloads: the Blob handed to the object URL. */
async function exported(name: string): Promise<string> {
  let blob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((value) => {
    blob = value as Blob;
    return 'blob:test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  await userEvent.click(screen.getByRole('button', { name }));
  return (await blob?.text()) ?? '';
}

describe('ConversationFiles', () => {
  it('downloads the open conversation as Markdown (chosen path) and JSON (every version)', async () => {
    await setup();
    expect(await exported(en.exportMarkdown)).toBe(
      '# Hi there\n\n## You\n\nHi there\n\n## Assistant\n\nHello!\n',
    );
    const file = JSON.parse(await exported(en.exportJson));
    expect(file.format).toBe('edgechat.conversations');
    expect(file.version).toBe(2);
    expect(
      file.conversations[0].tree.nodes.map(
        (node: { message: { role: string }; parentId: string | null }) => node.message.role,
      ),
    ).toEqual(['user', 'assistant', 'assistant']);
  });

  it('refuses each bad file with its own message, and changes nothing', async () => {
    const { conversations, data, ondone, upload } = await setup();
    const list = conversations.list.map((meta) => meta.id);
    const stored = data.get(STORAGE_KEY);
    const ours = JSON.parse(await exported(en.exportJson));
    const cases: [string, string][] = [
      ['not json', en.importNotJson],
      ['{"format":"edgechat.conversations","version":99,"conversations":[]}', en.importNewer],
      ['{"hello":"world"}', en.importUnknown],
      [JSON.stringify({ ...ours, conversations: [] }), en.importEmpty],
      [
        JSON.stringify({
          ...ours,
          conversations: [{ ...ours.conversations[0], tree: { nodes: 'x', chosen: {} } }],
        }),
        en.importInvalid(1),
      ],
      [
        '{"format":"edgechat.conversations","version":2,"conversations":[{"__proto__":{"x":1}}]}',
        en.importInvalid(1),
      ],
      [' '.repeat(MAX_IMPORT_BYTES + 1), en.importTooLarge],
    ];
    const shown: string[] = [];
    for (const [text] of cases) {
      await upload(text);
      shown.push(screen.getByRole('alert').textContent?.trim() ?? '');
    }
    // A huge file is refused by its size: its text is never read.
    const huge = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(huge, 'size', { value: MAX_IMPORT_BYTES + 1 });
    const read = vi.spyOn(huge, 'text');
    await userEvent.upload(document.querySelector('input[type=file]') as HTMLInputElement, huge);
    await new Promise((resolve) => setTimeout(resolve, 0));
    shown.push(screen.getByRole('alert').textContent?.trim() ?? '');
    expect(read).not.toHaveBeenCalled();
    expect(shown).toEqual([...cases.map(([, message]) => message), en.importTooLarge]);
    expect(conversations.list.map((meta) => meta.id)).toEqual(list);
    expect(data.get(STORAGE_KEY)).toBe(stored);
    expect(ondone).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('imports our file and a ChatGPT export as new conversations, each opened with its versions', async () => {
    const { conversations, ondone, upload } = await setup();
    const original = conversations.activeId;
    const ours = await exported(en.exportJson);
    await upload(ours, 'mine.json');
    expect(screen.getByRole('status').textContent?.trim()).toBe(en.imported(1));
    expect(conversations.list).toHaveLength(2);
    expect(conversations.activeId).not.toBe(original);
    expect(conversations.active.messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
    ]);

    await upload(JSON.stringify(CHATGPT_EXPORT), 'conversations.json');
    expect(conversations.list.map((meta) => meta.title)).toEqual([
      ...CHATGPT_EXPORT.map((entry) => entry.title),
      'Hi there',
      'Hi there',
    ]);
    expect(ondone).toHaveBeenCalledTimes(2);
  });
});
