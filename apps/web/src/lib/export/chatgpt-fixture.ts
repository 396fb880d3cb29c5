// A conversations.json as ChatGPT exports it (shape of a real export, text made up): a hidden
// root and system message, a question edited once (two versions), a tool call, and the
// second version on screen.
const message = (
  id: string,
  role: string,
  parts: unknown[],
  extra: Record<string, unknown> = {},
) => ({
  id: `msg-${id}`,
  author: { role, name: null, metadata: {} },
  create_time: 1733300000,
  content: { content_type: 'text', parts },
  status: 'finished_successfully',
  metadata: {},
  recipient: 'all',
  ...extra,
});

export const CHATGPT_EXPORT = [
  {
    title: 'Seoul trip',
    create_time: 1733300000.123,
    update_time: 1733300600.5,
    mapping: {
      root: { id: 'root', message: null, parent: null, children: ['sys'] },
      sys: {
        id: 'sys',
        message: message('sys', 'system', [''], {
          metadata: { is_visually_hidden_from_conversation: true },
        }),
        parent: 'root',
        children: ['q1', 'q1b'],
      },
      q1: {
        id: 'q1',
        message: message('q1', 'user', ['Plan a day in Seoul']),
        parent: 'sys',
        children: ['a1'],
      },
      a1: {
        id: 'a1',
        message: message('a1', 'assistant', ['Start at Gyeongbokgung.']),
        parent: 'q1',
        children: [],
      },
      q1b: {
        id: 'q1b',
        message: message('q1b', 'user', ['Plan a day in Busan']),
        parent: 'sys',
        children: ['tool'],
      },
      tool: {
        id: 'tool',
        message: {
          ...message('tool', 'tool', ['search results']),
          content: { content_type: 'code', text: 'search("busan")' },
        },
        parent: 'q1b',
        children: ['a1b'],
      },
      a1b: {
        id: 'a1b',
        message: message('a1b', 'assistant', ['Start at Haeundae ', 'beach.']),
        parent: 'tool',
        children: [],
      },
    },
    current_node: 'a1b',
    id: 'conv-1',
  },
];
