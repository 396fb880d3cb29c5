// ChatGPT's data export (Settings → Data controls → Export) has a `conversations.json`: an
// array of conversations, each a tree of nodes (`mapping`: id → { message, parent, children })
// with `current_node` the last message of the version on screen. Its branches map onto ours.

type Entry = Record<string, unknown>;

const isRecord = (value: unknown): value is Entry =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * ChatGPT conversations as stored conversations (still to be validated like any stored data),
 * or `undefined` when the array is not ChatGPT's export. Only what people wrote and read is
 * kept: user and assistant text. System prompts, tool traffic, hidden messages and non-text
 * content are left out, and their children hang from the nearest kept message.
 */
export function chatGptConversations(data: unknown[]): unknown[] | undefined {
  if (!data.every((entry) => isRecord(entry) && isRecord(entry.mapping))) return undefined;
  return (data as Entry[]).map((entry, index) => convert(entry, index));
}

interface Kept {
  id: string;
  role: 'user' | 'assistant';
  text: string;
}

function convert(entry: Entry, index: number): unknown {
  // Own keys only: a parent or child named `constructor` or `toString` is no node.
  const mapping = entry.mapping as Entry;
  const nodes: { message: unknown; parentId: string | null }[] = [];
  const keptParent = new Map<string, string | null>();
  const seen = new Set<string>();
  const roots = Object.keys(mapping).filter((id) => {
    const node = mapping[id];
    return (
      isRecord(node) && (typeof node.parent !== 'string' || !Object.hasOwn(mapping, node.parent))
    );
  });
  // Depth-first from the roots, iteratively (a hostile file may be deep) and once per node (or
  // cyclic): a parent is written before its children, as our tree wants.
  const stack: { id: string; parent: string | null }[] = roots
    .reverse()
    .map((id) => ({ id, parent: null }));
  while (stack.length > 0) {
    const { id, parent } = stack.pop() as { id: string; parent: string | null };
    if (seen.has(id)) continue;
    seen.add(id);
    const node = mapping[id];
    if (!isRecord(node)) continue;
    const kept = keptMessage(node.message, id);
    let below = parent;
    if (kept !== undefined) {
      nodes.push({
        message: { id: kept.id, role: kept.role, parts: [{ type: 'text', text: kept.text }] },
        parentId: parent,
      });
      below = kept.id;
    }
    keptParent.set(id, below);
    const children = Array.isArray(node.children) ? node.children : [];
    for (const child of [...children].reverse()) {
      if (typeof child === 'string' && Object.hasOwn(mapping, child))
        stack.push({ id: child, parent: below });
    }
  }
  const created = seconds(entry.create_time);
  const updated = seconds(entry.update_time) ?? created;
  const title = typeof entry.title === 'string' ? entry.title : '';
  return {
    id: typeof entry.id === 'string' && entry.id !== '' ? entry.id : `chatgpt-${index}`,
    title,
    titled: title !== '',
    createdAt: created ?? 0,
    updatedAt: updated ?? 0,
    tree: { nodes, chosen: chosenPath(mapping, entry.current_node, keptParent, nodes) },
    toolTimes: {},
    stopped: false,
  };
}

/** The version ChatGPT showed: from `current_node` up to the root, each kept node chosen. */
function chosenPath(
  mapping: Entry,
  current: unknown,
  keptParent: Map<string, string | null>,
  nodes: { message: unknown; parentId: string | null }[],
): Record<string, string> {
  const chosen: Record<string, string> = {};
  const parentOf = new Map(
    nodes.map((node) => [(node.message as { id: string }).id, node.parentId]),
  );
  if (typeof current !== 'string' || !Object.hasOwn(mapping, current)) return chosen;
  // The deepest kept message at or above the current node.
  let id = keptParent.get(current) ?? null;
  for (let steps = 0; id !== null && steps <= nodes.length; steps++) {
    const parent = parentOf.get(id);
    if (parent === undefined) break;
    Object.defineProperty(chosen, parent ?? '', {
      value: id,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    id = parent;
  }
  return chosen;
}

function keptMessage(message: unknown, nodeId: string): Kept | undefined {
  if (!isRecord(message) || !isRecord(message.author) || !isRecord(message.content))
    return undefined;
  const role = message.author.role;
  if (role !== 'user' && role !== 'assistant') return undefined;
  if (
    isRecord(message.metadata) &&
    message.metadata.is_visually_hidden_from_conversation === true
  ) {
    return undefined;
  }
  const { content_type: type, parts } = message.content;
  if ((type !== 'text' && type !== 'multimodal_text') || !Array.isArray(parts)) return undefined;
  const text = parts
    .filter((part): part is string => typeof part === 'string')
    .join('\n')
    .trim();
  if (text === '') return undefined;
  // The node's id, not the message's: node ids are the mapping's keys, so they are unique.
  return { id: nodeId, role, text };
}

function seconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? Math.round(value * 1000)
    : undefined;
}
