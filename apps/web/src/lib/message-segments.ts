import type { DynamicToolUIPart, UIMessagePart } from '@edgechat/core';

/** What a message shows, in order. Keys are part indexes: parts are only ever appended. */
export type Segment =
  | { kind: 'text'; key: number; text: string; streaming: boolean }
  | { kind: 'reasoning'; key: number; id: string; text: string; streaming: boolean }
  | { kind: 'tools'; key: number; parts: DynamicToolUIPart[] };

/**
 * Parts → segments: consecutive tool calls of one step form one group (they ran in parallel);
 * a `step-start` ends a group. Empty text, step markers and data parts show nothing.
 */
export function toSegments(parts: readonly UIMessagePart[], live: boolean): Segment[] {
  const segments: Segment[] = [];
  let group: Extract<Segment, { kind: 'tools' }> | undefined;
  parts.forEach((part, index) => {
    if (part.type === 'dynamic-tool') {
      if (group === undefined) {
        group = { kind: 'tools', key: index, parts: [] };
        segments.push(group);
      }
      group.parts.push(part);
      return;
    }
    group = undefined;
    if (part.type === 'text' && part.text !== '') {
      const streaming = live && part.state === 'streaming';
      segments.push({ kind: 'text', key: index, text: part.text, streaming });
    } else if (part.type === 'reasoning' && part.text !== '') {
      const streaming = live && part.state === 'streaming';
      // A part without the stream's id (another client's message) is known by its position.
      const id = part.id ?? `#${index}`;
      segments.push({ kind: 'reasoning', key: index, id, text: part.text, streaming });
    }
  });
  return segments;
}
